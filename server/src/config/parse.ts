/**
 * Reading `ptl.config.json`: never throws. JSON syntax errors and schema errors
 * become `config-invalid` findings on the offending token (both languages, a quick
 * fix where a near spelling exists); whatever is valid still applies.
 */
import type { z } from 'zod';
import type { Locale, Localized } from '../../../grammar/src/message';
import { LineIndex } from '../../../grammar/src/range';
import type { Finding, Fix, Severity } from '../analysis/finding';
import { RULE_DOCS_BASE_URL, RULE_IDS, closestMatch, ruleById, type RuleId } from '../analysis/rules';
import { parseJson, nodeAt, propertyAt, toValue, type JsonNode } from './json';
import { dirname, resolve } from './posix';
import { DEFAULT_TOLERANCE, SEVERITY_SETTINGS, configSchema, sourcesSchema, type PtlConfig, type SeveritySetting } from './schema';

export interface ResolvedConfig {
  /** Severities set in the file; rules not listed keep their default. */
  readonly rules: Readonly<Partial<Record<RuleId, SeveritySetting>>>;
  /** Relative tolerance of `~` comparisons (0.05 = ±5%). */
  readonly tolerance: number;
  /** The message language the file asks for; undefined: the client's. */
  readonly locale: Locale | undefined;
  readonly sources: {
    /** Extra folders where plan texts may be read, resolved against the config file's folder. */
    readonly roots: readonly string[];
  };
  /** The file the configuration came from; undefined for the defaults. */
  readonly file: string | undefined;
}

export const DEFAULT_CONFIG: ResolvedConfig = Object.freeze({
  rules: Object.freeze({}),
  tolerance: DEFAULT_TOLERANCE,
  locale: undefined,
  sources: Object.freeze({ roots: Object.freeze([]) }),
  file: undefined,
});

export interface ConfigResult {
  config: ResolvedConfig;
  findings: Finding[];
}

const RULE = 'config-invalid';

export function parseConfig(text: string, file: string): ConfigResult {
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  const report = (message: Localized, start: number, end: number, fixes?: Fix[]): void => {
    findings.push({
      rule: RULE,
      severity: 'error',
      message,
      file,
      range: lines.rangeOf(start, end),
      ...(fixes && fixes.length ? { fixes } : {}),
    });
  };
  const replaceFix = (start: number, end: number, replacement: string): Fix => ({
    title: { zh: `改为 “${replacement}”`, en: `Change to “${replacement}”` },
    edits: [{ file, range: lines.rangeOf(start, end), newText: JSON.stringify(replacement) }],
    safe: false,
  });

  const parsed = parseJson(text);
  if (!parsed.root) {
    const error = parsed.error!;
    report(prefixed(error.message), error.start, error.end);
    return { config: { ...DEFAULT_CONFIG, file }, findings: finish(findings, DEFAULT_CONFIG) };
  }
  const root = parsed.root;
  for (const duplicate of parsed.duplicates) {
    report(
      prefixed({ zh: `键 “${duplicate.key}” 重复，以后一个为准`, en: `Duplicate key “${duplicate.key}”; the later one applies` }),
      duplicate.keyStart,
      duplicate.keyEnd,
    );
  }

  const raw = toValue(root);
  const first = configSchema.safeParse(raw);
  const issues = first.success ? [] : first.error.issues;
  for (const issue of issues) describeIssue(issue, root, raw, report, replaceFix);

  const data = first.success ? first.data : salvage(raw, issues);
  const config = resolveConfig(data, file);
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { config, findings: finish(findings, config) };
}

/** Applies the file's own setting for `config-invalid` to the findings about it. */
function finish(findings: Finding[], config: ResolvedConfig): Finding[] {
  const severity = effectiveSeverity(config, RULE);
  return severity === 'off' ? [] : findings.map((f) => ({ ...f, severity }));
}

function prefixed(message: Localized): Localized {
  return { zh: `ptl.config.json 无效：${message.zh}`, en: `Invalid ptl.config.json: ${message.en}` };
}

