import type { Localized } from './message';
import type { Range } from './range';

/** What the syntax layer reports: parse errors and full-width hints, with an edit where one is obvious. */
export interface SyntaxProblem {
  code: 'syntax-error' | 'fullwidth-punctuation';
  message: Localized;
  range: Range;
  start: number;
  end: number;
  fix?: { range: Range; newText: string };
}
