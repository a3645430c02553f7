/**
 * The semantic model of one file: its plan, series, tables, indicators (nested
 * ones flattened, each knowing its table and parent) and checks, with every
 * value field read into a typed form. Built once per parse; the rules read it.
 */
import type * as A from '../../../grammar/src/ast';
import { LEVELS } from '../../../grammar/src/keywords';
import { unitFromExpr, type Unit } from './units';

export interface Measure {
  field: A.BaselineField | A.TargetField | A.ActualField | A.ValueField;
  /** The year the value is for; a `@Y1..Y2` target is expanded into `years`. */
  years: number[];
  expr?: A.Expr;
  /** `—`: the plan gives none. */
  none: boolean;
  /** A qualitative target such as `"全覆盖"`. */
  text?: string;
  /** The comparison the target is held to. A target written without one means "reach it":
   *  at least it for an increasing indicator, at most it for a decreasing one. */
  op: A.ComparisonOp;
  /** Whether the comparison was written, as opposed to implied by the direction. */
  opWritten: boolean;
}

export interface IndicatorSymbol {
  kind: 'indicator';
  id: string;
  decl: A.IndicatorDecl;
  table?: A.TableDecl;
  parent?: IndicatorSymbol;
  name?: string;
  unitField?: A.UnitField;
  unit?: Unit;
  attributes: A.AttributeField[];
  attribute?: 'binding' | 'anticipatory';
  direction?: 'increase' | 'decrease';
  baselines: Measure[];
  targets: Measure[];
  actuals: Measure[];
  derive?: A.DeriveField;
  aligns?: A.AlignsField;
  cites: A.Citation[];
  notes: string[];
}

export interface SeriesSymbol {
  kind: 'series';
  id: string;
  decl: A.SeriesDecl;
  name?: string;
  unitField?: A.UnitField;
  unit?: Unit;
  values: Measure[];
}

export type ValueSymbol = IndicatorSymbol | SeriesSymbol;

export interface PlanInfo {
  decl: A.PlanDecl;
  id?: string;
  title?: string;
  source?: A.SourceField;
  period?: { from: number; to: number; field: A.PeriodField };
  region?: string;
  level?: 'nation' | 'province' | 'city' | 'county';
  parent?: A.ParentField;
}

export interface FileModel {
  plan?: PlanInfo;
  plans: A.PlanDecl[];
  uses: A.UseDecl[];
  tables: A.TableDecl[];
  indicators: IndicatorSymbol[];
  series: SeriesSymbol[];
  checks: A.CheckDecl[];
  /** Every declared id, in order, for duplicate detection and lookup. */
  symbols: Map<string, ValueSymbol>;
}

/**
 * The model of a parsed file. Given the model of the file before an edit that kept
 * most declarations as they were (see grammar/src/reparse.ts), the symbols of those
 * declarations are kept too, so results computed for them can be reused; told which
 * one indicator the edit replaced, only that indicator's symbols are made again.
 */
export function buildModel(file: A.PtlFile, previous?: FileModel, replaced?: { before: A.IndicatorDecl; after: A.IndicatorDecl }): FileModel {
  const patched = previous && replaced && withReplaced(previous, replaced.before, replaced.after);
  if (patched) return patched;
  const model = emptyModel();
  const kept = new Map<A.IndicatorDecl, IndicatorSymbol>();
  for (const s of previous?.indicators ?? []) kept.set(s.decl, s);
  for (const decl of file.declarations) {
    switch (decl.kind) {
      case 'Plan':
        model.plans.push(decl);
        model.plan ??= previous?.plan?.decl === decl ? previous.plan : planInfo(decl);
        break;
      case 'Use':
        model.uses.push(decl);
        break;
      case 'Series':
        model.series.push(seriesSymbol(decl));
        break;
      case 'Table':
        model.tables.push(decl);
        for (const indicator of decl.indicators) addIndicator(model, kept, indicator, decl, undefined);
        break;
      case 'Indicator':
        addIndicator(model, kept, decl, undefined, undefined);
        break;
      case 'Check':
        model.checks.push(decl);
        break;
    }
  }
  for (const s of model.series) if (!model.symbols.has(s.id)) model.symbols.set(s.id, s);
  for (const s of model.indicators) if (!model.symbols.has(s.id)) model.symbols.set(s.id, s);
  return model;
}

