/**
 * The unit algebra of PTL: units as a scale times base dimensions, read from the
 * syntax tree or from plan text, multiplied, divided, converted, written back and
 * described. Pure: no I/O.
 */
export {
  type Dimension,
  type Unit,
  DIMENSION_ORDER,
  SCALE_EPSILON,
  ONE,
  approxEqual,
  compareDimensions,
  convert,
  countDimension,
  countNoun,
  divide,
  isDimensionless,
  isPercentLike,
  makeUnit,
  multiply,
  power,
  sameDimension,
  sameUnit,
  tidy,
} from './unit';
export { type AtomAnalysis, type AtomKind, KNOWN_ATOMS, SCALE_PREFIXES, analyzeAtom, atomUnit, isAtomSpelling } from './atoms';
export { MAX_HAN_ATOM_LENGTH, normalizeUnitText, parseUnitText, unitFromExpr } from './parse';
export { describeUnit, formatUnit } from './format';
