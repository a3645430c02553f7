/**
 * Source rules: every name, number, unit and attribute checked against the plan
 * text it was copied from, and every row of the plan's tables accounted for.
 */
import type * as A from '../../../../grammar/src/ast';
import { findLine, findQuote, findRow, findTable, flattenRows, matchName, normalizeName } from '../../sources';
import type { ProseTarget, SourceRow, SourceTable, SourceValue } from '../../sources/types';
import type { CheckContext, LoadedSource } from '../context';
import { measureValue } from '../evaluate';
import { indicatorBlock } from '../import-plan';
import { literalValue, type IndicatorSymbol, type Measure } from '../model';
import type { RelatedLocation } from '../finding';
import { convert, parseUnitText, sameDimension } from '../units';

/** One indicator against the plan text; returns the row of the plan's tables it stands for. */
export function checkIndicatorSources(ctx: CheckContext, indicator: IndicatorSymbol): SourceRow | undefined {
  const row = checkCitations(ctx, indicator);
  const matched = row ?? nameMatch(ctx, indicator);
  if (!matched) return undefined;
  compareWithRow(ctx, indicator, matched.row, matched.source);
  checkContradiction(ctx, indicator, matched.row, matched.source);
  return matched.row;
}

/** Every row of the plan's tables that no indicator stands for. */
export function checkFileSources(ctx: CheckContext, declaredRows: ReadonlySet<SourceRow>): void {
  reportUndeclaredRows(ctx, declaredRows);
}

interface RowMatch {
  row: SourceRow;
  table?: SourceTable;
  source: LoadedSource;
}

/** Resolves every citation of the indicator; returns the row a `row` citation names. */
function checkCitations(ctx: CheckContext, indicator: IndicatorSymbol): RowMatch | undefined {
  let found: RowMatch | undefined;
  for (const cite of indicator.cites) {
    const source = cite.file ? ctx.loadSource(cite.file.value, cite.file) : ctx.source;
    if (!source) continue;
    if (cite.row) {
      const tableId = cite.table?.name ?? indicator.table?.id?.name;
      const hit = findRow(source.index, tableId, cite.row.value);
      if (!hit) {
        unresolved(ctx, cite, {
          zh: `规划文本${tableId ? `的「${tableId}」` : ''}中没有第 ${cite.row.value} 行`,
          en: `The plan text has no row ${cite.row.value}${tableId ? ` in “${tableId}”` : ''}`,
        });
        continue;
      }
      found ??= { row: rowOrChild(hit.row, indicator.name), table: hit.table, source };
    }
    if (cite.line && !findLine(source.index, cite.line.value)) {
      unresolved(ctx, cite, {
        zh: `规划文本只有 ${source.index.lines.length} 行，没有第 ${cite.line.value} 行`,
        en: `The plan text has ${source.index.lines.length} lines, not ${cite.line.value}`,
      });
    }
    if (cite.quote && !findQuote(source.index, cite.quote.value)) {
      unresolved(ctx, cite, { zh: '规划文本中找不到所引用的原文', en: 'The quoted passage is not in the plan text' });
    }
  }
  return found;
}

/** A 其中 sub-row shares its parent's number; the indicator's name says which is meant. */
function rowOrChild(row: SourceRow, name: string | undefined): SourceRow {
  if (!name || row.children.length === 0) return row;
  const wanted = normalizeName(name);
  return row.children.find((c) => normalizeName(c.name) === wanted) ?? row;
}

function unresolved(ctx: CheckContext, cite: A.Citation, message: { zh: string; en: string }): void {
  ctx.report('citation-unresolved', cite, message);
}

