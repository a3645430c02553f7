/**
 * fast-check arbitraries for the fuzzer: PTL programs (every declaration and field,
 * expressions, units, years, both keyword languages, full-width forms, comments),
 * typing edits over them (token deletions, insertions, duplications), plan texts
 * (tables in the layouts the source index reads, prose targets) and byte-level
 * mutations of seed files.
 */
import fc from 'fast-check';

type Lang = 'en' | 'zh';

const KW: Record<string, [string, string[]]> = {
  plan: ['plan', ['规划']],
  use: ['use', ['导入']],
  as: ['as', ['作为']],
  series: ['series', ['序列']],
  table: ['table', ['专栏']],
  indicator: ['indicator', ['指标']],
  check: ['check', ['校验']],
  within: ['within', ['容差']],
  name: ['name', ['名称']],
  unit: ['unit', ['单位']],
  baseline: ['baseline', ['基础值', '基期值']],
  target: ['target', ['目标值']],
  actual: ['actual', ['完成值', '实际值']],
  value: ['value', ['数值']],
  binding: ['binding', ['约束性']],
  anticipatory: ['anticipatory', ['预期性']],
  direction: ['direction', ['方向']],
  derive: ['derive', ['推导']],
  aligns: ['aligns', ['对标']],
  cite: ['cite', ['引用']],
  note: ['note', ['备注']],
  source: ['source', ['来源']],
  period: ['period', ['期间']],
  region: ['region', ['地区']],
  level: ['level', ['层级']],
  parent: ['parent', ['上级']],
  row: ['row', ['行']],
  line: ['line', ['行号']],
};

const kw = (id: keyof typeof KW, lang: Lang): fc.Arbitrary<string> =>
  lang === 'en' ? fc.constant(KW[id]![0]) : fc.constantFrom(...KW[id]![1]);

export const IDENTS = [
  '城乡低保比', '护理型床位占比', '养老床位', '老年人口', '床位需求', '省意见', '专栏2', '甲', '乙', '丙',
  'a', 'b', 'x_1', 'rate', 'beds', 'Ωmega', 'ｆｕｌｌ', '𠀀字', '市级3A社会组织占比', 'indicatorX', '目标值不低于',
];
export const ident = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...IDENTS) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z\u4e00-\u4e20_][a-z0-9\u4e00-\u4e20_]{0,6}$/) },
);

const digitsFull = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))).replace('.', '．');
export const number = fc
  .tuple(
    fc.oneof(fc.integer({ min: 0, max: 100000 }).map(String), fc.double({ min: 0, max: 1e6, noNaN: true }).map((d) => d.toFixed(2)), fc.constantFrom('0', '1e3', '99999999999999999999', '0.0001')),
    fc.constantFrom('', '', '', '万', '亿'),
    fc.boolean(),
  )
  .map(([n, scale, full]) => (full ? digitsFull(n) : n) + scale);

export const unit = fc.constantFrom('%', '％', '‰', '元/人·月', '元/人·年', '张', '万人', 'm^2', 'm²', '平方米/百户', '张/千人', '倍', '元', '亿元', '人次', '小时', '天', 'bogus单位', 'x/y/z', '个/万人', '%/年');
export const year = fc.oneof(
  fc.integer({ min: 1990, max: 2040 }).map((y) => `@${y}`),
  fc.tuple(fc.integer({ min: 2015, max: 2030 }), fc.integer({ min: 2015, max: 2035 })).map(([a, b]) => `@${a}..${b}`),
  fc.constantFrom('@２０２５', '＠2025', '@0', '@99999', '@2021…2025', '@2021．．2025', '@'),
);
export const comparison = fc.constantFrom('', '', '>=', '≥', '<=', '≤', '>', '<', '=', '~', '≈', '不低于', '不少于', '不高于', '不超过', '约', '＞＝', '⩾');
export const str = fc.oneof(
  fc.constantFrom('"城乡低保标准年度增速"', '"养老机构护理型床位占比"', '“全覆盖”', '"a\\"b"', '""', '"未闭合', '"到2025年,养老机构护理型床位占比不低于55%"', '"001_274d81b69c494f30.txt"'),
  fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
);
const part = fc.constantFrom('baseline', 'target', 'actual', '基础值', '目标值', '完成值', '实际值');
export const reference = fc.oneof(
  ident,
  fc.tuple(ident, part).map(([a, p]) => `${a}.${p}`),
  fc.tuple(ident, ident).map(([a, b]) => `${a}.${b}`),
  fc.tuple(ident, ident, ident).map(([a, b, c]) => `${a}.${b}.${c}`),
  fc.tuple(ident, fc.integer({ min: 2018, max: 2030 })).map(([a, y]) => `${a}@${y}`),
);

