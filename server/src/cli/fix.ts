/**
 * `--fix` applies every safe quick fix (full-width normalization, values and
 * units taken from the source); `--fix-dry-run` prints what it would change.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineIndex } from '../../../grammar/src/range';
import { pick, type Locale } from '../../../grammar/src/message';
import type { TextEdit } from '../analysis/finding';
import type { CheckedFile } from './reporters/model';

export function applyFixes(files: CheckedFile[], options: { write: boolean; locale: Locale; out: NodeJS.WritableStream; cwd: string }): number {
  let changedFiles = 0;
  for (const file of files) {
    const edits = safeEdits(file);
    if (edits.length === 0) continue;
    const fixed = applyEdits(file.text, edits);
    if (fixed === file.text) continue;
    changedFiles++;
    const name = path.relative(options.cwd, file.path) || file.path;
    if (options.write) {
      fs.writeFileSync(file.path, fixed);
      options.out.write(`${pick({ zh: `已修复 ${name}：${edits.length} 处`, en: `fixed ${name}: ${edits.length} edit(s)` }, options.locale)}\n`);
    } else options.out.write(unifiedDiff(name, file.text, fixed));
  }
  return changedFiles;
}

/** Safe edits on this file, non-overlapping, first come first kept. */
function safeEdits(file: CheckedFile): TextEdit[] {
  const lines = new LineIndex(file.text);
  const chosen: { start: number; end: number; edit: TextEdit }[] = [];
  for (const finding of file.findings) {
    const fix = finding.fixes?.find((f) => f.safe && f.edits.every((e) => e.file === file.path));
    if (!fix) continue;
    const spans = fix.edits.map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), edit }));
    if (spans.some((s) => chosen.some((c) => s.start < c.end && c.start < s.end))) continue;
    chosen.push(...spans);
  }
  return chosen.sort((a, b) => a.start - b.start).map((c) => c.edit);
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  const spans = edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText })).sort((a, b) => b.start - a.start);
  let result = text;
  for (const s of spans) result = result.slice(0, s.start) + s.text + result.slice(s.end);
  return result;
}

/** A line diff good enough for review: changed lines with one line of context. */
export function unifiedDiff(name: string, before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  const out = [`--- a/${name}`, `+++ b/${name}`];
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (a[i] === b[i]) continue;
    out.push(`@@ -${i + 1} +${i + 1} @@`);
    if (a[i] !== undefined) out.push(`-${a[i]}`);
    if (b[i] !== undefined) out.push(`+${b[i]}`);
  }
  return `${out.join('\n')}\n`;
}
