/**
 * The indicator dashboard: a webview beside the active .ptl editor with each
 * indicator's baseline → actual → target as a bar coloured by its status, binding
 * indicators marked, counts at the top. Clicking an indicator reveals it in the editor.
 * Live: recomputed (in process) as the document changes. Themed with VS Code's CSS
 * variables; strict CSP (no network, one nonce'd script, no inline handlers).
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { DashboardData, Engine } from './engine';
import { pick, type Localized } from '../../grammar/src/message';
import { ptlLocale } from './locale';

export class Dashboard implements vscode.Disposable {
  static readonly viewType = 'ptl.dashboard';
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** The data last sent to the webview (for tests and the status bar). */
  lastData: DashboardData | undefined;
  private readonly rendered = new vscode.EventEmitter<DashboardData>();
  readonly onDidRender = this.rendered.event;
  private readonly messages = new vscode.EventEmitter<{ type: string; [k: string]: unknown }>();
  /** Messages from the webview (tests use them to see the script ran). */
  readonly onDidReceiveMessage = this.messages.event;

  constructor(private readonly engine: Engine) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && e.document === this.document) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor?.document.languageId === 'ptl' && editor.document !== this.document) {
          this.document = editor.document;
          this.schedule(0);
        }
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (this.panel && e.affectsConfiguration('ptl')) {
          this.engine.reset();
          this.schedule(0);
        }
      }),
    );
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  show(document: vscode.TextDocument): void {
    this.document = document;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(Dashboard.viewType, strings().title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        enableCommandUris: false,
        localResourceRoots: [],
        retainContextWhenHidden: false,
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
      });
      this.panel.webview.onDidReceiveMessage((m) => this.onMessage(m));
      this.panel.webview.html = this.html(this.panel.webview);
    } else {
      this.panel.reveal(undefined, true);
    }
    this.update();
  }

  private schedule(delay = 250): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), delay);
  }

  update(): void {
    if (!this.panel || !this.document) return;
    let data: DashboardData;
    try {
      data = this.engine.dashboard(this.document, ptlLocale());
    } catch (e) {
      void this.panel.webview.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
      return;
    }
    this.lastData = data;
    this.panel.title = `${strings().title}: ${data.title}`;
    void this.panel.webview.postMessage({ type: 'data', data, strings: strings() });
    this.rendered.fire(data);
  }

  private async onMessage(m: { type: string; line?: number; character?: number; uri?: string }): Promise<void> {
    this.messages.fire(m);
    if (m.type === 'ready') this.update();
    if (m.type === 'reveal' && this.document && typeof m.line === 'number') {
      const position = new vscode.Position(m.line, m.character ?? 0);
      const editor = await vscode.window.showTextDocument(this.document, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(position, position) });
      editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  }

  private html(webview: vscode.Webview): string {
    const nonce = randomBytes(16).toString('base64');
    const csp = [`default-src 'none'`, `style-src ${webview.cspSource} 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`, `img-src data:`, `font-src ${webview.cspSource}`].join('; ');
    return `<!DOCTYPE html>
<html lang="${ptlLocale() === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${nonce}">${CSS}</style>
</head><body>
<header><h1 id="title"></h1><div id="file" class="muted"></div><div id="counts" class="counts"></div></header>
<main id="rows" role="list"></main>
<div id="error" class="error" hidden></div>
<script nonce="${nonce}">${SCRIPT}</script>
</body></html>`;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    this.disposables.forEach((d) => d.dispose());
    this.rendered.dispose();
    this.messages.dispose();
  }
}

/** The dashboard speaks the engine's language (ptl.locale), like its status labels. */
const STRINGS = {
  binding: { zh: '约束性指标', en: 'binding indicator' },
  bindingTargets: { zh: '约束性指标', en: 'Binding targets' },
  met: { zh: '已实现', en: 'met' },
  lagging: { zh: '滞后', en: 'lagging' },
  missed: { zh: '未实现', en: 'missed' },
  baseline: { zh: '基期', en: 'baseline' },
  actual: { zh: '完成', en: 'actual' },
  target: { zh: '目标', en: 'target' },
  empty: { zh: '此文件中还没有指标。', en: 'No indicators in this file yet.' },
  indicators: { zh: '项指标', en: 'indicators' },
  title: { zh: '指标看板', en: 'Indicator Dashboard' },
} satisfies Record<string, Localized>;

function strings(): Record<keyof typeof STRINGS, string> {
  const locale = ptlLocale();
  return Object.fromEntries(Object.entries(STRINGS).map(([k, v]) => [k, pick(v, locale)])) as Record<keyof typeof STRINGS, string>;
}

