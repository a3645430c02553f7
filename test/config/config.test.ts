import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Finding } from '../../server/src/analysis/finding';
import {
  DEFAULT_CONFIG,
  applyConfig,
  effectiveSeverity,
  findConfigFile,
  parseConfig,
  parseJson,
  toValue,
} from '../../server/src/config';

const FILE = '/ws/ptl.config.json';

/** `[line, character, endLine, endCharacter]`, 0-based as LSP counts. */
type At = [number, number, number, number];
const at = (f: Finding): At => [f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character];

describe('parseConfig: valid files', () => {
  test.each<[string, string, Partial<Record<string, unknown>>]>([
    ['empty object', '{}', { tolerance: 0.05, locale: undefined, rules: {} }],
    ['BOM', '\uFEFF{"tolerance": 0.1}', { tolerance: 0.1 }],
    ['rules', '{"rules": {"progress-lagging": "off", "unit-mismatch": "warning"}}', { rules: { 'progress-lagging': 'off', 'unit-mismatch': 'warning' } }],
    ['tolerance bounds', '{"tolerance": 0}', { tolerance: 0 }],
    ['tolerance 1', '{"tolerance": 1}', { tolerance: 1 }],
    ['locale en', '{"locale": "en"}', { locale: 'en' }],
    ['locale zh-CN', '{"locale": "zh-CN"}', { locale: 'zh-CN' }],
    ['$schema', '{"$schema": "./node_modules/ptl/schemas/ptl.config.schema.json"}', { tolerance: 0.05 }],
    ['roots resolved against the config folder', '{"sources": {"roots": ["plans", "../shared/seeds", "/abs/texts"]}}', { sources: { roots: ['/ws/plans', '/shared/seeds', '/abs/texts'] } }],
    ['CRLF and spacing', '{\r\n  "tolerance" : 0.02 ,\r\n  "locale":"en"\r\n}\r\n', { tolerance: 0.02, locale: 'en' }],
  ])('%s', (_label, text, expected) => {
    const { config, findings } = parseConfig(text, FILE);
    expect(findings).toEqual([]);
    expect(config).toMatchObject(expected);
    expect(config.file).toBe(FILE);
  });
});

