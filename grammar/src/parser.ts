/**
 * The PTL grammar as a chevrotain parser with embedded actions that build the AST
 * directly. Recovery is local: a token that starts no declaration or field is
 * skipped with one error, a bad field is re-synced at the next field, and an
 * `indicator` typed at its parent's indentation closes an unclosed parent.
 */
import { EmbeddedActionsParser, EOF, type IOrAlt, type IToken, type TokenType } from 'chevrotain';
import type * as A from './ast';
import { DIRECTIONS, REFERENCE_PARTS } from './keywords';
import { toHalfWidth } from './lexer';
import type { LineIndex } from './range';
import type { SyntaxProblem } from './problem';
import { errorMessages, mismatchMessage } from './parser-messages';
import * as T from './tokens';

const K = T.KeywordToken;

/** Tokens that begin a top-level declaration; inside a block they mean its `}` is missing. */
const DECLARATION_STARTS: TokenType[] = [K.plan, K.use, K.series, K.table, K.indicator, K.check];

const FIELD_STARTS: TokenType[] = [
  K.name, K.unit, K.baseline, K.target, K.actual, K.value, K.binding, K.anticipatory, K.direction,
  K.derive, K.aligns, K.cite, K.note, K.source, K.period, K.region, K.level, K.parent,
];

/** Every concrete token type; the junk rules are built from what may not start something else. */
const CONCRETE: TokenType[] = T.ALL_TOKENS.filter((t) => t !== T.Comparison && t.GROUP === undefined && t !== T.UnclosedBlockComment);

const JUNK_AT_TOP = CONCRETE.filter((t) => !DECLARATION_STARTS.includes(t));
const JUNK_IN_BLOCK = CONCRETE.filter((t) => !DECLARATION_STARTS.includes(t) && !FIELD_STARTS.includes(t) && t !== T.RBrace && t !== T.Separator);

type Context = 'plan' | 'series' | 'table' | 'indicator';

/** What may follow a lone minus that stands for “no value”. */
const ENDS_A_VALUE: readonly TokenType[] = [T.At, EOF, T.RBrace];
const COLON: readonly TokenType[] = [T.Colon];
const DOT: readonly TokenType[] = [T.Dot];
const CITE: readonly TokenType[] = [K.cite];
const UNIT_STARTS: readonly TokenType[] = [T.Identifier, T.Percent, T.Permille];
const YEAR_DASHES: readonly TokenType[] = [T.DotDot, T.Dash];
const POWER_STARTS: readonly TokenType[] = [T.Caret, T.Superscript];
const OPERATORS: readonly TokenType[] = [T.Plus, T.Minus, T.Star, T.Slash];
const UNIT_SEPARATORS: readonly TokenType[] = [T.MiddleDot, T.Slash];

/** A block's arguments, one object per context rather than one per call. */
const BLOCK_ARGS: Record<Context, { ARGS: [Context] }> = { plan: { ARGS: ['plan'] }, series: { ARGS: ['series'] }, table: { ARGS: ['table'] }, indicator: { ARGS: ['indicator'] } };

/** What a rule returns while chevrotain records the grammar: no node is built then. */
const RECORDING = undefined as never;

/** Real plans nest indicators two or three deep; this is far beyond any of them. */
export const MAX_INDICATOR_DEPTH = 16;

interface Block {
  fields: A.Field[];
  indicators: A.IndicatorDecl[];
  open?: A.Span;
  close?: A.Span;
}

export class PtlParser extends EmbeddedActionsParser {
  private lines!: LineIndex;
  /** Problems found while building nodes (skipped tokens, misplaced fields). */
  private extraProblems: SyntaxProblem[] = [];
  /** Column of the `indicator` keyword whose body is being parsed, innermost last. */
  private indicatorColumns: number[] = [];
  private tooDeepReported = false;

  constructor() {
    super(T.ALL_TOKENS, { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: errorMessages, skipValidations: true });
    this.performSelfAnalysis();
  }

  load(tokens: IToken[], lines: LineIndex): void {
    this.input = tokens;
    this.lines = lines;
    this.extraProblems = [];
    this.indicatorColumns = [];
    this.tooDeepReported = false;
  }

  /** Lets go of the tokens: kept until the next parse, they would outlive the file's analysis. */
  unload(): void {
    this.input = [];
  }

  takeExtraProblems(): SyntaxProblem[] {
    return this.extraProblems;
  }

  /** Whether every loaded token has been read. */
  atEnd(): boolean {
    return this.LA(1).tokenType === EOF;
  }

  // The alternatives of an OR, and what an OPTION or MANY runs, are made once, not at
  // every call (chevrotain's advice): closures made per call were most of what the parser
  // allocated. They may read `this` only; what a rule collects is pushed after they return.
  // Nodes are built after `if (this.RECORDING_PHASE) return RECORDING` rather than
  // inside ACTION closures, for the same reason.

  private readonly anIdentifier = (): IToken => this.CONSUME(T.Identifier);
  private readonly aString = (): IToken => this.CONSUME(T.StringLiteral);
  private readonly aComparison = (): IToken => this.CONSUME(T.Comparison);
  private readonly aYear = (): A.YearSpec => this.SUBRULE(this.year);
  private readonly aClosingBrace = (): IToken => this.CONSUME(T.RBrace);
  private readonly aColon = (): IToken => this.CONSUME(T.Colon);
  private readonly anAs = (): IToken => this.CONSUME(K.as);
  private readonly aCitationTarget = (): A.Citation => this.SUBRULE(this.citationTarget);
  private readonly aTolerance = (): A.NumberLit => {
    this.CONSUME(K.within);
    return this.SUBRULE(this.numberWithUnit);
  };

  private readonly topAlternatives: IOrAlt<A.Declaration | undefined>[] = [
    { ALT: () => this.SUBRULE(this.declaration) },
    { ALT: () => { this.junk(this.junkAtTop, 'top'); return undefined; } },
  ];

