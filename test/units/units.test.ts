import { describe, expect, test } from 'vitest';
import type { UnitExpr, UnitFactor } from '../../grammar/src/ast';
import { parse } from '../../grammar/src/parse';
import {
  analyzeAtom,
  convert,
  describeUnit,
  divide,
  formatUnit,
  isDimensionless,
  isPercentLike,
  makeUnit,
  multiply,
  parseUnitText,
  power,
  sameDimension,
  sameUnit,
  unitFromExpr,
  type Unit,
} from '../../server/src/analysis/units';

const u = (text: string): Unit => {
  const unit = parseUnitText(text);
  if (!unit) throw new Error(`not a unit: ${text}`);
  return unit;
};

describe('parseUnitText', () => {
  const cases: Array<[string, number, Record<string, number>]> = [
    ['元', 1, { currency: 1 }],
    ['万元', 1e4, { currency: 1 }],
    ['亿元', 1e8, { currency: 1 }],
    ['万亿元', 1e12, { currency: 1 }],
    ['人', 1, { person: 1 }],
    ['万人', 1e4, { person: 1 }],
    ['千人', 1e3, { person: 1 }],
    ['人口', 1, { person: 1 }],
    ['户', 1, { household: 1 }],
    ['百户', 100, { household: 1 }],
    ['月', 1, { time: 1 }],
    ['年', 12, { time: 1 }],
    ['季度', 3, { time: 1 }],
    ['日', 1 / 30, { time: 1 }],
    ['天', 1 / 30, { time: 1 }],
    ['个月', 1, { time: 1 }],
    ['米', 1, { length: 1 }],
    ['千米', 1000, { length: 1 }],
    ['公里', 1000, { length: 1 }],
    ['百米', 100, { length: 1 }],
    ['平方米', 1, { length: 2 }],
    ['㎡', 1, { length: 2 }],
    ['米²', 1, { length: 2 }],
    ['米^2', 1, { length: 2 }],
    ['亩', 2000 / 3, { length: 2 }],
    ['公顷', 1e4, { length: 2 }],
    ['平方公里', 1e6, { length: 2 }],
    ['万平方米', 1e4, { length: 2 }],
    ['立方米', 1, { length: 3 }],
    ['千克', 1, { mass: 1 }],
    ['公斤', 1, { mass: 1 }],
    ['吨', 1000, { mass: 1 }],
    ['万吨', 1e7, { mass: 1 }],
    ['%', 0.01, {}],
    ['％', 0.01, {}],
    ['‰', 0.001, {}],
    ['倍', 1, {}],
    ['百分点', 0.01, {}],
    ['个百分点', 0.01, {}],
    ['万', 1e4, {}],
    ['张', 1, { 'count:张': 1 }],
    ['万张', 1e4, { 'count:张': 1 }],
    ['个', 1, { 'count:个': 1 }],
    ['所', 1, { 'count:所': 1 }],
    ['家', 1, { 'count:家': 1 }],
    ['人次', 1, { 'count:人次': 1 }],
    ['万人次', 1e4, { 'count:人次': 1 }],
    ['床', 1, { 'count:床': 1 }],
    ['kg', 1, { 'count:kg': 1 }],
    ['元/人·月', 1, { currency: 1, person: -1, time: -1 }],
    ['元/人·年', 1 / 12, { currency: 1, person: -1, time: -1 }],
    ['元/人.月', 1, { currency: 1, person: -1, time: -1 }],
    ['元/人・月', 1, { currency: 1, person: -1, time: -1 }],
    ['元/(人·月)', 1, { currency: 1, person: -1, time: -1 }],
    ['元／（人·月）', 1, { currency: 1, person: -1, time: -1 }],
    ['元/人/月', 1, { currency: 1, person: -1, time: -1 }],
    ['元每月', 1, { currency: 1, time: -1 }],
    ['元每人每月', 1, { currency: 1, person: -1, time: -1 }],
    ['张/千人', 1e-3, { 'count:张': 1, person: -1 }],
    ['张每千人', 1e-3, { 'count:张': 1, person: -1 }],
    ['每千人', 1e-3, { person: -1 }],
    ['1/月', 1, { time: -1 }],
    ['人/万人', 1e-4, {}],
    ['万元/年', 1e4 / 12, { currency: 1, time: -1 }],
    [' 元 / 人 · 月 ', 1, { currency: 1, person: -1, time: -1 }],
    ['(万人)', 1e4, { person: 1 }],
    ['1.5元', 1.5, { currency: 1 }],
    ['10万人', 1e5, { person: 1 }],
    ['%/年', 0.01 / 12, { time: -1 }],
  ];
  test.each(cases)('%s', (text, scale, dims) => {
    const unit = parseUnitText(text);
    expect(unit).toBeDefined();
    expect(unit!.dims).toEqual(dims);
    expect(unit!.scale).toBeCloseTo(scale, 12);
  });

  test.each([
    '',
    '   ',
    '元/',
    '/',
    '(元',
    '元)',
    '元//月',
    '居民上年度人均消费支出增速',
    '元,月',
    '米^0',
    '0元',
    '^2',
  ])('not a unit: %j', (text) => {
    expect(parseUnitText(text)).toBeUndefined();
  });
});

