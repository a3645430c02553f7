/**
 * The real plans in seeds/: every indicator table row and every prose target the index
 * must find, stated as one-line descriptions (see describe.ts for the notation).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexSourceBytes } from '../../server/src/sources/index';
import type { SourceIndex } from '../../server/src/sources/types';
import { describeProse, describeRows, describeTable } from './describe';
import { checkLocations } from './locations';

const SEEDS = join(__dirname, '../../seeds');
const cache = new Map<string, SourceIndex>();
function seed(prefix: string): SourceIndex {
  let ix = cache.get(prefix);
  if (!ix) {
    const name = ['000_69a191a5f8c81a6e', '001_274d81b69c494f30', '002_d5c889162d56d462', '003_3951c9a6444b22c2', '004_a2a16f6a922cbb78'].find((n) => n.startsWith(prefix))!;
    ix = indexSourceBytes(readFileSync(join(SEEDS, `${name}.txt`)));
    cache.set(prefix, ix);
  }
  return ix;
}
function table(prefix: string, id: string) {
  const t = seed(prefix).tables.find((x) => x.id === id);
  if (!t) throw new Error(`${prefix}: no table ${id}`);
  return t;
}

describe('001 许昌市“十四五”民政事业发展规划 (one cell per line)', () => {
  it('finds 专栏1 and 专栏2 as indicator tables and 专栏3–9 as text boxes', () => {
    expect(seed('001').tables.map(describeTable)).toEqual([
      '专栏1 indicators L27-169 [number,name,target@2020,actual@2020,attribute]',
      '专栏2 indicators L223-353 [number,name,baseline@2020,target@2025,attribute]',
      '专栏3 text L413-419 []',
      '专栏4 text L443-451 []',
      '专栏5 text L495-501 []',
      '专栏6 text L535-543 []',
      '专栏7 text L575-583 []',
      '专栏8 text L613-623 []',
      '专栏9 text L643-645 []',
    ]);
    expect(table('001', '专栏2').title).toBe('专栏2:“十四五”时期许昌市民政事业发展主要指标');
  });

  it('reads 专栏1 (13th plan targets and completions, a 其中 sub-row)', () => {
    const t = table('001', '专栏1');
    expect(describeRows(t)).toEqual([
      '1 #1 每千名老年人口拥有养老床位数 [张] t=35@47 a=35.9@49 预期性 L43-51',
      '  └ 1 护理型床位比例 [%] t=30@55 a=37.3%@57 预期性 L53-59',
      '2 #2 对生活不能自理的特困人员的集中供养能力 [%] t=50@65 a=46.9@67 约束性 L61-69',
      '3 #3 节地生态安葬率 [%] t=50@75 a=50@77 预期性 L71-79',
      '4 #4 公益性骨灰安放设施(含公益性公墓)县级行政区域覆盖率 [%] t=70@85 a=95.2@87 约束性 L81-89',
      '5 #5 城市社区综合服务设施覆盖率 [%] t=99@95 a=100@97 约束性 L91-99',
      '6 #6 农村社区综合服务设施覆盖率 [%] t=50@105 a=87@107 约束性 L101-109',
      '7 #7 城市社区公共服务综合信息平台覆盖率 [%] t=60@115 a=76.66@117 约束性 L111-119',
      '8 #8 农村社区公共服务综合信息平台覆盖率 [%] t=30@125 a=40.55@127 约束性 L121-129',
      '9 #9 每万人社会组织数 [个] t=3.5@135 a=4.76@137 预期性 L131-139',
      '10 #10 经常性社会捐助站点和慈善超市数量 [个] t=2000@145 a=683@147 预期性 L141-149',
      '11 #11 社会工作专业人才占总人口比例 [‰] t=0.5@155 a=0.42@157 预期性 L151-159',
      '12 #12 注册志愿者人数占居民人口的比例 [%] t=13@165 a=12.5@167 预期性 L161-169',
    ]);
    const [first] = t.rows;
    expect(first!.rawName).toBe('每千名老年人口拥有养老床位数(张)');
    expect(first!.targetYear).toBe(2020);
    expect(first!.actualYear).toBe(2020);
    expect(first!.baselineYear).toBeUndefined();
    expect(first!.children[0]!.rawName).toBe('其中:护理型床位比例(%)');
    expect(first!.children[0]!.actual).toMatchObject({ text: '37.3%', value: 37.3, unit: '%', line: 57, column: 0, length: 5 });
  });

  it('reads 专栏2 (header split over lines, rows 5–10 with only a target, ≥ and ≧, text targets)', () => {
    const t = table('001', '专栏2');
    expect(describeRows(t)).toEqual([
      '1 #1 城乡低保标准年度增速 [%] t=≥“不低于居民上年度人均消费支出增速”@245 预期性 L241-247',
      '2 #2 农村低保标准占城市低保标准比例 [%] b=70@253 t=75@255 预期性 L249-257',
      '3 #3 残疾人“两项补贴”覆盖率 [%] b=99@263 t=100@265 约束性 L259-267',
      '4 #4 养老机构护理型床位占比 [%] b=31.1@273 t=≥55@275 约束性 L269-277',
      '5 #5 乡镇(街道)范围具备综合功能的养老服务机构覆盖率 [%] t=60@283 预期性 L279-285',
      '6 #6 每百户居民拥有的城乡社区综合服务设施面积 [平方米] t=≥30@291 预期性 L287-293',
      '7 #7 查明身份信息流浪乞讨受助人员接送返回率 [%] t=100@299 约束性 L295-301',
      '8 #8 县级公益性安葬(放)设施覆盖率 [%] t=100@307 约束性 L303-309',
      '9 #9 乡镇(街道)未成年人保护工作站覆盖率 [%] t=50@315 预期性 L311-317',
      '10 #10 志愿服务站点在社区综合服务设施中的覆盖率 [%] t=80@323 预期性 L319-325',
      '11 #11 社会工作专业人才总量 [万人] b=0.03@331 t=0.1@333 预期性 L327-335',
      '12 #12 特困人员基本生活标准 b=≥“不低于当地低保标准的1.3倍”@341 t=≥“不低于当地低保标准的1.3倍”@343 预期性 L337-345',
      '13 #13 乡镇(街道)社会工作服务站覆盖率 [%] t=100@351 预期性 L347-353',
    ]);
    const r4 = t.rows[3]!;
    expect(r4).toMatchObject({ baselineYear: 2020, targetYear: 2025, nameLocation: { line: 271, column: 0, length: 14 } });
    expect(r4.target).toMatchObject({ text: '≥55', op: '>=', value: 55, line: 275, column: 0, length: 3 });
    expect(t.rows[5]!.target).toMatchObject({ text: '≧30', op: '>=', value: 30 });
  });

  it('finds the prose targets', () => {
    expect(seed('001').prose.map(describeProse)).toEqual([
      'L387:225+17 2025 养老机构护理型床位占比 = ≥55%@387',
      'L417:95+26 2025 区域养老服务中心在乡镇(街道)的覆盖率 = 60%@417',
      'L419:77+20 2025 全市培养培训养老服务人员 = ≥2000人次@419',
      'L479:37+19 2025 县(市)城市规范化社区覆盖率 = 80%@479',
      'L479:57+14 2025 中心城区规范化社区 = “实现全覆盖”@479',
      'L489:141+22 2025 每万名城镇常住人口拥有社区工作者 = ≥18人@489',
      'L539:192+15 2025 市、县、乡公益性安葬设施 = “全覆盖”@539',
    ]);
    const p = seed('001').prose[0]!;
    expect(p.sentence).toBe('到2025年,养老机构护理型床位占比不低于55%。');
    expect(p.value).toMatchObject({ text: '不低于55%', op: '>=', value: 55, unit: '%', line: 387, column: 236, length: 6 });
  });
});

describe('002 平顶山市“十四五”民政事业发展规划 (tab-separated, markdown remnants)', () => {
  it('finds 专栏1 as the only indicator table; 专栏2–12 are text boxes', () => {
    const tables = seed('002').tables;
    expect(tables.filter((t) => t.kind === 'indicators').map(describeTable)).toEqual([
      '专栏1 indicators L190-206 [number,name,baseline@2020,target@2025,attribute]',
    ]);
    expect(tables.filter((t) => t.kind === 'text').map((t) => t.id)).toEqual(
      Array.from({ length: 11 }, (_, k) => `专栏${k + 2}`),
    );
    expect(tables.filter((t) => t.kind === 'text').every((t) => t.rows.length === 0 && t.columns.length === 0)).toBe(true);
    expect(tables[0]!.title).toBe('专栏 1：“十四五”时期平顶山市民政事业发展主要指标');
    // `<b>专栏 7: …</b>` and `#### 专栏 2: …` captions lose their markup.
    expect(tables.find((t) => t.id === '专栏7')!.title).toBe('专栏 7: 社会组织提质增效行动');
  });

  it('reads 专栏1 across the page-break blank line, `—` as none, full-width unit parentheses', () => {
    expect(describeRows(table('002', '专栏1'))).toEqual([
      '1 #1 城乡低保标准年度增速 [%] b=—@193 t=≥“不低于居民上年度人均消费支出增速”@193 预期性 L193-193',
      '2 #2 农村低保标准占城市低保标准比例 [%] b=65@194 t=75@194 预期性 L194-194',
      '3 #3 残疾人“两项补贴”覆盖率 [%] b=99@195 t=100@195 约束性 L195-195',
      '4 #4 养老机构护理型床位占比 [%] b=—@196 t=55@196 约束性 L196-196',
      '5 #5 乡镇（街道）范围具备综合功能的养老服务机构覆盖率 [%] b=18@197 t=100@197 预期性 L197-197',
      '6 #6 每百户居民拥有的城乡社区综合服务设施面积 [平方米] b=—@198 t=—@198 预期性 L198-198',
      '7 #7 查明身份信息流浪乞讨受助人员接送返回率 [%] b=—@199 t=100@199 约束性 L199-199',
      '8 #8 县级公益性安葬（放）设施覆盖率 [%] b=—@200 t=100@200 约束性 L200-200',
      '9 #9 乡镇（街道）未成年人保护工作站覆盖率 [%] b=—@202 t=50@202 预期性 L202-202',
      '10 #10 志愿服务站点在社区综合服务设施中的覆盖率 [%] b=—@203 t=80@203 预期性 L203-203',
      '11 #11 社会工作专业人才总量 [万人] b=0.16@204 t=0.2@204 预期性 L204-204',
      '12 #12 特困人员基本生活标准 b=≥“不低于当地低保标准的1.3倍”@205 t=≥“不低于当地低保标准的1.3倍”@205 预期性 L205-205',
      '13 #13 乡镇（街道）社会工作服务站覆盖率 [%] b=—@206 t=100@206 预期性 L206-206',
    ]);
    const r2 = table('002', '专栏1').rows[1]!;
    expect(r2.nameLocation).toEqual({ line: 194, column: 2, length: 18 });
    expect(r2.baseline).toMatchObject({ text: '65', value: 65, line: 194, column: 21, length: 2 });
  });

  it('finds the prose targets (several per sentence, 万 scales, 以上, 全覆盖)', () => {
    const found = seed('002').prose.map(describeProse);
    expect(found).toContain('L178:49+19 2025 养老机构护理型床位占比 = ≥55%@178');
    expect(found).toContain('L186:147+17 2025 社会工作专业人才总量 = 2000人(0.2万)@186');
    expect(found).toContain('L186:165+22 2025 乡镇（街道）社会工作服务站覆盖率 = 100%@186');
    expect(found).toContain('L322:81+20 2025 全市培养培训养老服务人员 = ≥10000人次(1万)@322');
    expect(found).toContain('L468:146+11 2025 村级综合服务设施 = “全覆盖”@468');
    expect(found).toHaveLength(22);
  });
});

describe('000 河南省民政厅关于支持许昌…的意见 (prose only)', () => {
  it('has no tables', () => {
    expect(seed('000').tables).toEqual([]);
  });

  it('splits targets stated together (分别 … 、 …) and keeps units, per-month and 万', () => {
    expect(seed('000').prose.map(describeProse)).toEqual([
      'L15:151+23 2025 城市居民最低生活保障标准 = ≥700元/月@15',
      'L15:151+29 2025 农村居民最低生活保障标准 = ≥550元/月@15',
      'L17:121+16 2025 养老机构床位数 = 33000张(3.3万)@17',
      'L31:51+42 2025 获得3A(含)以上评估等级的市级登记的社会组织占其登记社会组织比例 = 30%@31',
      'L31:51+46 2025 获得3A(含)以上评估等级的县级登记的社会组织占其登记社会组织比例 = 20%@31',
    ]);
    const [low] = seed('000').prose;
    expect(low!.value).toMatchObject({ text: '不低于 700 元', op: '>=', value: 700, unit: '元/月', column: 165, length: 9 });
    expect(low!.yearText).toBe('到 2025 年');
    expect(low!.sentence.startsWith('支持许昌健全低保标准动态调整机制')).toBe(true);
    expect(seed('000').prose[2]!.value).toMatchObject({ text: '3.3 万张', value: 33000, written: 3.3, scale: 10000, unit: '张' });
  });
});

describe('003 and 004 (no indicator tables, no future targets)', () => {
  it('invents nothing from bylines, dates and past achievements', () => {
    for (const p of ['003', '004']) {
      expect(seed(p).tables).toEqual([]);
      expect(seed(p).prose).toEqual([]);
    }
  });
});

describe('every seed', () => {
  it('locates every name and value exactly in its line', () => {
    for (const p of ['000', '001', '002', '003', '004']) checkLocations(seed(p));
  });
});