  public file = this.RULE('file', (): A.Declaration[] => {
    const declarations: A.Declaration[] = [];
    this.MANY(() => {
      const d = this.OR(this.topAlternatives);
      if (d && !this.RECORDING_PHASE) declarations.push(d);
    });
    return declarations;
  });

  private readonly declarationAlternatives: IOrAlt<A.Declaration>[] = [
    { ALT: () => this.SUBRULE(this.plan) },
    { ALT: () => this.SUBRULE(this.use) },
    { ALT: () => this.SUBRULE(this.series) },
    { ALT: () => this.SUBRULE(this.table) },
    { ALT: () => this.SUBRULE(this.indicator) },
    { ALT: () => this.SUBRULE(this.check) },
  ];

  private declaration = this.RULE('declaration', (): A.Declaration => this.OR(this.declarationAlternatives), { recoveryValueFunc: () => undefined as never });

  private plan = this.RULE('plan', (): A.PlanDecl => this.blockDecl(K.plan, 'Plan', 'plan'));
  private series = this.RULE('series', (): A.SeriesDecl => this.blockDecl(K.series, 'Series', 'series'));

  private table = this.RULE('table', (): A.TableDecl => {
    const keyword = this.CONSUME(K.table);
    const id = this.OPTION(this.anIdentifier);
    const title = this.OPTION2(this.aString);
    const body = this.SUBRULE(this.block, BLOCK_ARGS.table);
    if (this.RECORDING_PHASE) return RECORDING;
    const { start, end } = this.spanFrom(keyword, body.close ?? body.open ?? title ?? id ?? keyword);
    return {
      kind: 'Table', keyword: this.keyword(keyword), id: this.identifier(id), title: this.string(title),
      fields: body.fields, indicators: body.indicators, open: body.open, close: body.close, start, end,
    };
  });

  /** Public as an entry point: grammar/src/reparse.ts re-parses one indicator after an edit inside it. */
  public indicator = this.RULE('indicator', (): A.IndicatorDecl => {
    const keyword = this.CONSUME(K.indicator);
    const id = this.OPTION(this.anIdentifier);
    const title = this.OPTION2(this.aString);
    if (!this.RECORDING_PHASE) this.indicatorColumns.push(this.lines.positionAt(keyword.startOffset).character);
    const body = this.SUBRULE(this.block, BLOCK_ARGS.indicator);
    if (this.RECORDING_PHASE) return RECORDING;
    this.indicatorColumns.pop();
    const { start, end } = this.spanFrom(keyword, body.close ?? body.open ?? title ?? id ?? keyword);
    return {
      kind: 'Indicator', keyword: this.keyword(keyword), id: this.identifier(id), title: this.string(title),
      fields: body.fields, children: body.indicators, open: body.open, close: body.close, start, end,
    };
  });

  private use = this.RULE('use', (): A.UseDecl => {
    const keyword = this.CONSUME(K.use);
    const path = this.OPTION(this.aString);
    const as = this.OPTION2(this.anAs);
    const alias = this.OPTION3(this.anIdentifier);
    if (this.RECORDING_PHASE) return RECORDING;
    const { start, end } = this.spanFrom(keyword, alias ?? as ?? path ?? keyword);
    return {
      kind: 'Use', keyword: this.keyword(keyword), path: this.string(path), asKeyword: as && this.keyword(as), alias: this.identifier(alias),
      start, end,
    };
  });

  private check = this.RULE('check', (): A.CheckDecl => {
    const keyword = this.CONSUME(K.check);
    const title = this.OPTION(this.aString);
    const left = this.SUBRULE(this.expression);
    const comparison = this.CONSUME(T.Comparison);
    const right = this.SUBRULE2(this.expression);
    const within = this.OPTION2(this.aTolerance);
    if (this.RECORDING_PHASE) return RECORDING;
    const { start, end } = this.spanFrom(keyword, within ?? right ?? comparison);
    return {
      kind: 'Check' as const, keyword: this.keyword(keyword), title: this.string(title), left, comparison: this.comparison(comparison), right, within,
      start, end,
    };
  });

  /** The fields, then what else a block holds: one OR for an item, not one for an item and one for a field. */
  private readonly blockAlternatives: IOrAlt<A.Field | A.IndicatorDecl | undefined>[] = [
    { ALT: () => this.SUBRULE(this.nameField) },
    { ALT: () => this.SUBRULE(this.noteField) },
    { ALT: () => this.SUBRULE(this.regionField) },
    { ALT: () => this.SUBRULE(this.sourceField) },
    { ALT: () => this.SUBRULE(this.unitField) },
    { ALT: () => this.SUBRULE(this.baselineField) },
    { ALT: () => this.SUBRULE(this.actualField) },
    { ALT: () => this.SUBRULE(this.targetField) },
    { ALT: () => this.SUBRULE(this.valueField) },
    { ALT: () => this.SUBRULE(this.attributeField) },
    { ALT: () => this.SUBRULE(this.directionField) },
    { ALT: () => this.SUBRULE(this.levelField) },
    { ALT: () => this.SUBRULE(this.deriveField) },
    { ALT: () => this.SUBRULE(this.alignsField) },
    { ALT: () => this.SUBRULE(this.parentField) },
    { ALT: () => this.SUBRULE(this.citeField) },
    { ALT: () => this.SUBRULE(this.periodField) },
    { ALT: () => this.SUBRULE(this.indicator) },
    { ALT: () => { this.CONSUME(T.Separator); return undefined; } },
    { ALT: () => { this.junk(this.junkInBlock, 'block'); return undefined; } },
  ];

