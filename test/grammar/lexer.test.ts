/**
 * The hand-written scanner against the regular expressions it replaced
 * (test/support/reference-lexer.ts): the same tokens, comments and unreadable runs, on
 * every .ptl file of the repository and on generated text that mixes every token's
 * characters with other scripts, full-width forms, quotes, escapes and line breaks.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lex } from '../../grammar/src/lexer';
import { LineIndex } from '../../grammar/src/range';
import { COMPARISON_OF_KEYWORD } from '../../grammar/src/tokens';
import { KEYWORD_BY_SPELLING } from '../../grammar/src/words';
import { referenceLex, type ReferenceLexed } from '../support/reference-lexer';

const ROOT = path.resolve(__dirname, '../..');

function scanned(text: string): ReferenceLexed {
  const result = lex(text, new LineIndex(text));
  const plain = (t: { tokenType: { name: string }; image: string; startOffset: number }) => ({ type: t.tokenType.name, image: t.image, start: t.startOffset });
  const errors = result.problems
    .filter((p) => p.code === 'syntax-error' && p.message.en.startsWith('Unexpected character'))
    .map((p) => ({ offset: p.start, length: p.end - p.start }));
  return { tokens: result.tokens.map(plain), comments: result.comments.map(plain), errors };
}

/** The reference reads keywords as identifiers; the lexer gives them their keyword's type. */
function expected(text: string): ReferenceLexed {
  const reference = referenceLex(text);
  const tokens = reference.tokens.map((t) => {
    const keyword = t.type === 'Identifier' ? KEYWORD_BY_SPELLING.get(t.image) : undefined;
    if (!keyword) return t;
    return { ...t, type: COMPARISON_OF_KEYWORD[keyword]?.name ?? `Kw_${keyword}` };
  });
  return { ...reference, tokens };
}

function ptlFiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) ptlFiles(p, out);
    else if (p.endsWith('.ptl')) out.push(p);
  }
  return out;
}

describe('the scanner reads what the regular expressions read', () => {
  const files = ptlFiles(ROOT);

  it('on every .ptl file of the repository', () => {
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      expect(scanned(text), path.relative(ROOT, file)).toEqual(expected(text));
    }
  });

  // Every token's first characters, what follows them, and what no token starts with.
  const CHARS = [
    ...' \t\u00a0\u3000\ufeff\u200b\f\v\r\n\u2028\u2029', ...'/*"“”\\', ...'0123456789０１２３４５６７８９.．万亿',
    ...'%％‰²³>=<≥≧⩾≤≦⩽＞＝＜~≈～{｛}｝(（)）…@＠+＋—―-－−*×＊/／÷·・•^:：,，、;；',
    ...'aZ_é\u0301ガ한ب𠀀', '\ud800', ...'指标值目基础不低于约束性专栏行号', '\u0000', '#', '$', '?', '!', '€', '〇',
    'indicator', 'target', 'row', '目标值', '不低于', '55', '//', '/*', '*/', '"名称"', '“弯”',
  ];
  const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 40 }).map((parts) => parts.join(''));

  it('on generated text', () => {
    fc.assert(fc.property(text, (t) => { expect(scanned(t)).toEqual(expected(t)); }), { numRuns: 5000 });
  });

  it('on arbitrary UTF-16', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (t) => { expect(scanned(t)).toEqual(expected(t)); }), { numRuns: 2000 });
  });
});