function nameMatch(ctx: CheckContext, indicator: IndicatorSymbol): RowMatch | undefined {
  const source = ctx.source;
  const nameField = indicator.decl.fields.find((f): f is A.NameField => f.field === 'name');
  const name = indicator.name;
  if (!source || !name) return undefined;
  const match = matchName(name, source.index);
  if (match.row) return { row: match.row, table: match.table, source };
  // Named in a sentence without a year or number: the name is still the plan's own.
  if (match.prose.length > 0 || findQuote(source.index, name)) return undefined;
  const at = nameField?.value ?? indicator.decl.title ?? indicator.decl.id;
  if (!at) return undefined;
  const suggestions = match.suggestions;
  const hint = suggestions.length
    ? { zh: `；最接近的名称：${suggestions.map((s) => `「${s}」`).join('')}`, en: `; closest: ${suggestions.map((s) => `“${s}”`).join(', ')}` }
    : { zh: '', en: '' };
  ctx.report('name-not-in-source', at, {
    zh: `规划文本中找不到指标名称「${name}」${hint.zh}`,
    en: `The plan text does not name “${name}”${hint.en}`,
  }, {
    fixes: suggestions.slice(0, 3).map((s) => ({
      title: { zh: `改为「${s}」`, en: `Use “${s}”` },
      edits: [{ file: ctx.path, range: ctx.lines.rangeOfSpan(at), newText: JSON.stringify(s) }],
      safe: false,
    })),
  });
  return undefined;
}

function compareWithRow(ctx: CheckContext, indicator: IndicatorSymbol, row: SourceRow, source: LoadedSource): void {
  checkAttribute(ctx, indicator, row, source);
  // With the unit wrong, every number would differ too; the unit is the one thing to fix.
  if (!checkUnit(ctx, indicator, row, source)) return;
  const baseline = indicator.baselines.find((b) => b.expr || b.none);
  if (baseline && row.baseline) compareValue(ctx, indicator, baseline, row.baseline, row, 'baseline', source);
  const target = pickTarget(indicator, row.targetYear);
  if (target && row.target) compareValue(ctx, indicator, target, row.target, row, 'target', source);
  const actual = indicator.actuals.find((a) => a.expr && a.field.field === 'actual' && a.field.cites.length === 0);
  if (actual && row.actual) compareValue(ctx, indicator, actual, row.actual, row, 'actual', source);
}

/** A finding's related location in the plan text: the cell when there is one, else the start of the line. Made only for a finding (most indicators agree with their row). */
function inPlanText(source: LoadedSource, value: SourceValue | undefined, line: number): RelatedLocation[] {
  return [{
    file: source.path,
    range: value ? { start: { line: value.line - 1, character: value.column }, end: { line: value.line - 1, character: value.column + value.length } } : lineRange(line),
    message: { zh: '规划原文', en: 'in the plan text' },
  }];
}

function lineRange(line: number) {
  return { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: 0 } };
}

function pickTarget(indicator: IndicatorSymbol, year: number | undefined): Measure | undefined {
  const withValue = indicator.targets.filter((t) => t.expr || t.text !== undefined);
  if (year !== undefined) return withValue.find((t) => t.years.includes(year)) ?? withValue.at(-1);
  return withValue.at(-1);
}

/** Whether the units agree (or cannot be compared); reports them when they differ. */
function checkUnit(ctx: CheckContext, indicator: IndicatorSymbol, row: SourceRow, source: LoadedSource): boolean {
  const written = indicator.unitField?.unit;
  if (!written || !row.unit || !indicator.unit) return true;
  const sourceUnit = parseUnitText(row.unit);
  if (!sourceUnit) return true;
  if (sameDimension(sourceUnit, indicator.unit) && Math.abs(sourceUnit.scale / indicator.unit.scale - 1) < 1e-9) return true;
  ctx.report('unit-differs-from-source', written, {
    zh: `单位「${written.text}」与规划原文的「${row.unit}」不一致`,
    en: `The unit “${written.text}” differs from the plan text's “${row.unit}”`,
  }, {
    related: inPlanText(source, undefined, row.nameLocation.line),
    fixes: [{ title: { zh: `改为「${row.unit}」`, en: `Use “${row.unit}”` }, edits: [{ file: ctx.path, range: ctx.lines.rangeOfSpan(written), newText: row.unit }], safe: true }],
  });
  return false;
}

