/**
 * What every rule declares about itself. The rule ids are a public interface
 * (CI configurations, suppression comments, SARIF consumers and the docs site
 * depend on them): ids may be added, never renamed.
 */
import type { Localized } from '../../../../grammar/src/message';
import type { Severity } from '../finding';

export type RuleGroup = 'syntax' | 'structure' | 'types' | 'evaluation' | 'source' | 'hygiene';

export const RULE_GROUPS: readonly RuleGroup[] = ['syntax', 'structure', 'types', 'evaluation', 'source', 'hygiene'];

export const RULE_GROUP_NAMES: Readonly<Record<RuleGroup, Localized>> = {
  syntax: { zh: '语法', en: 'Syntax' },
  structure: { zh: '结构', en: 'Structure' },
  types: { zh: '类型与单位', en: 'Types and units' },
  evaluation: { zh: '求值', en: 'Evaluation' },
  source: { zh: '规划文本', en: 'Source plan text' },
  hygiene: { zh: '规范', en: 'Hygiene' },
};

/** The one place the documentation site's address is written. */
export const RULE_DOCS_BASE_URL = 'https://ptl.dev/rules/';

export function ruleDocsUrl(id: string): string {
  return `${RULE_DOCS_BASE_URL}${id}`;
}

/** A rule as a group file writes it; `group` and `docsUrl` are added by the table. */
export interface RuleDefinition {
  readonly id: string;
  /** Used when `ptl.config.json` does not set one. */
  readonly severity: Severity;
  /**
   * Whether a `// ptl-disable-next-line RULE -- reason` comment may suppress a finding of
   * this rule. Independently of this flag, a finding about a binding indicator's own
   * target is never suppressible (see `canSuppress`).
   */
  readonly suppressible: boolean;
  /** One line, shown in rule listings, hovers on suppression comments and SARIF. */
  readonly description: Localized;
}

export interface RuleSpec<Id extends string = string> extends RuleDefinition {
  readonly id: Id;
  readonly group: RuleGroup;
  readonly docsUrl: string;
}