function resolveConfig(data: PtlConfig, file: string): ResolvedConfig {
  const folder = dirname(file);
  const rules: Partial<Record<RuleId, SeveritySetting>> = {};
  for (const [id, setting] of Object.entries(data.rules ?? {})) {
    if (setting !== undefined) rules[id as RuleId] = setting;
  }
  return Object.freeze({
    rules: Object.freeze(rules),
    tolerance: data.tolerance,
    locale: data.locale,
    sources: Object.freeze({ roots: Object.freeze((data.sources?.roots ?? []).map((root) => resolve(folder, root))) }),
    file,
  });
}

/**
 * The severity a rule's findings get under `config`: its setting, else its default;
 * `off` means drop them. An id that is no rule is `off`.
 */
export function effectiveSeverity(config: ResolvedConfig, ruleId: RuleId | (string & {})): Severity | 'off' {
  const setting = config.rules[ruleId as RuleId];
  if (setting) return setting;
  return ruleById(ruleId)?.severity ?? 'off';
}

/** Findings with the configured severities; findings of rules set to `off` are dropped. Unknown rules pass unchanged. */
export function applyConfig(findings: readonly Finding[], config: ResolvedConfig): Finding[] {
  const out: Finding[] = [];
  for (const finding of findings) {
    if (!ruleById(finding.rule)) {
      out.push(finding);
      continue;
    }
    const severity = effectiveSeverity(config, finding.rule);
    if (severity !== 'off') out.push(severity === finding.severity ? finding : { ...finding, severity });
  }
  return out;
}

// ——— schema issues → findings ———

type Issue = z.core.$ZodIssue;
type Report = (message: Localized, start: number, end: number, fixes?: Fix[]) => void;
type ReplaceFix = (start: number, end: number, replacement: string) => Fix;

/** Keys each object of the schema knows, for "did you mean" (derived from the zod shapes). */
const KNOWN_KEYS: Readonly<Record<string, readonly string[]>> = {
  '': Object.keys(configSchema.shape),
  rules: RULE_IDS,
  sources: Object.keys(sourcesSchema.shape),
};

function describeIssue(issue: Issue, root: JsonNode, raw: unknown, report: Report, replaceFix: ReplaceFix): void {
  const path = issue.path as PropertyKey[];
  const where = pathText(path);
  if (issue.code === 'unrecognized_keys') {
    const container = nodeAt(root, path);
    const inRules = path.length === 1 && path[0] === 'rules';
    for (const key of issue.keys) {
      const property = container?.type === 'object' ? propertyAt(container, key) : undefined;
      const start = property?.keyStart ?? container?.start ?? 0;
      const end = property?.keyEnd ?? container?.end ?? 0;
      const suggestion = closestMatch(key, KNOWN_KEYS[path.join('.')] ?? []);
      const fixes = suggestion && property ? [replaceFix(start, end, suggestion)] : undefined;
      if (inRules) {
        report(
          prefixed({
            zh: `未知的规则 “${key}”${suggestion ? `，是否想写 “${suggestion}”？` : `（规则列表见 ${RULE_DOCS_BASE_URL}）`}`,
            en: `Unknown rule “${key}”${suggestion ? `; did you mean “${suggestion}”?` : ` (see ${RULE_DOCS_BASE_URL} for the rules)`}`,
          }),
          start,
          end,
          fixes,
        );
      } else {
        const known = KNOWN_KEYS[path.join('.')] ?? [];
        report(
          prefixed({
            zh: `${where.zh}有未知的键 “${key}”${suggestion ? `，是否想写 “${suggestion}”？` : known.length ? `；可用的键：${known.join('、')}` : ''}`,
            en: `Unknown key “${key}”${where.en}${suggestion ? `; did you mean “${suggestion}”?` : known.length ? `; known keys: ${known.join(', ')}` : ''}`,
          }),
          start,
          end,
          fixes,
        );
      }
    }
    return;
  }

  const node = nodeAt(root, path);
  const start = node?.start ?? 0;
  const end = node?.end ?? 0;
  const value = valueAt(raw, path);
  const name = path.length ? `“${pathText(path).plain}”` : '';

  switch (issue.code) {
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const suggestion = typeof value === 'string' ? closestMatch(value, allowed) : undefined;
      const isSeverity = path[0] === 'rules' && allowed.join() === SEVERITY_SETTINGS.join();
      const shown = JSON.stringify(value);
      report(
        prefixed({
          zh: `${name}的值 ${shown} 无效，应为 ${allowed.map((v) => `“${v}”`).join('、')} 之一${suggestion ? `，是否想写 “${suggestion}”？` : ''}${isSeverity ? '（“off” 关闭该规则）' : ''}`,
          en: `${shown} is not a valid value of ${name}; expected one of ${allowed.map((v) => `“${v}”`).join(', ')}${suggestion ? `; did you mean “${suggestion}”?` : ''}${isSeverity ? ' (“off” disables the rule)' : ''}`,
        }),
        start,
        end,
        suggestion ? [replaceFix(start, end, suggestion)] : undefined,
      );
      return;
    }
    case 'invalid_type': {
      const expected = typeWords(issue.expected);
      const actual = typeWords(jsonType(value));
      report(
        prefixed({
          zh: `${name || '配置'}应为${expected.zh}，实际为${actual.zh}`,
          en: `${name || 'The configuration'} must be ${expected.en}, not ${actual.en}`,
        }),
        start,
        end,
      );
      return;
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = Number(small ? issue.minimum : issue.maximum);
      if (issue.origin === 'string') {
        report(prefixed({ zh: `${name}不能为空字符串`, en: `${name} must not be an empty string` }), start, end);
        return;
      }
      const strict = !issue.inclusive;
      report(
        prefixed({
          zh: `${name}为 ${JSON.stringify(value)}，应${small ? (strict ? '大于' : '不小于') : strict ? '小于' : '不大于'} ${bound}${path[0] === 'tolerance' ? '（相对容差，0.05 即 ±5%）' : ''}`,
          en: `${name} is ${JSON.stringify(value)}; it must be ${small ? (strict ? 'greater than' : 'at least') : strict ? 'less than' : 'at most'} ${bound}${path[0] === 'tolerance' ? ' (a relative tolerance: 0.05 is ±5%)' : ''}`,
        }),
        start,
        end,
      );
      return;
    }
    default:
      report(prefixed({ zh: `${name}无效：${issue.message}`, en: `${name || 'value'} is invalid: ${issue.message}` }), start, end);
  }
}

