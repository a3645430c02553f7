/**
 * `ptl.config.json`: the zod schema (single source of validation, types and the
 * published JSON Schema), parsing into a resolved configuration with findings
 * instead of exceptions, per-rule severities, and finding the file for a document.
 * Pure: file access is injected.
 */
export {
  CONFIG_FILE_NAME,
  CONFIG_SCHEMA_URL,
  DEFAULT_TOLERANCE,
  LOCALES,
  SEVERITY_SETTINGS,
  configSchema,
  rulesSchema,
  severitySettingSchema,
  sourcesSchema,
  type PtlConfig,
  type PtlConfigInput,
  type SeveritySetting,
} from './schema';
export { DEFAULT_CONFIG, applyConfig, effectiveSeverity, parseConfig, type ConfigResult, type ResolvedConfig } from './parse';
export { findConfigFile } from './find';
export { CONFIG_SCHEMA_PATH, configJsonSchema, configJsonSchemaText } from './schema-json';
export { parseJson, nodeAt, propertyAt, toValue, type JsonNode, type JsonParseResult } from './json';
