/**
 * The rule table: every rule id PTL reports, with its group, default severity,
 * suppressibility, one-line description in both languages and docs address.
 * One file per group; this module joins them. Each id has a page `docs/rules/<id>.md`
 * (a test fails when one is missing or a page names no rule).
 */
import type { Severity } from '../finding';
import { closestMatch } from './closest';
import { EVALUATION_RULES } from './evaluation';
import { HYGIENE_RULES } from './hygiene';
import { SOURCE_RULES } from './source';
import { type RuleDefinition, type RuleGroup, type RuleSpec, ruleDocsUrl } from './spec';
import { STRUCTURE_RULES } from './structure';
import { SYNTAX_RULES } from './syntax';
import { TYPE_RULES } from './types';

export { type RuleDefinition, type RuleGroup, type RuleSpec, RULE_DOCS_BASE_URL, RULE_GROUPS, RULE_GROUP_NAMES, ruleDocsUrl } from './spec';
export { closestMatch, editDistance } from './closest';

const GROUPS = [
  ['syntax', SYNTAX_RULES],
  ['structure', STRUCTURE_RULES],
  ['types', TYPE_RULES],
  ['evaluation', EVALUATION_RULES],
  ['source', SOURCE_RULES],
  ['hygiene', HYGIENE_RULES],
] as const satisfies ReadonlyArray<readonly [RuleGroup, readonly RuleDefinition[]]>;

/** Every rule id: the public interface of CI configurations, suppressions and SARIF. */
export type RuleId = (typeof GROUPS)[number][1][number]['id'];

export const RULES: readonly RuleSpec<RuleId>[] = Object.freeze(
  GROUPS.flatMap(([group, rules]) =>
    (rules as readonly RuleDefinition[]).map(
      (rule): RuleSpec<RuleId> => Object.freeze({ ...rule, id: rule.id as RuleId, group, docsUrl: ruleDocsUrl(rule.id) }),
    ),
  ),
);

/** The ids in table order (syntax, structure, types, evaluation, source, hygiene). */
export const RULE_IDS: readonly RuleId[] = Object.freeze(RULES.map((rule) => rule.id));

const BY_ID: ReadonlyMap<string, RuleSpec<RuleId>> = new Map(RULES.map((rule) => [rule.id, rule]));

export function isRuleId(id: string): id is RuleId {
  return BY_ID.has(id);
}

export function ruleById(id: string): RuleSpec<RuleId> | undefined {
  return BY_ID.get(id);
}

export function rulesInGroup(group: RuleGroup): readonly RuleSpec<RuleId>[] {
  return RULES.filter((rule) => rule.group === group);
}

export function defaultSeverity(id: RuleId): Severity {
  return BY_ID.get(id)!.severity;
}

/** The rule id nearest to a misspelt one (`unit-mismatches` → `unit-mismatch`), for messages. */
export function closestRuleId(text: string): RuleId | undefined {
  return closestMatch(text, RULE_IDS) as RuleId | undefined;
}

/**
 * Whether a suppression comment may silence a finding: the rule must be suppressible,
 * and a finding about a binding indicator's own target never is — a binding
 * commitment is not waived by a comment.
 */
export function canSuppress(id: string, context: { bindingTarget?: boolean } = {}): boolean {
  const rule = BY_ID.get(id);
  return !!rule && rule.suppressible && !context.bindingTarget;
}
