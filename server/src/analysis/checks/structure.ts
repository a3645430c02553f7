/**
 * Structure rules: duplicate ids, unknown references, attributes, units,
 * targets, cyclic definitions, and fields used where they mean nothing.
 */
import type * as A from '../../../../grammar/src/ast';
import { DIRECTIONS, LEVELS } from '../../../../grammar/src/keywords';
import type { CheckContext } from '../context';
import type { FileModel, IndicatorSymbol } from '../model';
import { closest } from '../similar';

/** The structure rules of the file as a whole: ids, the plan, series, references and cycles. */
export function checkFileStructure(ctx: CheckContext): void {
  checkDuplicates(ctx);
  checkPlans(ctx);
  for (const series of ctx.model.series) {
    if (!series.unitField) {
      const at = series.decl.id ?? series.decl.keyword;
      ctx.report('missing-unit', at, { zh: `序列「${series.id}」缺少单位（unit）`, en: `Series “${series.id}” has no unit` });
    }
  }
  checkReferences(ctx, fileLevelReferences(ctx.file));
  checkCycles(ctx);
}

function checkDuplicates(ctx: CheckContext): void {
  if (allDistinct(ctx.model)) return;
  const ids: A.Identifier[] = [];
  const add = (id: A.Identifier | undefined) => id && ids.push(id);
  for (const s of ctx.model.series) add(s.decl.id);
  for (const t of ctx.model.tables) add(t.id);
  for (const i of ctx.model.indicators) add(i.decl.id);
  for (const u of ctx.model.uses) add(u.alias);
  // The first declaration of a name is the one that comes first in the file.
  const first = new Map<string, A.Identifier>();
  for (const id of ids) {
    const earlier = first.get(id.name);
    if (!earlier || id.start < earlier.start) first.set(id.name, id);
  }
  if (first.size === ids.length) return;
  for (const id of ids) {
    const original = first.get(id.name)!;
    if (original === id) continue;
    const declared = ctx.lines.rangeOfSpan(original);
    ctx.report('duplicate-id', id, {
      zh: `标识符「${id.name}」重复，首次声明于第 ${declared.start.line + 1} 行`,
      en: `“${id.name}” is already declared on line ${declared.start.line + 1}`,
    }, { related: [{ file: ctx.path, range: declared, message: { zh: '首次声明', en: 'first declared here' } }] });
  }
}

/**
 * Whether every id is declared once, told by the model's symbol table (one entry per
 * distinct series and indicator id) and the few tables and imports: the check runs
 * after every keystroke, and thousands of ids need no second map when none repeats.
 */
function allDistinct(model: FileModel): boolean {
  if (model.symbols.size !== model.series.length + model.indicators.length) return false;
  const others = new Set<string>();
  for (const id of [...model.tables.map((t) => t.id), ...model.uses.map((u) => u.alias)]) {
    if (!id) continue;
    if (model.symbols.has(id.name) || others.has(id.name)) return false;
    others.add(id.name);
  }
  return true;
}

function checkPlans(ctx: CheckContext): void {
  for (const extra of ctx.model.plans.slice(1)) {
    ctx.report('duplicate-id', extra.keyword, { zh: '一个文件只能声明一个规划（plan）', en: 'A file declares at most one plan' });
  }
  const plan = ctx.model.plan;
  if (!plan) return;
  for (const field of plan.decl.fields) {
    if (field.field === 'level' && field.value && !LEVELS[field.value.name]) {
      ctx.report('syntax-error', field.value, {
        zh: `层级「${field.value.name}」应为 nation/province/city/county（国家/省/市/县）之一`,
        en: `Level “${field.value.name}” must be one of nation, province, city, county`,
      });
    }
    if (!PLAN_FIELDS.has(field.field)) misplacedField(ctx, field, { zh: '规划', en: 'a plan' });
  }
  const period = plan.period;
  if (period && period.from > period.to) {
    ctx.report('year-order', period.field, {
      zh: `规划期 ${period.from}..${period.to} 的起始年晚于结束年`,
      en: `The plan period ${period.from}..${period.to} starts after it ends`,
    });
  }
}

const PLAN_FIELDS = new Set<A.FieldName>(['name', 'source', 'period', 'region', 'level', 'parent', 'note', 'cite']);
const INDICATOR_FIELDS = new Set<A.FieldName>(['name', 'unit', 'baseline', 'target', 'actual', 'attribute', 'direction', 'derive', 'aligns', 'cite', 'note']);

function misplacedField(ctx: CheckContext, field: A.Field, where: { zh: string; en: string }): void {
  ctx.report('syntax-error', field.keyword, {
    zh: `字段「${field.keyword.text}」不能用于${where.zh}`,
    en: `Field “${field.keyword.text}” does not belong in ${where.en}`,
  });
}

