/**
 * Realistic synthetic workspaces for the benchmark: province → cities → counties,
 * each plan a `.ptl` file with 20–60 indicators (mean ≈ 33) and the plan's own text
 * beside it (a title, prose targets and 专栏 tables, tab-separated or one cell per
 * line), so `cite 专栏N row K` resolves and the source checks do their real work.
 * Lower plans `use` their parent plan and `aligns` to its indicators.
 *
 * Deterministic: the same options give the same bytes. Also writes each plan as
 * YAML (the drafter's alternative) with one JSON Schema describing it.
 *
 * Usage: generatePlans({ files: 3000 }) → in-memory plans; writeWorkspace(dir, plans).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rng } from '../test/support/random';

interface Metric {
  name: string;
  unit: string;
  /** Baseline range and decimals. */
  lo: number;
  hi: number;
  dp: number;
  /** +1: higher is better; -1: lower is better. */
  dir: 1 | -1;
  /** Percent-like: capped at 100. */
  cap?: number;
  binding?: boolean;
}

const METRICS: Metric[] = [
  { name: '养老机构护理型床位占比', unit: '%', lo: 30, hi: 50, dp: 1, dir: 1, cap: 100, binding: true },
  { name: '每千名老年人口拥有养老床位数', unit: '张', lo: 30, hi: 40, dp: 1, dir: 1 },
  { name: '社区综合服务设施覆盖率', unit: '%', lo: 70, hi: 95, dp: 1, dir: 1, cap: 100, binding: true },
  { name: '社会工作专业人才总量', unit: '万人', lo: 0.5, hi: 3, dp: 2, dir: 1 },
  { name: '城市低保标准', unit: '元/人·月', lo: 500, hi: 800, dp: 0, dir: 1 },
  { name: '农村低保标准', unit: '元/人·月', lo: 350, hi: 600, dp: 0, dir: 1 },
  { name: '人均住房建筑面积', unit: '平方米', lo: 30, hi: 45, dp: 1, dir: 1 },
  { name: '常住人口城镇化率', unit: '%', lo: 45, hi: 65, dp: 1, dir: 1, cap: 100 },
  { name: '城镇新增就业人数', unit: '万人', lo: 5, hi: 60, dp: 1, dir: 1 },
  { name: '城镇调查失业率', unit: '%', lo: 4, hi: 6, dp: 1, dir: -1, cap: 100 },
  { name: '居民人均可支配收入', unit: '元', lo: 20000, hi: 45000, dp: 0, dir: 1 },
  { name: '劳动年龄人口平均受教育年限', unit: '年', lo: 9, hi: 11.5, dp: 1, dir: 1 },
  { name: '每千人口拥有执业医师数', unit: '人', lo: 2, hi: 3.5, dp: 2, dir: 1 },
  { name: '人均预期寿命', unit: '岁', lo: 75, hi: 79, dp: 1, dir: 1 },
  { name: '单位地区生产总值能源消耗降低', unit: '%', lo: 10, hi: 16, dp: 1, dir: 1, cap: 100, binding: true },
  { name: '森林覆盖率', unit: '%', lo: 20, hi: 45, dp: 2, dir: 1, cap: 100, binding: true },
  { name: '地级及以上城市空气质量优良天数比率', unit: '%', lo: 70, hi: 88, dp: 1, dir: 1, cap: 100, binding: true },
  { name: '耕地保有量', unit: '万亩', lo: 500, hi: 9000, dp: 0, dir: 1, binding: true },
  { name: '粮食综合生产能力', unit: '万吨', lo: 200, hi: 6500, dp: 0, dir: 1, binding: true },
  { name: '普惠性幼儿园覆盖率', unit: '%', lo: 75, hi: 88, dp: 1, dir: 1, cap: 100 },
  { name: '高中阶段教育毛入学率', unit: '%', lo: 88, hi: 94, dp: 1, dir: 1, cap: 100 },
  { name: '城乡居民基本养老保险参保率', unit: '%', lo: 88, hi: 93, dp: 1, dir: 1, cap: 100 },
  { name: '每万人口高价值发明专利拥有量', unit: '件', lo: 1, hi: 8, dp: 1, dir: 1 },
  { name: '研究与试验发展经费投入强度', unit: '%', lo: 1.2, hi: 2.6, dp: 2, dir: 1, cap: 100 },
  { name: '数字经济核心产业增加值占比', unit: '%', lo: 4, hi: 9, dp: 1, dir: 1, cap: 100 },
  { name: '公路通车里程', unit: '公里', lo: 3000, hi: 30000, dp: 0, dir: 1 },
  { name: '城市生活垃圾无害化处理率', unit: '%', lo: 92, hi: 99, dp: 1, dir: 1, cap: 100 },
  { name: '城市污水处理率', unit: '%', lo: 90, hi: 97, dp: 1, dir: 1, cap: 100 },
  { name: '农村自来水普及率', unit: '%', lo: 85, hi: 93, dp: 1, dir: 1, cap: 100 },
  { name: '婴儿死亡率', unit: '‰', lo: 3, hi: 6, dp: 1, dir: -1 },
  { name: '每万人口全科医生数', unit: '人', lo: 2, hi: 4, dp: 1, dir: 1 },
  { name: '每千人口拥有3岁以下婴幼儿托位数', unit: '个', lo: 1, hi: 2.5, dp: 1, dir: 1 },
  { name: '注册志愿者人数占居民人口比例', unit: '%', lo: 10, hi: 15, dp: 1, dir: 1, cap: 100 },
  { name: '每万人社会组织数', unit: '个', lo: 3, hi: 6, dp: 2, dir: 1 },
  { name: '城镇老旧小区改造', unit: '个', lo: 100, hi: 900, dp: 0, dir: 1 },
  { name: '保障性租赁住房筹建', unit: '万套', lo: 0.5, hi: 6, dp: 1, dir: 1 },
  { name: '人均公园绿地面积', unit: '平方米', lo: 10, hi: 15, dp: 1, dir: 1 },
  { name: '全员劳动生产率', unit: '万元/人', lo: 8, hi: 15, dp: 1, dir: 1 },
  { name: '特困人员集中供养能力', unit: '%', lo: 40, hi: 55, dp: 1, dir: 1, cap: 100, binding: true },
  { name: '节地生态安葬率', unit: '%', lo: 40, hi: 60, dp: 1, dir: 1, cap: 100 },
];

