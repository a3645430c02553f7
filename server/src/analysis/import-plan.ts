/**
 * A new `.ptl` file from a plan's text: a table per 专栏 with an indicator per
 * row, each citing its row, and the prose targets after them, each citing its
 * sentence. A prose target's attribute is left out when the plan does not state
 * it, so that the checker asks for it.
 */
import { KEYWORD_BY_SPELLING } from '../../../grammar/src/words';
import type { ProseTarget, SourceIndex, SourceRow, SourceTable, SourceValue } from '../sources/types';

export function generatePtl(index: SourceIndex, sourcePath: string): string {
  const ids = new Set<string>();
  const title = guessTitle(index);
  const out: string[] = [
    `plan ${uniqueId(title.replace(/[^\p{L}\p{N}_]/gu, '').slice(0, 20) || '规划', ids)} ${JSON.stringify(title)} {`,
    `  source ${JSON.stringify(sourcePath)}`,
  ];
  const years = index.tables.flatMap((t) => t.rows.map((r) => r.targetYear).filter((y): y is number => y !== undefined));
  const end = years.length ? Math.max(...years) : undefined;
  if (end) out.push(`  period ${end - 4}..${end}`);
  out.push('}', '');
  const namedRows = new Set<string>();
  for (const table of index.tables.filter((t) => t.rows.length > 0)) {
    out.push(`table ${uniqueId(table.id, ids)} ${JSON.stringify(table.title)} {`);
    for (const row of table.rows) {
      out.push(indicatorBlock(table, row, '  ', ids));
      namedRows.add(row.name);
    }
    out.push('}', '');
  }
  for (const prose of index.prose.filter((p) => !namedRows.has(p.subject) && p.subject)) out.push(proseBlock(prose, ids));
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

function guessTitle(index: SourceIndex): string {
  const line = index.lines.find((l) => /规划|意见|方案|纲要/.test(l) && !/[>›]|当前位置|首页/.test(l) && l.trim().length < 60);
  return (line ?? index.lines.find((l) => l.trim()) ?? '规划').trim().replace(/^#+\s*/, '');
}

/** An identifier from a name: letters and digits only, never a keyword, unique in the file. */
export function uniqueId(name: string, taken: Set<string>): string {
  let base = name.replace(/[^\p{L}\p{N}_]/gu, '') || '指标';
  if (!/^[\p{L}_]/u.test(base) || KEYWORD_BY_SPELLING.has(base)) base = `_${base}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}${n}`;
  taken.add(id);
  return id;
}

export function indicatorBlock(table: SourceTable, row: SourceRow, indent: string, ids: Set<string>): string {
  const lines = [`${indent}indicator ${uniqueId(row.name, ids)} {`, `${indent}  name     ${JSON.stringify(row.name)}`];
  if (row.unit) lines.push(`${indent}  unit     ${row.unit}`);
  if (row.baseline) lines.push(`${indent}  baseline ${valueText(row.baseline)} @${row.baselineYear ?? (row.targetYear ?? 2025) - 5}`);
  if (row.target) lines.push(`${indent}  target   ${opText(row.target)}${valueText(row.target)} @${row.targetYear ?? 2025}`);
  if (row.actual) lines.push(`${indent}  actual   ${valueText(row.actual)} @${row.targetYear ?? 2025}`);
  if (row.attribute) lines.push(`${indent}  ${row.attribute}`);
  lines.push(`${indent}  cite     ${table.id} row ${row.index}`);
  for (const child of row.children) lines.push(indicatorBlock(table, child, `${indent}  `, ids));
  lines.push(`${indent}}`);
  return lines.join('\n');
}

function proseBlock(prose: ProseTarget, ids: Set<string>): string {
  const lines = [`indicator ${uniqueId(prose.subject, ids)} {`, `  name     ${JSON.stringify(prose.subject)}`];
  if (prose.value.unit) lines.push(`  unit     ${prose.value.unit}`);
  lines.push(`  target   ${opText(prose.value)}${valueText(prose.value)} @${prose.year}`);
  lines.push(`  cite     line ${prose.line}`, '}', '');
  return lines.join('\n');
}

function opText(v: SourceValue): string {
  return v.op && v.op !== '=' && v.value !== undefined ? `${v.op} ` : '';
}

function valueText(v: SourceValue): string {
  if (v.none) return '—';
  if (v.value === undefined) return JSON.stringify(v.text);
  return numberText(v.value);
}

/** Large round numbers as the plans write them: 950000 → 95万, 33000 → 3.3万. */
export function numberText(value: number): string {
  for (const [suffix, scale] of [['亿', 1e8], ['万', 1e4]] as const) {
    const scaled = Math.round((value / scale) * 100) / 100;
    if (Math.abs(value) >= scale && Math.abs(scaled * scale - value) < 1e-6) return `${scaled}${suffix}`;
  }
  return String(value);
}