  private block = this.RULE('block', (context: Context): Block => {
    const fields: A.Field[] = [];
    const indicators: A.IndicatorDecl[] = [];
    const open = this.CONSUME(T.LBrace);
    this.MANY({
      // An `indicator` at its parent's indentation ends the parent, whose `}` is missing.
      GATE: () => context === 'table' || this.LA(1).tokenType !== K.indicator || this.nestedIndicatorAhead(),
      DEF: () => {
        const item = this.OR(this.blockAlternatives);
        if (!item || this.RECORDING_PHASE) return;
        if (item.kind === 'Indicator') indicators.push(item);
        else fields.push(item);
      },
    });
    // A missing `}` is common while typing and after every block closed by indentation:
    // it is reported here rather than through chevrotain's recovery, whose cost grows with nesting.
    const close = this.OPTION5(this.aClosingBrace);
    if (this.RECORDING_PHASE) return RECORDING;
    if (!close) this.missingClose();
    return {
      fields,
      indicators,
      open: this.real(open) ? this.tokenSpan(open) : undefined,
      close: close && this.real(close) ? this.tokenSpan(close) : undefined,
    };
  }, { recoveryValueFunc: () => ({ fields: [], indicators: [] }) });

  // One rule per field: chevrotain keys lookahead by rule and occurrence index.
  private nameField = this.RULE('nameField', (): A.NameField => this.stringField(K.name, 'name'));
  private noteField = this.RULE('noteField', (): A.NoteField => this.stringField(K.note, 'note'));
  private regionField = this.RULE('regionField', (): A.RegionField => this.stringField(K.region, 'region'));
  private baselineField = this.RULE('baselineField', (): A.BaselineField => this.measuredField(K.baseline, 'baseline'));
  private actualField = this.RULE('actualField', (): A.ActualField => this.measuredField(K.actual, 'actual'));
  private deriveField = this.RULE('deriveField', (): A.DeriveField => this.exprField(K.derive, 'derive'));
  private alignsField = this.RULE('alignsField', (): A.AlignsField => this.exprField(K.aligns, 'aligns'));

  private sourceField = this.RULE('sourceField', (): A.SourceField => {
    const keyword = this.CONSUME(K.source);
    this.colon();
    const path = this.CONSUME(T.StringLiteral);
    if (this.RECORDING_PHASE) return RECORDING;
    const { start, end } = this.spanFrom(keyword, path ?? keyword);
    return { kind: 'Field' as const, field: 'source' as const, keyword: this.keyword(keyword), path: this.string(path), start, end };
  });

  private unitField = this.RULE('unitField', (): A.UnitField => {
    const keyword = this.CONSUME(K.unit);
    this.colon();
    const unit = this.SUBRULE(this.unitExpr);
    if (this.RECORDING_PHASE) return RECORDING;
    const { start, end } = this.spanFrom(keyword, unit ?? keyword);
    return { kind: 'Field' as const, field: 'unit' as const, keyword: this.keyword(keyword), unit, start, end };
  });

  private readonly valueAlternatives: IOrAlt<A.Expr | A.StringLit | A.NoneLit | undefined>[] = [
    { ALT: () => this.stringValue(this.CONSUME(T.StringLiteral)) },
    { ALT: () => this.noneValue(this.CONSUME(T.Dash)) },
    { ALT: () => this.SUBRULE(this.expression) },
  ];

  private targetField = this.RULE('targetField', (): A.TargetField => {
    const keyword = this.CONSUME(K.target);
    this.colon();
    const comparison = this.OPTION(this.aComparison);
    const value = this.OR(this.valueAlternatives);
    const year = this.OPTION2(this.aYear);
    const cites = this.inlineCites(keyword);
    if (this.RECORDING_PHASE) return RECORDING;
    const ownYear = year ?? this.stealYear(value);
    const { start, end } = this.spanFrom(keyword, cites.at(-1) ?? ownYear ?? value ?? comparison ?? keyword);
    return {
      kind: 'Field' as const, field: 'target' as const, keyword: this.keyword(keyword), comparison: this.comparison(comparison), value, year: ownYear, cites,
      start, end,
    };
  });

  private valueField = this.RULE('valueField', (): A.ValueField => {
    const keyword = this.CONSUME(K.value);
    this.colon();
    const value = this.SUBRULE(this.expression);
    const year = this.OPTION(this.aYear);
    if (this.RECORDING_PHASE) return RECORDING;
    const ownYear = year ?? this.stealYear(value);
    const { start, end } = this.spanFrom(keyword, ownYear ?? value ?? keyword);
    return { kind: 'Field' as const, field: 'value' as const, keyword: this.keyword(keyword), value, year: ownYear, start, end };
  });

  private readonly attributeAlternatives: IOrAlt<IToken>[] = [{ ALT: () => this.CONSUME(K.binding) }, { ALT: () => this.CONSUME(K.anticipatory) }];

  private attributeField = this.RULE('attributeField', (): A.AttributeField => {
    const keyword = this.OR(this.attributeAlternatives);
    if (this.RECORDING_PHASE) return RECORDING;
    const { start, end } = this.tokenSpan(keyword);
    const attribute = keyword.tokenType === K.binding ? ('binding' as const) : ('anticipatory' as const);
    return { kind: 'Field' as const, field: 'attribute' as const, keyword: this.keyword(keyword), attribute, start, end };
  });

  private directionField = this.RULE('directionField', (): A.DirectionField => {
    const keyword = this.CONSUME(K.direction);
    this.colon();
    const value = this.CONSUME(T.Identifier);
    if (this.RECORDING_PHASE) return RECORDING;
    const { start, end } = this.spanFrom(keyword, value ?? keyword);
    return { kind: 'Field' as const, field: 'direction' as const, keyword: this.keyword(keyword), direction: this.identifier(value), start, end };
  });

