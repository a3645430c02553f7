import type { RuleDefinition } from './spec';

export const EVALUATION_RULES = [
  {
    id: 'target-regresses',
    severity: 'warning',
    suppressible: true,
    description: {
      zh: '目标值较基础值倒退（与指标方向相反）',
      en: 'A target goes backwards from its baseline (against the indicator’s direction)',
    },
  },
  {
    id: 'check-failed',
    severity: 'error',
    suppressible: true,
    description: {
      zh: '`check` 断言不成立（消息中给出两边的值）',
      en: 'A `check` assertion does not hold (both sides’ values in the message)',
    },
  },
  {
    id: 'derive-mismatch',
    severity: 'error',
    suppressible: true,
    description: {
      zh: '声明的值与 `derive` 推导出的值不一致',
      en: 'A declared value differs from what the indicator’s `derive` expression computes',
    },
  },
  {
    id: 'binding-target-missed',
    severity: 'error',
    suppressible: false,
    description: {
      zh: '约束性指标的完成值未达到目标值',
      en: 'An actual of a binding indicator misses its target',
    },
  },
  {
    id: 'anticipatory-target-missed',
    severity: 'warning',
    suppressible: true,
    description: {
      zh: '预期性指标的完成值未达到目标值',
      en: 'An actual of an anticipatory indicator misses its target',
    },
  },
  {
    id: 'progress-lagging',
    severity: 'info',
    suppressible: true,
    description: {
      zh: '完成值滞后预期：低于从基础值到目标值的直线进度',
      en: 'An actual lags straight-line progress from baseline to target (滞后预期)',
    },
  },
  {
    id: 'weaker-than-parent',
    severity: 'warning',
    suppressible: true,
    description: {
      zh: '目标弱于所对标（`aligns`）的上级规划目标',
      en: 'A target is weaker than the parent plan’s target it `aligns` with',
    },
  },
] as const satisfies readonly RuleDefinition[];
