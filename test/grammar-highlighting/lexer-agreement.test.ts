/**
 * The highlighting agrees with the real lexer (grammar/src/lexer.ts): every word
 * the lexer reads as a keyword is coloured as one and every identifier is not,
 * numbers and strings are the same spans. Run over the fixture, the seeds' .ptl
 * files and every pair of Chinese keywords typed together, which is where a
 * regex grammar and a word-splitting lexer could disagree.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { IGrammar } from 'vscode-textmate';
import { beforeAll, describe, expect, it } from 'vitest';
import { KEYWORDS } from '../../grammar/src/keywords';
import { lex } from '../../grammar/src/lexer';
import { LineIndex } from '../../grammar/src/range';
import { hasKeywordScope, hasScope, loadGrammar, tokenize, tokensIn, type Token } from './tokenize';

let grammar: IGrammar;
beforeAll(async () => {
  grammar = await loadGrammar();
});

const SPELLINGS = new Set(KEYWORDS.flatMap((k) => [...k.en, ...k.zh]));
type Kind = 'keyword' | 'identifier' | 'number' | 'string' | 'comparison' | 'other';

function kindOf(type: string, image: string): Kind {
  if (type.startsWith('Kw_')) return 'keyword';
  if (type === 'Identifier') return 'identifier';
  if (type === 'NumberLiteral') return 'number';
  if (type === 'StringLiteral' || type === 'UnclosedString' || type === 'CurlyString') return 'string';
  if (['GreaterEqual', 'LessEqual', 'Greater', 'Less', 'Equals', 'Approx'].includes(type)) return SPELLINGS.has(image) ? 'keyword' : 'comparison';
  return 'other';
}

const IDENTIFIER_SCOPES = ['variable', 'entity.name', 'constant.language', 'keyword.other.unit'];

/** Disagreements between the lexer's tokens and the grammar's scopes, as readable lines. */
function disagreements(text: string): string[] {
  const tm = tokenize(grammar, text);
  const lexed = lex(text, new LineIndex(text));
  const problems: string[] = [];
  const where = (start: number, end: number, what: string, found: readonly Token[]) => {
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const lineEnd = text.indexOf('\n', end);
    const line = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
    problems.push(`${JSON.stringify(text.slice(start, end))} in ${JSON.stringify(line)}: ${what}; grammar: ${found.map((t) => `${JSON.stringify(t.text)} ${t.scopes.slice(1).join(' ')}`).join(' · ')}`);
  };
  const keywordStarts = new Set<number>();
  for (const token of lexed.tokens) {
    const kind = kindOf(token.tokenType.name, token.image);
    const start = token.startOffset;
    const end = start + token.image.length;
    if (kind === 'keyword') keywordStarts.add(start);
    if (kind === 'other') continue;
    const inside = tokensIn(tm, start, end);
    if (inside.length === 0 || inside[0]!.start !== start || inside.at(-1)!.end !== end) {
      where(start, end, `the lexer reads one ${kind} here`, inside);
      continue;
    }
    const ok = inside.every((t) => {
      switch (kind) {
        case 'keyword':
          return hasKeywordScope(t.scopes);
        case 'identifier':
          return !hasKeywordScope(t.scopes) && IDENTIFIER_SCOPES.some((s) => hasScope(t.scopes, s));
        case 'number':
          return hasScope(t.scopes, 'constant.numeric');
        case 'string':
          return hasScope(t.scopes, 'string');
        case 'comparison':
          return hasScope(t.scopes, 'keyword.operator.comparison');
      }
    });
    if (!ok) where(start, end, `the lexer reads a ${kind}`, inside);
  }
  for (const t of tm) {
    if (/^[\p{L}_]/u.test(t.text) && hasKeywordScope(t.scopes) && !hasScope(t.scopes, 'comment') && !keywordStarts.has(t.start)) {
      where(t.start, t.end, 'the grammar colours a keyword the lexer does not read', [t]);
    }
  }
  return problems;
}

describe('the grammar reads words as the lexer does', () => {
  it('in the Xuchang fixture', () => {
    expect(disagreements(readFileSync(new URL('./fixtures/xuchang.ptl', import.meta.url), 'utf8'))).toEqual([]);
  });

  const seeds = new URL('../../seeds/', import.meta.url);
  const seedFiles = existsSync(seeds) ? readdirSync(seeds).filter((f) => f.endsWith('.ptl')) : [];
  it.skipIf(seedFiles.length === 0).each(seedFiles)('in seeds/%s', (file) => {
    expect(disagreements(readFileSync(new URL(file, seeds), 'utf8'))).toEqual([]);
  });

  it('in Chinese keywords typed together, with digits, and inside longer words', () => {
    const zh = KEYWORDS.flatMap((k) => k.zh);
    const en = KEYWORDS.flatMap((k) => k.en);
    const lines: string[] = [];
    for (const a of zh) {
      for (const suffix of ['', '2', '55', '31.1', '55%', '3万', '目标', '甲2', ' 55']) lines.push(`x ${a}${suffix} y`);
      lines.push(`x 甲${a} y`, `x 2${a} y`, `x ${a}${'指'.repeat(30)} y`);
      for (const b of zh) lines.push(`x ${a}${b} y`, `x ${a}${b}12 y`);
    }
    for (const a of en) lines.push(`x ${a}1 y`, `x ${a}_a y`, `x ${a}规划 y`, `x 规划${a} y`, `x ${a}.${a} y`);
    expect(disagreements(lines.join('\n'))).toEqual([]);
  });

  it('in numbers, units and references', () => {
    const text = [
      'target 不低于3.3万人 @2025',
      'target 约3.3万 @2025',
      'value 95万人 @2025',
      'actual 2025年 @2025',
      'derive 低保标准.基础值 * 1.3 + 省意见.低保标准.目标值@2025',
      'unit 元/人·月 基础值 6672 元/人·年 @2020',
      'cite 专栏2 行3',
      '单位：％ 目标值：≥５５ ＠２０２５',
      'name “全覆盖” note "a\\"b" region "未闭合',
    ].join('\n');
    expect(disagreements(text)).toEqual([]);
  });
});
