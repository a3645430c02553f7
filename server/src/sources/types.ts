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
  /** Set only when the located text runs onto later lines (a quote or sentence broken over lines); `length` then stops at the end of `line`. */
  endLine?: number;
  /** 0-based column just after the located text on `endLine`. */
  endColumn?: number;
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
  /** The number as written, before the scale (`3.3万` → 3.3). */
  written?: number;
  /** The scale written after the number (`万` → 10000, `亿` → 1e8); `unit` then holds only what follows it (`3.3万张` → unit `张`). */
  scale?: number;
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
  /** Every target column's value keyed by its header year, present only when the header names two or more target years. */
  targets?: Record<number, SourceValue>;
  actual?: SourceValue;
  attribute?: Attribute;
  baselineYear?: number;
  targetYear?: number;
  actualYear?: number;
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
  /** The year each header column names (`2020年基础值` → 2020), aligned with `columns`. */
  columnYears?: (number | undefined)[];
  /**
   * `indicators`: a table with a recognized header row. `text`: a 专栏 box that is only
   * prose (policy measures, projects); it has no columns and no rows, and exists so that
   * a citation of its id can say "this box has no indicator rows" instead of "no such table".
   */
  kind?: 'indicators' | 'text';
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
  /** The year phrase as written (`到 2025 年底`). */
  yearText?: string;
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
