import type { RuleDefinition } from './spec';

export const TYPE_RULES = [
  {
    id: 'unit-mismatch',
    severity: 'error',
    suppressible: true,
    description: {
      zh: '基础值、目标值、完成值或表达式的单位量纲不一致，无法换算比较',
      en: 'Units of a baseline, target, actual or expression have incompatible dimensions and cannot be converted',
    },
  },
  {
    id: 'unknown-unit',
    severity: 'warning',
    suppressible: true,
    description: {
      zh: '单位既不是已知单位也不是中文量词（如 kg、pcs），只能与自身比较',
      en: 'A unit atom is neither a known unit nor a Chinese count noun (e.g. kg, pcs) and only matches itself',
    },
  },
  {
    id: 'share-out-of-range',
    severity: 'error',
    suppressible: true,
    description: {
      zh: '占比、覆盖率等百分比指标的值超出 0–100%（增速、增长率除外）',
      en: 'A share or coverage in % lies outside 0–100% (growth rates excepted)',
    },
  },
  {
    id: 'year-order',
    severity: 'error',
    suppressible: true,
    description: {
      zh: '目标年份不晚于基础值年份，或年份区间首尾颠倒',
      en: 'A target year is not after the baseline year, or a year range runs backwards',
    },
  },
  {
    id: 'year-outside-period',
    severity: 'warning',
    suppressible: true,
    description: {
      zh: '目标或完成值的年份在规划期之外',
      en: 'A target or actual year lies outside the plan period',
    },
  },
  {
    id: 'binding-not-quantified',
    severity: 'error',
    suppressible: false,
    description: {
      zh: '约束性指标没有可检验的量化目标',
      en: 'A binding indicator has no quantified, checkable target',
    },
  },
] as const satisfies readonly RuleDefinition[];
