/**
 * The CI reporters over in-memory findings: SARIF structure and schema, GitHub
 * workflow-command escaping, JUnit XML well-formedness and escaping.
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../server/src/analysis/finding';
import { RULES } from '../../server/src/analysis/rules';
import { escapeData, escapeProperty, formatGithub } from '../../server/src/cli/reporters/github';
import { escapeXml, formatJunit } from '../../server/src/cli/reporters/junit';
import type { CheckedFile } from '../../server/src/cli/reporters/model';
import { buildSarif, formatSarif, region } from '../../server/src/cli/reporters/sarif';
import { parseXml } from './xml';
import { sarifValidator } from './sarif-schema';

const cwd = path.resolve('/ws');
const file = path.join(cwd, 'plans', '规划 a.ptl');
const other = path.join(cwd, 'plans', 'source.txt');
const outside = path.resolve('/elsewhere/b.ptl');

const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

const findings: Finding[] = [
  { rule: 'syntax-error', severity: 'error', message: { zh: '此处期望 “}”，而不是 “,”', en: 'expected "}" here, not ",": 100% wrong\nsecond line' }, file, range: range(2, 4, 2, 5) },
  {
    rule: 'fullwidth-punctuation', severity: 'hint', message: { zh: '全角冒号“：”', en: 'full-width colon' }, file, range: range(3, 7, 3, 8),
    fixes: [{ title: { zh: '改为 “:”', en: 'replace with ":"' }, safe: true, edits: [{ file, range: range(3, 7, 3, 8), newText: ':' }] }],
  },
  {
    rule: 'binding-target-missed', severity: 'error', message: { zh: '约束性目标未实现 😀 <b>&</b>', en: 'binding target missed 😀 <b>&</b>' }, file, range: range(5, 2, 7, 0),
    related: [{ file: other, range: range(9, 0, 9, 12), message: { zh: '规划原文', en: 'the plan text' } }],
  },
  { rule: 'value-differs-from-source', severity: 'warning', message: { zh: '与原文不同', en: 'differs from the source' }, file, range: range(4, 1, 4, 3) },
];
const files: CheckedFile[] = [
  { path: file, text: '', findings },
  { path: outside, text: '', findings: [{ rule: 'missing-unit', severity: 'warning', message: { zh: '缺少单位\u0007', en: 'missing unit\u0007' }, file: outside, range: range(0, 0, 0, 3) }] },
  { path: path.join(cwd, 'clean.ptl'), text: '', findings: [] },
];

describe('SARIF', () => {
  const log = buildSarif(files, { locale: 'en', cwd, toolVersion: '9.9.9' }) as any;
  const run = log.runs[0];

  it('validates against the SARIF 2.1.0 schema', () => {
    const validate = sarifValidator();
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(validate(buildSarif([], { locale: 'zh-CN', cwd, toolVersion: '0.1.0' }))).toBe(true);
  });

  it('describes the tool and every rule', () => {
    expect(log.version).toBe('2.1.0');
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.tool.driver).toMatchObject({ name: 'ptl', version: '9.9.9', informationUri: expect.stringMatching(/^https:/) });
    expect(run.tool.driver.rules.map((r: any) => r.id)).toEqual(RULES.map((r) => r.id));
    for (const [i, rule] of RULES.entries()) {
      const r = run.tool.driver.rules[i];
      expect(r.shortDescription.text).toBe(rule.description.en);
      expect(r.properties.description.zh).toBe(rule.description.zh);
      expect(r.helpUri).toBe(rule.docsUrl);
      expect(r.defaultConfiguration.level).toBe(rule.severity === 'error' ? 'error' : rule.severity === 'warning' ? 'warning' : 'note');
    }
  });

  it('turns findings into results with 1-based UTF-16 regions relative to %SRCROOT%', () => {
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/$/);
    const [syntax, fullwidth, missed, differs, outsideResult] = run.results;
    expect(syntax).toMatchObject({ ruleId: 'syntax-error', level: 'error', message: { text: 'expected "}" here, not ",": 100% wrong\nsecond line' } });
    expect(run.tool.driver.rules[syntax.ruleIndex].id).toBe('syntax-error');
    expect(syntax.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'plans/%E8%A7%84%E5%88%92%20a.ptl', uriBaseId: '%SRCROOT%', index: 0 },
      region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 6 },
    });
    expect(fullwidth.level).toBe('note');
    expect(fullwidth.fixes[0].artifactChanges[0].replacements[0]).toEqual({ deletedRegion: { startLine: 4, startColumn: 8, endLine: 4, endColumn: 9 }, insertedContent: { text: ':' } });
    expect(missed.relatedLocations[0]).toMatchObject({ id: 1, message: { text: 'the plan text' }, physicalLocation: { artifactLocation: { uri: 'plans/source.txt', uriBaseId: '%SRCROOT%' } } });
    expect(missed.locations[0].physicalLocation.region).toEqual({ startLine: 6, startColumn: 3, endLine: 8, endColumn: 1 });
    expect(differs.level).toBe('warning');
    expect(outsideResult.locations[0].physicalLocation.artifactLocation.uri).toMatch(/^file:\/\/\/.*b\.ptl$/);
    expect(outsideResult.locations[0].physicalLocation.artifactLocation.uriBaseId).toBeUndefined();
    expect(run.artifacts).toHaveLength(3);
  });

  it('writes messages in the chosen locale', () => {
    const zh = JSON.parse(formatSarif(files, { locale: 'zh-CN', cwd, toolVersion: '1' }));
    expect(zh.runs[0].results[2].message.text).toBe('约束性目标未实现 😀 <b>&</b>');
    expect(zh.runs[0].tool.driver.rules[0].fullDescription.text).toBe(RULES[0]!.description.zh);
  });

  it('never emits an inverted region', () => {
    expect(region(range(3, 5, 3, 2))).toEqual({ startLine: 4, startColumn: 6, endLine: 4, endColumn: 6 });
  });
});

describe('GitHub workflow commands', () => {
  const out = formatGithub(files, { locale: 'en', cwd });
  const lines = out.trimEnd().split('\n');

  it('writes one command per finding with escaped properties and data', () => {
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('::error file=plans/规划 a.ptl,line=3,col=5,endLine=3,endColumn=6,title=syntax-error::expected "}" here, not ",": 100%25 wrong%0Asecond line');
    expect(lines[1]).toMatch(/^::notice file=plans\/规划 a\.ptl,line=4,col=8,endLine=4,endColumn=9,title=fullwidth-punctuation::full-width colon$/);
    expect(lines[3]).toMatch(/^::warning /);
  });

  it('leaves columns out of multi-line ranges', () => {
    expect(lines[2]).toBe('::error file=plans/规划 a.ptl,line=6,endLine=8,title=binding-target-missed::binding target missed 😀 <b>&</b>');
  });

  it('escapes as the runner does', () => {
    expect(escapeData('a%b\r\nc:d,e')).toBe('a%25b%0D%0Ac:d,e');
    expect(escapeProperty('a%b\r\nc:d,e')).toBe('a%25b%0D%0Ac%3Ad%2Ce');
    expect(formatGithub([], { locale: 'en', cwd })).toBe('');
  });
});

describe('JUnit XML', () => {
  const xml = formatJunit(files, { locale: 'en', cwd });

  it('is well-formed XML with one suite per file and one case per rule', () => {
    const events = parseXml(xml);
    const suites = events.filter((e) => e.name === 'testsuite');
    expect(suites.map((s) => s.attributes['name'])).toEqual(['plans/规划 a.ptl', '../elsewhere/b.ptl', 'clean.ptl']);
    expect(suites.map((s) => s.attributes['tests'])).toEqual([String(RULES.length), String(RULES.length), String(RULES.length)]);
    expect(suites.map((s) => s.attributes['failures'])).toEqual(['3', '1', '0']);
    const root = events.find((e) => e.name === 'testsuites')!;
    expect(root.attributes).toMatchObject({ tests: String(3 * RULES.length), failures: '4' });
    const failures = events.filter((e) => e.name === 'failure');
    expect(failures[0]!.attributes['message']).toBe('expected "}" here, not ",": 100% wrong\nsecond line');
    expect(failures[0]!.attributes['type']).toBe('error');
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    expect(xml).toContain('binding target missed 😀 &lt;b&gt;&amp;&lt;/b&gt;');
    expect(xml).not.toContain('\u0007');
    expect(escapeXml('a\u0000b\ud800c"\'')).toBe('a\ufffdb\ufffdc&quot;&apos;');
    expect(escapeXml('😀')).toBe('😀');
  });

  it('lists info and hint findings without failing', () => {
    expect(xml).toMatch(/<testcase classname="plans\/规划 a\.ptl" name="fullwidth-punctuation" time="0">\s*<system-out>plans\/规划 a\.ptl:4:8 hint full-width colon<\/system-out>/);
  });
});