/** Areas a metric is broken down by: 40 × 60 = 2,400 distinct indicator names. */
const AREAS = [
  '', '全域', '城镇', '农村', '城乡', '县域', '中心城区', '开发区', '东部', '西部', '南部', '北部', '沿河', '山区', '平原', '新区',
  '东城区', '西城区', '南关区', '北关区', '高新区', '经开区', '城关镇', '新华区', '卫东区', '湛河区', '石龙区', '魏都区', '建安区', '文峰区',
  '龙亭区', '顺河区', '鼓楼区', '禹王台区', '金水区', '二七区', '中原区', '管城区', '惠济区', '上街区', '瀍河区', '涧西区', '老城区', '西工区',
  '吉利区', '洛龙区', '解放区', '中站区', '马村区', '山阳区', '华龙区', '殷都区', '龙安区', '北关新区', '红旗区', '卫滨区', '凤泉区', '牧野区', '源汇区', '郾城区',
];

const PROVINCES = ['河南省', '湖北省', '湖南省', '河北省', '山东省', '山西省', '陕西省', '安徽省', '江西省', '江苏省', '浙江省', '福建省', '广东省', '广西壮族自治区', '四川省',
  '贵州省', '云南省', '甘肃省', '青海省', '辽宁省', '吉林省', '黑龙江省', '海南省', '内蒙古自治区', '宁夏回族自治区', '新疆维吾尔自治区', '西藏自治区', '北京市', '天津市', '上海市'];
