/** The palette commands: import a plan, dashboard, check the workspace, cited passage, explain a rule. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { pick } from '../../grammar/src/message';
import { RULES, isRuleId } from '../../server/src/analysis/rules';
import type { Dashboard } from './dashboard';
import { generatePtl, indexSourceBytes, type Engine } from './engine';
import { ptlLocale } from './locale';

export const SOURCE_HIGHLIGHT = vscode.window.createTextEditorDecorationType({
  backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
  border: '1px solid',
  borderColor: new vscode.ThemeColor('editor.findMatchBorder'),
  isWholeLine: true,
  overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.findMatchForeground'),
  overviewRulerLane: vscode.OverviewRulerLane.Center,
});

/** ptl.importPlan: plan text (.txt) → a .ptl beside it, opened. Returns the new file's URI. */
export async function importPlan(arg?: vscode.Uri): Promise<vscode.Uri | undefined> {
  let planUri = arg instanceof vscode.Uri ? arg : undefined;
  if (!planUri) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      openLabel: vscode.l10n.t('Import Indicators'),
      title: vscode.l10n.t('Choose the plan text to import indicators from'),
      filters: { [vscode.l10n.t('Plan text')]: ['txt', 'md'] },
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    });
    planUri = picked?.[0];
  }
  if (!planUri) return undefined;
  const bytes = await vscode.workspace.fs.readFile(planUri);
  const target = planUri.with({ path: planUri.path.replace(/\.[^./]+$/, '') + '.ptl' });
  let exists = false;
  try {
    await vscode.workspace.fs.stat(target);
    exists = true;
  } catch {
    exists = false;
  }
  if (exists) {
    const overwrite = vscode.l10n.t('Overwrite');
    const choice = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Overwrite it?', path.posix.basename(target.path)), { modal: true }, overwrite);
    if (choice !== overwrite) return undefined;
  }
  const text = generatePtl(indexSourceBytes(bytes), path.posix.basename(planUri.path));
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(document);
  const count = (text.match(/^\s*indicator\s/gm) ?? []).length;
  void vscode.window.showInformationMessage(vscode.l10n.t('Imported {0} indicators into {1}.', count, path.posix.basename(target.path)));
  return target;
}

/** ptl.checkWorkspace: opens every .ptl file (so the server checks it), then the Problems panel. */
export async function checkWorkspace(limit = 1000): Promise<number> {
  const files = await vscode.workspace.findFiles('**/*.ptl', '**/{node_modules,.git,.test-work}/**', limit);
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking {0} policy-target files', files.length) }, async () => {
    for (const uri of files) await vscode.workspace.openTextDocument(uri);
  });
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  return files.length;
}

/** ptl.showSource: the plan passage the indicator (or citation) under the cursor stands for. */
export async function showSource(engine: Engine): Promise<vscode.TextEditor | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'ptl') {
    void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor in an indicator of a .ptl file first.'));
    return undefined;
  }
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage(vscode.l10n.t('PTL reads no plan text in an untrusted workspace.'));
    return undefined;
  }
  const { indicator, passage } = engine.passageAt(editor.document, editor.selection.active);
  if (!indicator) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor in an indicator of a .ptl file first.'));
    return undefined;
  }
  if (!passage) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No cited passage found for {0}.', indicator.name ?? indicator.id));
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(passage.file));
  const first = Math.max(0, passage.line - 1);
  const last = Math.min(document.lineCount - 1, Math.max(first, passage.lastLine - 1));
  const range =
    passage.column !== undefined && passage.length !== undefined && first === last
      ? new vscode.Range(first, passage.column, first, passage.column + passage.length)
      : new vscode.Range(first, 0, last, document.lineAt(last).text.length);
  const shown = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false, selection: new vscode.Range(range.start, range.start) });
  shown.setDecorations(SOURCE_HIGHLIGHT, [{ range: new vscode.Range(first, 0, last, document.lineAt(last).text.length), hoverMessage: pick(passage.what, ptlLocale()) }]);
  shown.revealRange(range, vscode.TextEditorRevealType.InCenter);
  return shown;
}