  private levelField = this.RULE('levelField', (): A.LevelField => {
    const keyword = this.CONSUME(K.level);
    this.colon();
    const value = this.CONSUME(T.Identifier);
    if (this.RECORDING_PHASE) return RECORDING;
    const { start, end } = this.spanFrom(keyword, value ?? keyword);
    return { kind: 'Field' as const, field: 'level' as const, keyword: this.keyword(keyword), value: this.identifier(value), start, end };
  });

  private parentField = this.RULE('parentField', (): A.ParentField => {
    const keyword = this.CONSUME(K.parent);
    this.colon();
    const ref = this.SUBRULE(this.reference);
    if (this.RECORDING_PHASE) return RECORDING;
    const { start, end } = this.spanFrom(keyword, ref ?? keyword);
    return { kind: 'Field' as const, field: 'parent' as const, keyword: this.keyword(keyword), ref, start, end };
  });

  private citeField = this.RULE('citeField', (): A.CiteField => {
    const keyword = this.CONSUME(K.cite);
    this.colon();
    const citation = this.SUBRULE(this.citation);
    if (this.RECORDING_PHASE) return RECORDING;
    const { start, end } = this.spanFrom(keyword, citation ?? keyword);
    return { kind: 'Field' as const, field: 'cite' as const, keyword: this.keyword(keyword), citation, start, end };
  });

  private readonly periodDashAlternatives: IOrAlt<IToken>[] = [
    { ALT: () => this.CONSUME(T.DotDot) },
    { ALT: () => this.CONSUME(T.Minus) },
    { ALT: () => this.CONSUME(T.Dash) },
    { ALT: () => this.CONSUME(T.Approx) },
  ];

  private periodField = this.RULE('periodField', (): A.PeriodField => {
    const keyword = this.CONSUME(K.period);
    this.colon();
    const from = this.CONSUME(T.NumberLiteral);
    this.OR(this.periodDashAlternatives);
    const to = this.CONSUME2(T.NumberLiteral);
    if (this.RECORDING_PHASE) return RECORDING;
    const { start, end } = this.spanFrom(keyword, to);
    return {
      kind: 'Field' as const, field: 'period' as const, keyword: this.keyword(keyword), from: this.integer(from), to: this.integer(to), years: this.spanFrom(from, to),
      start, end,
    };
  });

  private readonly citationAlternatives: IOrAlt<A.Citation>[] = [
    {
      ALT: () => {
        const file = this.CONSUME(T.StringLiteral);
        const rest = this.OPTION(this.aCitationTarget);
        if (this.RECORDING_PHASE) return RECORDING;
        const first = this.string(file);
        if (!rest) return this.citationNode(file, file, { quote: first });
        return this.citationNode(file, rest, { file: first, table: rest.table, row: rest.row, line: rest.line, quote: rest.quote });
      },
    },
    { ALT: () => this.SUBRULE2(this.citationTarget) },
  ];

  private citation = this.RULE('citation', (): A.Citation => this.OR(this.citationAlternatives));

  /** What a citation points at: `row N`, `TABLE row N`, `line N`, or a quoted passage. */
  private readonly citationTargetAlternatives: IOrAlt<A.Citation>[] = [
    {
      ALT: () => {
        const table = this.OPTION(this.anIdentifier);
        const keyword = this.CONSUME(K.row);
        const n = this.CONSUME(T.NumberLiteral);
        if (this.RECORDING_PHASE) return RECORDING;
        return this.citationNode(table ?? keyword, n, { table: this.identifier(table), row: this.numbered(keyword, n) });
      },
    },
    {
      ALT: () => {
        const keyword = this.CONSUME(K.line);
        const n = this.CONSUME2(T.NumberLiteral);
        if (this.RECORDING_PHASE) return RECORDING;
        return this.citationNode(keyword, n, { line: this.numbered(keyword, n) });
      },
    },
    {
      ALT: () => {
        const quote = this.CONSUME(T.StringLiteral);
        if (this.RECORDING_PHASE) return RECORDING;
        return this.citationNode(quote, quote, { quote: this.string(quote) });
      },
    },
  ];

  private citationTarget = this.RULE('citationTarget', (): A.Citation => this.OR(this.citationTargetAlternatives));

  private readonly operatorAlternatives: IOrAlt<IToken>[] = [
    { ALT: () => this.CONSUME(T.Plus) },
    { ALT: () => this.CONSUME(T.Minus) },
    { ALT: () => this.CONSUME(T.Star) },
    { ALT: () => this.CONSUME(T.Slash) },
  ];

  /**
   * `a + b * c`: operands and operators read in a row, the tree built by precedence
   * (`*` `/` before `+` `-`, each from the left). One rule for both levels, and operands
   * read by one rule too: a plain number is two rule calls, not five.
   */
  public expression = this.RULE('expression', (): A.Expr | undefined => {
    const first = this.SUBRULE(this.operand);
    if (!this.RECORDING_PHASE && !this.ahead(OPERATORS)) return first;
    const operands = [first];
    const operators: IToken[] = [];
    this.MANY(() => {
      const op = this.OR(this.operatorAlternatives);
      const right = this.SUBRULE2(this.operand);
      if (this.RECORDING_PHASE) return;
      operators.push(op);
      operands.push(right);
    });
    if (this.RECORDING_PHASE) return RECORDING;
    return this.byPrecedence(operands, operators);
  });

