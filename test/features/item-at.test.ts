/**
 * A cursor's item is looked up inside the declarations that reach it, not in the
 * whole file's list. Whatever the text (half-typed, unclosed blocks, stray braces),
 * the lookup must find what a scan of every item finds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/src/parse';
import { innermost, itemAt, items, type Item } from '../../server/src/analysis/features/walk';

const root = join(__dirname, '..', '..');
const sources = [
  ...readdirSync(join(root, 'seeds')).filter((n) => n.endsWith('.ptl')).map((n) => join(root, 'seeds', n)),
  ...readdirSync(join(root, 'test', 'grammar', 'cases')).filter((n) => n.endsWith('.ptl')).map((n) => join(root, 'test', 'grammar', 'cases', n)),
  join(root, 'test', 'format', 'cases', 'syntax-error.expected.ptl'),
].map((path) => ({ path, text: readFileSync(path, 'utf8') }));

const PIECES = ['{', '}', '"', '\n', ' ', 'indicator X {', 'target', '@', '(', ')', '//', '/*', 'cite 表1 row', '“', '率'];

/** Up to three cuts or insertions of syntax pieces, at random places. */
const damage = fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), cut: fc.nat(20), piece: fc.option(fc.constantFrom(...PIECES)) }), { maxLength: 3 });

function damaged(text: string, edits: Array<{ at: number; cut: number; piece: string | null }>): string {
  for (const e of edits) {
    const at = Math.floor(e.at * text.length);
    text = e.piece === null ? text.slice(0, at) + text.slice(at + e.cut) : text.slice(0, at) + e.piece + text.slice(at);
  }
  return text;
}

/** A citation's file name is made afresh as an item of its own at each lookup: items compare by what they are and where. */
function shape(item: Item | undefined) {
  return item && [item.type, item.node.start, item.node.end];
}

function scanAt(text: string, offset: number) {
  return innermost(items(parse(text).file).filter((i) => i.node.start <= offset && offset <= i.node.end), offset);
}

describe('the item at a cursor', () => {
  it.each(sources.map((s) => [s.path.slice(root.length + 1), s.text]))('is the one a scan of every item finds, at every offset of %s', (_name, text) => {
    const file = parse(text).file;
    const list = items(file);
    for (let offset = 0; offset <= text.length; offset++) {
      const scanned = innermost(list.filter((i) => i.node.start <= offset && offset <= i.node.end), offset);
      expect(shape(itemAt(file, offset))).toEqual(shape(scanned));
    }
  });

  it('is the one a scan of every item finds, in damaged text', () => {
    const small = sources.filter((s) => s.text.length < 20_000);
    fc.assert(
      fc.property(fc.nat(small.length - 1), damage, fc.double({ min: 0, max: 1, noNaN: true }), (k, edits, where) => {
        const text = damaged(small[k]!.text, edits);
        const offset = Math.floor(where * text.length);
        expect(shape(itemAt(parse(text).file, offset))).toEqual(shape(scanAt(text, offset)));
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });
});
