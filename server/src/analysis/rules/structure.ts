import type { RuleDefinition } from './spec';

export const STRUCTURE_RULES = [
  {
    id: 'duplicate-id',
    severity: 'error',
    suppressible: false,
    description: {
      zh: '同一作用域内的标识符重复声明（指标、序列、专栏、导入别名）',
      en: 'An identifier is declared twice in the same scope (indicator, series, table, import alias)',
    },
  },
  {
    id: 'unknown-reference',
    severity: 'error',
    suppressible: false,
    description: {
      zh: '引用的指标、序列、专栏或导入别名不存在',
      en: 'A reference names no indicator, series, table or imported plan',
    },
  },
  {
    id: 'missing-attribute',
    severity: 'error',
    suppressible: true,
    description: {
      zh: '指标未声明属性：约束性或预期性必须有且只有一个',
      en: 'An indicator declares neither binding nor anticipatory; exactly one is required',
    },
  },
  {
    id: 'conflicting-attribute',
    severity: 'error',
    suppressible: false,
    description: {
      zh: '指标同时声明了约束性和预期性，或重复声明属性',
      en: 'An indicator declares both binding and anticipatory, or its attribute twice',
    },
  },
  {
    id: 'missing-unit',
    severity: 'warning',
    suppressible: true,
    description: {
      zh: '有数值的指标或序列未声明单位，无法做单位检查和换算',
      en: 'An indicator or series with numeric values has no unit, so units cannot be checked or converted',
    },
  },
  {
    id: 'missing-target',
    severity: 'warning',
    suppressible: true,
    description: {
      zh: '指标没有目标值（也没有 derive 推导）',
      en: 'An indicator has no target (and is not derived)',
    },
  },
  {
    id: 'cyclic-definition',
    severity: 'error',
    suppressible: false,
    description: {
      zh: '`derive`、目标表达式或 `check` 之间循环引用，无法求值',
      en: '`derive` definitions, target expressions or checks refer to each other in a cycle and cannot be evaluated',
    },
  },
  {
    id: 'import-missing',
    severity: 'error',
    suppressible: false,
    description: {
      zh: '`use` 导入的 .ptl 文件不存在或不在工作区内',
      en: 'A `use` names a .ptl file that does not exist or lies outside the workspace',
    },
  },
  {
    id: 'import-cycle',
    severity: 'error',
    suppressible: false,
    description: {
      zh: '文件之间通过 `use` 相互导入，形成循环',
      en: 'Files import each other through `use` in a cycle',
    },
  },
] as const satisfies readonly RuleDefinition[];
