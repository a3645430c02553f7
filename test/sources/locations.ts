/**
 * An invariant for every index: each located thing is where it says it is. A value's
 * location covers exactly its text in the line (markup such as `<b>` aside), a row's
 * name location covers its raw name, a prose target's value lies inside its target.
 */
import { expect } from 'vitest';
import type { SourceIndex, SourceLocation, SourceRow } from '../../server/src/sources/types';

function slice(ix: SourceIndex, loc: SourceLocation): string {
  return (ix.lines[loc.line - 1] ?? '').slice(loc.column, loc.column + loc.length);
}

function stripMarkup(s: string): string {
  return s.replace(/<[^<>]{1,100}>/g, ' ').replace(/&(?:nbsp|amp|lt|gt|quot);/g, ' ').replace(/\*\*/g, '').replace(/\s+/g, '');
}

function checkRow(ix: SourceIndex, row: SourceRow): void {
  const name = stripMarkup(slice(ix, row.nameLocation));
  // A name wrapped over lines: the location starts with its first part and says where it ends.
  if (row.nameLocation.endLine !== undefined) expect(stripMarkup(row.rawName).startsWith(name), `name of ${row.name}`).toBe(true);
  else expect(name, `name of ${row.name}`).toBe(stripMarkup(row.rawName));
  for (const v of [row.baseline, row.target, row.actual]) {
    if (!v || v.text === '') continue;
    expect(stripMarkup(slice(ix, v)), `value of ${row.name}`).toBe(stripMarkup(v.text));
  }
  for (const c of row.children) checkRow(ix, c);
}

export function checkLocations(ix: SourceIndex): void {
  for (const t of ix.tables) for (const r of t.rows) checkRow(ix, r);
  for (const p of ix.prose) {
    expect(stripMarkup(slice(ix, p.value)), p.subject).toBe(stripMarkup(p.value.text));
    const inside = p.value.line > p.line || (p.value.line === p.line && p.value.column >= p.column);
    expect(inside, `value inside target ${p.subject}`).toBe(true);
    if (p.endLine === undefined) {
      expect(slice(ix, p).includes(p.value.text.replace(/\s+$/, '')), `target covers value ${p.subject}`).toBe(true);
    }
  }
}