const SYL = ['安', '平', '宁', '阳', '昌', '丰', '江', '山', '河', '城', '兴', '华', '东', '西', '南', '北', '新', '清', '泉', '林', '荣', '嘉', '德', '和', '永', '长', '沙', '汝', '叶', '鲁', '宝', '舞', '襄', '郏', '禹', '鄢', '临', '颍', '淮', '商'];
const PLANS = ['国民经济和社会发展第十四个五年规划', '“十四五”民政事业发展规划', '“十四五”社会事业发展规划', '“十四五”生态环境保护规划', '“十四五”公共服务规划'];

export type Level = 'province' | 'city' | 'county';

export interface Indicator {
  id: string;
  name: string;
  unit: string;
  baseline: string;
  op: '>=' | '<=' | '';
  target: string;
  actual?: string;
  binding: boolean;
  /** The parent's indicator id, when the parent plan has the same indicator. */
  aligns?: string;
  table: number;
  row: number;
}

export interface Plan {
  /** Path relative to the workspace root, without extension. */
  file: string;
  id: string;
  title: string;
  region: string;
  level: Level;
  parent?: Plan;
  /** `use` path relative to this plan's folder. */
  parentPath?: string;
  /** The table captions, one per 专栏. */
  tables: string[];
  /** 'tabs': one row per line; 'cells': one cell per line (as seed 001). */
  layout: 'tabs' | 'cells';
  indicators: Indicator[];
  byMetric: Map<string, Indicator>;
}

const fmt = (v: number, dp: number) => {
  const s = v.toFixed(dp);
  return dp > 0 ? s.replace(/\.?0+$/, '') || '0' : s;
};

function makePlan(r: () => number, file: string, region: string, level: Level, count: number, parent?: Plan, parentPath?: string, titleIndex = 0): Plan {
  const title = `${region}${PLANS[titleIndex % PLANS.length]}`;
  const idBase = `${region.replace(/[^\p{Script=Han}]/gu, '')}十四五`;
  // Half the indicators come from the parent (so `aligns` has something to point at), the rest at random.
  const chosen: string[] = [];
  const seen = new Set<string>();
  const push = (key: string) => {
    if (!seen.has(key)) (seen.add(key), chosen.push(key));
  };
  if (parent) for (const key of parent.byMetric.keys()) if (chosen.length < count / 2 && r() < 0.7) push(key);
  let guard = 0;
  while (chosen.length < count && guard++ < count * 50) {
    const m = Math.floor(r() * METRICS.length);
    const a = count > METRICS.length || chosen.length >= METRICS.length * 0.8 ? Math.floor(r() * AREAS.length) : Math.floor(r() * 4);
    push(`${m}:${a}`);
  }
  const perTable = Math.max(10, Math.ceil(chosen.length / Math.max(1, Math.ceil(chosen.length / 30))));
  const indicators: Indicator[] = [];
  const byMetric = new Map<string, Indicator>();
  chosen.forEach((key, i) => {
    const [mi, ai] = key.split(':').map(Number) as [number, number];
    const m = METRICS[mi]!;
    const name = `${AREAS[ai]}${m.name}`;
    const base = m.lo + (m.hi - m.lo) * r();
    const p = parent?.byMetric.get(key);
    let target = base * (1 + m.dir * (0.05 + 0.2 * r()));
    if (p && p.op !== '') {
      // Mostly at least as strong as the parent; one in twenty weaker (a real finding).
      const pt = Number(p.target);
      target = r() < 0.05 ? pt * (1 - m.dir * 0.03) : pt * (1 + m.dir * 0.02 * r());
    }
    if (m.cap !== undefined) target = Math.min(target, m.cap);
    const op: Indicator['op'] = r() < 0.6 ? (m.dir > 0 ? '>=' : '<=') : '';
    const actual = r() < 0.4 ? base + (target - base) * (0.3 + 0.8 * r()) : undefined;
    const ind: Indicator = {
      id: name,
      name,
      unit: m.unit,
      baseline: fmt(base, m.dp),
      op,
      target: fmt(target, m.dp),
      actual: actual === undefined ? undefined : fmt(actual, m.dp),
      binding: !!m.binding,
      aligns: p ? p.id : undefined,
      table: Math.floor(i / perTable) + 1,
      row: (i % perTable) + 1,
    };
    indicators.push(ind);
    byMetric.set(key, ind);
  });
  const tables = [...new Set(indicators.map((i) => i.table))].map((t) => (t === 1 ? `${region}“十四五”时期主要指标` : `${region}“十四五”时期主要指标（续${t - 1}）`));
  return { file, id: idBase, title, region, level, parent, parentPath, tables, layout: r() < 0.3 ? 'cells' : 'tabs', indicators, byMetric };
}