export const expression: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    number,
    fc.tuple(number, unit).map(([n, u]) => `${n} ${u}`),
    fc.tuple(number, fc.constantFrom('%', '％', '‰')).map(([n, u]) => n + u),
    reference,
    fc.constant('—'),
    tie('e').map((e) => `(${e})`),
    tie('e').map((e) => `（${e}）`),
    tie('e').map((e) => `-${e}`),
    fc.tuple(tie('e'), fc.constantFrom(' + ', ' - ', ' * ', ' / ', '×', '÷', '＋', ' ^ '), tie('e')).map(([a, o, b]) => a + o + b),
  ),
})).e;

const citation = (lang: Lang) =>
  fc.tuple(
    kw('cite', lang),
    fc.oneof(
      fc.tuple(kw('row', lang), fc.nat(40)).map(([r, n]) => `${r} ${n}`),
      fc.tuple(fc.constantFrom('专栏1', '专栏2', '专栏 2', '专栏二', '表1'), kw('row', lang), fc.nat(40)).map(([t, r, n]) => `${t} ${r} ${n}`),
      fc.tuple(kw('line', lang), fc.nat(200)).map(([l, n]) => `${l} ${n}`),
      str,
      fc.tuple(fc.constantFrom('"plan.txt"', '"001_274d81b69c494f30.txt"', '"../outside.txt"', '"/etc/passwd"', '"missing.txt"'), kw('line', lang), fc.nat(60)).map(([f, l, n]) => `${f} ${l} ${n}`),
    ),
  ).map(([c, rest]) => `${c} ${rest}`);

const valueField = (id: 'baseline' | 'target' | 'actual' | 'value', lang: Lang) =>
  fc.tuple(kw(id, lang), comparison, expression, fc.option(year, { nil: '' }), fc.option(citation(lang), { nil: '', freq: 4 })).map(([k, c, e, y, cite]) => [k, c, e, y, cite].filter(Boolean).join(' '));

const field = (lang: Lang) =>
  fc.oneof(
    fc.tuple(kw('name', lang), str).map(([k, s]) => `${k} ${s}`),
    fc.tuple(kw('unit', lang), unit).map(([k, u]) => `${k} ${u}`),
    valueField('baseline', lang),
    valueField('target', lang),
    valueField('target', lang),
    valueField('actual', lang),
    valueField('value', lang),
    kw('binding', lang),
    kw('anticipatory', lang),
    fc.tuple(kw('direction', lang), fc.constantFrom('increase', 'decrease', '增加', '下降', 'sideways')).map(([k, d]) => `${k} ${d}`),
    fc.tuple(kw('derive', lang), expression).map(([k, e]) => `${k} ${e}`),
    fc.tuple(kw('aligns', lang), expression).map(([k, e]) => `${k} ${e}`),
    citation(lang),
    fc.tuple(kw('note', lang), str).map(([k, s]) => `${k} ${s}`),
  );

