/**
 * Compiler-style text: `file:line:col severity rule message`, the source line
 * with a caret under the range, and a summary with counts by severity.
 */
import * as path from 'node:path';
import { LineIndex } from '../../../../grammar/src/range';
import { pick, type Locale } from '../../../../grammar/src/message';
import type { Finding, Severity } from '../../analysis/finding';
import type { CheckedFile } from './model';

const SEVERITY_WORDS: Record<Severity, { zh: string; en: string }> = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  info: { zh: '信息', en: 'info' },
  hint: { zh: '提示', en: 'hint' },
};

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[90m' };

export function formatText(files: CheckedFile[], options: { locale: Locale; color: boolean; cwd: string }): string {
  const paint = (code: string, text: string) => (options.color ? `${code}${text}\x1b[0m` : text);
  const out: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const file of files) {
    const lines = new LineIndex(file.text);
    for (const f of file.findings) {
      counts[f.severity]++;
      out.push(header(f, options, paint), ...snippet(f, file.path === f.file ? lines : undefined, paint));
    }
  }
  out.push(summary(counts, files.length, options.locale));
  return `${out.join('\n')}\n`;

  function header(f: Finding, o: typeof options, p: typeof paint): string {
    const where = `${path.relative(o.cwd, f.file) || f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
    const severity = p(COLORS[f.severity], pick(SEVERITY_WORDS[f.severity], o.locale));
    return `${p('\x1b[1m', where)} ${severity} ${p('\x1b[2m', `[${f.rule}]`)} ${pick(f.message, o.locale)}`;
  }
}

/** Longest source line shown whole under a finding; a longer one is cut to a window around the range. */
const SNIPPET_MAX = 200;

function snippet(f: Finding, lines: LineIndex | undefined, paint: (c: string, t: string) => string): string[] {
  if (!lines || f.range.start.line >= lines.lineCount) return [];
  let text = lines.lineText(f.range.start.line);
  const gutter = `${f.range.start.line + 1} | `;
  let start = f.range.start.character;
  let endChar = f.range.end.line === f.range.start.line ? f.range.end.character : text.length;
  if (text.length > SNIPPET_MAX) {
    // A huge line (a minified or binary file) would be printed once per finding.
    const from = Math.max(0, start - 40);
    const to = Math.min(text.length, from + SNIPPET_MAX);
    const lead = from > 0 ? '…' : '';
    text = lead + text.slice(from, to) + (to < text.length ? '…' : '');
    start = start - from + lead.length;
    endChar = Math.min(endChar, to) - from + lead.length;
  }
  const width = (s: string) => [...s].reduce((w, c) => w + (/[\u1100-\uffff]/.test(c) ? 2 : 1), 0);
  const pad = ' '.repeat(gutter.length) + ' '.repeat(width(text.slice(0, start)));
  const caret = '^'.repeat(Math.max(1, width(text.slice(start, endChar))));
  return [`${gutter}${text.replace(/\t/g, ' ')}`, `${pad}${paint(COLORS[f.severity], caret)}`];
}

function summary(counts: Record<Severity, number>, fileCount: number, locale: Locale): string {
  if (locale === 'en') {
    return `${fileCount} file(s) checked: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info, ${counts.hint} hint(s)`;
  }
  return `检查了 ${fileCount} 个文件：${counts.error} 个错误，${counts.warning} 个警告，${counts.info} 条信息，${counts.hint} 条提示`;
}
