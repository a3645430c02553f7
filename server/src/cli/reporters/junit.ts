/**
 * JUnit XML for CI test dashboards (Jenkins, GitLab, Azure Pipelines …).
 *
 * - One `<testsuite>` per checked file (name = the file, relative to the run's directory).
 * - One `<testcase>` per rule per file, every rule in table order, so a clean file shows
 *   as passing tests and each (file, rule) pair keeps a stable name across runs:
 *   `classname` = the file, `name` = the rule id.
 * - A testcase fails (`<failure>`) when the rule reported at least one error or warning
 *   in the file: `type` is the worst severity, `message` the first finding's message
 *   (and how many there are), the body lists every finding as `file:line:col severity message`.
 *   Info and hint findings do not fail a test; they are listed in `<system-out>`.
 * - Findings of rules outside the table (none today) get a testcase of their own.
 * - `time` is always 0: the check is not timed per rule.
 */
import * as path from 'node:path';
import { pick, type Locale } from '../../../../grammar/src/message';
import type { Finding } from '../../analysis/finding';
import { RULES } from '../../analysis/rules';
import type { CheckedFile } from './model';

/** Escapes text for XML content and attribute values; drops characters XML 1.0 cannot carry. */
export function escapeXml(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\ud800-\udbff\udc00-\udfff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    .replace(/\r/g, '&#13;');
}

/** Attribute values additionally keep their line breaks and tabs (which parsers would normalize to spaces). */
function attr(s: string): string {
  return escapeXml(s).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

export function formatJunit(files: CheckedFile[], options: { locale: Locale; cwd: string }): string {
  const { locale } = options;
  const name = (file: string) => (path.relative(options.cwd, file) || file).split(path.sep).join('/');
  const describe = (f: Finding) => `${name(f.file)}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${pick(f.message, locale)}`;
  let totalTests = 0;
  let totalFailures = 0;
  const suites: string[] = [];
  for (const file of files) {
    const suite = name(file.path);
    const ids: string[] = RULES.map((r) => r.id);
    for (const f of file.findings) if (!ids.includes(f.rule)) ids.push(f.rule);
    let failures = 0;
    const cases = ids.map((rule) => {
      const findings = file.findings.filter((f) => f.rule === rule);
      const failing = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
      const passing = findings.filter((f) => !failing.includes(f));
      const open = `    <testcase classname="${attr(suite)}" name="${attr(rule)}" time="0"`;
      if (findings.length === 0) return `${open}/>`;
      const body: string[] = [];
      if (failing.length) {
        failures++;
        const type = failing.some((f) => f.severity === 'error') ? 'error' : 'warning';
        const first = pick(failing[0]!.message, locale);
        const message = failing.length > 1 ? `${first} (${locale === 'en' ? `and ${failing.length - 1} more` : `另有 ${failing.length - 1} 处`})` : first;
        body.push(`      <failure type="${type}" message="${attr(message)}">${escapeXml(failing.map(describe).join('\n'))}</failure>`);
      }
      if (passing.length) body.push(`      <system-out>${escapeXml(passing.map(describe).join('\n'))}</system-out>`);
      return `${open}>\n${body.join('\n')}\n    </testcase>`;
    });
    totalTests += cases.length;
    totalFailures += failures;
    suites.push(`  <testsuite name="${attr(suite)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="ptl" tests="${totalTests}" failures="${totalFailures}" errors="0" skipped="0" time="0">\n${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
}