function checkAttribute(ctx: CheckContext, indicator: IndicatorSymbol, row: SourceRow, source: LoadedSource): void {
  const field = indicator.attributes[0];
  if (!field || !row.attribute || field.attribute === row.attribute) return;
  const chinese = /[\u4e00-\u9fff]/.test(field.keyword.text);
  const replacement = row.attribute === 'binding' ? (chinese ? '约束性' : 'binding') : chinese ? '预期性' : 'anticipatory';
  const words = { binding: { zh: '约束性', en: 'binding' }, anticipatory: { zh: '预期性', en: 'anticipatory' } };
  ctx.report('attribute-differs-from-source', field, {
    zh: `属性「${words[field.attribute].zh}」与规划原文的「${words[row.attribute].zh}」不一致`,
    en: `The attribute ${words[field.attribute].en} differs from the plan text's ${words[row.attribute].en}`,
  }, {
    related: inPlanText(source, undefined, row.firstLine),
    fixes: [{ title: { zh: `改为「${replacement}」`, en: `Use “${replacement}”` }, edits: [{ file: ctx.path, range: ctx.lines.rangeOfSpan(field.keyword), newText: replacement }], safe: true }],
  });
}

const FIELD_WORDS = {
  baseline: { zh: '基期值', en: 'baseline' },
  target: { zh: '目标值', en: 'target' },
  actual: { zh: '完成值', en: 'actual' },
};

function compareValue(ctx: CheckContext, indicator: IndicatorSymbol, m: Measure, cell: SourceValue, row: SourceRow, which: keyof typeof FIELD_WORDS, source: LoadedSource): void {
  if (cell.none || cell.value === undefined) return;
  if (m.none) return;
  const ours = measureValue(indicator, m, ctx.resolve);
  if (!ours?.ok) return;
  const theirs = sourceValueIn(cell, row, indicator);
  if (theirs === undefined) return;
  const sameValue = Math.abs(ours.quantity.value - theirs) <= 1e-9 * Math.max(1, Math.abs(theirs));
  const sameOp = which !== 'target' || !cell.op || normalizeOp(cell.op) === normalizeOp(m.op);
  if (sameValue && sameOp) return;
  const unitText = indicator.unitField?.unit?.text ?? '';
  const ourText = `${which === 'target' && m.opWritten && m.op !== '=' ? `${m.op} ` : ''}${fmt(ours.quantity.value)}${unitText === '%' ? '%' : ''}`;
  const fixes = [];
  if (sameOp && m.expr && literalValue(m) !== undefined) {
    fixes.push({ title: { zh: `采用原文的数值 ${fmt(theirs)}`, en: `Take the plan's value ${fmt(theirs)}` }, edits: [{ file: ctx.path, range: ctx.lines.rangeOfSpan(m.expr), newText: fmt(theirs) }], safe: true });
  }
  ctx.report('value-differs-from-source', m.expr ?? m.field, {
    zh: `${FIELD_WORDS[which].zh} ${ourText} 与规划原文的「${cell.text}」不一致`,
    en: `The ${FIELD_WORDS[which].en} ${ourText} differs from the plan text's “${cell.text}”`,
  }, { related: inPlanText(source, cell, row.firstLine), fixes });
}

/** The source's number in the indicator's unit, when the units can be related. */
function sourceValueIn(cell: SourceValue, row: SourceRow, indicator: IndicatorSymbol): number | undefined {
  const unitText = cell.unit ?? row.unit;
  if (!unitText || !indicator.unit) return cell.value;
  const unit = parseUnitText(unitText);
  if (!unit) return cell.value;
  return convert(cell.value!, unit, indicator.unit) ?? cell.value;
}

function normalizeOp(op: string): string {
  return op === '>' ? '>=' : op === '<' ? '<=' : op;
}

const fmt = (n: number): string => String(Number(n.toPrecision(10)));

