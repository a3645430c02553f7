/**
 * GitHub Actions workflow commands, one line per finding, which the runner turns
 * into annotations on the pull request:
 *
 *   ::error file=plans/a.ptl,line=3,col=5,endLine=3,endColumn=9,title=syntax-error::message
 *
 * error → `::error`, warning → `::warning`, info and hint → `::notice`.
 * Lines and columns are 1-based; `endColumn` is the column after the last
 * character. GitHub honours columns only on single-line ranges, so `col` and
 * `endColumn` are left out when a range spans lines. Escaping follows the runner
 * (actions/toolkit `command.ts`): in the message `%` `\r` `\n` become `%25` `%0D`
 * `%0A`; in property values additionally `:` `,` become `%3A` `%2C`.
 */
import * as path from 'node:path';
import { pick, type Locale } from '../../../../grammar/src/message';
import type { Finding, Severity } from '../../analysis/finding';
import type { CheckedFile } from './model';

const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(files: CheckedFile[], options: { locale: Locale; cwd: string }): string {
  const lines = files.flatMap((file) => file.findings.map((f) => command(f, options)));
  return lines.length ? `${lines.join('\n')}\n` : '';
}

function command(f: Finding, options: { locale: Locale; cwd: string }): string {
  const file = (path.relative(options.cwd, f.file) || f.file).split(path.sep).join('/');
  const line = f.range.start.line + 1;
  const endLine = Math.max(line, f.range.end.line + 1);
  const props: [string, string | number][] = [['file', file], ['line', line]];
  if (endLine === line) {
    const col = f.range.start.character + 1;
    props.push(['col', col], ['endLine', endLine], ['endColumn', Math.max(col, f.range.end.character + 1)]);
  } else props.push(['endLine', endLine]);
  props.push(['title', f.rule]);
  const list = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${COMMANDS[f.severity]} ${list}::${escapeData(pick(f.message, options.locale))}`;
}
