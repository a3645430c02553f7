/**
 * What the source index finds in a plan's text. Line numbers are 1-based, as a
 * drafter reads them and as `cite … line N` writes them; columns are 0-based
 * UTF-16 offsets within the line.
 */
import type { Localized } from '../../../grammar/src/message';

export type SourceOp = '>=' | '<=' | '>' | '<' | '=' | '~';

export interface SourceLocation {
  line: number;
  column: number;
  length: number;
}

export interface SourceValue extends SourceLocation {
  /** The cell or phrase as written, e.g. `≥55`, `37.3%`, `不低于居民上年度人均消费支出增速`. */
  text: string;
  op?: SourceOp;
  /** The number with scale applied (`3.3万` → 33000), absent for a qualitative value. */
  value?: number;
  /** A unit written in the value itself (`%`, `万张`, `元`). */
  unit?: string;
  /** The cell says there is none (`—`, empty). */
  none?: boolean;
  /** A cumulative value written in 〔〕 or [ ]. */
  cumulative?: boolean;
}

export type Attribute = 'binding' | 'anticipatory';

export interface SourceRow {
  /** 1-based position among the table's numbered rows (what `cite row N` counts). */
  index: number;
  /** The 序号 cell as written, if any. */
  number?: string;
  /** The name as written, footnote digits and unit parentheses removed. */
  name: string;
  rawName: string;
  nameLocation: SourceLocation;
  /** The unit from the name's parentheses or a unit column. */
  unit?: string;
  /** The category cell merged over rows, if the table has one. */
  category?: string;
  baseline?: SourceValue;
  /** Targets keyed by year when the header names several target years; `target` is the last. */
  target?: SourceValue;
  actual?: SourceValue;
  attribute?: Attribute;
  baselineYear?: number;
  targetYear?: number;
  /** Sub-rows stated as 其中 within or after this row. */
  children: SourceRow[];
  firstLine: number;
  lastLine: number;
}

export interface SourceTable {
  /** Normalized id such as `专栏2`, matching what a `.ptl` table id would be. */
  id: string;
  /** The full caption line, e.g. `专栏2:“十四五”时期许昌市民政事业发展主要指标`. */
  title: string;
  /** Which roles the header columns play, in order. */
  columns: ColumnRole[];
  rows: SourceRow[];
  firstLine: number;
  lastLine: number;
}

export type ColumnRole = 'number' | 'category' | 'name' | 'unit' | 'baseline' | 'target' | 'actual' | 'attribute' | 'other';

/** A sentence in prose stating a quantified (or qualitative) target for a year. */
export interface ProseTarget extends SourceLocation {
  year: number;
  /** The indicator the sentence talks about, as far as it can be isolated. */
  subject: string;
  value: SourceValue;
  /** The whole sentence, for quoting in hovers. */
  sentence: string;
}

export interface DecodeProblem {
  message: Localized;
  line: number;
  column: number;
}

export interface SourceIndex {
  /** The decoded text, line breaks normalized to LF. */
  text: string;
  lines: string[];
  encoding: string;
  problems: DecodeProblem[];
  tables: SourceTable[];
  prose: ProseTarget[];
}

export interface NameMatch {
  row?: SourceRow;
  table?: SourceTable;
  prose: ProseTarget[];
  /** Closest names found when nothing matches, best first. */
  suggestions: string[];
}
