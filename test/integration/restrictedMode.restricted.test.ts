// Runs in a VS Code whose workspace is not trusted (Restricted Mode).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandIds } from '../../src/ui/commandIds';
import { activateApi, EXTENSION_ID } from './api';

describe('Restricted Mode', () => {
  it('opens the workspace untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('still activates the extension, which declares limited support', async () => {
    await activateApi();
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    await vscode.commands.executeCommand(CommandIds.showLog);
  });
});