const planField = (lang: Lang) =>
  fc.oneof(
    fc.tuple(kw('source', lang), fc.constantFrom('"plan.txt"', '"001_274d81b69c494f30.txt"', '"../x.txt"', '"file:///etc/passwd"', '"\\\\\\\\server\\\\share\\\\a.txt"', '"missing.txt"')).map(([k, s]) => `${k} ${s}`),
    fc.tuple(kw('period', lang), fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 2000, max: 2035 })).map(([k, a, b]) => `${k} ${a}..${b}`),
    fc.tuple(kw('region', lang), str).map(([k, s]) => `${k} ${s}`),
    fc.tuple(kw('level', lang), fc.constantFrom('province', 'city', '省', '县', 'planet')).map(([k, s]) => `${k} ${s}`),
    fc.tuple(kw('parent', lang), str).map(([k, s]) => `${k} ${s}`),
  );

const comment = fc.constantFrom(
  '// 注释',
  '// ptl-disable-next-line progress-lagging -- reason',
  '// ptl-disable-next-line binding-target-missed -- 理由',
  '// ptl-disable-next-line nonsense-rule',
  '/* block */',
  '/* 多行\n注释 */',
  '//',
  '/**/',
);

interface Block {
  head: string;
  lines: string[];
  children: Block[];
}

function render(block: Block, indent: string, depth: number, eol: string): string {
  const pad = indent.repeat(depth);
  const inner = [...block.lines.map((l) => pad + indent + l), ...block.children.map((c) => render(c, indent, depth + 1, eol))];
  return `${pad}${block.head} {${eol}${inner.join(eol)}${eol}${pad}}`;
}

const indicator = (lang: Lang, depth: number): fc.Arbitrary<Block> =>
  fc
    .tuple(
      kw('indicator', lang),
      ident,
      fc.array(fc.oneof({ weight: 6, arbitrary: field(lang) }, { weight: 1, arbitrary: comment }), { maxLength: 9 }),
      depth < 2 ? fc.array(fc.constant(0), { maxLength: 2 }) : fc.constant([] as number[]),
      fc.boolean(),
    )
    .chain(([k, id, lines, kids, brace]) =>
      fc.tuple(...kids.map(() => indicator(lang, depth + 1))).map((children) => ({ head: `${k} ${id}${brace ? '' : ''}`, lines, children })),
    );

const declaration = (lang: Lang): fc.Arbitrary<Block | string> =>
  fc.oneof(
    fc.tuple(kw('plan', lang), ident, str, fc.array(planField(lang), { maxLength: 5 })).map(([k, id, s, lines]) => ({ head: `${k} ${id} ${s}`, lines, children: [] })),
    fc.tuple(kw('use', lang), fc.constantFrom('"parent.ptl"', '"../up.ptl"', '"/abs.ptl"', '"self.ptl"', '"fuzz.ptl"', '"missing.ptl"'), kw('as', lang), ident).map((p) => p.join(' ')),
    fc.tuple(kw('series', lang), ident, fc.option(str, { nil: '' }), fc.array(field(lang), { maxLength: 4 })).map(([k, id, s, lines]) => ({ head: [k, id, s].filter(Boolean).join(' '), lines, children: [] })),
    fc.tuple(kw('table', lang), fc.constantFrom('专栏1', '专栏2', 'T'), str, fc.array(indicator(lang, 1), { maxLength: 3 })).map(([k, id, s, children]) => ({ head: `${k} ${id} ${s}`, lines: [], children })),
    indicator(lang, 0),
    fc.tuple(kw('check', lang), str, expression, comparison, expression, fc.option(fc.tuple(kw('within', lang), number), { nil: undefined })).map(([k, s, a, c, b, w]) => [k, s, a, c || '>=', b, w ? `${w[0]} ${w[1]}%` : ''].filter(Boolean).join(' ')),
    comment,
  );