  private readonly operandAlternatives: IOrAlt<A.Expr>[] = [
    {
      ALT: () => {
        const minus = this.CONSUME(T.Minus);
        const operand = this.SUBRULE(this.operand);
        if (this.RECORDING_PHASE) return RECORDING;
        const { start, end } = this.spanFrom(minus, operand ?? minus);
        return { kind: 'Unary' as const, op: '-' as const, operand, start, end };
      },
    },
    {
      ALT: () => {
        const n = this.CONSUME(T.NumberLiteral);
        const unit = this.maybe(1, UNIT_STARTS, this.numberUnit);
        if (this.RECORDING_PHASE) return RECORDING;
        return this.number(n, unit);
      },
    },
    { ALT: () => this.SUBRULE(this.reference) },
    {
      ALT: () => {
        const open = this.CONSUME(T.LParen);
        const expr = this.SUBRULE(this.expression);
        const close = this.CONSUME(T.RParen);
        if (this.RECORDING_PHASE) return RECORDING;
        const { start, end } = this.spanFrom(open, this.real(close) ? close : expr ?? open);
        return { kind: 'Paren' as const, expr, start, end };
      },
    },
  ];

  /** A signed number (`55%`, `6672 元/人·年`), a reference, or an expression in parentheses. */
  private operand = this.RULE('operand', (): A.Expr => this.OR(this.operandAlternatives));

  private readonly numberUnit = (): A.UnitExpr | undefined => this.SUBRULE(this.unitExpr);

  private numberWithUnit = this.RULE('numberWithUnit', (): A.NumberLit => {
    const n = this.CONSUME(T.NumberLiteral);
    const unit = this.maybe(1, UNIT_STARTS, this.numberUnit);
    if (this.RECORDING_PHASE) return RECORDING;
    return this.number(n, unit);
  });

  /** After a `.`: the next segment of the path, or the part (`.target`) that ends it. */
  private readonly referenceStepAlternatives: IOrAlt<IToken>[] = [
    { ALT: () => this.CONSUME2(T.Identifier) },
    { ALT: () => this.CONSUME(K.baseline) },
    { ALT: () => this.CONSUME(K.target) },
    { ALT: () => this.CONSUME(K.actual) },
  ];

  public reference = this.RULE('reference', (): A.Reference => {
    const path: IToken[] = [this.CONSUME(T.Identifier)];
    let part: IToken | undefined;
    if (this.RECORDING_PHASE || this.ahead(DOT)) this.MANY({
      GATE: () => part === undefined,
      DEF: () => {
        this.CONSUME(T.Dot);
        const step = this.OR(this.referenceStepAlternatives);
        if (this.RECORDING_PHASE) return;
        if (step.tokenType === T.Identifier) path.push(step);
        else part = step;
      },
    });
    const year = this.OPTION(this.aYear);
    if (this.RECORDING_PHASE) return RECORDING;
    const ids = path.filter((t) => this.real(t)).map((t) => this.identifier(t)!);
    const last = year ?? (part && this.real(part) ? part : undefined) ?? ids.at(-1) ?? path[0]!;
    const { start, end } = this.spanFrom(path[0]!, last);
    return {
      kind: 'Reference' as const,
      path: ids,
      part: part && this.real(part) ? { name: REFERENCE_PARTS[part.image]!, keyword: this.keyword(part) } : undefined,
      year,
      start,
      end,
    };
  });

  private readonly yearEnd = (): IToken => {
    this.OR(this.yearDashAlternatives);
    return this.CONSUME2(T.NumberLiteral);
  };
  private readonly yearDashAlternatives: IOrAlt<IToken>[] = [{ ALT: () => this.CONSUME(T.DotDot) }, { ALT: () => this.CONSUME(T.Dash) }];

  private year = this.RULE('year', (): A.YearSpec => {
    const at = this.CONSUME(T.At);
    const from = this.CONSUME(T.NumberLiteral);
    const to = this.maybe(1, YEAR_DASHES, this.yearEnd);
    if (this.RECORDING_PHASE) return RECORDING;
    const { start, end } = this.spanFrom(at, to && this.real(to) ? to : from);
    return { kind: 'Year' as const, from: this.integer(from), to: to && this.real(to) ? this.integer(to) : undefined, start, end };
  });

  private readonly unitSeparatorAlternatives: IOrAlt<IToken>[] = [{ ALT: () => this.CONSUME(T.MiddleDot) }, { ALT: () => this.CONSUME(T.Slash) }];

  /** `元/人·月`: factors joined by `·`, and everything after a `/` divides. */
  public unitExpr = this.RULE('unitExpr', (): A.UnitExpr | undefined => {
    const first = this.SUBRULE(this.unitFactor);
    const numerator: A.UnitFactor[] = first ? [first] : [];
    const denominator: A.UnitFactor[] = [];
    let inDenominator = false;
    if (this.RECORDING_PHASE || this.ahead(UNIT_SEPARATORS)) this.MANY(() => {
      const separator = this.OR(this.unitSeparatorAlternatives);
      const factor = this.SUBRULE2(this.unitFactor);
      if (this.RECORDING_PHASE) return;
      if (separator.tokenType === T.Slash) inDenominator = true;
      if (factor) (inDenominator ? denominator : numerator).push(factor);
    });
    if (this.RECORDING_PHASE) return RECORDING;
    // A factor that error recovery lost (its error already reported) is left out; with none, there is no unit.
    const firstKept = numerator[0] ?? denominator[0];
    if (!firstKept) return undefined;
    const { start, end } = this.spanFrom(firstKept, denominator.at(-1) ?? numerator.at(-1)!);
    return { kind: 'Unit' as const, numerator, denominator, text: unitText(numerator, denominator), start, end };
  });

  private readonly unitAtomAlternatives: IOrAlt<IToken>[] = [
    { ALT: () => this.CONSUME(T.Identifier) },
    { ALT: () => this.CONSUME(T.Percent) },
    { ALT: () => this.CONSUME(T.Permille) },
  ];
  private readonly unitPowerAlternatives: IOrAlt<IToken>[] = [
    { ALT: () => { this.CONSUME(T.Caret); return this.CONSUME(T.NumberLiteral); } },
    { ALT: () => this.CONSUME(T.Superscript) },
  ];
  private readonly unitPower = (): IToken => this.OR2(this.unitPowerAlternatives);

