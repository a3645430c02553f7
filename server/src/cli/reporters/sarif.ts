/**
 * SARIF 2.1.0 (OASIS, errata 01) for code-scanning services and SARIF viewers.
 *
 * - One run; `tool.driver.rules` lists every rule in table order (so `ruleIndex`
 *   is stable across runs), with the English one-line description as
 *   `shortDescription`, the description in the chosen locale as `fullDescription`,
 *   both languages in `properties.description`, `helpUri` = the rule's docs page and
 *   the default severity as `defaultConfiguration.level`.
 * - Locations are relative to the directory ptl ran in, under the base id
 *   `%SRCROOT%` (declared in `originalUriBaseIds` as that directory's file URI);
 *   files outside it are absolute file URIs.
 * - Regions are 1-based, columns counted in UTF-16 code units
 *   (`columnKind: "utf16CodeUnits"`), `endColumn` exclusive as SARIF defines it.
 * - Severities: error → error, warning → warning, info and hint → note
 *   (the original severity is kept in the result's `properties.severity`).
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { pick, type Locale } from '../../../../grammar/src/message';
import type { Range } from '../../../../grammar/src/range';
import type { Finding, Severity } from '../../analysis/finding';
import { RULES, RULE_GROUP_NAMES } from '../../analysis/rules';
import type { CheckedFile } from './model';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://ptl.dev/';
const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note';

export function sarifLevel(severity: Severity): Level {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

export interface SarifOptions {
  locale: Locale;
  cwd: string;
  toolVersion: string;
}

export function formatSarif(files: CheckedFile[], options: SarifOptions): string {
  return `${JSON.stringify(buildSarif(files, options), null, 2)}\n`;
}

export function buildSarif(files: CheckedFile[], options: SarifOptions): object {
  const { locale } = options;
  const ruleIndex = new Map(RULES.map((rule, i) => [rule.id as string, i]));
  const artifactIndex = new Map<string, number>();
  const artifacts: object[] = [];
  const location = (file: string) => artifactLocation(file, options.cwd, artifactIndex);
  for (const file of files) {
    if (artifactIndex.has(file.path)) continue;
    artifactIndex.set(file.path, artifacts.length);
    artifacts.push({ location: artifactLocation(file.path, options.cwd, new Map()), ...(file.path.endsWith('.ptl') ? { sourceLanguage: 'ptl' } : {}) });
  }

  const results = files.flatMap((file) => file.findings.map((finding) => result(finding)));

  function result(f: Finding): object {
    const index = ruleIndex.get(f.rule);
    const related = (f.related ?? []).map((r, i) => ({
      id: i + 1,
      physicalLocation: { artifactLocation: location(r.file), region: region(r.range) },
      message: { text: pick(r.message, locale) },
    }));
    const fixes = (f.fixes ?? []).filter((x) => x.edits.length > 0).map((x) => ({
      description: { text: pick(x.title, locale) },
      artifactChanges: groupBy(x.edits, (e) => e.file).map(([file, edits]) => ({
        artifactLocation: location(file),
        replacements: edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
      })),
      properties: { safe: x.safe },
    }));
    return {
      ruleId: f.rule,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: sarifLevel(f.severity),
      message: { text: pick(f.message, locale) },
      locations: [{ physicalLocation: { artifactLocation: location(f.file), region: region(f.range) } }],
      ...(related.length ? { relatedLocations: related } : {}),
      ...(fixes.length ? { fixes } : {}),
      properties: { severity: f.severity, message: { zh: f.message.zh, en: f.message.en } },
    };
  }

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ptl',
            fullName: 'PTL — Policy Target Language checker',
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            informationUri: INFORMATION_URI,
            language: locale === 'en' ? 'en-US' : 'zh-CN',
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: pascalCase(rule.id),
              shortDescription: { text: rule.description.en },
              fullDescription: { text: pick(rule.description, locale) },
              helpUri: rule.docsUrl,
              help: { text: `${pick(rule.description, locale)} ${rule.docsUrl}` },
              defaultConfiguration: { level: sarifLevel(rule.severity) },
              properties: {
                group: rule.group,
                groupName: RULE_GROUP_NAMES[rule.group],
                description: { zh: rule.description.zh, en: rule.description.en },
                suppressible: rule.suppressible,
                tags: ['ptl', rule.group],
              },
            })),
          },
        },
        originalUriBaseIds: {
          [SRCROOT]: {
            uri: directoryUri(options.cwd),
            description: { text: locale === 'en' ? 'The directory ptl was run in.' : 'ptl 运行时所在的目录。' },
          },
        },
        artifacts,
        results,
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true }],
      },
    ],
  };
}

/** 0-based LSP range → 1-based SARIF region (end column exclusive). */
export function region(range: Range): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  const startLine = range.start.line + 1;
  const startColumn = range.start.character + 1;
  let endLine = range.end.line + 1;
  let endColumn = range.end.character + 1;
  if (endLine < startLine || (endLine === startLine && endColumn < startColumn)) {
    endLine = startLine;
    endColumn = startColumn;
  }
  return { startLine, startColumn, endLine, endColumn };
}

function artifactLocation(file: string, cwd: string, index: Map<string, number>): { uri: string; uriBaseId?: string; index?: number } {
  const relative = path.relative(cwd, file);
  const i = index.get(file);
  const withIndex = i !== undefined ? { index: i } : {};
  if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
    return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT, ...withIndex };
  }
  return { uri: pathToFileURL(file).href, ...withIndex };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function pascalCase(id: string): string {
  return id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

function groupBy<T>(items: T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return [...groups];
}
