/**
 * The seeds, checked: exactly the findings a careful reviewer would expect, and
 * nothing false. Every seed parses without a syntax error and formats idempotently.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { format } from '../../grammar/src/format';
import { parse } from '../../grammar/src/parse';
import { memoryAnalyzer } from '../support/memory-host';

const dir = join(__dirname, '..', '..', 'seeds');
const names = readdirSync(dir);
const files = Object.fromEntries(names.map((n) => [`/ws/${n}`, readFileSync(join(dir, n))]));
const seeds = names.filter((n) => n.endsWith('.ptl'));
const analyzer = memoryAnalyzer(files);
const analyses = seeds.map((n) => analyzer.analyze(`/ws/${n}`, readFileSync(join(dir, n), 'utf8')));

describe('the seeds', () => {
  it('report exactly the true findings', () => {
    const found = analyses.flatMap((a) => a.findings.map((f) => `${a.path.slice(4)}:${f.range.start.line + 1} ${f.rule} ${f.message.zh}`));
    expect(found).toEqual([
      'pingdingshan-2021-2025.ptl:244 check-failed 校验「养老床位需求 = 老年人口 × 每千名老人35张」不成立：左边 34600 张，右边 33250 张',
      'xuchang-2021-2025.ptl:33 binding-target-missed 实际值 46.9% 未达到约束性目标 50%（2020年）',
      'xuchang-2021-2025.ptl:97 anticipatory-target-missed 实际值 683 个 未达到预期性目标 2000 个（2020年）',
      'xuchang-2021-2025.ptl:105 anticipatory-target-missed 实际值 0.42 ‰ 未达到预期性目标 0.5 ‰（2020年）',
      'xuchang-2021-2025.ptl:113 anticipatory-target-missed 实际值 12.5% 未达到预期性目标 13%（2020年）',
      'xuchang-2021-2025.ptl:131 weaker-than-parent 目标 75% 弱于上级规划的目标 78.5714%（2025年）',
    ]);
  });

  it('find the 2025 review’s 6672 元/人·年 = 556 元/人·月 meeting the province’s 550 元/人·月', () => {
    const henan = analyses.find((a) => a.path.endsWith('henan-support-xuchang.ptl'))!;
    const rural = henan.statuses.find((s) => s.indicator.id === '农村低保标准')!;
    expect([rural.status, rural.actual?.value, rural.targetValue]).toEqual(['achieved', 556, 550]);
  });

  it.each(seeds)('%s parses without a syntax error and formats idempotently', (name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    expect(parse(text).problems.filter((p) => p.code === 'syntax-error')).toEqual([]);
    const once = format(text).text;
    expect(format(once).text).toBe(once);
  });
});
