/// <reference types="mocha" />
/**
 * The extension in a real VS Code (code-server's Node extension host), with the real
 * language client and the bundled server, on the fixture workspace (test/vscode/fixtures).
 * No sleeps: every wait is on an event (diagnostics, webview messages, renders).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { PtlApi } from '../../../client/src/extension';
import { CloseAction } from 'vscode-languageclient/node';
import { codeOf, diagnosticsWhere, EXTENSION_ID, hoverText, when } from './util';

const folder = () => vscode.workspace.workspaceFolders![0]!.uri;
const fixture = () => vscode.Uri.joinPath(folder(), 'xuchang.ptl');
/** 0-based: `  indicator 护理型床位占比 {` and its `actual   50 @2025` (a missed binding target). */
const NURSING_LINE = 25;
const NURSING_ACTUAL_LINE = 30;

suite('PTL extension in VS Code', () => {
  let api: PtlApi;
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    doc = await vscode.workspace.openTextDocument(fixture());
    await vscode.window.showTextDocument(doc);
    const ext = vscode.extensions.getExtension<PtlApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    api = await ext.activate();
    await api.ready();
  });

  test('the language id ptl is assigned to .ptl files', () => {
    assert.equal(doc.languageId, 'ptl');
  });

  test('the language client is running', () => {
    assert.equal(api.client()?.isRunning(), true);
  });

  test('diagnostics arrive with rule ids as codes (binding-target-missed on the missed binding target)', async () => {
    const ds = await diagnosticsWhere(fixture(), (d) => d.some((x) => codeOf(x) === 'binding-target-missed'), 'binding-target-missed');
    const missed = ds.find((x) => codeOf(x) === 'binding-target-missed')!;
    assert.equal(missed.range.start.line, NURSING_ACTUAL_LINE);
    assert.equal(missed.severity, vscode.DiagnosticSeverity.Error);
    assert.match(missed.message, /55/);
    assert.ok(ds.some((x) => codeOf(x) === 'progress-lagging'), 'the lagging indicator is reported too');
  });

  test('hover on an indicator shows its official name', async () => {
    const position = new vscode.Position(NURSING_LINE, doc.lineAt(NURSING_LINE).text.indexOf('护理型床位占比') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', fixture(), position);
    const text = hoverText(hovers);
    assert.match(text, /养老机构护理型床位占比/);
  });

  test('ptl.* settings changes reach the server without a reload', async () => {
    const sent = new Promise<string[]>((resolve) => {
      const s = api.server.onDidSendConfiguration((sections) => {
        s.dispose();
        resolve(sections);
      });
    });
    const before = api.client();
    await vscode.workspace.getConfiguration('ptl').update('tolerance', 0.1, vscode.ConfigurationTarget.Global);
    assert.deepEqual(await sent, ['ptl']);
    assert.equal(api.client(), before, 'no restart');
    await vscode.workspace.getConfiguration('ptl').update('tolerance', undefined, vscode.ConfigurationTarget.Global);
  });

  test('the dashboard opens, renders every indicator under its CSP, and counts the statuses', async () => {
    await vscode.window.showTextDocument(doc);
    let rows: number | undefined;
    const got = new Promise<void>((resolve) => {
      const s = api.dashboard.onDidReceiveMessage((m) => {
        if (m.type === 'rendered') {
          rows = m.rows as number;
          s.dispose();
          resolve();
        }
      });
    });
    const opened = await vscode.commands.executeCommand<boolean>('ptl.openDashboard', fixture());
    assert.equal(opened, true);
    assert.equal(api.dashboard.isOpen, true);
    await got; // the nonce'd script ran and rendered the rows
    assert.equal(rows, 7);
    const data = api.dashboard.lastData!;
    assert.deepEqual(
      data.rows.map((r) => r.status),
      ['achieved-early', 'lagging', 'missed', 'on-track', 'achieved-early', 'ahead', 'no-data'],
    );
    assert.deepEqual(data.binding, { total: 3, met: 1, onTrack: 0, lagging: 1, missed: 1, noData: 0 });
    assert.equal(data.rows[2]!.binding, true);
    assert.equal(data.rows[2]!.line, NURSING_LINE);
  });

  test('the dashboard updates live as the file changes', async () => {
    const updated = when(
      api.dashboard.onDidRender,
      () => (api.dashboard.lastData?.rows[2]?.status === 'achieved' ? true : undefined),
      'the dashboard to show the edited indicator as achieved',
    );
    const line = doc.lineAt(NURSING_ACTUAL_LINE);
    const at = line.text.indexOf('50');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(fixture(), new vscode.Range(NURSING_ACTUAL_LINE, at, NURSING_ACTUAL_LINE, at + 2), '56');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await updated;
    assert.equal(api.dashboard.lastData!.binding.missed, 0);
    // back to the file on disk
    const back = when(api.dashboard.onDidRender, () => (api.dashboard.lastData?.rows[2]?.status === 'missed' ? true : undefined), 'revert');
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await back;
  });

  test('the status bar counts the binding targets', async () => {
    await vscode.window.showTextDocument(doc);
    api.statusBar.update();
    assert.deepEqual(api.statusBar.counts, { total: 3, met: 1, onTrack: 0, lagging: 1, missed: 1, noData: 0 });
    assert.match(api.statusBar.item.text, /1\/3/);
    assert.equal(api.statusBar.item.command, 'ptl.openDashboard');
  });

  test('Show the cited source passage opens the plan text at the cited row', async () => {
    const editor = await vscode.window.showTextDocument(doc);
    const inside = new vscode.Position(NURSING_LINE + 2, 4);
    editor.selection = new vscode.Selection(inside, inside);
    const shown = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('ptl.showSource');
    assert.ok(shown, 'an editor was opened');
    assert.match(shown.document.uri.path, /xuchang-plan\.txt$/);
    const line = shown.document.lineAt(shown.selection.active.line).text;
    const near = [-2, -1, 0, 1, 2, 3, 4].map((d) => shown.document.lineAt(Math.min(shown.document.lineCount - 1, Math.max(0, shown.selection.active.line + d))).text).join('\n');
    assert.match(near, /养老机构护理型床位占比/, `cited row near line ${shown.selection.active.line + 1}: ${line}`);
  });

  test('go to definition on a citation opens the plan text at the cited row', async () => {
    const line = NURSING_LINE + 7;
    assert.match(doc.lineAt(line).text, /cite\s+专栏2 row 4/);
    const position = new vscode.Position(line, doc.lineAt(line).text.indexOf('row') + 1);
    const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', fixture(), position);
    assert.ok(found?.length, 'a definition is found');
    const first = found[0]!;
    const uri = 'targetUri' in first ? first.targetUri : first.uri;
    const range = 'targetRange' in first ? first.targetRange : first.range;
    assert.match(uri.path, /xuchang-plan\.txt$/);
    const plan = await vscode.workspace.openTextDocument(uri);
    assert.match(plan.lineAt(range.start.line).text + plan.lineAt(Math.min(plan.lineCount - 1, range.start.line + 2)).text, /养老机构护理型床位占比|^4/);
  });

  test('a quick fix is applied: a full-width colon typed through an IME becomes ASCII', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'quick-fix.ptl');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('indicator 甲 {\n  名称："甲指标"\n  unit %\n  target >= 55 @2025\n  anticipatory\n}\n'));
    const fixable = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(fixable);
    const ds = await diagnosticsWhere(uri, (d) => d.some((x) => codeOf(x) === 'fullwidth-punctuation'), 'fullwidth-punctuation');
    const hint = ds.find((x) => codeOf(x) === 'fullwidth-punctuation')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, hint.range);
    const fix = actions.find((a) => a.edit && a.kind?.value.startsWith('quickfix'));
    assert.ok(fix, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.equal(fixable.lineAt(1).text, '  名称:"甲指标"');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(uri);
  });

  test('Explain this rule opens the rule documentation', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('ptl.explainRule', 'binding-target-missed');
    assert.ok(uri);
    assert.match(uri.path, /docs\/rules\/binding-target-missed\.md$/);
    assert.match(fs.readFileSync(uri.fsPath, 'utf8'), /binding-target-missed/);
  });

  test('a PTL diagnostic offers "Explain rule" as a code action', async () => {
    const missed = vscode.languages.getDiagnostics(fixture()).find((x) => codeOf(x) === 'binding-target-missed')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', fixture(), missed.range);
    const explain = actions.find((a) => a.command?.command === 'ptl.explainRule');
    assert.ok(explain, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.deepEqual(explain.command!.arguments, ['binding-target-missed']);
  });

  test('Import indicators from a plan writes a .ptl beside it and opens it', async () => {
    const plan = vscode.Uri.joinPath(folder(), 'import-me.txt');
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('ptl.importPlan', plan);
    assert.ok(created);
    assert.match(created.path, /import-me\.ptl$/);
    const text = fs.readFileSync(created.fsPath, 'utf8');
    assert.match(text, /^plan /);
    assert.match(text, /source "import-me\.txt"/);
    assert.match(text, /养老机构护理型床位占比/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), created.toString());
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'ptl');
    // the server serves the new file too (it is clean, so no diagnostics: ask for its outline)
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', created);
    assert.ok(symbols?.length, 'the server answers for the imported file');
    assert.equal(vscode.languages.getDiagnostics(created).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length, 0);
  });

  test('Check the whole workspace finds every .ptl file and opens Problems', async () => {
    const count = await vscode.commands.executeCommand<number>('ptl.checkWorkspace');
    assert.ok(count >= 2, `found ${count} files`);
  });

  test('a server that dies is restarted, with a message; restarts are capped', async () => {
    const client = api.client()!;
    const before = client.serverProcess?.pid;
    assert.ok(before, 'the server runs in its own process');
    const restarted = when(client.onDidChangeState, () => (client.serverProcess?.pid && client.serverProcess.pid !== before && client.isRunning() ? true : undefined), 'the server to come back', 30000);
    process.kill(before, 'SIGKILL');
    await restarted;
    assert.equal(api.client(), client, 'the same client restarted its server');
    // the restart cleared the old diagnostics; the new server checks the file again
    await diagnosticsWhere(fixture(), (d) => d.some((x) => codeOf(x) === 'binding-target-missed'), 'diagnostics from the restarted server');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', fixture(), new vscode.Position(NURSING_LINE, 14));
    assert.match(hoverText(hovers), /养老机构护理型床位占比/);
    // 1 real crash so far; 3 more are restarted, the 5th within 3 minutes is not.
    const actions = [2, 3, 4, 5].map(() => api.server.serverClosed().action);
    assert.deepEqual(actions, [CloseAction.Restart, CloseAction.Restart, CloseAction.Restart, CloseAction.DoNotRestart]);
  });

  test('Restart the language server: a new client comes up and diagnostics return', async () => {
    const before = api.client();
    await vscode.commands.executeCommand('ptl.restartServer');
    await api.ready();
    assert.notEqual(api.client(), before);
    assert.equal(api.client()?.isRunning(), true);
    await diagnosticsWhere(fixture(), (d) => d.some((x) => codeOf(x) === 'binding-target-missed'), 'diagnostics from the new server');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', fixture(), new vscode.Position(NURSING_LINE, 14));
    assert.match(hoverText(hovers), /养老机构护理型床位占比/);
  });
});
