/**
 * Completion: keywords in the author's language first (detected from the file)
 * and the other language after them, units after `unit`, references where an
 * expression goes (`alias.x` after an imported alias), the fields the current
 * indicator still lacks, and the plan's table rows not yet declared — accepting
 * one inserts a whole indicator block prefilled from the row.
 */
import type * as A from '../../../../grammar/src/ast';
import { nested } from '../../../../grammar/src/spans';
import { KEYWORDS, isChineseSpelling, type KeywordId, type KeywordSpec } from '../../../../grammar/src/keywords';
import type { Localized } from '../../../../grammar/src/message';
import type { Position, Range } from '../../../../grammar/src/range';
import type { FileAnalysis } from '../analyze';
import { indicatorBlock } from '../import-plan';
import type { FileModel } from '../model';
import { describeUnit, parseUnitText } from '../units';
import type { SourceRow, SourceTable } from '../../sources/types';
import { ATTRIBUTE_WORDS } from './text';
import { ownItems, type BlockDecl } from './walk';
import { normalizeName } from '../../sources';
import { flattenRows } from '../../sources';

export type CompletionKind = 'keyword' | 'unit' | 'reference' | 'module' | 'snippet' | 'field' | 'enum';

export interface Completion {
  label: string;
  kind: CompletionKind;
  detail?: Localized;
  documentation?: Localized;
  insertText: string;
  /** The text the item replaces (the word being typed, or the whole line for a block). */
  range: Range;
  sortText: string;
  filterText?: string;
}

export type Language = 'zh' | 'en';

/** The language the author writes keywords in: the majority of the file's keywords, Chinese when none. */
const languageCache = new WeakMap<A.PtlFile, Language>();

export function keywordLanguage(analysis: FileAnalysis): Language {
  const file = analysis.parse.file;
  const cached = languageCache.get(file);
  if (cached) return cached;
  let zh = 0;
  let en = 0;
  const visit = (decl: A.Declaration) => {
    const own = ownKeywordCounts(decl);
    zh += own.zh;
    en += own.en;
    nested(decl).forEach(visit);
  };
  file.declarations.forEach(visit);
  const language = en > zh ? 'en' : 'zh';
  languageCache.set(file, language);
  return language;
}

/** Counted once per declaration: an edit makes a new tree but keeps the declarations it did not touch. */
const countCache = new WeakMap<A.Declaration, { zh: number; en: number }>();

function ownKeywordCounts(decl: A.Declaration): { zh: number; en: number } {
  const cached = countCache.get(decl);
  if (cached) return cached;
  const counts = { zh: 0, en: 0 };
  for (const item of ownItems(decl)) {
    const text = item.type === 'keyword' ? item.node.text : item.type === 'attribute' ? item.node.keyword.text : undefined;
    if (text === undefined) continue;
    if (isChineseSpelling(text)) counts.zh++;
    else counts.en++;
  }
  countCache.set(decl, counts);
  return counts;
}

const FIELDS_OF: Record<BlockDecl['kind'], KeywordId[]> = {
  Plan: ['source', 'period', 'region', 'level', 'parent'],
  Series: ['name', 'unit', 'value'],
  Table: ['indicator'],
  Indicator: ['name', 'unit', 'baseline', 'target', 'actual', 'binding', 'anticipatory', 'direction', 'derive', 'aligns', 'cite', 'note', 'indicator'],
};
const REPEATABLE = new Set<KeywordId>(['target', 'actual', 'cite', 'note', 'value', 'indicator']);
const TOP_LEVEL: KeywordId[] = ['plan', 'use', 'series', 'table', 'indicator', 'check'];
const EXPRESSION_AFTER = new Set<KeywordId>(['target', 'derive', 'aligns', 'baseline', 'actual', 'value', 'parent', 'check', 'ge', 'le', 'approx']);

const COMMON_UNITS = ['%', '‰', '倍', '元', '万元', '亿元', '元/人·月', '元/人·年', '人', '万人', '人次', '户', '个', '张', '万张', '所', '家', '平方米', '亩', '公顷', '年', '岁'];

const WORD_BEFORE = /[\p{L}_][\p{L}\p{M}\p{Nd}_]*$/u;