describe('parseConfig: invalid files become config-invalid findings on the offending token', () => {
  test.each<[string, string, At, string, string?]>([
    // label, text, range, a part of the English message, the quick fix's new text
    ['empty file', '', [0, 0, 0, 0], 'empty'],
    ['not JSON', 'rules: {}', [0, 0, 0, 1], 'Expected a value'],
    ['trailing comma', '{"tolerance": 0.1,\n}', [1, 0, 1, 1], 'trailing comma'],
    ['comment', '{\n  // note\n  "tolerance": 0.1\n}', [1, 2, 1, 4], 'comments'],
    ['missing colon', '{"tolerance" 0.1}', [0, 13, 0, 14], 'Expected “:”'],
    ['unterminated string', '{"locale": "en}', [0, 11, 0, 15], 'Unterminated string'],
    ['single quotes', "{'tolerance': 1}", [0, 1, 0, 2], 'Expected a key'],
    ['garbage after the object', '{} x', [0, 3, 0, 4], 'end of file'],
    ['not an object', '[1, 2]', [0, 0, 0, 6], 'must be an object, not an array'],
    ['unknown rule id', '{\n  "rules": {\n    "unit-mismatches": "error"\n  }\n}', [2, 4, 2, 21], 'did you mean “unit-mismatch”', 'unit-mismatch'],
    ['unknown rule id far from any', '{"rules": {"zzz": "error"}}', [0, 11, 0, 16], 'Unknown rule “zzz” (see https://ptl.dev/rules/'],
    ['misspelt severity', '{"rules": {"progress-lagging": "warn"}}', [0, 31, 0, 37], 'did you mean “warning”', 'warning'],
    ['severity of the wrong type', '{"rules": {"progress-lagging": 2}}', [0, 31, 0, 32], '2 is not a valid value of “rules.progress-lagging”; expected one of'],
    ['tolerance too big', '{"tolerance": 5}', [0, 14, 0, 15], 'at most 1'],
    ['tolerance negative', '{"tolerance": -0.1}', [0, 14, 0, 18], 'at least 0'],
    ['tolerance as a string', '{"tolerance": "5%"}', [0, 14, 0, 18], 'must be a number, not a string'],
    ['unknown top-level key', '{"tolerence": 0.1}', [0, 1, 0, 12], 'did you mean “tolerance”', 'tolerance'],
    ['unknown locale', '{"locale": "zh"}', [0, 11, 0, 15], 'expected one of “zh-CN”, “en”', 'zh-CN'],
    ['unknown key under sources', '{"sources": {"root": []}}', [0, 13, 0, 19], 'did you mean “roots”', 'roots'],
    ['roots item of the wrong type', '{"sources": {"roots": ["a", 3]}}', [0, 28, 0, 29], 'sources.roots[1]'],
    ['empty root', '{"sources": {"roots": [""]}}', [0, 23, 0, 25], 'empty string'],
    ['duplicate key', '{"tolerance": 0.1, "tolerance": 0.2}', [0, 19, 0, 30], 'Duplicate key “tolerance”'],
    ['full-width characters', '{“tolerance”: 0.1}', [0, 1, 0, 2], 'Expected a key'],
    ['number out of range', '{"tolerance": 1e400}', [0, 14, 0, 19], 'Number out of range'],
    ['rules is null', '{"rules": null}', [0, 10, 0, 14], '“rules” must be an object, not null'],
    ['roots is a string', '{"sources": {"roots": "a"}}', [0, 22, 0, 25], '“sources.roots” must be an array, not a string'],
    ['__proto__ as a rule', '{"rules": {"__proto__": "off"}}', [0, 11, 0, 22], 'Unknown rule “__proto__”'],
  ])('%s', (_label, text, range, english, fixText) => {
    const { findings } = parseConfig(text, FILE);
    expect(findings.length).toBeGreaterThanOrEqual(1);
    const finding = findings[0]!;
    expect(finding.rule).toBe('config-invalid');
    expect(finding.severity).toBe('error');
    expect(finding.file).toBe(FILE);
    expect(at(finding)).toEqual(range);
    expect(finding.message.en).toContain(english);
    expect(finding.message.en).toMatch(/^Invalid ptl\.config\.json: /);
    expect(finding.message.zh).toMatch(/^ptl\.config\.json 无效：/);
    expect(finding.message.zh).toMatch(/\p{Script=Han}{2}/u);
    if (fixText) expect(finding.fixes?.[0]?.edits[0]?.newText).toBe(JSON.stringify(fixText));
    else expect(finding.fixes).toBeUndefined();
  });

  test('Chinese messages name the problem too', () => {
    expect(parseConfig('{"rules": {"unit-mismatches": "error"}}', FILE).findings[0]!.message.zh).toBe(
      'ptl.config.json 无效：未知的规则 “unit-mismatches”，是否想写 “unit-mismatch”？',
    );
    expect(parseConfig('{"tolerance": 5}', FILE).findings[0]!.message.zh).toBe(
      'ptl.config.json 无效：“tolerance”为 5，应不大于 1（相对容差，0.05 即 ±5%）',
    );
  });

  test('the valid parts still apply', () => {
    const { config, findings } = parseConfig(
      '{"rules": {"unit-mismatches": "error", "progress-lagging": "off", "check-failed": "loud"}, "tolerance": 7, "locale": "en", "sources": {"roots": ["a", 3]}}',
      FILE,
    );
    expect(findings.map((f) => f.message.en.replace(/^Invalid ptl\.config\.json: /, '').slice(0, 30))).toHaveLength(4);
    expect(config.rules).toEqual({ 'progress-lagging': 'off' });
    expect(config.tolerance).toBe(0.05);
    expect(config.locale).toBe('en');
    expect(config.sources.roots).toEqual(['/ws/a']);
  });

  test('findings are in text order', () => {
    const { findings } = parseConfig('{"zz": 1, "rules": [], "aa": 2}', FILE);
    expect(findings.map((f) => f.range.start.character)).toEqual([1, 19, 23]);
  });

  test('one finding per unknown key', () => {
    const { findings } = parseConfig('{"rules": {"foo-bar": "off", "unit-mismatchh": "off"}}', FILE);
    expect(findings.map(at)).toEqual([
      [0, 11, 0, 20],
      [0, 29, 0, 45],
    ]);
  });

  test('the file can set the severity of its own problems', () => {
    expect(parseConfig('{"rules": {"config-invalid": "warning"}, "tolerance": 2}', FILE).findings.map((f) => f.severity)).toEqual(['warning']);
    expect(parseConfig('{"rules": {"config-invalid": "off"}, "tolerance": 2}', FILE).findings).toEqual([]);
  });

  test('never throws, and every finding has a range inside the text', () => {
    const jsonish = fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify({ rules: v })),
      fc.jsonValue().map((v) => JSON.stringify({ tolerance: v, sources: { roots: v } })),
      fc.json().map((s) => s.slice(0, Math.max(0, s.length - 1))),
    );
    fc.assert(
      fc.property(jsonish, (text) => {
        const { config, findings } = parseConfig(text, FILE);
        expect(config.tolerance).toBeGreaterThanOrEqual(0);
        const lines = text.split(/\r\n|\r|\n/);
        for (const f of findings) {
          expect(f.rule).toBe('config-invalid');
          expect(f.range.start.line).toBeLessThan(lines.length);
          expect(f.range.end.line).toBeLessThan(lines.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseJson agrees with JSON.parse', () => {
  test('on any JSON', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const result = parseJson(text);
        expect(result.error).toBeUndefined();
        expect(toValue(result.root!)).toEqual(JSON.parse(text));
      }),
    );
  });

  test('on strings with escapes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const text = JSON.stringify({ s });
        expect(toValue(parseJson(text).root!)).toEqual({ s });
      }),
    );
  });

  test.each(['{', '[1,]', '{"a":}', '01', '1.', '"\\x"', 'tru', '{"a" 1}', '[1 2]', 'NaN', '"a\nb"'])('rejects %j like JSON.parse', (text) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(parseJson(text).error).toBeDefined();
  });
});

