/** Shared helpers for the formatter tests: fixtures, AST comparison, perturbation. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lex } from '../../grammar/src/lexer';
import { parse } from '../../grammar/src/parse';
import { LineIndex } from '../../grammar/src/range';

export const CASES_DIR = join(__dirname, 'cases');

export interface Fixture {
  name: string;
  input: string;
  expected: string;
}

export function fixtures(): Fixture[] {
  return readdirSync(CASES_DIR)
    .filter((f) => f.endsWith('.input.ptl'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.input.ptl'.length);
      return {
        name,
        input: readFileSync(join(CASES_DIR, f), 'utf8'),
        expected: readFileSync(join(CASES_DIR, `${name}.expected.ptl`), 'utf8'),
      };
    });
}

/** The tree without `range`, `start` and `end`, recursively. */
export function stripPositions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(stripPositions);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'range' || key === 'start' || key === 'end') continue;
    out[key] = stripPositions(value);
  }
  return out;
}

export function hasSyntaxError(text: string): boolean {
  return parse(text).problems.some((p) => p.code === 'syntax-error');
}

/** Sorted comment texts and string raws: what the formatter must carry over verbatim. */
export function verbatimParts(text: string): { comments: string[]; strings: string[] } {
  const { file } = parse(text);
  const strings: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as { kind?: string; raw?: string };
    if (n.kind === 'String' && n.raw !== undefined) strings.push(n.raw);
    for (const [key, value] of Object.entries(node)) if (key !== 'range') walk(value);
  };
  walk(file.declarations);
  return { comments: file.comments.map((c) => c.text).sort(), strings: strings.sort() };
}

/**
 * Rewrites the whitespace between tokens and comments. `pick(i)` gives a random
 * number per gap. With `keepLines`, gaps with line breaks are left alone and the
 * others get random horizontal whitespace; otherwise any gap may gain or lose line
 * breaks (a gap after a line comment keeps starting with one: blanks before it
 * would become part of the comment).
 */
export function perturb(text: string, pick: (i: number) => number, keepLines: boolean): string {
  const { tokens, comments } = lex(text, new LineIndex(text));
  const items = [...tokens, ...comments]
    .map((t) => ({ start: t.startOffset, end: t.startOffset + t.image.length, line: t.image.startsWith('//') }))
    .sort((a, b) => a.start - b.start);
  const eol = /\r\n|\n|\r/.exec(text)?.[0] ?? '\n';
  const horizontal = [' ', '  ', '\t', ' \t ', '\u3000', '     '];
  const vertical = [eol, `${eol}${eol}`, `  ${eol}    `, `${eol}${eol}${eol}\t`, `${eol} `];
  let out = '';
  let last = 0;
  items.forEach((item, i) => {
    const gap = text.slice(last, item.start);
    const r = pick(i);
    const needsBreak = i > 0 && items[i - 1]!.line;
    let next = gap;
    if (i === 0) next = r % 3 === 0 ? gap : r % 3 === 1 ? '' : `${eol}  `;
    else if (keepLines) next = /[\r\n]/.test(gap) ? gap : horizontal[r % horizontal.length]!;
    else if (needsBreak) next = /^[\r\n]/.test(gap) ? vertical[r % vertical.length]!.replace(/^[ \t]+/, '') : gap;
    else if (r % 2 === 0) next = vertical[r % vertical.length]!;
    else next = horizontal[r % horizontal.length]!;
    if (i === 0 && gap.startsWith('\ufeff')) next = `\ufeff${next}`;
    out += next + text.slice(item.start, item.end);
    last = item.end;
  });
  const tail = text.slice(last);
  // Trailing blanks after a final line comment would become part of it.
  return out + (pick(items.length) % 2 === 0 ? tail : `${eol}${eol}  `);
}