function emptyModel(): FileModel {
  return { plans: [], uses: [], tables: [], indicators: [], series: [], checks: [], symbols: new Map() };
}

/**
 * The previous model with one indicator declaration replaced: the symbols of the
 * indicator and of those nested in it (a contiguous run, in declaration order) are made
 * again, and everything else is shared. After every keystroke in a large file this spares
 * walking thousands of symbols. Undefined when the edit changed which ids are declared
 * there, and the whole model is built again.
 */
function withReplaced(previous: FileModel, before: A.IndicatorDecl, after: A.IndicatorDecl): FileModel | undefined {
  const start = previous.indicators.findIndex((s) => s.decl === before);
  const root = previous.indicators[start];
  if (!root) return undefined;
  let end = start + 1;
  while (end < previous.indicators.length && nestedIn(previous.indicators[end]!, root)) end++;
  const made = emptyModel();
  addIndicator(made, new Map(), after, root.table, root.parent);
  const old = previous.indicators.slice(start, end);
  if (made.indicators[0]?.decl !== after || made.indicators.length !== old.length || made.indicators.some((s, i) => s.id !== old[i]!.id)) return undefined;
  const symbols = new Map(previous.symbols);
  made.indicators.forEach((s, i) => {
    if (symbols.get(s.id) === old[i]) symbols.set(s.id, s);
  });
  const indicators = [...previous.indicators.slice(0, start), ...made.indicators, ...previous.indicators.slice(end)];
  return { ...previous, indicators, symbols };
}

