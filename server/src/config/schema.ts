/**
 * The `ptl.config.json` schema, written once in zod: validation, the resolved
 * types and the published JSON Schema (`schemas/ptl.config.schema.json`, see
 * schema-json.ts) all come from here.
 */
import { z } from 'zod';
import { RULES, type RuleId } from '../analysis/rules';

export const CONFIG_FILE_NAME = 'ptl.config.json';

/** Where the JSON Schema is published; also its `$id`. */
export const CONFIG_SCHEMA_URL = 'https://ptl.dev/schemas/ptl.config.schema.json';

export const DEFAULT_TOLERANCE = 0.05;

export const SEVERITY_SETTINGS = ['off', 'hint', 'info', 'warning', 'error'] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];

export const LOCALES = ['zh-CN', 'en'] as const;

export const severitySettingSchema = z.enum(SEVERITY_SETTINGS);

const ruleEntries = Object.fromEntries(
  RULES.map((rule) => [
    rule.id,
    severitySettingSchema.optional().meta({
      description: `${rule.description.en} (default: ${rule.severity}) — ${rule.description.zh}（默认：${rule.severity}）`,
      markdownDescription: `${rule.description.en} — ${rule.description.zh}\n\nDefault 默认: \`${rule.severity}\` · [${rule.id}](${rule.docsUrl})`,
    }),
  ]),
) as Record<RuleId, z.ZodOptional<typeof severitySettingSchema>>;

export const rulesSchema = z.strictObject(ruleEntries).meta({
  description: 'Severity per rule id; "off" disables a rule. 按规则 id 设置级别；"off" 关闭该规则。',
});

export const sourcesSchema = z.strictObject({
  roots: z
    .array(z.string().min(1))
    .optional()
    .meta({
      description:
        'Folders, relative to this file, where plan texts may be read besides the workspace. 除工作区外允许读取规划文本的目录（相对于本文件）。',
    }),
});

export const configSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'The JSON Schema of this file. 本文件的 JSON Schema。' }),
    rules: rulesSchema.optional(),
    tolerance: z
      .number()
      .min(0)
      .max(1)
      .default(DEFAULT_TOLERANCE)
      .meta({
        description:
          'Relative tolerance of ~ (≈, 约) comparisons, 0..1; 0.05 is ±5%. “~”（≈、约）比较的相对容差，0 到 1；0.05 即 ±5%。',
      }),
    locale: z.enum(LOCALES).optional().meta({
      description: 'Language of messages; otherwise the editor’s. 提示信息的语言；不设置时跟随编辑器。',
    }),
    sources: sourcesSchema
      .optional()
      .meta({ description: 'Where plan texts are looked up. 规划文本的查找位置。' }),
  })
  .meta({
    title: 'PTL configuration (ptl.config.json)',
    description: 'Configuration of the PTL checker, language server and CLI. PTL 检查器、语言服务器和命令行的配置。',
  });

/** What a `ptl.config.json` may contain (before defaults). */
export type PtlConfigInput = z.input<typeof configSchema>;
/** The same after zod applied defaults. */
export type PtlConfig = z.output<typeof configSchema>;
