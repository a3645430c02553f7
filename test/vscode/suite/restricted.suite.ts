/// <reference types="mocha" />
/**
 * Restricted mode: the runner opens the fixture folder with workspace trust enabled and not
 * granted. The extension still checks .ptl files but reads no plan text.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PtlApi } from '../../../client/src/extension';
import { codeOf, diagnosticsWhere, EXTENSION_ID } from './util';

const fixture = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, 'xuchang.ptl');

suite('PTL extension in an untrusted workspace', () => {
  let api: PtlApi;
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    doc = await vscode.workspace.openTextDocument(fixture());
    await vscode.window.showTextDocument(doc);
    api = await vscode.extensions.getExtension<PtlApi>(EXTENSION_ID)!.activate();
    await api.ready();
  });

  test('the workspace is not trusted, and the server is told so at initialize', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const options = api.client()!.clientOptions.initializationOptions as { trusted: boolean };
    assert.equal(options.trusted, false);
  });

  test('the file is still checked (rules that need no plan text)', async () => {
    await diagnosticsWhere(fixture(), (d) => d.some((x) => codeOf(x) === 'binding-target-missed'), 'binding-target-missed');
  });

  test('the in-process engine reads no plan text, yet the dashboard works', () => {
    const analysis = api.engine.analyze(doc);
    assert.equal(analysis.source, undefined, 'no plan text was read');
    const data = api.engine.dashboard(doc, 'en');
    assert.equal(data.rows.length, 7);
  });

  test('Show the cited source passage declines', async () => {
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(27, 4, 27, 4);
    assert.equal(await vscode.commands.executeCommand('ptl.showSource'), undefined);
  });

  (process.env.PTL_EXPECT_SERVER_TRUST ? test : test.skip)('the server reports no findings against the plan text', async () => {
    const ds = await diagnosticsWhere(fixture(), (d) => d.some((x) => codeOf(x) === 'binding-target-missed'), 'diagnostics');
    assert.deepEqual(ds.map(codeOf).filter((c) => /source|differs/.test(c ?? '')), []);
  });
});
