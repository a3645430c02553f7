import type { RuleDefinition } from './spec';

export const SYNTAX_RULES = [
  {
    id: 'syntax-error',
    severity: 'error',
    suppressible: false,
    description: {
      zh: '不符合 PTL 语法的文本（给出此处期望的记号）；其后的声明仍会分析',
      en: 'Text that does not follow the PTL grammar (with the tokens expected there); later declarations are still analyzed',
    },
  },
] as const satisfies readonly RuleDefinition[];
