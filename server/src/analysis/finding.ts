/**
 * A finding is protocol-neutral: the language server turns it into a Diagnostic,
 * the CLI into text, SARIF, JUnit … at the edge.
 */
import type { Range } from '../../../grammar/src/range';
import type { Localized } from '../../../grammar/src/message';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface TextEdit {
  /** The file the edit applies to, as the workspace names it (see Workspace paths). */
  file: string;
  range: Range;
  newText: string;
}

export interface Fix {
  title: Localized;
  edits: TextEdit[];
  /** Safe fixes are applied by `ptl check --fix` without asking. */
  safe: boolean;
}

export interface RelatedLocation {
  file: string;
  range: Range;
  message: Localized;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: Localized;
  file: string;
  range: Range;
  related?: RelatedLocation[];
  fixes?: Fix[];
}