const CSS = `
body{font-family:var(--vscode-font-family);font-size:var(--vscode-font-size);color:var(--vscode-foreground);background:var(--vscode-editor-background);padding:0 16px 16px}
h1{font-size:1.3em;margin:12px 0 2px}
.muted{color:var(--vscode-descriptionForeground);font-size:.9em}
.counts,.legend{display:flex;flex-wrap:wrap;gap:6px;margin:8px 0}
.chip{border-radius:10px;padding:1px 8px;font-size:.85em;color:#fff;white-space:nowrap}
.bind{border:1px solid var(--vscode-editorError-foreground,#cf222e);color:var(--vscode-foreground);background:transparent}
.row{display:grid;grid-template-columns:minmax(140px,1.2fr) minmax(160px,2fr) auto;gap:10px;align-items:center;padding:6px 8px;border-bottom:1px solid var(--vscode-panel-border,rgba(128,128,128,.3));cursor:pointer;border-radius:4px}
.row:hover,.row:focus{background:var(--vscode-list-hoverBackground);outline:none}
.row:focus-visible{outline:1px solid var(--vscode-focusBorder)}
.name{font-weight:500}.name .star{color:var(--vscode-editorError-foreground,#cf222e);margin-left:4px}
.sub{color:var(--vscode-descriptionForeground);font-size:.85em}
.track{position:relative;height:8px;border-radius:4px;background:var(--vscode-editorWidget-border,rgba(128,128,128,.35))}
.fill{position:absolute;top:0;height:8px;border-radius:4px}
.mark{position:absolute;top:-4px;width:2px;height:16px;background:var(--vscode-foreground)}
.goal{position:absolute;top:-5px;width:10px;height:10px;transform:translateX(-5px) rotate(45deg);margin-top:3px;background:var(--vscode-descriptionForeground)}
.goal.binding{background:var(--vscode-editorError-foreground,#cf222e)}
.dot{position:absolute;top:-3px;width:14px;height:14px;border-radius:50%;transform:translateX(-7px);border:2px solid var(--vscode-editor-background)}
.nums{display:flex;gap:8px;justify-content:space-between;font-size:.8em;color:var(--vscode-descriptionForeground);margin-top:4px}
.error{color:var(--vscode-errorForeground);margin-top:12px}
.empty{color:var(--vscode-descriptionForeground);margin-top:16px}
`;

/** Runs in the webview: renders what the extension posts, reports clicks. No network, no eval. */
const SCRIPT = `(() => {
  const vscode = acquireVsCodeApi();
  const $ = (id) => document.getElementById(id);
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };
  function chip(text, color, cls) { const c = el('span', 'chip' + (cls ? ' ' + cls : ''), text); if (color) c.style.background = color; return c; }
  function render(d, s) {
    $('error').hidden = true;
    $('title').textContent = d.title; $('file').textContent = d.file + ' — ' + d.rows.length + ' ' + s.indicators;
    const counts = $('counts'); counts.replaceChildren();
    for (const l of d.legend) { const n = d.counts[l.status]; if (n) counts.append(chip(l.label + ' ' + n, l.color)); }
    const b = d.binding;
    if (b.total) counts.append(chip('★ ' + s.bindingTargets + ' ' + b.total + ': ' + s.met + ' ' + b.met + ' · ' + s.lagging + ' ' + b.lagging + ' · ' + s.missed + ' ' + b.missed, '', 'bind'));
    const rows = $('rows'); rows.replaceChildren();
    if (!d.rows.length) rows.append(el('div', 'empty', s.empty));
    for (const r of d.rows) {
      const row = el('div', 'row'); row.tabIndex = 0; row.setAttribute('role', 'listitem'); row.dataset.id = r.id; row.dataset.status = r.status || 'no-data';
      const name = el('div'); const n = el('div', 'name', r.name); if (r.binding) { const st = el('span', 'star', '★'); st.title = s.binding; n.append(st); }
      name.append(n, el('div', 'sub', [r.attribute, r.unit].filter(Boolean).join(' · ')));
      const bar = el('div');
      if (r.bar) {
        const vals = [r.bar.baseline, r.bar.target].concat(r.bar.actual === undefined || r.bar.actual === null ? [] : [r.bar.actual]);
        // The axis spans the indicator's own values (padded), so that progress is visible.
        const lo = Math.min(...vals), hi = Math.max(...vals), pad = (hi - lo) * 0.12 || Math.abs(hi) * 0.1 || 1;
        const min = lo - pad, max = hi + pad, span = max - min;
        const x = (v) => (((v - min) / span) * 100).toFixed(2) + '%';
        const track = el('div', 'track');
        const a = r.bar.actual === undefined || r.bar.actual === null ? r.bar.baseline : r.bar.actual;
        const fill = el('div', 'fill'); fill.style.left = x(Math.min(a, r.bar.baseline)); fill.style.width = ((Math.abs(a - r.bar.baseline) / span) * 100).toFixed(2) + '%'; fill.style.background = r.color;
        const base = el('div', 'mark'); base.style.left = x(r.bar.baseline); base.title = s.baseline + ' ' + r.bar.baseline;
        const goal = el('div', 'goal' + (r.binding ? ' binding' : '')); goal.style.left = x(r.bar.target); goal.title = s.target + ' ' + r.bar.target;
        track.append(fill, base, goal);
        if (r.bar.actual !== undefined && r.bar.actual !== null) { const dot = el('div', 'dot'); dot.style.left = x(r.bar.actual); dot.style.background = r.color; dot.title = s.actual + ' ' + r.bar.actual; track.append(dot); }
        const nums = el('div', 'nums'); nums.append(el('span', '', s.baseline + ' ' + (r.baseline || '—')), el('span', '', s.actual + ' ' + (r.actuals || '—')), el('span', '', s.target + ' ' + (r.targets || '—')));
        bar.append(track, nums);
      } else {
        bar.append(el('div', 'sub', [r.baseline, r.targets].filter(Boolean).join(' → ')));
      }
      const status = chip(r.statusLabel || '—', r.color);
      row.append(name, bar, status);
      const reveal = () => vscode.postMessage({ type: 'reveal', id: r.id, line: r.line, character: r.character });
      row.addEventListener('click', reveal);
      row.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); reveal(); } });
      rows.append(row);
    }
    vscode.setState({ uri: d.uri });
    vscode.postMessage({ type: 'rendered', rows: d.rows.length });
  }
  window.addEventListener('message', (e) => {
    const m = e.data;
    if (m.type === 'data') render(m.data, m.strings);
    else if (m.type === 'error') { $('error').hidden = false; $('error').textContent = m.message; }
  });
  vscode.postMessage({ type: 'ready' });
})();`;