export function completion(analysis: FileAnalysis, position: Position): Completion[] {
  const lines = analysis.parse.lines;
  const offset = lines.offsetAt(position);
  const lineStart = lines.lineStart(position.line);
  const prefix = analysis.text.slice(lineStart, offset);
  const word = WORD_BEFORE.exec(prefix)?.[0] ?? '';
  const before = prefix.slice(0, prefix.length - word.length);
  const wordRange: Range = { start: { line: position.line, character: position.character - word.length }, end: position };
  const lang = keywordLanguage(analysis);
  const block = enclosingBlock(analysis, offset);
  const out: Completion[] = [];

  // `alias.` / `alias.x`: the imported file's indicators and series; `X.`: the parts of a value.
  const dotted = /([\p{L}_][\p{L}\p{M}\p{Nd}_]*)[.．]$/u.exec(before);
  if (dotted) {
    const head = dotted[1]!;
    const imported = analysis.imports.get(head);
    if (imported) return symbolCompletions(imported, wordRange);
    if (analysis.model.symbols.has(head)) {
      const parts: Array<[string, string]> = lang === 'zh' ? [['基础值', 'baseline'], ['目标值', 'target'], ['完成值', 'actual']] : [['baseline', '基础值'], ['target', '目标值'], ['actual', '完成值']];
      return parts.flatMap(([a, b], i) => [
        { label: a, kind: 'keyword' as const, insertText: a, range: wordRange, sortText: `0${i}` },
        { label: b, kind: 'keyword' as const, insertText: b, range: wordRange, sortText: `1${i}` },
      ]);
    }
    return [];
  }

  // After `unit` (or a number, where a unit may follow): units.
  const lastKeyword = /([\p{L}_][\p{L}\p{M}\p{Nd}_]*|[≥≤<>=~≈])\s+[^\s]*$/u.exec(prefix)?.[1];
  const lastId = lastKeyword ? keywordId(lastKeyword) : undefined;
  if (lastId === 'unit' && /\s$/.test(before) || /(?:unit|单位)\s+\S*$/u.test(prefix)) {
    const m = /(?:unit|单位)\s+(\S*)$/u.exec(prefix);
    const typed = m?.[1] ?? word;
    const range: Range = { start: { line: position.line, character: position.character - typed.length }, end: position };
    return unitCompletions(range);
  }

  const atLineStart = before.trim() === '';
  if (!atLineStart && lastId !== undefined && EXPRESSION_AFTER.has(lastId) || /[+\-*/(（≥≤<>=~≈]\s*$/.test(before) && !atLineStart) {
    out.push(...referenceCompletions(analysis, wordRange));
    return out;
  }

  if (!block) {
    out.push(...keywordCompletions(TOP_LEVEL, lang, wordRange));
    if (atLineStart) out.push(...rowCompletions(analysis, position, before, undefined));
    return out;
  }
  if (!atLineStart) {
    out.push(...referenceCompletions(analysis, wordRange));
    return out;
  }
  const present = new Set<KeywordId>();
  for (const f of block.fields) {
    const id = f.field === 'attribute' ? f.attribute : f.field;
    present.add(id as KeywordId);
  }
  const hasAttribute = present.has('binding') || present.has('anticipatory');
  const wanted = FIELDS_OF[block.kind].filter((id) => REPEATABLE.has(id) || (!present.has(id) && !((id === 'binding' || id === 'anticipatory') && hasAttribute)));
  // The fields still missing first, in the order drafters write them.
  out.push(...keywordCompletions(wanted, lang, wordRange, (id) => (present.has(id) ? 'b' : 'a')));
  if (block.kind === 'Table' || block.kind === 'Indicator') out.push(...rowCompletions(analysis, position, before, block.kind === 'Table' ? block : undefined));
  return out;
}

function keywordId(text: string): KeywordId | undefined {
  return KEYWORDS.find((k) => k.en.includes(text) || k.zh.includes(text))?.id;
}

function enclosingBlock(analysis: FileAnalysis, offset: number): BlockDecl | undefined {
  let found: BlockDecl | undefined;
  const visit = (decl: BlockDecl) => {
    const open = decl.open?.end ?? decl.end + 1;
    const close = decl.close?.start ?? Number.POSITIVE_INFINITY;
    if (offset < open || offset > close) return;
    if (decl.close === undefined && offset > decl.end && decl.kind !== 'Indicator' && decl.kind !== 'Table') return;
    found = decl;
    const nested = decl.kind === 'Table' ? decl.indicators : decl.kind === 'Indicator' ? decl.children : [];
    nested.forEach(visit);
  };
  for (const d of analysis.parse.file.declarations) if (d.kind !== 'Use' && d.kind !== 'Check') visit(d);
  return found;
}

function spellings(spec: KeywordSpec, lang: Language): { own: string[]; other: string[] } {
  return lang === 'zh' ? { own: spec.zh.slice(0, 1), other: spec.en.slice(0, 1) } : { own: spec.en.slice(0, 1), other: spec.zh.slice(0, 1) };
}

function keywordCompletions(ids: KeywordId[], lang: Language, range: Range, group: (id: KeywordId) => string = () => 'a'): Completion[] {
  const out: Completion[] = [];
  ids.forEach((id, i) => {
    const spec = KEYWORDS.find((k) => k.id === id)!;
    const { own, other } = spellings(spec, lang);
    const detail = id === 'binding' || id === 'anticipatory' ? ATTRIBUTE_WORDS[id] : { zh: `${spec.zh[0] ?? ''} / ${spec.en[0] ?? ''}`, en: `${spec.en[0] ?? ''} / ${spec.zh[0] ?? ''}` };
    const kind: CompletionKind = spec.role === 'attribute' ? 'enum' : 'keyword';
    const n = String(i).padStart(2, '0');
    for (const s of own) out.push({ label: s, kind, detail, insertText: s, range, sortText: `${group(id)}0${n}` });
    for (const s of other) out.push({ label: s, kind, detail, insertText: s, range, sortText: `${group(id)}1${n}` });
  });
  return out;
}

function unitCompletions(range: Range): Completion[] {
  return COMMON_UNITS.map((u, i) => {
    const unit = parseUnitText(u);
    return { label: u, kind: 'unit' as const, detail: unit ? describeUnit(unit) : undefined, insertText: u, range, sortText: String(i).padStart(3, '0') };
  });
}

function symbolCompletions(model: FileModel, range: Range): Completion[] {
  const out: Completion[] = [];
  for (const s of [...model.indicators, ...model.series]) {
    out.push({
      label: s.id,
      kind: 'reference',
      detail: s.name ? { zh: s.name, en: s.name } : undefined,
      insertText: s.id,
      range,
      sortText: `a${s.id}`,
      filterText: s.name ? `${s.id} ${s.name}` : undefined,
    });
  }
  return out;
}

function referenceCompletions(analysis: FileAnalysis, range: Range): Completion[] {
  const out = symbolCompletions(analysis.model, range);
  for (const [alias, model] of analysis.imports) {
    out.push({ label: alias, kind: 'module', detail: { zh: `导入：${model.plan?.title ?? ''}`, en: `import: ${model.plan?.title ?? ''}` }, insertText: alias, range, sortText: `b${alias}` });
    for (const s of [...model.indicators, ...model.series]) {
      out.push({ label: `${alias}.${s.id}`, kind: 'reference', detail: s.name ? { zh: s.name, en: s.name } : undefined, insertText: `${alias}.${s.id}`, range, sortText: `c${alias}.${s.id}` });
    }
  }
  return out;
}

/** The plan's table rows no indicator declares or cites. */
export function undeclaredRows(analysis: FileAnalysis): { table: SourceTable; row: SourceRow }[] {
  const source = analysis.source;
  if (!source) return [];
  const names = new Set(analysis.model.indicators.map((i) => i.name && normalizeName(i.name)).filter(Boolean));
  const cited = new Set<string>();
  for (const i of analysis.model.indicators) {
    for (const c of i.cites) if (c.row && !c.file) cited.add(`${c.table?.name ?? i.table?.id?.name ?? ''}\u0000${c.row.value}`);
  }
  const out: { table: SourceTable; row: SourceRow }[] = [];
  for (const table of source.index.tables) {
    for (const row of flattenRows(table.rows)) {
      if (names.has(normalizeName(row.name)) || cited.has(`${table.id}\u0000${row.index}`)) continue;
      out.push({ table, row });
    }
  }
  return out;
}

function rowCompletions(analysis: FileAnalysis, position: Position, before: string, table: BlockDecl | undefined): Completion[] {
  const indent = /^\s*/.exec(before)?.[0] ?? '';
  const range: Range = { start: { line: position.line, character: 0 }, end: position };
  const lang = keywordLanguage(analysis);
  return undeclaredRows(analysis).map(({ table: t, row }, i) => {
    const ids = new Set(analysis.model.symbols.keys());
    let block = indicatorBlock(t, row, indent, ids);
    if (lang === 'zh') block = toChinese(block);
    const sameTable = table?.id?.name === t.id;
    return {
      label: row.name,
      kind: 'snippet' as const,
      detail: { zh: `导入 ${t.id} 第 ${row.index} 行`, en: `import ${t.id} row ${row.index}` },
      documentation: { zh: `\`\`\`ptl\n${block}\n\`\`\``, en: `\`\`\`ptl\n${block}\n\`\`\`` },
      insertText: block.slice(0) + '\n',
      range,
      sortText: `${sameTable ? 'c' : 'd'}${String(i).padStart(3, '0')}`,
      filterText: `${before}${row.name}`,
    };
  });
}

const TO_ZH: Record<string, string> = { indicator: '指标', name: '名称', unit: '单位', baseline: '基础值', target: '目标值', actual: '完成值', binding: '约束性', anticipatory: '预期性', cite: '引用', row: '行' };

/** The import block in Chinese keywords, for a file written in them; the values stay as they are. */
function toChinese(block: string): string {
  return block
    .split('\n')
    .map((line) => {
      const m = /^(\s*)([a-z]+)(\s+|$)(.*)$/.exec(line);
      if (!m || !TO_ZH[m[2]!]) return line;
      let rest = m[4]!;
      if (m[2] === 'cite') rest = rest.replace(/\brow\b/, '行');
      return `${m[1]}${TO_ZH[m[2]!]}${m[3]}${rest}`;
    })
    .join('\n');
}
