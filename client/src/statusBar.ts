/** The active plan's binding targets in the status bar: met / lagging / missed; click for the dashboard. */
import * as vscode from 'vscode';
import type { BindingCounts, Engine } from './engine';
import { ptlLocale } from './locale';

export class PlanStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  counts: BindingCounts | undefined;

  constructor(private readonly engine: Engine) {
    this.item = vscode.window.createStatusBarItem('ptl.status', vscode.StatusBarAlignment.Left, 50);
    this.item.name = vscode.l10n.t('PTL binding targets');
    this.item.command = 'ptl.openDashboard';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('ptl') && this.schedule(0)),
    );
    this.schedule(0);
  }

  private schedule(delay = 400): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), delay);
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'ptl') {
      this.item.hide();
      return;
    }
    try {
      const data = this.engine.dashboard(document, ptlLocale());
      const b = data.binding;
      this.counts = b;
      this.item.text = b.total ? `$(target) ${b.met}/${b.total} $(warning) ${b.lagging} $(error) ${b.missed}` : `$(target) ${vscode.l10n.t('{0} indicator(s)', data.rows.length)}`;
      const tip = new vscode.MarkdownString();
      tip.appendMarkdown(`**${data.title.replace(/[\\`*_[\]]/g, '\\$&')}**\n\n`);
      tip.appendMarkdown(
        b.total
          ? vscode.l10n.t('Binding targets: {0} met, {1} on track, {2} lagging, {3} missed, {4} without actuals (of {5}).', b.met, b.onTrack, b.lagging, b.missed, b.noData, b.total)
          : vscode.l10n.t('No binding indicators in this file.'),
      );
      tip.appendMarkdown(`\n\n${vscode.l10n.t('Click to open the indicator dashboard.')}`);
      this.item.tooltip = tip;
      this.item.backgroundColor = b.missed ? new vscode.ThemeColor('statusBarItem.errorBackground') : b.lagging ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
      this.item.show();
    } catch {
      this.item.hide();
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.item.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