function name2(r: () => number, suffix: string, used: Set<string>): string {
  for (;;) {
    const n = SYL[Math.floor(r() * SYL.length)]! + SYL[Math.floor(r() * SYL.length)]! + suffix;
    if (!used.has(n)) return used.add(n), n;
  }
}

/**
 * `files` plans in province → city → county order (a province has up to 9 cities, a
 * city up to 10 counties), 20–60 indicators each, mean ≈ 33, so 3,000 files ≈ 100,000
 * indicators.
 */
export function generatePlans(options: { files: number; seed?: number }): Plan[] {
  const r = rng(options.seed ?? 20210311);
  const plans: Plan[] = [];
  const count = () => {
    const x = r();
    return 20 + Math.floor(41 * x * x);
  };
  for (let p = 0; plans.length < options.files; p++) {
    const pname = PROVINCES[p % PROVINCES.length]! + (p >= PROVINCES.length ? `${Math.floor(p / PROVINCES.length) + 1}` : '');
    const pdir = `p${String(p + 1).padStart(2, '0')}`;
    const province = makePlan(r, `${pdir}/province`, pname, 'province', count(), undefined, undefined, p);
    plans.push(province);
    const used = new Set<string>();
    for (let c = 0; c < 9 && plans.length < options.files; c++) {
      const cname = name2(r, '市', used);
      const cdir = `${pdir}/c${c + 1}`;
      const city = makePlan(r, `${cdir}/city`, cname, 'city', count(), province, '../province.ptl', p + c);
      plans.push(city);
      for (let k = 0; k < 10 && plans.length < options.files; k++) {
        const kname = name2(r, r() < 0.7 ? '县' : '区', used);
        plans.push(makePlan(r, `${cdir}/county${k + 1}`, kname, 'county', count(), city, 'city.ptl', p + c + k));
      }
    }
  }
  return plans;
}

/** One city plan broken down by district: `indicators` of them in 专栏 tables of 40 rows. */
export function generateLargePlan(indicators: number, seed = 7): Plan {
  const r = rng(seed);
  const plan = makePlan(r, 'large/city', '平顶山市', 'city', indicators);
  plan.layout = 'tabs';
  return plan;
}

// ---- writing ----

function ptlText(plan: Plan): string {
  const out: string[] = [];
  out.push(`// ${plan.title}：主要指标（合成的基准测试数据）`);
  out.push(`plan ${plan.id} "${plan.title}" {`, `  source "${path.basename(plan.file)}.txt"`, '  period 2021..2025', `  region "${plan.region}"`, `  level  ${plan.level}`, '}', '');
  if (plan.parentPath) out.push(`use "${plan.parentPath}" as ${plan.level === 'county' ? '市' : '省'}`, '');
  plan.tables.forEach((caption, t) => {
    out.push(`table 专栏${t + 1} "专栏${t + 1}:${caption}" {`);
    for (const i of plan.indicators.filter((x) => x.table === t + 1)) {
      out.push(`  indicator ${i.id} {`);
      out.push(`    name     "${i.name}"`);
      out.push(`    unit     ${i.unit}`);
      out.push(`    baseline ${i.baseline} @2020`);
      out.push(`    target   ${i.op ? `${i.op} ` : ''}${i.target} @2025`);
      if (i.actual) out.push(`    actual   ${i.actual} @2023`);
      out.push(`    ${i.binding ? 'binding' : 'anticipatory'}`);
      if (i.aligns) out.push(`    aligns   ${plan.level === 'county' ? '市' : '省'}.${i.aligns}`);
      out.push(`    cite     专栏${t + 1} row ${i.row}`);
      out.push('  }');
    }
    out.push('}', '');
  });
  return out.join('\n');
}