describe('analyzeAtom', () => {
  test.each([
    ['元', 'known', '', '元'],
    ['千米', 'known', '', '千米'],
    ['千克', 'known', '', '千克'],
    ['千人', 'scaled', '千', '人'],
    ['万亿元', 'scaled', '万亿', '元'],
    ['万', 'scaled', '万', ''],
    ['张', 'count', '', '张'],
    ['万张', 'count', '万', '张'],
    ['人次', 'count', '', '人次'],
    ['kg', 'ascii', '', 'kg'],
    ['a-b', 'invalid', '', 'a-b'],
    ['％', 'known', '', '%'],
    ['ｋｇ', 'ascii', '', 'kg'],
    ['㎡', 'known', '', '平方米'],
  ] as const)('%s is %s', (name, kind, prefix, base) => {
    expect(analyzeAtom(name)).toMatchObject({ kind, prefix, base });
  });

  test('a count noun only matches itself', () => {
    expect(sameDimension(u('张'), u('个'))).toBe(false);
    expect(sameDimension(u('张'), u('万张'))).toBe(true);
    expect(sameDimension(u('人次'), u('人'))).toBe(false);
    expect(sameDimension(u('kg'), u('千克'))).toBe(false);
  });
});

describe('convert', () => {
  const cases: Array<[number, string, string, number | undefined]> = [
    [6672, '元/人·年', '元/人·月', 556],
    [556, '元/人·月', '元/人·年', 6672],
    [0.2, '万人', '人', 2000],
    [2000, '人', '万人', 0.2],
    [3.3, '万张', '张', 33000],
    [1, '年', '月', 12],
    [1, '年', '日', 360],
    [1, '季度', '月', 3],
    [15, '亩', '公顷', 1],
    [1, '平方公里', '公顷', 100],
    [2.5, '公里', '米', 2500],
    [1, '吨', '公斤', 1000],
    [55, '%', '‰', 550],
    [55, '%', '倍', 0.55],
    [1.2, '亿元', '万元', 12000],
    [35, '张/千人', '张/人', 0.035],
    [1, '万元/年', '元/月', 1e4 / 12],
    [1, '元', '人', undefined],
    [1, '张', '个', undefined],
    [1, '%', '元', undefined],
    [1, '元/人·月', '元/月', undefined],
    [1, '平方米', '米', undefined],
  ];
  test.each(cases)('%d %s → %s', (value, from, to, expected) => {
    const result = convert(value, u(from), u(to));
    if (expected === undefined) expect(result).toBeUndefined();
    else expect(result).toBeCloseTo(expected, 9);
  });

  test('exact results for the plans’ conversions', () => {
    expect(convert(6672, u('元/人·年'), u('元/人·月'))).toBe(556);
    expect(convert(0.2, u('万人'), u('人'))).toBe(2000);
    expect(convert(3.3, u('万张'), u('张'))).toBe(33000);
  });

  test('35 张/千人 × 95 万人 = 33250 张', () => {
    const product = multiply(u('张/千人'), u('万人'));
    expect(sameDimension(product, u('张'))).toBe(true);
    expect(convert(35 * 95, product, u('张'))).toBe(33250);
  });
});

describe('algebra', () => {
  test('multiply, divide, power', () => {
    expect(sameUnit(multiply(u('元/人·月'), u('人')), u('元/月'))).toBe(true);
    expect(sameUnit(divide(u('元'), u('人·月')), u('元/人·月'))).toBe(true);
    expect(sameUnit(power(u('米'), 2), u('平方米'))).toBe(true);
    expect(sameUnit(power(u('公里'), 2), u('平方公里'))).toBe(true);
    expect(sameUnit(power(u('年'), -1), u('1/年'))).toBe(true);
    expect(divide(u('万人'), u('万人'))).toEqual(makeUnit(1));
    expect(sameUnit(divide(u('人'), u('万人')), u('1/万'))).toBe(true);
  });

  test.each([
    ['%', true, true],
    ['‰', true, true],
    ['百分点', true, true],
    ['倍', true, false],
    ['人/万人', true, false],
    ['元', false, false],
    ['张/千人', false, false],
  ] as const)('%s: dimensionless %s, percent-like %s', (text, dimensionless, percent) => {
    expect(isDimensionless(u(text))).toBe(dimensionless);
    expect(isPercentLike(u(text))).toBe(percent);
  });
});