/** A PTL program in one keyword language (or mixed), with a layout. */
export const ptlProgram: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom<Lang | 'mixed'>('en', 'zh', 'mixed'),
    fc.constantFrom('  ', '    ', '\t', '\u3000'),
    fc.constantFrom('\n', '\n', '\r\n', '\r'),
    fc.boolean(),
    fc.integer({ min: 0, max: 10 }),
  )
  .chain(([lang, indent, eol, bom, n]) =>
    fc.array(lang === 'mixed' ? fc.oneof(declaration('en'), declaration('zh')) : declaration(lang), { minLength: n, maxLength: n }).map((decls) => {
      const body = decls.map((d) => (typeof d === 'string' ? d : render(d, indent, 0, eol))).join(eol + eol) + eol;
      return (bom ? '\ufeff' : '') + (eol === '\n' ? body : body.replace(/\r?\n/g, eol));
    }),
  );

/** Tokens a typist inserts: keywords, punctuation (ASCII and full-width), pieces of strings and comments. */
const INSERTS = [
  '{', '}', '｛', '｝', '(', ')', '（', '）', '"', '“', '”', '/*', '*/', '//', '@', '＠', '..', '.', '．', ':', '：', ',', '，', '、', ';',
  '>=', '≥', '-', '—', '+', '*', '/', '^', '%', '‰', '2025', '３', '万', '\n', '\r\n', ' ', '\t', '\u3000', '\u0000', '\ud800', '\udc00',
  'indicator', '指标', 'target', '目标值', 'plan', 'table', 'use', 'cite', 'row', 'line', 'binding', '约束性', 'check', '不低于', '\\',
];

/** Typing-like edits: delete a span, insert a token, duplicate or move a span. */
export function typingEdits(text: string, maxEdits = 6): fc.Arbitrary<string> {
  const edit = fc.oneof(
    fc.tuple(fc.constant('del' as const), fc.nat(), fc.integer({ min: 1, max: 12 }), fc.constant('')),
    fc.tuple(fc.constant('ins' as const), fc.nat(), fc.constant(0), fc.constantFrom(...INSERTS)),
    fc.tuple(fc.constant('dup' as const), fc.nat(), fc.integer({ min: 1, max: 40 }), fc.constant('')),
    fc.tuple(fc.constant('chr' as const), fc.nat(), fc.constant(1), fc.string({ unit: 'binary', minLength: 1, maxLength: 3 })),
  );
  return fc.array(edit, { minLength: 1, maxLength: maxEdits }).map((edits) => {
    let t = text;
    for (const [kind, at, len, ins] of edits) {
      const pos = t.length ? at % (t.length + 1) : 0;
      if (kind === 'del') t = t.slice(0, pos) + t.slice(pos + len);
      else if (kind === 'ins' || kind === 'chr') t = t.slice(0, pos) + ins + t.slice(pos);
      else t = t.slice(0, pos + len) + t.slice(pos, pos + len) + t.slice(pos + len);
    }
    return t;
  });
}

export const mutatedProgram: fc.Arbitrary<string> = ptlProgram.chain((p) => fc.oneof(fc.constant(p), typingEdits(p)));

// ——— plan texts ———

const NAMES = ['城乡低保标准年度增速', '养老机构护理型床位占比', '农村低保标准占城市低保标准比例', '每千名老年人口养老床位数', '残疾人“两项补贴”覆盖率', '社会工作专业人才总量', '节地生态安葬率', '其中：城市', '困难群众求助响应时间'];
const cellValue = fc.oneof(number, fc.constantFrom('—', '', '≥7', '≧30', '55%以上', '40左右', '不超过24', '〔5000〕', '[3000]', '99。5', '10以下', '3.3万'));
const attr = fc.constantFrom('约束性', '预期性', '', '约束');
const tableRow = fc.tuple(fc.constantFrom(...NAMES), unit, cellValue, cellValue, attr);

