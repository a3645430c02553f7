/**
 * `ptl report`: per plan, a table of indicators (name, attribute, unit, baseline,
 * targets, actuals, status, citation) as Markdown, CSV, JSON or self-contained HTML
 * with an inline SVG bar per indicator (baseline → actual → target, coloured by status).
 */
import * as path from 'node:path';
import { pick, type Locale, type Localized } from '../../../../grammar/src/message';
import type { IndicatorSymbol, Measure } from '../../analysis/model';
import { STATUS_LABELS, type Status, type TargetStatus } from '../../analysis/status';
import type { CheckedFile } from './model';

export const REPORT_FORMATS = ['md', 'csv', 'json', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportRow {
  id: string;
  name: string;
  attribute: string;
  binding: boolean;
  unit: string;
  baseline: string;
  targets: string;
  actuals: string;
  status: Status | '';
  statusLabel: string;
  citation: string;
  bar?: { baseline: number; actual?: number; target: number };
}

export interface ReportPlan {
  file: string;
  title: string;
  rows: ReportRow[];
  counts: Partial<Record<Status, number>>;
}

const HEADERS: Record<string, Localized> = {
  name: { zh: '指标', en: 'Indicator' },
  attribute: { zh: '属性', en: 'Attribute' },
  unit: { zh: '单位', en: 'Unit' },
  baseline: { zh: '基期值', en: 'Baseline' },
  targets: { zh: '目标值', en: 'Targets' },
  actuals: { zh: '完成值', en: 'Actuals' },
  status: { zh: '状态', en: 'Status' },
  citation: { zh: '出处', en: 'Citation' },
};
const COLUMNS = ['name', 'attribute', 'unit', 'baseline', 'targets', 'actuals', 'status', 'citation'] as const;

export function buildReport(files: CheckedFile[], locale: Locale, cwd: string): ReportPlan[] {
  return files.filter((f) => f.model).map((file) => {
    const model = file.model!;
    const rows = model.indicators.map((i) => reportRow(i, (file.statuses ?? []).filter((s) => s.indicator === i), locale));
    const counts: Partial<Record<Status, number>> = {};
    for (const r of rows) if (r.status) counts[r.status] = (counts[r.status] ?? 0) + 1;
    const title = model.plan?.title ?? model.plan?.id ?? path.basename(file.path);
    return { file: path.relative(cwd, file.path) || file.path, title, rows, counts };
  });
}

function reportRow(i: IndicatorSymbol, statuses: TargetStatus[], locale: Locale): ReportRow {
  const unit = i.unitField?.unit?.text ?? '';
  const last = statuses.at(-1);
  const attribute = i.attribute === 'binding' ? pick({ zh: '约束性', en: 'binding' }, locale) : i.attribute === 'anticipatory' ? pick({ zh: '预期性', en: 'anticipatory' }, locale) : '';
  return {
    id: i.id,
    name: i.name ?? i.id,
    attribute,
    binding: i.attribute === 'binding',
    unit,
    baseline: i.baselines.map(measureText).join('; '),
    targets: i.targets.map(measureText).join('; '),
    actuals: i.actuals.map(measureText).join('; '),
    status: last?.status ?? '',
    statusLabel: last ? pick(STATUS_LABELS[last.status], locale) : '',
    citation: i.cites.map(citeText).join('; '),
    bar: last && last.baseline ? { baseline: last.baseline.value, actual: last.actual?.value, target: last.targetValue } : last ? { baseline: 0, actual: last.actual?.value, target: last.targetValue } : undefined,
  };
}

function measureText(m: Measure): string {
  const year = m.years.length > 1 ? `${m.years[0]}..${m.years.at(-1)}` : m.years[0] ?? '';
  const op = m.opWritten && m.op !== '=' ? `${m.op} ` : '';
  const value = m.none ? '—' : m.text !== undefined ? m.text : m.expr ? exprText(m) : '';
  return `${op}${value}${year ? ` (${year})` : ''}`;
}

function exprText(m: Measure): string {
  const value = m.field.value;
  return value && 'raw' in value && value.kind === 'Number' ? value.raw + (value.unit ? value.unit.text : '') : value && value.kind === 'Reference' ? value.path.map((p) => p.name).join('.') : '…';
}

function citeText(c: IndicatorSymbol['cites'][number]): string {
  return [c.file?.value, c.table?.name, c.row && `row ${c.row.value}`, c.line && `line ${c.line.value}`, c.quote && `“${c.quote.value}”`].filter(Boolean).join(' ');
}

export function formatReport(files: CheckedFile[], options: { format: ReportFormat; locale: Locale; cwd: string }): string {
  const plans = buildReport(files, options.locale, options.cwd);
  switch (options.format) {
    case 'md': return markdown(plans, options.locale);
    case 'csv': return csv(plans, options.locale);
    case 'json': return `${JSON.stringify({ version: 1, plans }, null, 2)}\n`;
    case 'html': return html(plans, options.locale);
  }
}

function markdown(plans: ReportPlan[], locale: Locale): string {
  const out: string[] = [];
  for (const plan of plans) {
    out.push(`## ${plan.title}`, '', `\`${plan.file}\` — ${countsText(plan.counts, locale)}`, '');
    out.push(`| ${COLUMNS.map((c) => pick(HEADERS[c]!, locale)).join(' | ')} |`, `|${COLUMNS.map(() => ' --- ').join('|')}|`);
    for (const r of plan.rows) {
      const cells = [r.name, r.attribute, r.unit, r.baseline, r.targets, r.actuals, r.statusLabel, r.citation];
      out.push(`| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`);
    }
    out.push('');
  }
  return `${out.join('\n')}`;
}

function csv(plans: ReportPlan[], locale: Locale): string {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const rows = [[pick({ zh: '文件', en: 'File' }, locale), ...COLUMNS.map((c) => pick(HEADERS[c]!, locale))]];
  for (const plan of plans) for (const r of plan.rows) rows.push([plan.file, r.name, r.attribute, r.unit, r.baseline, r.targets, r.actuals, r.statusLabel, r.citation]);
  return `\ufeff${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}

function countsText(counts: Partial<Record<Status, number>>, locale: Locale): string {
  const parts = (Object.keys(counts) as Status[]).map((s) => `${pick(STATUS_LABELS[s], locale)} ${counts[s]}`);
  return parts.length ? parts.join(locale === 'en' ? ', ' : '，') : pick({ zh: '暂无完成值', en: 'no actuals yet' }, locale);
}

export const STATUS_COLORS: Record<Status, string> = {
  achieved: '#1a7f37',
  'achieved-early': '#1a7f37',
  ahead: '#2da44e',
  'on-track': '#0969da',
  lagging: '#bf8700',
  missed: '#cf222e',
  'no-data': '#8c959f',
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The progress bar of one indicator: a track, the stretch from baseline to the latest
 * actual in the status colour, a tick at the baseline, a diamond at the target (red for
 * a binding one) and a dot at the actual. An indicator without a numeric target gets the
 * track alone, in the no-data colour. Every bar carries `data-status` and `class="bar"`.
 */
function bar(r: ReportRow, locale: Locale): string {
  const color = r.status ? STATUS_COLORS[r.status] : STATUS_COLORS['no-data'];
  const open = `<svg class="bar" data-status="${r.status || 'none'}" width="240" height="24" viewBox="0 0 240 24" role="img" aria-label="${escapeHtml(`${r.name}: ${r.statusLabel || pick({ zh: '无数值目标', en: 'no numeric target' }, locale)}`)}">`;
  if (!r.bar) {
    return `${open}<rect class="track" x="4" y="9" width="232" height="6" rx="3" fill="${color}" fill-opacity="0.35"><title>${escapeHtml(pick({ zh: '无数值目标', en: 'no numeric target' }, locale))}</title></rect></svg>`;
  }
  const { baseline, actual, target } = r.bar;
  const values = [baseline, target, ...(actual !== undefined ? [actual] : [])];
  const min = Math.min(0, ...values);
  const max = Math.max(...values) || 1;
  // Markers stay 8px inside the 240px box so the target diamond (±5px) and the dot (r 5) are never clipped.
  const x = (v: number) => 8 + ((v - min) / (max - min || 1)) * 224;
  const words = locale === 'en' ? ['baseline', 'target', 'actual'] : ['基期值', '目标值', '完成值'];
  const hasBaseline = r.baseline !== '' && !r.baseline.startsWith('—');
  const parts = [
    `<rect class="track" x="4" y="9" width="232" height="6" rx="3" fill="#eaeef2"/>`,
    `<rect class="progress" x="${Math.min(x(baseline), x(actual ?? baseline)).toFixed(1)}" y="9" width="${Math.max(Math.abs(x(actual ?? baseline) - x(baseline)), actual !== undefined ? 2 : 0).toFixed(1)}" height="6" rx="3" fill="${color}"/>`,
    // No tick where the plan gives no baseline (the bar then starts at 0).
    ...(hasBaseline ? [`<line class="baseline" x1="${x(baseline).toFixed(1)}" y1="5" x2="${x(baseline).toFixed(1)}" y2="19" stroke="#57606a" stroke-width="2"><title>${words[0]} ${baseline}</title></line>`] : []),
    `<path class="target" d="M${x(target).toFixed(1)} 3 l5 9 l-5 9 l-5 -9 z" fill="${r.binding ? '#cf222e' : '#57606a'}"><title>${words[1]} ${target}</title></path>`,
  ];
  if (actual !== undefined) parts.push(`<circle class="actual" cx="${x(actual).toFixed(1)}" cy="12" r="5" fill="${color}" stroke="#fff" stroke-width="1.5"><title>${words[2]} ${actual}</title></circle>`);
  return `${open}${parts.join('')}</svg>`;
}

function html(plans: ReportPlan[], locale: Locale): string {
  const title = pick({ zh: '规划指标报告', en: 'Plan indicator report' }, locale);
  const sections = plans.map((plan) => {
    const rows = plan.rows.map((r) => `<tr class="indicator${r.binding ? ' binding' : ''}" data-indicator="${escapeHtml(r.id)}" data-status="${r.status || 'none'}"><td>${escapeHtml(r.name)}${r.binding ? ' <span class="tag">★</span>' : ''}</td><td>${escapeHtml(r.attribute)}</td><td>${escapeHtml(r.unit)}</td><td>${escapeHtml(r.baseline)}</td><td>${escapeHtml(r.targets)}</td><td>${escapeHtml(r.actuals)}</td><td><span class="status" style="background:${r.status ? STATUS_COLORS[r.status] : '#8c959f'}">${escapeHtml(r.statusLabel || '—')}</span></td><td>${bar(r, locale)}</td><td class="cite">${escapeHtml(r.citation)}</td></tr>`).join('\n');
    const head = [...COLUMNS.slice(0, 7).map((c) => pick(HEADERS[c]!, locale)), pick({ zh: '进度', en: 'Progress' }, locale), pick(HEADERS['citation']!, locale)];
    return `<section><h2>${escapeHtml(plan.title)}</h2><p class="file">${escapeHtml(plan.file)} — ${escapeHtml(countsText(plan.counts, locale))}</p>
<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>
${rows}
</tbody></table></section>`;
  }).join('\n');
  const legend = (Object.keys(STATUS_COLORS) as Status[]).map((s) => `<span class="status" style="background:${STATUS_COLORS[s]}">${escapeHtml(pick(STATUS_LABELS[s], locale))}</span>`).join(' ');
  return `<!DOCTYPE html>
<html lang="${locale === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:2rem;color:#1f2328}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{border-bottom:1px solid #d0d7de;padding:6px 8px;text-align:left;vertical-align:middle}
th{background:#f6f8fa}.status{color:#fff;border-radius:10px;padding:1px 8px;font-size:12px;white-space:nowrap}svg.bar{display:block}th,td:nth-child(2),td:nth-child(3),td:nth-child(7){white-space:nowrap}
tr.binding td:first-child{font-weight:600}.tag{color:#cf222e}.file,.cite{color:#57606a;font-size:12px}
@media print{body{margin:0}section{page-break-inside:avoid}}
</style></head><body>
<h1>${escapeHtml(title)}</h1><p>${legend} <span class="tag">★</span> ${escapeHtml(pick({ zh: '约束性指标', en: 'binding indicator' }, locale))}</p>
${sections}
</body></html>
`;
}
