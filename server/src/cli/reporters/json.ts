/**
 * The JSON output, a stability contract: version 1. Fields are added, never
 * renamed or removed; docs/cli-json.md documents every field.
 */
import * as path from 'node:path';
import { pick, type Locale } from '../../../../grammar/src/message';
import type { CheckedFile } from './model';

export const JSON_FORMAT_VERSION = 1;

/** Paths relative to the working directory (`../` when outside it), always with `/`. */
function rel(cwd: string, file: string): string {
  return (path.relative(cwd, file) || file).split(path.sep).join('/');
}

export function formatJson(files: CheckedFile[], options: { locale: Locale; cwd: string; toolVersion: string }): string {
  const findings = files.flatMap((file) => file.findings.map((f) => ({
    file: rel(options.cwd, f.file),
    rule: f.rule,
    severity: f.severity,
    message: pick(f.message, options.locale),
    messages: f.message,
    range: f.range,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    related: (f.related ?? []).map((r) => ({ file: rel(options.cwd, r.file), range: r.range, message: pick(r.message, options.locale) })),
    fixes: (f.fixes ?? []).map((x) => ({ title: pick(x.title, options.locale), safe: x.safe, edits: x.edits.map((e) => ({ ...e, file: rel(options.cwd, e.file) })) })),
  })));
  const bySeverity = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) bySeverity[f.severity]++;
  const output = {
    version: JSON_FORMAT_VERSION,
    tool: { name: 'ptl', version: options.toolVersion },
    files: files.map((f) => rel(options.cwd, f.path)),
    summary: { files: files.length, findings: findings.length, ...bySeverity },
    findings,
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