export const planText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('tabs', 'pipes', 'spaces', 'one-line', 'html', 'cells', 'prose'),
    fc.constantFrom('专栏1：主要指标', '专栏2：“十四五”时期许昌市民政事业发展主要指标', '表1  主要指标', '各县主要指标如下：', ''),
    fc.array(tableRow, { minLength: 0, maxLength: 8 }),
    fc.array(fc.tuple(fc.constantFrom(...NAMES), comparison, number, unit), { maxLength: 5 }),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([layout, caption, rows, prose, eol]) => {
    const out: string[] = [caption];
    const header = ['序号', '指标', '单位', '2020年', '2025年', '属性'];
    const cells = rows.map(([n, u, a, b, at], i) => [String(i + 1), n, u, a, b, at]);
    switch (layout) {
      case 'tabs':
        out.push(header.join('\t'), ...cells.map((c) => c.join('\t')));
        break;
      case 'pipes':
        out.push(`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...cells.map((c) => `| ${c.join(' | ')} |`));
        break;
      case 'spaces':
        out.push(header.map((h) => h.padEnd(10)).join(''), ...cells.map((c) => c.map((x) => x.padEnd(12)).join('')));
        break;
      case 'one-line':
        out[0] = [caption, ...header, ...cells.flat()].join(' ');
        break;
      case 'html':
        out.push('<table>', `<tr>${header.map((h) => `<th>${h}</th>`).join('')}</tr>`, ...cells.map((c) => `<tr>${c.map((x) => `<td>${x}</td>`).join('')}</tr>`), '</table>');
        break;
      case 'cells':
        out.push('', ...header.flatMap((h) => [h, '']), ...cells.flatMap((c) => c.flatMap((x) => [x, ''])));
        break;
      case 'prose':
        break;
    }
    for (const [n, c, v, u] of prose) out.push(`到2025年，${n}${c}${v}${u}。`);
    return out.join(eol) + eol;
  });

export const mutatedPlanText: fc.Arbitrary<string> = planText.chain((p) => fc.oneof(fc.constant(p), typingEdits(p, 4)));

// ——— bytes ———

const INTERESTING = [
  [0x00], [0xff], [0xfe], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xe4, 0xb8], [0xf0, 0x9f],
  [0x0d], [0x0a], [0x0d, 0x0a], [0x7b], [0x7d], [0x22], [0x2f, 0x2a], [0x28], [0x29], [0xd7, 0xa8], [0x81, 0x30, 0x81, 0x30],
];

/** Byte-level mutations of a seed: bit flips, interesting bytes, deletions, duplications, splices with another seed. */
export function mutatedBytes(seeds: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  const op = fc.oneof(
    fc.tuple(fc.constant(0), fc.nat(), fc.nat(7), fc.constant(0)),
    fc.tuple(fc.constant(1), fc.nat(), fc.nat(INTERESTING.length - 1), fc.constant(0)),
    fc.tuple(fc.constant(2), fc.nat(), fc.integer({ min: 1, max: 64 }), fc.constant(0)),
    fc.tuple(fc.constant(3), fc.nat(), fc.integer({ min: 1, max: 256 }), fc.constant(0)),
    fc.tuple(fc.constant(4), fc.nat(), fc.nat(), fc.nat(seeds.length - 1)),
    fc.tuple(fc.constant(5), fc.nat(), fc.nat(255), fc.constant(0)),
  );
  return fc.tuple(fc.nat(seeds.length - 1), fc.array(op, { minLength: 1, maxLength: 8 })).map(([i, ops]) => {
    let b = Array.from(seeds[i]!);
    for (const [kind, at, x, other] of ops) {
      const pos = b.length ? at % b.length : 0;
      if (kind === 0 && b.length) b[pos] = b[pos]! ^ (1 << x);
      else if (kind === 1) b.splice(pos, 0, ...INTERESTING[x]!);
      else if (kind === 2) b.splice(pos, x);
      else if (kind === 3) b.splice(pos, 0, ...b.slice(pos, pos + x));
      else if (kind === 4) {
        const o = seeds[other]!;
        const from = o.length ? x % o.length : 0;
        b = [...b.slice(0, pos), ...Array.from(o.subarray(from, from + 512))];
      } else if (kind === 5 && b.length) b[pos] = x;
    }
    return Uint8Array.from(b);
  });
}