describe('findConfigFile', () => {
  const present = (...files: string[]) => {
    const set = new Set(files);
    return (p: string) => set.has(p);
  };
  test.each<[string, string, string[], string | undefined, string?]>([
    ['in the same folder', '/ws/plans/a.ptl', ['/ws/plans/ptl.config.json', '/ws/ptl.config.json'], '/ws/plans/ptl.config.json'],
    ['in a parent folder', '/ws/plans/xuchang/a.ptl', ['/ws/ptl.config.json'], '/ws/ptl.config.json'],
    ['at the root', '/ws/a.ptl', ['/ptl.config.json'], '/ptl.config.json'],
    ['none', '/ws/plans/a.ptl', [], undefined],
    ['not above stopAt', '/ws/plans/a.ptl', ['/ptl.config.json'], undefined, '/ws'],
    ['at stopAt itself', '/ws/plans/a.ptl', ['/ws/ptl.config.json'], '/ws/ptl.config.json', '/ws/'],
    ['relative paths', 'plans/a.ptl', ['ptl.config.json'], 'ptl.config.json'],
    ['dot segments', '/ws/plans/../other/a.ptl', ['/ws/other/ptl.config.json'], '/ws/other/ptl.config.json'],
  ])('%s', (_label, file, files, expected, stopAt) => {
    expect(findConfigFile(file, present(...files), stopAt === undefined ? {} : { stopAt })).toBe(expected);
  });

  test('asks about each folder once, nearest first', () => {
    const asked: string[] = [];
    findConfigFile('/a/b/c.ptl', (p) => (asked.push(p), false));
    expect(asked).toEqual(['/a/b/ptl.config.json', '/a/ptl.config.json', '/ptl.config.json']);
  });
});

describe('severities', () => {
  const { config } = parseConfig('{"rules": {"progress-lagging": "off", "unit-mismatch": "warning", "fullwidth-punctuation": "error"}}', FILE);

  test.each([
    ['progress-lagging', 'off'],
    ['unit-mismatch', 'warning'],
    ['fullwidth-punctuation', 'error'],
    ['binding-target-missed', 'error'],
    ['anticipatory-target-missed', 'warning'],
    ['source-row-undeclared', 'info'],
    ['no-such-rule', 'off'],
  ])('%s → %s', (rule, severity) => {
    expect(effectiveSeverity(config, rule)).toBe(severity);
  });

  test('defaults without a file', () => {
    expect(effectiveSeverity(DEFAULT_CONFIG, 'progress-lagging')).toBe('info');
  });

  test('applyConfig re-grades and drops findings', () => {
    const finding = (rule: string): Finding => ({
      rule,
      severity: 'info',
      message: { zh: '', en: '' },
      file: '/ws/a.ptl',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    });
    expect(applyConfig([finding('progress-lagging'), finding('unit-mismatch'), finding('someone-elses')], config).map((f) => [f.rule, f.severity])).toEqual([
      ['unit-mismatch', 'warning'],
      ['someone-elses', 'info'],
    ]);
  });
});