/** The table says one thing and the prose another, for the same indicator and year. */
function checkContradiction(ctx: CheckContext, indicator: IndicatorSymbol, row: SourceRow, source: LoadedSource): void {
  if (!row.target || row.target.value === undefined) return;
  const prose = matchName(row.name, source.index).prose.filter((p: ProseTarget) => p.value.value !== undefined && (row.targetYear === undefined || p.year === row.targetYear));
  for (const sentence of prose) {
    const a = sourceValueIn(row.target, row, indicator);
    const b = sourceValueIn(sentence.value, row, indicator);
    if (a === undefined || b === undefined || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a))) continue;
    const at = indicator.decl.id ?? indicator.decl.keyword;
    ctx.report('source-self-contradiction', at, {
      zh: `规划原文自相矛盾：表格第 ${row.firstLine} 行为「${row.target.text}」，正文第 ${sentence.line} 行为「${sentence.value.text}」（${sentence.year}年）`,
      en: `The plan contradicts itself: the table (line ${row.firstLine}) says “${row.target.text}”, the prose (line ${sentence.line}) “${sentence.value.text}” (${sentence.year})`,
    }, {
      related: [
        { file: source.path, range: lineRange(row.target.line), message: { zh: '表格', en: 'the table' } },
        { file: source.path, range: { start: { line: sentence.line - 1, character: sentence.column }, end: { line: sentence.line - 1, character: sentence.column + sentence.length } }, message: { zh: '正文', en: 'the prose' } },
      ],
    });
  }
}

function reportUndeclaredRows(ctx: CheckContext, declared: ReadonlySet<SourceRow>): void {
  const source = ctx.source;
  const at = ctx.model.plan?.source?.path;
  if (!source || !at) return;
  // Usually every row is cited: the names are gathered only for a row that is not.
  let declaredNames: Set<string | undefined> | undefined;
  for (const table of tablesDescribed(ctx, source)) {
    for (const row of flattenRows(table.rows)) {
      if (declared.has(row)) continue;
      declaredNames ??= new Set(ctx.model.indicators.map(normalizedName).filter(Boolean));
      if (declaredNames.has(normalizedName(row))) continue;
      ctx.report('source-row-undeclared', at, {
        zh: `规划原文「${table.id}」第 ${row.index} 行「${row.name}」没有对应的指标`,
        en: `Row ${row.index} of “${table.id}” in the plan text, “${row.name}”, has no indicator`,
      }, {
        related: [{ file: source.path, range: lineRange(row.firstLine), message: { zh: '规划原文中的这一行', en: 'this row of the plan text' } }],
        fixes: [{ title: { zh: `导入「${row.name}」`, en: `Import “${row.name}”` }, edits: [importEdit(ctx, table, row)], safe: false }],
      });
    }
  }
}

/** A file that declares some of the plan's 专栏 describes those; one that declares none, all of them. */
function tablesDescribed(ctx: CheckContext, source: LoadedSource): SourceTable[] {
  const declared = new Set(ctx.model.tables.map((t) => t.id && findTable(source.index, t.id.name)).filter(Boolean));
  return declared.size > 0 ? source.index.tables.filter((t) => declared.has(t)) : source.index.tables;
}

// Names are normalized once per symbol and per row: the check runs after every edit.
const normalizedNames = new WeakMap<object, string | undefined>();

function normalizedName(named: { name?: string }): string | undefined {
  if (normalizedNames.has(named)) return normalizedNames.get(named);
  const name = named.name === undefined ? undefined : normalizeName(named.name);
  normalizedNames.set(named, name);
  return name;
}


/** The indicator block for a row, appended at the end of the file. */
function importEdit(ctx: CheckContext, table: SourceTable, row: SourceRow) {
  const end = ctx.lines.positionAt(ctx.text.length);
  const ids = new Set(ctx.model.symbols.keys());
  return { file: ctx.path, range: { start: end, end }, newText: `\n${indicatorBlock(table, row, '', ids)}\n` };
}
