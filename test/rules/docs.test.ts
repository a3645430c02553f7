import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from '../../grammar/src/parse';
import { RULES, RULE_IDS, isRuleId } from '../../server/src/analysis/rules';

const DOCS = resolve(__dirname, '../../docs/rules');
const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md'));
const read = (name: string): string => readFileSync(resolve(DOCS, name), 'utf8');

/** The fenced blocks of a page in the given language. */
function blocks(text: string, lang: string): string[] {
  return [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)\\n```', 'g'))].map((m) => m[1]!);
}

describe('docs/rules', () => {
  test('every rule has its page', () => {
    const missing = RULE_IDS.filter((id) => !pages.includes(`${id}.md`));
    expect(missing, 'rules without docs/rules/<id>.md').toEqual([]);
  });

  test('every page names a rule (README.md is the index)', () => {
    const orphans = pages.filter((p) => p !== 'README.md' && !isRuleId(p.slice(0, -3)));
    expect(orphans, 'pages that name no rule id').toEqual([]);
  });

  test('the index links every rule with its default severity', () => {
    const index = read('README.md');
    for (const rule of RULES) expect(index).toContain(`| [\`${rule.id}\`](${rule.id}.md) | \`${rule.severity}\` |`);
  });

  describe.each(RULES.map((r) => [r.id, r]))('%s.md', (id, rule) => {
    const text = (() => {
      try {
        return read(`${id}.md`);
      } catch {
        return '';
      }
    })();

    test('states what the table says', () => {
      expect(text.split('\n')[0]).toBe(`# ${id}`);
      expect(text).toContain(rule.description.zh);
      expect(text).toContain(rule.description.en);
      expect(text).toContain(`| 分组 Group | \`${rule.group}\``);
      expect(text).toContain(`| 默认级别 Default severity | \`${rule.severity}\` |`);
      expect(text).toContain(`| 可抑制 Suppressible | ${rule.suppressible ? '是 yes' : '否 no'} |`);
    });

    test('has every section in both languages', () => {
      for (const heading of ['## 中文', '### 检查什么', '### 为什么', '### 示例', '### 如何修复', '### 配置', '## English', '### What it checks', '### Why', '### Example', '### How to fix', '### Configuration']) {
        expect(text).toContain(`\n${heading}\n`);
      }
    });

    test('its configuration example is a valid ptl.config.json setting of this rule', () => {
      const configs = blocks(text, 'json').map((b) => JSON.parse(b) as { rules?: Record<string, string> });
      expect(configs.some((c) => c.rules && id in c.rules)).toBe(true);
    });

    test('its example is PTL that triggers the rule (syntax-wise)', () => {
      const examples = blocks(text, 'ptl');
      if (id === 'config-invalid') {
        expect(blocks(text, 'json').length).toBeGreaterThan(1);
        return;
      }
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples) {
        const codes = parse(example).problems.map((p) => p.code);
        if (id === 'syntax-error') expect(codes).toContain('syntax-error');
        else if (id === 'fullwidth-punctuation') expect(codes.length > 0 && codes.every((c) => c === 'fullwidth-punctuation')).toBe(true);
        else expect(codes, example).toEqual([]);
      }
    });
  });
});
