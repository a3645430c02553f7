/// <reference types="mocha" />
/**
 * Negative control: asks for a diagnostic no rule produces. This suite MUST fail; the runner
 * checks that it does, so a harness that silently reports success would be caught.
 */
import * as vscode from 'vscode';
import { diagnosticsWhere, codeOf } from './util';

suite('negative control (must fail)', () => {
  test('a diagnostic with a rule id that does not exist', async () => {
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'xuchang.ptl');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await diagnosticsWhere(uri, (ds) => ds.some((d) => codeOf(d) === 'no-such-rule'), 'rule no-such-rule', 8000);
  });
});
