/**
 * The PTL syntax tree: plain data with exact offsets. Every child is optional
 * because the parser recovers from errors and keeps what it could read.
 *
 * A node holds no line and column: the file's LineIndex gives them (`rangeOfSpan`)
 * to whoever reports or shows a node. Three objects fewer per node made parsing a
 * quarter faster, and the trees an editor keeps smaller.
 */
export interface Span {
  /** UTF-16 offsets into the text, end exclusive. */
  start: number;
  end: number;
}

/** A keyword as the author wrote it (English or Chinese); the formatter keeps it. */
export interface Keyword extends Span {
  text: string;
}

export interface Identifier extends Span {
  kind: 'Identifier';
  name: string;
}

export interface StringLit extends Span {
  kind: 'String';
  /** The unescaped content. */
  value: string;
  /** As written, quotes included. */
  raw: string;
}

export interface YearSpec extends Span {
  kind: 'Year';
  from: number;
  /** Present for `@2021..2025`. */
  to?: number;
}

export type ComparisonOp = '>=' | '<=' | '>' | '<' | '=' | '~';

export interface Comparison extends Span {
  kind: 'Comparison';
  op: ComparisonOp;
  /** As written: `≥`, `不低于`, `>=` … */
  text: string;
}

/** One unit atom with its power, e.g. `人` in `元/人·月` (power -1 in context). */
export interface UnitFactor extends Span {
  name: string;
  power: number;
}

/** `元/人·月` = 元 per (人·月): every factor after the first `/` is in the denominator. */
export interface UnitExpr extends Span {
  kind: 'Unit';
  numerator: UnitFactor[];
  denominator: UnitFactor[];
  /** Canonical text, e.g. `元/人·月`. */
  text: string;
}

export interface NumberLit extends Span {
  kind: 'Number';
  /** The value with its scale applied: `3.3万` is 33000. */
  value: number;
  /** As written, scale suffix included. */
  raw: string;
  scale?: '万' | '亿';
  /** A unit written with the number (`55%`, `6672 元/人·年`). */
  unit?: UnitExpr;
}

/** `—` or `-` in place of a value: the plan gives none. */
export interface NoneLit extends Span {
  kind: 'None';
}

export type ReferencePart = 'baseline' | 'target' | 'actual';

export interface Reference extends Span {
  kind: 'Reference';
  /** `省意见.低保标准` is two segments. */
  path: Identifier[];
  part?: { name: ReferencePart; keyword: Keyword };
  year?: YearSpec;
}

export interface Binary extends Span {
  kind: 'Binary';
  op: '+' | '-' | '*' | '/';
  left: Expr;
  right?: Expr;
}

export interface Unary extends Span {
  kind: 'Unary';
  op: '-';
  operand?: Expr;
}

export interface Paren extends Span {
  kind: 'Paren';
  expr?: Expr;
}

export type Expr = NumberLit | Reference | Binary | Unary | Paren;

/** `row 3`, `专栏2 row 3`, `line 37`, `"quoted passage"`, optionally after a source file string. */
export interface Citation extends Span {
  kind: 'Citation';
  file?: StringLit;
  table?: Identifier;
  row?: { value: number; keyword: Keyword } & Span;
  line?: { value: number; keyword: Keyword } & Span;
  quote?: StringLit;
}

interface FieldBase extends Span {
  kind: 'Field';
  keyword: Keyword;
}

export interface NameField extends FieldBase { field: 'name'; value?: StringLit }
export interface UnitField extends FieldBase { field: 'unit'; unit?: UnitExpr }
export interface BaselineField extends FieldBase {
  field: 'baseline';
  /** A string when the plan states the baseline in words. */
  value?: Expr | NoneLit | StringLit;
  year?: YearSpec;
  cites: Citation[];
}
export interface TargetField extends FieldBase {
  field: 'target';
  comparison?: Comparison;
  /** `—` when the plan's table leaves the target empty. */
  value?: Expr | StringLit | NoneLit;
  year?: YearSpec;
  cites: Citation[];
}
export interface ActualField extends FieldBase {
  field: 'actual';
  value?: Expr | NoneLit | StringLit;
  year?: YearSpec;
  cites: Citation[];
}
/** A series' observed or projected value. */
export interface ValueField extends FieldBase { field: 'value'; value?: Expr; year?: YearSpec }
export interface AttributeField extends FieldBase { field: 'attribute'; attribute: 'binding' | 'anticipatory' }
export interface DirectionField extends FieldBase { field: 'direction'; direction?: Identifier }
export interface DeriveField extends FieldBase { field: 'derive'; expr?: Expr }
export interface AlignsField extends FieldBase { field: 'aligns'; expr?: Expr }
export interface CiteField extends FieldBase { field: 'cite'; citation?: Citation }
export interface NoteField extends FieldBase { field: 'note'; value?: StringLit }
export interface SourceField extends FieldBase { field: 'source'; path?: StringLit }
export interface PeriodField extends FieldBase { field: 'period'; from?: number; to?: number; years?: Span }
export interface RegionField extends FieldBase { field: 'region'; value?: StringLit }
/** `level nation|province|city|county` (or 国家 省 市 县); validated by the checker. */
export interface LevelField extends FieldBase { field: 'level'; value?: Identifier }
export interface ParentField extends FieldBase { field: 'parent'; ref?: Reference }

export type Field =
  | NameField
  | UnitField
  | BaselineField
  | TargetField
  | ActualField
  | ValueField
  | AttributeField
  | DirectionField
  | DeriveField
  | AlignsField
  | CiteField
  | NoteField
  | SourceField
  | PeriodField
  | RegionField
  | LevelField
  | ParentField;

export type FieldName = Field['field'];

interface BlockBase extends Span {
  keyword: Keyword;
  id?: Identifier;
  /** The quoted title or label after the id. */
  title?: StringLit;
  fields: Field[];
  /** Ranges of `{` and `}` when present, for folding and formatting. */
  open?: Span;
  close?: Span;
}

export interface PlanDecl extends BlockBase { kind: 'Plan' }
export interface SeriesDecl extends BlockBase { kind: 'Series' }
export interface TableDecl extends BlockBase { kind: 'Table'; indicators: IndicatorDecl[] }
export interface IndicatorDecl extends BlockBase { kind: 'Indicator'; children: IndicatorDecl[] }

export interface UseDecl extends Span {
  kind: 'Use';
  keyword: Keyword;
  path?: StringLit;
  asKeyword?: Keyword;
  alias?: Identifier;
}

export interface CheckDecl extends Span {
  kind: 'Check';
  keyword: Keyword;
  title?: StringLit;
  left?: Expr;
  comparison?: Comparison;
  right?: Expr;
  /** `within 2%`: the allowed relative difference. */
  within?: NumberLit;
}

export type Declaration = PlanDecl | UseDecl | SeriesDecl | TableDecl | IndicatorDecl | CheckDecl;

export interface Comment extends Span {
  kind: 'Comment';
  text: string;
  block: boolean;
}

export interface PtlFile extends Span {
  kind: 'File';
  declarations: Declaration[];
  comments: Comment[];
}
