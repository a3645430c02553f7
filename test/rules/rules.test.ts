import { describe, expect, test } from 'vitest';
import {
  RULES,
  RULE_DOCS_BASE_URL,
  RULE_GROUPS,
  RULE_IDS,
  canSuppress,
  closestRuleId,
  defaultSeverity,
  isRuleId,
  ruleById,
  rulesInGroup,
  type RuleId,
} from '../../server/src/analysis/rules';

/** LANGUAGE.md, "Rule ids" — a public interface; plus the two ids for `use` problems. */
const LANGUAGE_TABLE: Record<string, string[]> = {
  syntax: ['syntax-error'],
  structure: ['duplicate-id', 'unknown-reference', 'missing-attribute', 'conflicting-attribute', 'missing-unit', 'missing-target', 'cyclic-definition'],
  types: ['unit-mismatch', 'unknown-unit', 'share-out-of-range', 'year-order', 'year-outside-period', 'binding-not-quantified'],
  evaluation: ['target-regresses', 'check-failed', 'derive-mismatch', 'binding-target-missed', 'anticipatory-target-missed', 'progress-lagging', 'weaker-than-parent'],
  source: ['source-missing', 'source-outside-workspace', 'name-not-in-source', 'citation-unresolved', 'value-differs-from-source', 'unit-differs-from-source', 'attribute-differs-from-source', 'source-self-contradiction', 'source-row-undeclared'],
  hygiene: ['fullwidth-punctuation', 'suppression-without-reason', 'unused-suppression', 'config-invalid'],
};
const ADDED: Record<string, string[]> = { structure: ['import-missing', 'import-cycle'] };

describe('the rule table', () => {
  test.each(RULE_GROUPS.map((g) => [g]))('group %s has exactly the documented ids', (group) => {
    expect(rulesInGroup(group).map((r) => r.id)).toEqual([...(LANGUAGE_TABLE[group] ?? []), ...(ADDED[group] ?? [])]);
  });

  test('ids are unique, kebab-case, and RULE_IDS follows the table', () => {
    expect(new Set(RULE_IDS).size).toBe(RULES.length);
    for (const id of RULE_IDS) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(RULE_IDS).toEqual(RULES.map((r) => r.id));
  });

  test.each<[RuleId, string, boolean]>([
    ['syntax-error', 'error', false],
    ['duplicate-id', 'error', false],
    ['unknown-reference', 'error', false],
    ['missing-attribute', 'error', true],
    ['conflicting-attribute', 'error', false],
    ['missing-unit', 'warning', true],
    ['missing-target', 'warning', true],
    ['cyclic-definition', 'error', false],
    ['import-missing', 'error', false],
    ['import-cycle', 'error', false],
    ['unit-mismatch', 'error', true],
    ['unknown-unit', 'warning', true],
    ['share-out-of-range', 'error', true],
    ['year-order', 'error', true],
    ['year-outside-period', 'warning', true],
    ['binding-not-quantified', 'error', false],
    ['target-regresses', 'warning', true],
    ['check-failed', 'error', true],
    ['derive-mismatch', 'error', true],
    ['binding-target-missed', 'error', false],
    ['anticipatory-target-missed', 'warning', true],
    ['progress-lagging', 'info', true],
    ['weaker-than-parent', 'warning', true],
    ['source-missing', 'error', true],
    ['source-outside-workspace', 'error', true],
    ['name-not-in-source', 'warning', true],
    ['citation-unresolved', 'error', true],
    ['value-differs-from-source', 'error', true],
    ['unit-differs-from-source', 'warning', true],
    ['attribute-differs-from-source', 'error', true],
    ['source-self-contradiction', 'warning', true],
    ['source-row-undeclared', 'info', true],
    ['fullwidth-punctuation', 'hint', true],
    ['suppression-without-reason', 'warning', false],
    ['unused-suppression', 'warning', false],
    ['config-invalid', 'error', false],
  ])('%s: %s, suppressible %s', (id, severity, suppressible) => {
    const rule = ruleById(id)!;
    expect(rule.severity).toBe(severity);
    expect(defaultSeverity(id)).toBe(severity);
    expect(rule.suppressible).toBe(suppressible);
  });

  test.each(RULES.map((r) => [r.id, r]))('%s: docs address and one-line descriptions', (id, rule) => {
    expect(rule.docsUrl).toBe(`${RULE_DOCS_BASE_URL}${id}`);
    expect(rule.docsUrl).toMatch(/^https:\/\/ptl\.dev\/rules\/[a-z-]+$/);
    expect(rule.description.zh).toMatch(/\p{Script=Han}/u);
    expect(rule.description.en).toMatch(/^[A-Z`]/);
    for (const text of [rule.description.zh, rule.description.en]) {
      expect(text).not.toMatch(/\n/);
      expect(text.length).toBeLessThan(140);
    }
  });

  test('the table is frozen', () => {
    expect(Object.isFrozen(RULES)).toBe(true);
    expect(Object.isFrozen(RULES[0])).toBe(true);
  });
});

describe('lookups', () => {
  test.each([
    ['unit-mismatch', true],
    ['config-invalid', true],
    ['unit-mismatches', false],
    ['', false],
    ['toString', false],
    ['__proto__', false],
  ])('isRuleId(%j) is %s', (id, expected) => {
    expect(isRuleId(id)).toBe(expected);
    expect(ruleById(id) !== undefined).toBe(expected);
  });

  test.each([
    ['unit-mismatches', 'unit-mismatch'],
    ['Unit-Mismatch', 'unit-mismatch'],
    ['syntax_error', 'syntax-error'],
    ['progress-lag', 'progress-lagging'],
    ['weaker', 'weaker-than-parent'],
    ['fullwidth', 'fullwidth-punctuation'],
    ['binding-target-miss', 'binding-target-missed'],
    ['qwerty', undefined],
    ['', undefined],
  ])('closestRuleId(%j) is %j', (text, expected) => {
    expect(closestRuleId(text)).toBe(expected);
  });

  test.each<[string, { bindingTarget?: boolean }, boolean]>([
    ['progress-lagging', {}, true],
    ['progress-lagging', { bindingTarget: false }, true],
    ['target-regresses', { bindingTarget: true }, false],
    ['value-differs-from-source', { bindingTarget: true }, false],
    ['binding-target-missed', {}, false],
    ['binding-not-quantified', {}, false],
    ['syntax-error', {}, false],
    ['unused-suppression', {}, false],
    ['no-such-rule', {}, false],
  ])('canSuppress(%s, %j) is %s', (id, context, expected) => {
    expect(canSuppress(id, context)).toBe(expected);
  });

  test('RuleId is a closed union', () => {
    const ok: RuleId = 'unit-mismatch';
    // @ts-expect-error not a rule id
    const wrong: RuleId = 'unit-mismatches';
    expect([ok, wrong]).toHaveLength(2);
  });
});