/** The structure rules of one indicator's own fields. */
export function checkIndicatorStructure(ctx: CheckContext, indicator: IndicatorSymbol): void {
  const at = indicator.decl.id ?? indicator.decl.keyword;
  for (const field of indicator.decl.fields) {
    if (!INDICATOR_FIELDS.has(field.field)) misplacedField(ctx, field, { zh: '指标', en: 'an indicator' });
    if (field.field === 'direction' && field.direction && !DIRECTIONS[field.direction.name]) {
      ctx.report('syntax-error', field.direction, {
        zh: `方向「${field.direction.name}」应为 increase 或 decrease（增加/减少）`,
        en: `Direction “${field.direction.name}” must be increase or decrease`,
      });
    }
  }
  checkSingleFields(ctx, indicator);
  checkReferences(ctx, fieldReferences(indicator.decl.fields));
  const distinct = new Set(indicator.attributes.map((a) => a.attribute));
  if (indicator.attributes.length === 0) {
    ctx.report('missing-attribute', at, {
      zh: `指标「${indicator.id}」缺少属性：约束性（binding）或预期性（anticipatory）`,
      en: `Indicator “${indicator.id}” needs an attribute: binding (约束性) or anticipatory (预期性)`,
    });
  } else if (distinct.size > 1) {
    for (const extra of indicator.attributes.slice(1)) {
      ctx.report('conflicting-attribute', extra, {
        zh: `指标「${indicator.id}」同时声明了约束性和预期性`,
        en: `Indicator “${indicator.id}” is declared both binding and anticipatory`,
      });
    }
  }
  const quantitative = indicator.targets.some((t) => t.expr) || indicator.baselines.some((b) => b.expr) || indicator.actuals.some((a) => a.expr);
  if (!indicator.unitField && quantitative && !indicator.derive) {
    ctx.report('missing-unit', at, { zh: `指标「${indicator.id}」缺少单位（unit）`, en: `Indicator “${indicator.id}” has no unit` });
  }
  if (indicator.targets.length === 0 && indicator.decl.children.length === 0) {
    ctx.report('missing-target', at, { zh: `指标「${indicator.id}」没有目标值（target）`, en: `Indicator “${indicator.id}” has no target` });
  }
}

const SINGLE_FIELDS: ReadonlySet<string> = new Set(['name', 'unit', 'derive', 'aligns', 'direction']);

/** name, unit, derive and aligns may appear once; a second one is reported where it stands. */
function checkSingleFields(ctx: CheckContext, indicator: IndicatorSymbol): void {
  const seen = new Set<string>();
  for (const field of indicator.decl.fields) {
    if (!SINGLE_FIELDS.has(field.field)) continue;
    if (!seen.has(field.field)) {
      seen.add(field.field);
      continue;
    }
    ctx.report('duplicate-id', field.keyword, {
      zh: `指标「${indicator.id}」的字段「${field.keyword.text}」重复`,
      en: `Field “${field.keyword.text}” is repeated in indicator “${indicator.id}”`,
    });
  }
}

function checkReferences(ctx: CheckContext, refs: A.Reference[]): void {
  for (const ref of refs) {
    if (ctx.resolve(ref)) continue;
    const name = ref.path.map((p) => p.name).join('.');
    if (!name) continue;
    const importAlias = ref.path.length > 1 ? ref.path[0]!.name : undefined;
    const imported = importAlias ? ctx.imports.get(importAlias) : undefined;
    if (importAlias && ctx.model.uses.some((u) => u.alias?.name === importAlias) && !imported) continue;
    const candidates = imported ? [...imported.symbols.keys()].map((k) => `${importAlias}.${k}`) : [...ctx.model.symbols.keys()];
    const suggestions = closest(name, candidates, 3);
    const hint = suggestions.length ? { zh: `，是否指「${suggestions.join('」「')}」？`, en: `; did you mean ${suggestions.map((s) => `“${s}”`).join(', ')}?` } : { zh: '', en: '' };
    const written = { start: ref.path[0]!.start, end: ref.path.at(-1)!.end };
    const range = ctx.lines.rangeOfSpan(written);
    const fixes = suggestions.map((s) => ({
      title: { zh: `改为「${s}」`, en: `Change to “${s}”` },
      edits: [{ file: ctx.path, range, newText: s }],
      safe: false,
    }));
    if (ref.path.length === 1 && !ref.part && !ref.year) fixes.push(quoteFix(ctx, ref));
    ctx.report('unknown-reference', written, { zh: `未知的引用「${name}」${hint.zh}`, en: `Unknown reference “${name}”${hint.en}` }, { fixes });
  }
}

