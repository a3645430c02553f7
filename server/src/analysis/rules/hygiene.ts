import type { RuleDefinition } from './spec';

export const HYGIENE_RULES = [
  {
    id: 'fullwidth-punctuation',
    severity: 'hint',
    suppressible: true,
    description: {
      zh: '使用了全角标点或数字（输入法所致），已按半角理解',
      en: 'Full-width punctuation or digits (as IMEs type them) where the ASCII form is meant',
    },
  },
  {
    id: 'suppression-without-reason',
    severity: 'warning',
    suppressible: false,
    description: {
      zh: '抑制注释缺少理由（应写作 `ptl-disable-next-line 规则 -- 理由`），不生效',
      en: 'A suppression comment gives no reason (`ptl-disable-next-line RULE -- reason`) and has no effect',
    },
  },
  {
    id: 'unused-suppression',
    severity: 'warning',
    suppressible: false,
    description: {
      zh: '抑制注释没有抑制任何问题',
      en: 'A suppression comment suppresses nothing',
    },
  },
  {
    id: 'config-invalid',
    severity: 'error',
    suppressible: false,
    description: {
      zh: '`ptl.config.json` 无效（JSON 语法错误、未知的键或不合法的取值）',
      en: '`ptl.config.json` is invalid (JSON syntax, unknown keys, invalid values)',
    },
  },
] as const satisfies readonly RuleDefinition[];