function nestedIn(symbol: IndicatorSymbol, ancestor: IndicatorSymbol): boolean {
  for (let p = symbol.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

function addIndicator(model: FileModel, kept: Map<A.IndicatorDecl, IndicatorSymbol>, decl: A.IndicatorDecl, table: A.TableDecl | undefined, parent: IndicatorSymbol | undefined): void {
  const previous = kept.get(decl);
  const symbol = previous && previous.table === table && previous.parent === parent ? previous : indicatorSymbol(decl, table, parent);
  if (symbol) model.indicators.push(symbol);
  for (const child of decl.children) addIndicator(model, kept, child, table, symbol ?? parent);
}

function indicatorSymbol(decl: A.IndicatorDecl, table: A.TableDecl | undefined, parent: IndicatorSymbol | undefined): IndicatorSymbol | undefined {
  if (!decl.id) return undefined;
  const symbol: IndicatorSymbol = {
    kind: 'indicator',
    id: decl.id.name,
    decl,
    table,
    parent,
    name: decl.title?.value,
    attributes: [],
    baselines: [],
    targets: [],
    actuals: [],
    cites: [],
    notes: [],
  };
  for (const field of decl.fields) readIndicatorField(symbol, field);
  symbol.attribute = symbol.attributes[0]?.attribute;
  const implied = impliedComparison(symbol);
  for (const target of symbol.targets) if (!target.opWritten) target.op = implied;
  return symbol;
}

function readIndicatorField(symbol: IndicatorSymbol, field: A.Field): void {
  switch (field.field) {
    case 'name':
      if (field.value) symbol.name = field.value.value;
      return;
    case 'unit':
      symbol.unitField ??= field;
      if (field.unit && !symbol.unit) symbol.unit = unitFromExpr(field.unit);
      return;
    case 'attribute':
      symbol.attributes.push(field);
      return;
    case 'direction': {
      const value = field.direction?.name;
      if (value === 'increase' || value === '增加' || value === '上升') symbol.direction = 'increase';
      if (value === 'decrease' || value === '减少' || value === '下降') symbol.direction = 'decrease';
      return;
    }
    case 'baseline':
      symbol.baselines.push(measure(field));
      symbol.cites.push(...field.cites);
      return;
    case 'target':
      symbol.targets.push(measure(field));
      symbol.cites.push(...field.cites);
      return;
    case 'actual':
      symbol.actuals.push(measure(field));
      symbol.cites.push(...field.cites);
      return;
    case 'derive':
      symbol.derive ??= field;
      return;
    case 'aligns':
      symbol.aligns ??= field;
      return;
    case 'cite':
      if (field.citation) symbol.cites.push(field.citation);
      return;
    case 'note':
      if (field.value) symbol.notes.push(field.value.value);
      return;
    default:
      return;
  }
}

function seriesSymbol(decl: A.SeriesDecl): SeriesSymbol {
  const symbol: SeriesSymbol = { kind: 'series', id: decl.id?.name ?? '', decl, name: decl.title?.value, values: [] };
  for (const field of decl.fields) {
    if (field.field === 'unit' && !symbol.unitField) {
      symbol.unitField = field;
      if (field.unit) symbol.unit = unitFromExpr(field.unit);
    }
    if (field.field === 'name' && field.value) symbol.name = field.value.value;
    if (field.field === 'value' || field.field === 'baseline' || field.field === 'actual' || field.field === 'target') {
      symbol.values.push(measure(field));
    }
  }
  return symbol;
}

/** A bare target is held in the indicator's direction: declared, or from baseline to target. */
function impliedComparison(symbol: IndicatorSymbol): A.ComparisonOp {
  if (symbol.direction) return symbol.direction === 'decrease' ? '<=' : '>=';
  const base = literalValue(symbol.baselines.find((b) => b.expr));
  const target = literalValue(symbol.targets.find((t) => t.expr));
  return base !== undefined && target !== undefined && target < base ? '<=' : '>=';
}

/** The number a measure states in its indicator's own unit (`55`, not `55%` nor a reference); undefined for anything else. */
export function literalValue(m: Measure | undefined): number | undefined {
  return m?.expr?.kind === 'Number' && !m.expr.unit ? m.expr.value : undefined;
}

function measure(field: Measure['field']): Measure {
  const written = field.field === 'target' ? field.comparison?.op : undefined;
  const value = field.value;
  const expr = value && value.kind !== 'None' && value.kind !== 'String' ? value : undefined;
  const text = value?.kind === 'String' ? value.value : undefined;
  // One shape for every measure (absent parts undefined): the checks read thousands of them.
  return { field, years: yearsOf(field.year), expr, none: value?.kind === 'None', text, op: written ?? '=', opWritten: written !== undefined };
}

function yearsOf(year: A.YearSpec | undefined): number[] {
  if (!year || !Number.isFinite(year.from)) return [];
  const to = year.to !== undefined && Number.isFinite(year.to) ? year.to : year.from;
  if (to < year.from || to - year.from > 200) return [year.from];
  const years: number[] = [];
  for (let y = year.from; y <= to; y++) years.push(y);
  return years;
}

function planInfo(decl: A.PlanDecl): PlanInfo {
  const info: PlanInfo = { decl, id: decl.id?.name, title: decl.title?.value };
  for (const field of decl.fields) {
    if (field.field === 'source') info.source ??= field;
    if (field.field === 'period' && Number.isFinite(field.from) && Number.isFinite(field.to)) {
      info.period ??= { from: field.from!, to: field.to!, field };
    }
    if (field.field === 'region' && field.value) info.region = field.value.value;
    if (field.field === 'level' && field.value) info.level = LEVELS[field.value.name];
    if (field.field === 'parent') info.parent = field;
  }
  return info;
}

/** The last year a measure is stated for, used to order milestones. */
export function lastYear(m: Measure): number | undefined {
  return m.years.at(-1);
}