function planText(plan: Plan): string {
  const out: string[] = [plan.title, '', '第一章 发展基础', '', `“十三五”时期，${plan.region}经济社会持续健康发展，民生保障水平稳步提高。`, ''];
  plan.tables.forEach((caption, t) => {
    out.push(`专栏${t + 1}:${caption}`);
    const header = ['序号', '指标', '单位', '2020年基础值', '2025年目标值', '属性'];
    const rows = plan.indicators.filter((x) => x.table === t + 1).map((i) => [String(i.row), i.name, i.unit, i.baseline, `${i.op === '>=' ? '≥' : i.op === '<=' ? '≤' : ''}${i.target}`, i.binding ? '约束性' : '预期性']);
    if (plan.layout === 'tabs') for (const row of [header, ...rows]) out.push(row.join('\t'));
    else for (const row of [header, ...rows]) out.push(...row);
    out.push('');
  });
  out.push('第二章 主要任务', '');
  for (const i of plan.indicators.slice(0, 3)) out.push(`到2025年,${i.name}${i.op === '<=' ? '不高于' : i.op === '>=' ? '不低于' : '达到'}${i.target}${i.unit === '%' ? '%' : i.unit}。`);
  out.push('', '第三章 保障措施', '', '加强组织领导，强化规划实施的监测评估。', '');
  return out.join('\n');
}

const yq = (s: string) => JSON.stringify(s);

/** The same plan as a drafter would keep it without PTL: YAML, validated by a JSON Schema. */
export function yamlText(plan: Plan): string {
  const out: string[] = ['# yaml-language-server: $schema=plan.schema.json', 'plan:', `  id: ${yq(plan.id)}`, `  title: ${yq(plan.title)}`, `  source: ${yq(`${path.basename(plan.file)}.txt`)}`, '  period: { from: 2021, to: 2025 }', `  region: ${yq(plan.region)}`, `  level: ${plan.level}`];
  if (plan.parentPath) out.push('uses:', `  - { path: ${yq(plan.parentPath.replace(/\.ptl$/, '.yaml'))}, as: ${plan.level === 'county' ? '市' : '省'} }`);
  out.push('tables:');
  plan.tables.forEach((caption, t) => {
    out.push(`  - id: 专栏${t + 1}`, `    caption: ${yq(`专栏${t + 1}:${caption}`)}`, '    indicators:');
    for (const i of plan.indicators.filter((x) => x.table === t + 1)) {
      out.push(`      - id: ${yq(i.id)}`);
      out.push(`        name: ${yq(i.name)}`);
      out.push(`        unit: ${yq(i.unit)}`);
      out.push(`        baseline: { value: ${i.baseline}, year: 2020 }`);
      out.push(`        target: { ${i.op ? `op: ${yq(i.op)}, ` : ''}value: ${i.target}, year: 2025 }`);
      if (i.actual) out.push(`        actual: [{ value: ${i.actual}, year: 2023 }]`);
      out.push(`        attribute: ${i.binding ? 'binding' : 'anticipatory'}`);
      if (i.aligns) out.push(`        aligns: ${yq(`${plan.level === 'county' ? '市' : '省'}.${i.aligns}`)}`);
      out.push(`        cite: { table: 专栏${t + 1}, row: ${i.row} }`);
    }
  });
  return out.join('\n') + '\n';
}