function pathText(path: readonly PropertyKey[]): { zh: string; en: string; plain: string } {
  const plain = path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
  return path.length === 0 ? { zh: '顶层', en: ' at the top level', plain } : { zh: `“${plain}”`, en: ` in “${plain}”`, plain };
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function typeWords(type: string): Localized {
  switch (type) {
    case 'string':
      return { zh: '字符串', en: 'a string' };
    case 'number':
      return { zh: '数字', en: 'a number' };
    case 'boolean':
      return { zh: '布尔值', en: 'a boolean' };
    case 'object':
      return { zh: '对象', en: 'an object' };
    case 'array':
      return { zh: '数组', en: 'an array' };
    case 'null':
      return { zh: '空值（null）', en: 'null' };
    default:
      return { zh: type, en: type };
  }
}

// ——— keeping what is valid ———

/**
 * The configuration without its invalid parts: every path an issue names is removed
 * (an unknown key, a bad value, an array item) and the rest is validated again, so a
 * misspelt rule does not discard the other settings.
 */
function salvage(raw: unknown, issues: readonly Issue[]): PtlConfig {
  const value = structuredClone(raw);
  let current = issues;
  for (let pass = 0; pass < 8 && current.length > 0; pass++) {
    if (!prune(value, current)) break;
    const again = configSchema.safeParse(value);
    if (again.success) return again.data;
    current = again.error.issues;
  }
  return configSchema.parse({});
}

function prune(value: unknown, issues: readonly Issue[]): boolean {
  const paths: PropertyKey[][] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys) paths.push([...issue.path, key]);
    else paths.push([...issue.path]);
  }
  if (paths.some((p) => p.length === 0)) return false;
  // Remove array items from the highest index down so earlier indexes stay valid.
  paths.sort((a, b) => Number(b.at(-1)) - Number(a.at(-1)) || 0);
  let removed = false;
  for (const path of paths) {
    const parent = valueAt(value, path.slice(0, -1));
    const key = path.at(-1)!;
    if (Array.isArray(parent) && typeof key === 'number' && key < parent.length) {
      parent.splice(key, 1);
      removed = true;
    } else if (parent !== null && typeof parent === 'object' && Object.prototype.hasOwnProperty.call(parent, key)) {
      delete (parent as Record<PropertyKey, unknown>)[key];
      removed = true;
    }
  }
  return removed;
}
