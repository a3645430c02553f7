/** Cell and phrase values, header words, names: table-driven. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, removeSpaces } from '../../server/src/sources/chars';
import { parseValue, cellKind } from '../../server/src/sources/values';
import { classifyHeader, parseHeader } from '../../server/src/sources/headers';
import { splitName } from '../../server/src/sources/names';
import { normalizeTableId } from '../../server/src/sources/captions';

describe('parseValue', () => {
  it.each([
    ['55', { value: 55 }],
    ['≥55', { op: '>=', value: 55 }],
    ['≧30', { op: '>=', value: 30 }],
    ['＞5', { op: '>', value: 5 }],
    ['≤ 24', { op: '<=', value: 24 }],
    ['37.3%', { value: 37.3, unit: '%' }],
    ['37.3％', { value: 37.3, unit: '%' }],
    ['0.5‰', { value: 0.5, unit: '‰' }],
    ['55%以上', { op: '>=', value: 55, unit: '%' }],
    ['10以下', { op: '<=', value: 10 }],
    ['40左右', { op: '~', value: 40 }],
    ['约40', { op: '~', value: 40 }],
    ['不低于 700 元', { op: '>=', value: 700, unit: '元' }],
    ['不少于18人', { op: '>=', value: 18, unit: '人' }],
    ['不超过24', { op: '<=', value: 24 }],
    ['3.3万张', { value: 33000, written: 3.3, scale: 10000, unit: '张' }],
    ['1.1万', { value: 11000, written: 1.1, scale: 10000 }],
    ['2.5亿元', { value: 250000000, written: 2.5, scale: 1e8, unit: '元' }],
    ['1,200', { value: 1200 }],
    ['99。5', { value: 99.5 }],
    ['５５', { value: 55 }],
    ['〔5000〕', { value: 5000, cumulative: true }],
    ['[5000]', { value: 5000, cumulative: true }],
    ['【3】', { value: 3, cumulative: true }],
    ['-3.5', { value: -3.5 }],
    ['6672元/人·年', { value: 6672, unit: '元/人·年' }],
    ['—', { none: true }],
    ['——', { none: true }],
    ['-', { none: true }],
    ['/', { none: true }],
    ['', { none: true }],
    ['不低于居民上年度人均消费支出增速', { op: '>=' }],
    ['不低于当地低保标准的1.3倍', { op: '>=' }],
    ['全覆盖', {}],
    ['20-50', {}],
  ])('%s', (text, fields) => {
    const v = parseValue(text)!;
    expect(v).toEqual({ text, ...fields });
  });

  it('is undefined for what is not a value at all', () => {
    expect(parseValue('%')).toBeUndefined();
    expect(parseValue('...')).toBeUndefined();
  });

  it.each([
    ['1', 'number'],
    ['（3）', 'number'],
    ['35.9', 'value'],
    ['—', 'none'],
    ['预期性', 'attribute'],
    ['约束性', 'attribute'],
    ['%', 'unit'],
    ['万人', 'unit'],
    ['元/人·月', 'unit'],
    ['不低于当地低保标准的1.3倍', 'qualitative'],
    ['养老机构护理型床位占比（%）', 'text'],
    ['65岁及以上老年人健康管理率', 'text'],
    ['', 'empty'],
  ])('cell kind of %s is %s', (text, kind) => {
    expect(cellKind(text)).toBe(kind);
  });
});

describe('header words', () => {
  it.each([
    ['序号', { role: 'number' }],
    ['指  标  名  称', { role: 'name' }],
    ['主要指标', { role: 'name' }],
    ['单位', { role: 'unit' }],
    ['2020年', { role: 'year', year: 2020 }],
    ['2020年基础值', { role: 'baseline', year: 2020 }],
    ['基期值', { role: 'baseline' }],
    ['2025年目标值', { role: 'target', year: 2025 }],
    ['目标值（2025年）', { role: 'target', year: 2025 }],
    ['完成值', { role: 'actual' }],
    ['实际值', { role: 'actual' }],
    ['指标属性', { role: 'attribute' }],
    ['属性', { role: 'attribute' }],
    ['<b>类别</b>', undefined],
    ['类别', { role: 'category' }],
    ['主要指标2020年', undefined],
    ['2020年2025年', undefined],
    ['城乡低保标准年度增速', undefined],
  ])('%s', (text, word) => {
    expect(classifyHeader(text)).toEqual(word);
  });

  it('merges headers split over cells and resolves bare years', () => {
    const roles = (texts: string[]) => parseHeader(texts, false)?.map((c) => (c.year ? `${c.role}@${c.year}` : c.role));
    expect(roles(['序号', '主要指标', '2020年', '基础值', '2025年', '目标值', '指标', '属性'])).toEqual([
      'number', 'name', 'baseline@2020', 'target@2025', 'attribute',
    ]);
    expect(roles(['序号', '指标名称', '2020年', '目标值', '2020年', '完成值', '属性'])).toEqual([
      'number', 'name', 'target@2020', 'actual@2020', 'attribute',
    ]);
    expect(roles(['指标', '2020年', '2022年', '2025年', '属性'])).toEqual(['name', 'baseline@2020', 'target@2022', 'target@2025', 'attribute']);
    expect(roles(['指标', '2025年', '属性'])).toEqual(['name', 'target@2025', 'attribute']);
    expect(roles(['序号', '单位'])).toBeUndefined();
  });
});

describe('splitName', () => {
  it.each([
    ['养老机构护理型床位占比(%)', { name: '养老机构护理型床位占比', unit: '%', child: false }],
    ['养老机构护理型床位占比（％）', { name: '养老机构护理型床位占比', unit: '%', child: false }],
    ['社会工作专业人才总量（万人）', { name: '社会工作专业人才总量', unit: '万人', child: false }],
    ['城市低保标准（元/人·月）', { name: '城市低保标准', unit: '元/人·月', child: false }],
    ['城市低保标准（单位：元）', { name: '城市低保标准', unit: '元', child: false }],
    ['其中:护理型床位比例(%)', { name: '护理型床位比例', unit: '%', child: true }],
    ['其中：城市', { name: '城市', child: true }],
    ['特困人员供养服务设施(敬老院)', { name: '特困人员供养服务设施(敬老院)', child: false }],
    ['公益性骨灰安放设施(含公益性公墓)县级行政区域覆盖率(%)', { name: '公益性骨灰安放设施(含公益性公墓)县级行政区域覆盖率', unit: '%', child: false }],
    ['城市社区综合服务设施覆盖率1', { name: '城市社区综合服务设施覆盖率', child: false }],
    ['农村低保标准占城市低保标准比例²（%）', { name: '农村低保标准占城市低保标准比例', unit: '%', child: false }],
    ['节地生态安葬率（%）①', { name: '节地生态安葬率', unit: '%', child: false }],
    ['城乡低保 标准', { name: '城乡低保标准', child: false }],
    ['PM2.5浓度', { name: 'PM2.5浓度', child: false }],
  ])('%s', (raw, parts) => {
    expect(splitName(raw)).toEqual(parts);
  });
});

describe('table ids', () => {
  it.each([
    ['专栏2', '专栏2'],
    ['专栏 2', '专栏2'],
    ['专栏二', '专栏2'],
    ['专栏十二', '专栏12'],
    ['专栏１', '专栏1'],
    ['表1', '表1'],
    ['附表 2-1', '附表2-1'],
  ])('%s → %s', (id, normalized) => {
    expect(normalizeTableId(id)).toBe(normalized);
  });
});

describe('fold and removeSpaces', () => {
  it('fold is NFKC on every character of its fast path', () => {
    const fast = [...'、。《》「」『』【】“”‘’—―·•・‰≤≥×÷−'];
    for (let c = 0xff01; c <= 0xff5e; c++) fast.push(String.fromCharCode(c));
    for (const ch of fast) expect(fold(`指${ch}a`), ch).toBe(`指${ch}a`.normalize('NFKC'));
  });

  it('fold is NFKC on any text, the fast path for ASCII and common ideographs included', () => {
    const chars = fc.constantFrom('a', '5', '%', '指', '标', '（', '％', '１', 'ｋ', 'e', '\u0301', '㎡', '²', '\u3000', '\u00a0', '“', '。', '𠀀', '\ud800', '丽', ' ', '\t', '\n',
      ...'、《》「」『』【】”‘’—―·•・‰≤≥×÷−…℃', '\uff01', '\uff5e', '\uff5f', '\u309a', '\u1100', '\u1161');
    fc.assert(fc.property(fc.array(chars, { maxLength: 10 }).map((c) => c.join('')), (s) => {
      expect(fold(s)).toBe(s.normalize('NFKC'));
      expect(removeSpaces(s)).toBe([...s].filter((c) => !/^[\s\u00a0\u3000\u2000-\u200b\u202f\u205f\ufeff]$/.test(c)).join(''));
    }), { numRuns: 1000 });
  });
});
