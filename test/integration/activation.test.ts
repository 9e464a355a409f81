import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandIds } from '../../src/ui/commandIds';
import { EXTENSION_ID } from './api';

describe('extension in a real VS Code', () => {
  it('is present and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers every command it contributes', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    for (const id of Object.values(CommandIds)) assert.ok(all.has(id), `${id} is not registered`);
  });

  it('contributes the Client Issues view, which opens', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const views = (extension?.packageJSON as { contributes: { views: Record<string, { id: string }[]> } }).contributes.views;
    assert.ok(views.proofOfFix?.some((v) => v.id === 'proofOfFix.issues'));
    // The view's focus command exists only when the workbench knows the view.
    await vscode.commands.executeCommand('proofOfFix.issues.focus');
  });

  it('runs Show Log without error', async () => {
    await vscode.commands.executeCommand(CommandIds.showLog);
  });

  it('opens on a workspace that is a real git repository', () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    assert.equal(vscode.workspace.isTrusted, true);
  });
});