  private unitFactor = this.RULE('unitFactor', (): A.UnitFactor => {
    const atom = this.OR(this.unitAtomAlternatives);
    const power = this.maybe(1, POWER_STARTS, this.unitPower);
    if (this.RECORDING_PHASE) return RECORDING;
    const { start, end } = this.spanFrom(atom, power ?? atom);
    return { name: atom.image === '％' ? '%' : atom.image, power: power ? superscriptOrNumber(power.image) : 1, start, end };
  });

  // ——— helpers that build nodes; called from rules ———

  private blockDecl<K extends 'Plan' | 'Series'>(keywordType: TokenType, kind: K, context: Context) {
    const keyword = this.CONSUME(keywordType);
    const id = this.OPTION(this.anIdentifier);
    const title = this.OPTION2(this.aString);
    const body = this.SUBRULE(this.block, BLOCK_ARGS[context]);
    if (this.RECORDING_PHASE) return RECORDING;
    for (const stray of body.indicators) this.misplaced(stray.keyword, context);
    const { start, end } = this.spanFrom(keyword, body.close ?? body.open ?? title ?? id ?? keyword);
    return {
      kind, keyword: this.keyword(keyword), id: this.identifier(id), title: this.string(title),
      fields: body.fields, open: body.open, close: body.close, start, end,
    };
  }

  private stringField<F extends 'name' | 'note' | 'region'>(type: TokenType, field: F) {
    const keyword = this.CONSUME(type);
    this.colon();
    const value = this.CONSUME(T.StringLiteral);
    if (this.RECORDING_PHASE) return RECORDING;
    const { start, end } = this.spanFrom(keyword, value);
    return { kind: 'Field' as const, field, keyword: this.keyword(keyword), value: this.string(value), start, end };
  }

  private measuredField<F extends 'baseline' | 'actual'>(type: TokenType, field: F) {
    const keyword = this.CONSUME(type);
    this.colon();
    const value = this.loneMinus() ?? this.OR(this.valueAlternatives);
    const year = this.OPTION(this.aYear);
    const cites = this.inlineCites(keyword);
    if (this.RECORDING_PHASE) return RECORDING;
    const ownYear = year ?? this.stealYear(value);
    const { start, end } = this.spanFrom(keyword, cites.at(-1) ?? ownYear ?? value ?? keyword);
    return { kind: 'Field' as const, field, keyword: this.keyword(keyword), value, year: ownYear, cites, start, end };
  }

  private exprField<F extends 'derive' | 'aligns'>(type: TokenType, field: F) {
    const keyword = this.CONSUME(type);
    this.colon();
    const expr = this.SUBRULE(this.expression);
    if (this.RECORDING_PHASE) return RECORDING;
    const { start, end } = this.spanFrom(keyword, expr ?? keyword);
    return { kind: 'Field' as const, field, keyword: this.keyword(keyword), expr, start, end };
  }

  /**
   * `baseline - @2020`: a lone minus is the plan's “no value”, as a dash is. Looked for
   * before the value's OR, not as a gated alternative of it: one gate puts the whole OR
   * on chevrotain's slow path, which tried every alternative in turn at every baseline.
   */
  private loneMinus(): A.NoneLit | undefined {
    if (!this.RECORDING_PHASE && !(this.LA(1).tokenType === T.Minus && ENDS_A_VALUE.includes(this.LA(2).tokenType))) return undefined;
    const none = this.OPTION2(this.aLoneMinus);
    return this.RECORDING_PHASE ? undefined : none;
  }
  private readonly aLoneMinus = (): A.NoneLit => this.noneValue(this.CONSUME(T.Minus));

  /** `actual 79.4 @2025 cite "003.txt" line 37`: citations that belong to one value. */
  private inlineCites(keyword: IToken): A.Citation[] {
    const cites: A.Citation[] = [];
    if (!this.RECORDING_PHASE && !this.ahead(CITE)) return cites;
    this.MANY({
      // Only on the value's own line: a `cite` on a later line is a field of the indicator.
      GATE: () => this.sameLine(keyword, this.LA(1)),
      DEF: () => {
        this.CONSUME(K.cite);
        const c = this.SUBRULE(this.citation);
        if (!this.RECORDING_PHASE && c) cites.push(c);
      },
    });
    return cites;
  }

  /**
   * Whether the next token is one of `types`. A repetition whose first token is not next
   * would not run: checked first, the common case makes no closure and no array for it.
   * (Skipped, it also attempts no in-repetition recovery; these repetitions end their
   * rules, where chevrotain attempts none.)
   */
  private ahead(types: readonly TokenType[]): boolean {
    const next = this.LA(1).tokenType;
    for (const type of types) if (next === type) return true;
    return false;
  }

  /** OPTION number `idx`, entered only when one of the tokens it can start with is next (see `ahead`). */
  private maybe<R>(idx: number, first: readonly TokenType[], body: () => R): R | undefined {
    return this.RECORDING_PHASE || this.ahead(first) ? this.option(idx, body) : undefined;
  }

  /** Where an inserted token is placed: after the last real token read. */
  private inputEnd(): number {
    const previous = this.LA(0);
    return previous && Number.isFinite(previous.startOffset) ? previous.startOffset + previous.image.length : 0;
  }

  private sameLine(a: IToken, b: IToken): boolean {
    if (Number.isNaN(a.startOffset) || Number.isNaN(b.startOffset)) return false;
    const text = this.lines.text;
    for (let i = a.startOffset; i < b.startOffset; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return false;
    }
    return true;
  }

  private colon(): void {
    this.maybe(9, COLON, this.aColon);
  }

  private readonly junkAtTop = JUNK_AT_TOP.map((type): IOrAlt<IToken> => ({ ALT: () => this.CONSUME9(type) }));
  private readonly junkInBlock = JUNK_IN_BLOCK.map((type): IOrAlt<IToken> => ({ ALT: () => this.CONSUME9(type) }));