/** The JSON Schema the YAML plans are validated against. */
export function yamlSchema(): object {
  const units = [...new Set(METRICS.map((m) => m.unit))];
  const value = (yearMin: number, yearMax: number) => ({
    type: 'object',
    additionalProperties: false,
    required: ['value', 'year'],
    properties: { op: { enum: ['>=', '<=', '>', '<', '='] }, value: { type: 'number', minimum: 0 }, year: { type: 'integer', minimum: yearMin, maximum: yearMax } },
  });
  const ident = { type: 'string', pattern: '^[\\p{L}_][\\p{L}\\p{N}_]*$', minLength: 1, maxLength: 64 };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Policy-target plan (YAML)',
    type: 'object',
    additionalProperties: false,
    required: ['plan', 'tables'],
    properties: {
      plan: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'period', 'level'],
        properties: {
          id: ident,
          title: { type: 'string', minLength: 1 },
          source: { type: 'string', pattern: '\\.txt$' },
          period: { type: 'object', additionalProperties: false, required: ['from', 'to'], properties: { from: { type: 'integer', minimum: 1950, maximum: 2100 }, to: { type: 'integer', minimum: 1950, maximum: 2100 } } },
          region: { type: 'string' },
          level: { enum: ['nation', 'province', 'city', 'county'] },
        },
      },
      uses: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['path', 'as'], properties: { path: { type: 'string', pattern: '\\.yaml$' }, as: ident } } },
      tables: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'indicators'],
          properties: {
            id: ident,
            caption: { type: 'string' },
            indicators: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['id', 'name', 'unit', 'target', 'attribute'],
                properties: {
                  id: ident,
                  name: { type: 'string', minLength: 1 },
                  unit: { enum: units },
                  baseline: value(1990, 2030),
                  target: value(2021, 2035),
                  actual: { type: 'array', items: value(2021, 2035) },
                  attribute: { enum: ['binding', 'anticipatory'] },
                  aligns: { type: 'string', pattern: '^[\\p{L}_][\\p{L}\\p{N}_]*\\.[\\p{L}_][\\p{L}\\p{N}_]*$' },
                  cite: { type: 'object', additionalProperties: false, required: ['table', 'row'], properties: { table: ident, row: { type: 'integer', minimum: 1 } } },
                },
              },
            },
          },
        },
      },
    },
  };
}

export interface Written {
  dir: string;
  ptlFiles: number;
  indicators: number;
  bytes: number;
}

/** Writes the plans' `.ptl` files and plan texts (and YAML twins when asked) under dir. */
export function writeWorkspace(dir: string, plans: Plan[], options: { yaml?: boolean } = {}): Written {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'ptl.config.json'), '{}\n');
  let bytes = 0;
  for (const plan of plans) {
    const base = path.join(dir, plan.file);
    fs.mkdirSync(path.dirname(base), { recursive: true });
    const ptl = ptlText(plan);
    bytes += Buffer.byteLength(ptl);
    fs.writeFileSync(`${base}.ptl`, ptl);
    fs.writeFileSync(`${base}.txt`, planText(plan));
    if (options.yaml) {
      fs.writeFileSync(`${base}.yaml`, yamlText(plan).replace('$schema=plan.schema.json', `$schema=${path.relative(path.dirname(base), path.join(dir, 'plan.schema.json')) || 'plan.schema.json'}`));
    }
  }
  if (options.yaml) fs.writeFileSync(path.join(dir, 'plan.schema.json'), JSON.stringify(yamlSchema(), null, 2));
  return { dir, ptlFiles: plans.length, indicators: plans.reduce((n, p) => n + p.indicators.length, 0), bytes };
}

export { ptlText, planText };

// Run directly (`node .bench-work/generate.js DIR FILES`), not when bundled into the benchmark.
if (require.main === module && /generate\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
  const [dir = '.bench-work/corpus', files = '3000'] = process.argv.slice(2);
  const w = writeWorkspace(dir, generatePlans({ files: Number(files) }));
  process.stdout.write(`${w.ptlFiles} files, ${w.indicators} indicators, ${(w.bytes / 1e6).toFixed(1)} MB of .ptl in ${w.dir}\n`);
}
