// Runs in a VS Code whose workspace is not trusted (Restricted Mode).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandIds } from '../../src/ui/commandIds';

describe('Restricted Mode', () => {
  it('opens the workspace untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('still activates the extension, which declares limited support', async () => {
    const extension = vscode.extensions.getExtension('proof-of-fix.proof-of-fix');
    assert.ok(extension);
    await extension.activate();
    assert.equal(extension.isActive, true);
    await vscode.commands.executeCommand(CommandIds.showLog);
  });
});