/** ptl.explainRule: the rule's documentation (bundled docs/rules/<id>.md) in a Markdown preview. */
export async function explainRule(context: vscode.ExtensionContext, arg?: unknown): Promise<vscode.Uri | undefined> {
  let id = typeof arg === 'string' ? arg : ruleFromCursor();
  if (!id || !isRuleId(id)) {
    const locale = ptlLocale();
    const picked = await vscode.window.showQuickPick(
      RULES.map((r) => ({ label: r.id, description: describe(r, locale) })),
      { placeHolder: vscode.l10n.t('Which rule?'), matchOnDescription: true },
    );
    id = picked?.label;
  }
  if (!id) return undefined;
  const uri = ruleDocUri(context, id);
  if (!uri) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No documentation found for rule {0}.', id));
    return undefined;
  }
  await vscode.commands.executeCommand('markdown.showPreview', uri);
  return uri;
}

function describe(rule: (typeof RULES)[number], locale: ReturnType<typeof ptlLocale>): string {
  return pick(rule.description, locale);
}

/** The rule of a PTL diagnostic under the cursor, if any. */
function ruleFromCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const at = editor.selection.active;
  const diagnostic = vscode.languages.getDiagnostics(editor.document.uri).find((d) => d.range.contains(at) && d.code !== undefined);
  const code = diagnostic?.code;
  return typeof code === 'object' ? String(code.value) : code !== undefined ? String(code) : undefined;
}

/** The packaged docs (client/docs/rules), else the repository's (running from source). */
export function ruleDocUri(context: vscode.ExtensionContext, id: string): vscode.Uri | undefined {
  for (const dir of [path.join(context.extensionPath, 'docs', 'rules'), path.join(context.extensionPath, '..', 'docs', 'rules')]) {
    const file = path.join(dir, `${id}.md`);
    if (fs.existsSync(file)) return vscode.Uri.file(file);
  }
  return undefined;
}

export function registerCommands(context: vscode.ExtensionContext, engine: Engine, dashboard: Dashboard, restart: () => Promise<void>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('ptl.importPlan', (uri?: vscode.Uri) => importPlan(uri)),
    vscode.commands.registerCommand('ptl.openDashboard', (uri?: vscode.Uri) => openDashboard(dashboard, uri)),
    vscode.commands.registerCommand('ptl.checkWorkspace', () => checkWorkspace()),
    vscode.commands.registerCommand('ptl.showSource', () => showSource(engine)),
    vscode.commands.registerCommand('ptl.explainRule', (id?: unknown) => explainRule(context, id)),
    vscode.commands.registerCommand('ptl.restartServer', () => restart()),
    // "Explain rule …" next to the server's own fixes, for every PTL diagnostic under the cursor.
    vscode.languages.registerCodeActionsProvider({ language: 'ptl' }, { provideCodeActions: explainActions }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  );
}

function explainActions(_document: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
  const ids = new Set<string>();
  for (const d of context.diagnostics) {
    const code = typeof d.code === 'object' ? String(d.code.value) : d.code !== undefined ? String(d.code) : undefined;
    if (code && isRuleId(code)) ids.add(code);
  }
  return [...ids].map((id) => {
    const action = new vscode.CodeAction(vscode.l10n.t('Explain rule {0}', id), vscode.CodeActionKind.QuickFix);
    action.command = { command: 'ptl.explainRule', title: action.title, arguments: [id] };
    action.diagnostics = context.diagnostics.filter((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)) === id);
    return action;
  });
}

async function openDashboard(dashboard: Dashboard, uri?: vscode.Uri): Promise<boolean> {
  let document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'ptl') document = vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'ptl')?.document;
  if (!document) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a .ptl file to see its indicator dashboard.'));
    return false;
  }
  dashboard.show(document);
  return true;
}
