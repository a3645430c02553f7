/**
 * One-line descriptions of what the source index found, so tests state expectations
 * as short, exact, readable strings (inline tables and fixture JSON) rather than long
 * object literals.
 *
 *   row:   `4 #4 养老机构护理型床位占比 [%] b=31.1@273 t=≥55@275 约束性 L269-277`
 *   value: `≥55@275` (op, number, unit, @line), `—@12` (none), `≥“不低于…”@245` (qualitative),
 *          `〔5000〕@3` (cumulative), `33000张(3.3万)@17` (scaled)
 *   prose: `L387:225+17 2025 养老机构护理型床位占比 = ≥55%@387`
 */
import type { ProseTarget, SourceRow, SourceTable, SourceValue } from '../../server/src/sources/types';

const OPS: Record<string, string> = { '>=': '≥', '<=': '≤', '~': '≈', '>': '>', '<': '<', '=': '=' };

export function describeValue(v: SourceValue | undefined): string {
  if (!v) return '';
  let s: string;
  if (v.none) s = '—';
  else if (v.value === undefined) s = `${OPS[v.op ?? ''] ?? ''}“${v.text}”`;
  else {
    s = `${OPS[v.op ?? ''] ?? ''}${v.value}${v.unit ?? ''}`;
    if (v.scale !== undefined) s += `(${v.written}${v.scale === 1e4 ? '万' : '亿'})`;
  }
  if (v.cumulative) s = `〔${s}〕`;
  return `${s}@${v.line}`;
}

export function describeRow(r: SourceRow): string {
  const parts = [`${r.index}`];
  if (r.number !== undefined) parts.push(`#${r.number}`);
  parts.push(r.name);
  if (r.unit) parts.push(`[${r.unit}]`);
  if (r.category) parts.push(`{${r.category}}`);
  if (r.baseline) parts.push(`b=${describeValue(r.baseline)}`);
  if (r.target) parts.push(`t=${describeValue(r.target)}`);
  if (r.actual) parts.push(`a=${describeValue(r.actual)}`);
  if (r.attribute) parts.push(r.attribute === 'binding' ? '约束性' : '预期性');
  parts.push(`L${r.firstLine}-${r.lastLine}`);
  return parts.join(' ');
}

/** The rows of a table, children indented under their parent. */
export function describeRows(t: SourceTable): string[] {
  const out: string[] = [];
  for (const r of t.rows) {
    out.push(describeRow(r));
    for (const c of r.children) out.push(`  └ ${describeRow(c)}`);
  }
  return out;
}

export function describeTable(t: SourceTable): string {
  const cols = t.columns.map((c, k) => (t.columnYears?.[k] !== undefined ? `${c}@${t.columnYears[k]}` : c));
  return `${t.id} ${t.kind ?? 'indicators'} L${t.firstLine}-${t.lastLine} [${cols.join(',')}]`;
}

export function describeProse(p: ProseTarget): string {
  const end = p.endLine !== undefined ? `→L${p.endLine}:${p.endColumn}` : '';
  return `L${p.line}:${p.column}+${p.length}${end} ${p.year} ${p.subject} = ${describeValue(p.value)}`;
}
