import type { RuleDefinition } from './spec';

export const SOURCE_RULES = [
  {
    id: 'source-missing',
    severity: 'error',
    suppressible: true,
    description: {
      zh: '`source` 指定的规划文本文件不存在',
      en: 'The plan text file named by `source` does not exist',
    },
  },
  {
    id: 'source-outside-workspace',
    severity: 'error',
    suppressible: true,
    description: {
      zh: '规划文本路径在工作区之外，不会读取',
      en: 'The source path lies outside the workspace and is never read',
    },
  },
  {
    id: 'name-not-in-source',
    severity: 'warning',
    suppressible: true,
    description: {
      zh: '指标名称（`name`）在规划文本中找不到（给出最接近的名称）',
      en: 'The indicator’s name is not found in the plan text (closest names suggested)',
    },
  },
  {
    id: 'citation-unresolved',
    severity: 'error',
    suppressible: true,
    description: {
      zh: '引用的专栏、行、行号或原文在规划文本中无法定位',
      en: 'A cited table, row, line or quoted passage does not resolve in the plan text',
    },
  },
  {
    id: 'value-differs-from-source',
    severity: 'error',
    suppressible: true,
    description: {
      zh: '基础值、目标值或完成值与所引用的规划文本不一致',
      en: 'A baseline, target or actual differs from what the cited plan text says',
    },
  },
  {
    id: 'unit-differs-from-source',
    severity: 'warning',
    suppressible: true,
    description: {
      zh: '单位与所引用的规划文本不一致',
      en: 'The unit differs from the one in the cited plan text',
    },
  },
  {
    id: 'attribute-differs-from-source',
    severity: 'error',
    suppressible: true,
    description: {
      zh: '属性（约束性/预期性）与所引用的规划文本不一致',
      en: 'The attribute (binding/anticipatory) differs from the cited plan text',
    },
  },
  {
    id: 'source-self-contradiction',
    severity: 'warning',
    suppressible: true,
    description: {
      zh: '规划文本自相矛盾：专栏与正文对同一指标同一年份给出不同的值',
      en: 'The plan text contradicts itself: a table row and a sentence give different values for one indicator and year',
    },
  },
  {
    id: 'source-row-undeclared',
    severity: 'info',
    suppressible: true,
    description: {
      zh: '规划文本专栏中的指标行在文件中没有对应的指标',
      en: 'A table row of the plan text has no indicator in the file',
    },
  },
] as const satisfies readonly RuleDefinition[];