describe('formatUnit', () => {
  test.each([
    ['元', '元'],
    ['万元', '万元'],
    ['亿元', '亿元'],
    ['万人', '万人'],
    ['千人', '千人'],
    ['元/人·月', '元/人·月'],
    ['元/人·年', '元/人·年'],
    ['元/(人·年)', '元/人·年'],
    ['元每人每月', '元/人·月'],
    ['元/月/人', '元/人·月'],
    ['张/千人', '张/千人'],
    ['万张', '万张'],
    ['人次', '人次'],
    ['%', '%'],
    ['％', '%'],
    ['个百分点', '%'],
    ['‰', '‰'],
    ['倍', '1'],
    ['平方米', '平方米'],
    ['米²', '平方米'],
    ['平方公里', '平方公里'],
    ['亩', '亩'],
    ['千米', '公里'],
    ['吨', '吨'],
    ['1/月', '1/月'],
    ['每千人', '1/千人'],
    ['万元/年', '万元/年'],
    ['人/万人', '1/万'],
    ['1.5元', '1.5元'],
    ['360月', '360月'],
    ['%/年', '%/年'],
  ])('%s → %s', (text, expected) => {
    expect(formatUnit(u(text))).toBe(expected);
  });

  test('the product of 张/千人 and 万人 is written with its scale', () => {
    expect(formatUnit(multiply(u('张/千人'), u('万人')))).toBe('十张');
  });
});

describe('unitFromExpr', () => {
  const factor = (name: string, power = 1): UnitFactor => ({
    name,
    power,
    start: 0,
    end: 0,
  });
  const expr = (numerator: UnitFactor[], denominator: UnitFactor[] = []): UnitExpr => ({
    kind: 'Unit',
    numerator,
    denominator,
    text: '',
    start: 0,
    end: 0,
  });

  test.each<[string, UnitExpr, string]>([
    ['元/人·月', expr([factor('元')], [factor('人'), factor('月')]), '元/人·月'],
    ['denominator powers stored negative read the same', expr([factor('元')], [factor('人', -1), factor('年', -1)]), '元/人·年'],
    ['万人', expr([factor('万人')]), '万人'],
    ['%', expr([factor('%')]), '%'],
    ['full-width ％', expr([factor('％')]), '%'],
    ['米²', expr([factor('米', 2)]), '平方米'],
    ['张/千人', expr([factor('张')], [factor('千人')]), '张/千人'],
    ['empty is dimensionless 1', expr([]), '倍'],
    ['a word with 每 is a quotient', expr([factor('元每人每月')]), '元/人·月'],
  ])('%s', (_label, e, expected) => {
    expect(sameUnit(unitFromExpr(e), u(expected))).toBe(true);
  });
});

describe('describeUnit', () => {
  test.each([
    ['元/人·月', '货币/人口/时间', 'currency per person per time'],
    ['万元', '货币', 'currency'],
    ['户', '户数', 'household'],
    ['平方米', '面积', 'area'],
    ['亩', '面积', 'area'],
    ['米', '长度', 'length'],
    ['立方米', '体积', 'volume'],
    ['吨', '质量', 'mass'],
    ['张/千人', '计数（张）/人口', 'count of 张 per person'],
    ['%', '无量纲（百分比）', 'dimensionless (percentage)'],
    ['‰', '无量纲（千分比）', 'dimensionless (per mille)'],
    ['倍', '无量纲', 'dimensionless'],
    ['1/月', '1/时间', 'per time'],
    ['元·人', '货币·人口', 'currency × person'],
  ])('%s', (text, zh, en) => {
    expect(describeUnit(u(text))).toEqual({ zh, en });
  });
});

describe('unitFromExpr on what the parser produces', () => {
  const unitOf = (unitText: string): Unit => {
    const { file, problems } = parse(`series S { unit ${unitText} }`);
    const series = file.declarations[0];
    const field = series && 'fields' in series ? series.fields.find((f) => f.field === 'unit') : undefined;
    if (problems.some((p) => p.code === 'syntax-error') || !field || field.field !== 'unit' || !field.unit) {
      throw new Error(`the parser did not read ${unitText}`);
    }
    return unitFromExpr(field.unit);
  };

  test.each([
    ['元/人·月', '元/人·月'],
    ['元/人·年', '元/人·年'],
    ['张/千人', '张/千人'],
    ['万人', '万人'],
    ['%', '%'],
    ['％', '%'],
    ['‰', '‰'],
    ['米²', '平方米'],
    ['米^2', '平方米'],
    ['人次', '人次'],
  ])('unit %s', (text, expected) => {
    expect(formatUnit(unitOf(text))).toBe(expected);
  });
});