  /** Skips one token that starts nothing here, merging runs of skipped tokens into one error. */
  private junk(alternatives: IOrAlt<IToken>[], where: 'top' | 'block'): void {
    const token = this.OR9(alternatives);
    if (this.RECORDING_PHASE) return;
    const last = this.extraProblems.at(-1);
    const start = token.startOffset;
    const end = start + token.image.length;
    if (last && (last as { junk?: boolean }).junk && onlySpaceBetween(this.lines.text, last.end, start)) {
      last.end = end;
      last.range = this.lines.rangeOf(last.start, end);
      return;
    }
    const found = token.image.length > 24 ? `${token.image.slice(0, 24)}…` : token.image; // a 1 MB word stays out of the message
    const problem: SyntaxProblem & { junk: true } = {
      code: 'syntax-error',
      junk: true,
      message: where === 'top'
        ? { zh: `此处应为声明（plan、table、indicator、series、check、use），实际为「${found}」`, en: `Expected a declaration (plan, table, indicator, series, check, use) but found “${found}”` }
        : { zh: `此处应为字段（name、unit、baseline、target …）或「}」，实际为「${found}」`, en: `Expected a field (name, unit, baseline, target …) or “}” but found “${found}”` },
      range: this.lines.rangeOf(start, end),
      start,
      end,
    };
    this.extraProblems.push(problem);
  }

  /**
   * A nested `indicator` belongs to the current one only if it is indented deeper, and
   * only up to MAX_INDICATOR_DEPTH levels: deeper nesting is reported once, and what
   * follows is read as siblings (error recovery costs grow with the depth of the rule stack).
   */
  private nestedIndicatorAhead(): boolean {
    const next = this.LA(1);
    if (next.tokenType !== K.indicator) return false;
    const parentColumn = this.indicatorColumns.at(-1);
    if (parentColumn === undefined) return true;
    if (this.lines.positionAt(next.startOffset).character <= parentColumn) return false;
    if (this.indicatorColumns.length < MAX_INDICATOR_DEPTH) return true;
    if (!this.tooDeepReported && !this.RECORDING_PHASE) {
      this.tooDeepReported = true;
      const start = next.startOffset;
      this.extraProblems.push({
        code: 'syntax-error',
        message: { zh: `指标嵌套超过 ${MAX_INDICATOR_DEPTH} 层，更深的指标按同级读取`, en: `Indicators nest deeper than ${MAX_INDICATOR_DEPTH} levels; the deeper ones are read as siblings` },
        range: this.lines.rangeOf(start, start + next.image.length),
        start,
        end: start + next.image.length,
      });
    }
    return false;
  }

  private missingClose(): void {
    const next = this.LA(1);
    const atEnd = next.tokenType === EOF || Number.isNaN(next.startOffset);
    const start = atEnd ? this.inputEnd() : next.startOffset;
    const end = atEnd ? start : start + next.image.length;
    this.extraProblems.push({ code: 'syntax-error', message: mismatchMessage(T.RBrace, next), range: this.lines.rangeOf(start, end), start, end });
  }

  private misplaced(keyword: A.Keyword, context: Context): void {
    this.extraProblems.push({
      code: 'syntax-error',
      message: { zh: `${context === 'plan' ? '规划' : '序列'}中不能声明指标「${keyword.text}」`, en: `An indicator cannot be declared inside a ${context}` },
      range: this.lines.rangeOfSpan(keyword),
      start: keyword.start,
      end: keyword.end,
    });
  }

  /** `target >= 居民消费增速 @2021..2025`: the trailing year is the field's, not the reference's. */
  private stealYear(value: A.Expr | A.StringLit | A.NoneLit | undefined): A.YearSpec | undefined {
    let node: A.Expr | A.StringLit | A.NoneLit | undefined = value;
    while (node && node.kind === 'Binary') node = node.right;
    if (!node || node.kind !== 'Reference' || !node.year) return undefined;
    const year = node.year;
    node.year = undefined;
    const last = node.part?.keyword ?? node.path.at(-1);
    if (last) node.end = last.end;
    if (value && value.kind === 'Binary') shrinkBinaries(value);
    return year;
  }

  /**
   * The terms first (runs of `*` `/`, from the left), then the terms joined by `+` `-`, from
   * the left. An operand that error recovery lost (its error already reported) is missing:
   * a binary without its left side is missing too, and one without its right side is kept.
   */
  private byPrecedence(operands: Array<A.Expr | undefined>, operators: IToken[]): A.Expr | undefined {
    const terms = [operands[0]];
    const additive: IToken[] = [];
    operators.forEach((op, k) => {
      const right = operands[k + 1];
      if (op.tokenType === T.Star || op.tokenType === T.Slash) terms[terms.length - 1] = this.binary(terms[terms.length - 1], op, right);
      else {
        additive.push(op);
        terms.push(right);
      }
    });
    let left = terms[0];
    additive.forEach((op, k) => {
      left = this.binary(left, op, terms[k + 1]);
    });
    return left;
  }

  private binary(left: A.Expr | undefined, op: IToken, right: A.Expr | undefined): A.Binary | undefined {
    if (!left) return undefined;
    const { start, end } = this.spanFrom(left, right ?? op);
    return { kind: 'Binary', op: BINARY_OPS[op.image] ?? '+', left, right, start, end };
  }

  // Every node of a kind is built as one literal with its properties in one order, so
  // the engine gives all of them one shape: the walks over the tree stay monomorphic.

  private keyword(token: IToken): A.Keyword {
    const { start, end } = this.tokenSpan(token);
    return { text: token.image, start, end };
  }

  /** A value alternative's node; undefined while chevrotain records the grammar. */
  private stringValue(token: IToken): A.StringLit {
    return (this.RECORDING_PHASE ? undefined : this.string(token)) as A.StringLit;
  }