/** `target 全覆盖 @2025`: a word where a qualitative target was meant. */
function quoteFix(ctx: CheckContext, ref: A.Reference) {
  const name = ref.path[0]!.name;
  return {
    title: { zh: `改为文字目标 "${name}"`, en: `Make it the text target "${name}"` },
    edits: [{ file: ctx.path, range: ctx.lines.rangeOfSpan(ref.path[0]!), newText: `"${name}"` }],
    safe: false,
  };
}

/** The references written in value fields (an indicator's own, not its children's). */
function fieldReferences(fields: A.Field[]): A.Reference[] {
  const refs: A.Reference[] = [];
  for (const f of fields) {
    if (f.field === 'baseline' || f.field === 'target' || f.field === 'actual' || f.field === 'value') refs.push(...referencesIn(f.value));
    if (f.field === 'derive' || f.field === 'aligns') refs.push(...referencesIn(f.expr));
  }
  return refs;
}

/** The references outside indicators: in checks, series and the plan. */
function fileLevelReferences(file: A.PtlFile): A.Reference[] {
  const refs: A.Reference[] = [];
  for (const d of file.declarations) {
    if (d.kind === 'Check') refs.push(...referencesIn(d.left), ...referencesIn(d.right));
    if (d.kind === 'Series' || d.kind === 'Plan') refs.push(...fieldReferences(d.fields));
  }
  return refs;
}

/**
 * `derive` definitions that refer back to themselves. Runs after every edit, so only
 * indicators that refer to others take part, and the search keeps its own stack (a
 * chain of thousands of derivations must not overflow the engine's).
 */
function checkCycles(ctx: CheckContext): void {
  const edges = dependencyEdges(ctx);
  const state = new Map<IndicatorSymbol, 'visiting' | 'done'>();
  const reported = new Set<IndicatorSymbol>();
  for (const root of edges.keys()) {
    if (state.has(root)) continue;
    const path: IndicatorSymbol[] = [root];
    const next: number[] = [0];
    state.set(root, 'visiting');
    while (path.length) {
      const node = path.at(-1)!;
      const dep = edges.get(node)?.[next[next.length - 1]!++];
      if (!dep) {
        state.set(node, 'done');
        path.pop();
        next.pop();
      } else if (state.get(dep) === 'visiting') {
        reportCycle(ctx, path.slice(path.indexOf(dep)), reported);
      } else if (!state.has(dep)) {
        state.set(dep, 'visiting');
        path.push(dep);
        next.push(0);
      }
    }
  }
}

/** For each indicator whose derivation or targets refer to indicators of this file, those indicators. */
function dependencyEdges(ctx: CheckContext): Map<IndicatorSymbol, IndicatorSymbol[]> {
  const edges = new Map<IndicatorSymbol, IndicatorSymbol[]>();
  let declared: Set<IndicatorSymbol> | undefined;
  const local = (ref: A.Reference) => {
    const target = ctx.resolve(ref);
    declared ??= new Set(ctx.model.indicators);
    return target?.kind === 'indicator' && declared.has(target) ? [target] : [];
  };
  for (const indicator of ctx.model.indicators) {
    const refs = dependencyReferences(indicator);
    if (refs.length) edges.set(indicator, refs.flatMap(local));
  }
  return edges;
}

// A symbol is kept while its declaration is untouched, and so are the references in it.
const dependencyRefs = new WeakMap<IndicatorSymbol, A.Reference[]>();

function dependencyReferences(indicator: IndicatorSymbol): A.Reference[] {
  let refs = dependencyRefs.get(indicator);
  if (!refs) {
    refs = [indicator.derive?.expr, ...indicator.targets.map((t) => t.expr)].flatMap(referencesIn);
    dependencyRefs.set(indicator, refs);
  }
  return refs;
}

function reportCycle(ctx: CheckContext, cycle: IndicatorSymbol[], reported: Set<IndicatorSymbol>): void {
  const ids = [...cycle, cycle[0]!].map((c) => c.id);
  // A cycle through thousands of indicators is named by its ends: the message stays readable.
  const text = (ids.length > 9 ? [...ids.slice(0, 4), `…（${cycle.length}）…`, ...ids.slice(-3)] : ids).join(' → ');
  for (const member of cycle) {
    if (reported.has(member)) continue;
    reported.add(member);
    const at = member.derive ?? member.decl.id ?? member.decl.keyword;
    ctx.report('cyclic-definition', at, { zh: `循环定义：${text}`, en: `Cyclic definition: ${text}` });
  }
}

export function referencesIn(expr: A.Expr | A.StringLit | A.NoneLit | undefined): A.Reference[] {
  if (!expr) return [];
  if (expr.kind === 'Reference') return [expr];
  if (expr.kind === 'Binary') return [...referencesIn(expr.left), ...referencesIn(expr.right)];
  if (expr.kind === 'Unary') return referencesIn(expr.operand);
  if (expr.kind === 'Paren') return referencesIn(expr.expr);
  return [];
}