  private noneValue(token: IToken): A.NoneLit {
    return (this.RECORDING_PHASE ? undefined : this.none(token)) as A.NoneLit;
  }

  private none(token: IToken): A.NoneLit {
    const { start, end } = this.tokenSpan(token);
    return { kind: 'None', start, end };
  }

  /** `row 3`, `line 37`. */
  private numbered(keyword: IToken, n: IToken): { value: number; keyword: A.Keyword } & A.Span {
    const { start, end } = this.spanFrom(keyword, n);
    return { value: this.integer(n), keyword: this.keyword(keyword), start, end };
  }

  private citationNode(first: IToken, last: IToken | A.Span, parts: Partial<Pick<A.Citation, 'file' | 'table' | 'row' | 'line' | 'quote'>>): A.Citation {
    const { start, end } = this.spanFrom(first, last);
    return { kind: 'Citation', file: parts.file, table: parts.table, row: parts.row, line: parts.line, quote: parts.quote, start, end };
  }

  private identifier(token: IToken | undefined): A.Identifier | undefined {
    if (!token || !this.real(token)) return undefined;
    const { start, end } = this.tokenSpan(token);
    return { kind: 'Identifier', name: token.image, start, end };
  }

  private string(token: IToken | undefined): A.StringLit | undefined {
    if (!token || !this.real(token)) return undefined;
    const { start, end } = this.tokenSpan(token);
    return { kind: 'String', value: unescapeString(token.image), raw: token.image, start, end };
  }

  private comparison(token: IToken | undefined): A.Comparison | undefined {
    if (!token || !this.real(token)) return undefined;
    const { start, end } = this.tokenSpan(token);
    return { kind: 'Comparison', op: comparisonOp(token.tokenType), text: token.image, start, end };
  }

  private number(token: IToken, unit: A.UnitExpr | undefined): A.NumberLit {
    const raw = token.image;
    const scale = raw.endsWith('万') ? '万' : raw.endsWith('亿') ? '亿' : undefined;
    const digits = toHalfWidth(scale ? raw.slice(0, -1) : raw);
    const factor = scale === '万' ? 1e4 : scale === '亿' ? 1e8 : 1;
    const { start, end } = this.spanFrom(token, unit ?? token);
    return { kind: 'Number', value: Number(digits) * factor, raw, scale, unit, start, end };
  }

  private integer(token: IToken): number {
    return this.real(token) ? Math.trunc(Number(toHalfWidth(token.image))) : NaN;
  }

  /** Tokens inserted by recovery have no text; nodes built from them would lie. */
  private real(token: IToken): boolean {
    return !token.isInsertedInRecovery && !Number.isNaN(token.startOffset);
  }

  private tokenSpan(token: IToken): A.Span {
    const start = this.real(token) ? token.startOffset : this.inputEnd();
    const end = this.real(token) ? start + token.image.length : start;
    return { start, end };
  }

  private spanFrom(first: IToken | A.Span, last: IToken | A.Span): A.Span {
    const firstStart = isToken(first) ? first.startOffset : first.start;
    const lastEnd = isToken(last) ? (this.real(last) ? last.startOffset + last.image.length : firstStart) : last.end;
    // Tokens that recovery inserted have no place in the text: a span uses whichever end is real.
    const start = Number.isFinite(firstStart) ? firstStart : Number.isFinite(lastEnd) ? lastEnd : this.inputEnd();
    const end = Number.isFinite(lastEnd) ? Math.max(start, lastEnd) : start;
    return { start, end };
  }
}

/**
 * Nodes of every kind reach the span helpers; a check for one property all tokens have
 * stays cheap where `'startOffset' in x` goes megamorphic.
 */
function isToken(x: IToken | A.Span): x is IToken {
  return (x as IToken).tokenType !== undefined;
}

const BINARY_OPS: Readonly<Record<string, A.Binary['op']>> = { '+': '+', '＋': '+', '-': '-', '－': '-', '−': '-', '*': '*', '×': '*', '＊': '*', '/': '/', '／': '/', '÷': '/' };

function shrinkBinaries(node: A.Binary): void {
  if (node.right?.kind === 'Binary') shrinkBinaries(node.right);
  node.end = node.right?.end ?? node.end;
}

function comparisonOp(type: TokenType): A.ComparisonOp {
  if (type === T.GreaterEqual) return '>=';
  if (type === T.LessEqual) return '<=';
  if (type === T.Greater) return '>';
  if (type === T.Less) return '<';
  if (type === T.Approx) return '~';
  return '=';
}

function unitText(numerator: A.UnitFactor[], denominator: A.UnitFactor[]): string {
  if (numerator.length === 1 && denominator.length === 0 && numerator[0]!.power === 1) return numerator[0]!.name;
  const factor = (f: A.UnitFactor) => (f.power === 1 ? f.name : `${f.name}^${f.power}`);
  const top = numerator.map(factor).join('·');
  return denominator.length ? `${top}/${denominator.map(factor).join('·')}` : top;
}

function superscriptOrNumber(text: string): number {
  if (text === '²') return 2;
  if (text === '³') return 3;
  return Number(toHalfWidth(text));
}

export function unescapeString(raw: string): string {
  if (raw.startsWith('“')) return raw.slice(1, -1);
  const closed = raw.length >= 2 && raw.endsWith('"') && !raw.endsWith('\\"');
  const inner = raw.slice(1, closed ? -1 : undefined);
  if (!inner.includes('\\')) return inner;
  return inner.replace(/\\(.)/g, '$1');
}

function onlySpaceBetween(text: string, from: number, to: number): boolean {
  return /^[\s]*$/.test(text.slice(from, to));
}

/** `DIRECTIONS` is re-exported so the checker validates `direction` values from one table. */
export { DIRECTIONS };
