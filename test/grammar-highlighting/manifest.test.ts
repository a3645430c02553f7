/**
 * The VS Code extension's manifest and what it points at: every `%key%` is
 * translated in English and Chinese (and every translation is used), the files it
 * names exist, the snippets are JSON whose bodies use only PTL's keywords and
 * parse, and the language configuration does what a drafter expects.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { IGrammar } from 'vscode-textmate';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIRECTIONS, KEYWORDS, LEVELS, type KeywordId } from '../../grammar/src/keywords';
import { parse } from '../../grammar/src/parse';
import { hasKeywordScope, loadGrammar, tokenize } from './tokenize';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');
const exists = (path: string): boolean => existsSync(new URL(path, root));
const json = <T = Record<string, unknown>>(path: string): T => JSON.parse(read(path)) as T;

interface Manifest {
  name: string;
  displayName: string;
  publisher: string;
  version: string;
  main: string;
  icon: string;
  engines: Record<string, string>;
  activationEvents: string[];
  dependencies?: unknown;
  devDependencies?: unknown;
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited'; description?: string } };
  contributes: {
    languages: Array<{ id: string; extensions: string[]; aliases: string[]; configuration: string; icon: { light: string; dark: string } }>;
    grammars: Array<{ language: string; scopeName: string; path: string }>;
    snippets: Array<{ language: string; path: string }>;
    commands: Array<{ command: string; title: string; category: string }>;
    menus: Record<string, Array<{ command: string; when?: string }>>;
    configuration: { title: string; properties: Record<string, Record<string, unknown>> };
  };
}

const manifestText = read('client/package.json');
const manifest = JSON.parse(manifestText) as Manifest;
const contributes = manifest.contributes;
/** The build copies grammar/ files next to the manifest; map the manifest's paths back to the sources. */
const SOURCE_OF: Record<string, string> = {
  './language-configuration.json': 'grammar/language-configuration.json',
  './syntaxes/ptl.tmLanguage.json': 'grammar/syntaxes/ptl.tmLanguage.json',
};
const sourceOf = (path: string): string => SOURCE_OF[path] ?? `client/${path.replace(/^\.\//, '')}`;

describe('client/package.json', () => {
  it('is the extension manifest: bundled, with no dependencies', () => {
    expect(manifest).toMatchObject({
      name: 'ptl-vscode',
      publisher: 'ptl-tools',
      version: '0.1.0',
      main: './dist/extension.js',
      icon: 'images/icon.png',
      engines: { vscode: '^1.91.0' },
    });
    expect(manifest.activationEvents).toEqual(expect.arrayContaining(['onLanguage:ptl', 'workspaceContains:**/*.ptl']));
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.devDependencies).toBeUndefined();
    expect(manifest.capabilities.untrustedWorkspaces.supported).toBe('limited');
    expect(manifest.capabilities.untrustedWorkspaces.description).toMatch(/^%.+%$/);
  });

  it('contributes the ptl language with its grammar, configuration, snippets and icons', () => {
    const [language] = contributes.languages;
    expect(language).toMatchObject({ id: 'ptl', extensions: ['.ptl'], aliases: ['PTL', '政策目标'], configuration: './language-configuration.json' });
    expect(contributes.grammars).toEqual([{ language: 'ptl', scopeName: 'source.ptl', path: './syntaxes/ptl.tmLanguage.json' }]);
    expect(json<{ scopeName: string }>(sourceOf(contributes.grammars[0]!.path)).scopeName).toBe('source.ptl');
    expect(exists(sourceOf(language!.configuration))).toBe(true);
    expect(contributes.snippets).toEqual([{ language: 'ptl', path: './snippets/ptl.code-snippets' }]);
    for (const icon of [language!.icon.light, language!.icon.dark]) expect(read(sourceOf(icon))).toMatch(/^<svg [^>]*viewBox="0 0 16 16"/);
  });

  it('has a 128×128 PNG icon', () => {
    const png = readFileSync(new URL(`client/${manifest.icon}`, root));
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([128, 128]);
  });

  it('contributes the commands under the PTL category, and menus name only them', () => {
    const ids = contributes.commands.map((c) => c.command);
    expect(ids).toEqual(['ptl.importPlan', 'ptl.openDashboard', 'ptl.checkWorkspace', 'ptl.showSource', 'ptl.explainRule', 'ptl.restartServer']);
    for (const c of contributes.commands) {
      expect(c.category).toBe('PTL');
      expect(c.title).toMatch(/^%command\..+%$/);
    }
    for (const items of Object.values(contributes.menus)) for (const item of items) expect(ids).toContain(item.command);
  });

  it('contributes the ptl.* settings', () => {
    const props = contributes.configuration.properties;
    expect(Object.keys(props).sort()).toEqual(['ptl.locale', 'ptl.rules', 'ptl.tolerance', 'ptl.trace.server']);
    expect(props['ptl.tolerance']).toMatchObject({ type: 'number', default: 0.05 });
    expect(props['ptl.trace.server']).toMatchObject({ type: 'string', enum: ['off', 'messages', 'verbose'], default: 'off' });
    expect(props['ptl.locale']).toMatchObject({ type: 'string', enum: ['auto', 'zh-CN', 'en'], default: 'auto' });
    expect(props['ptl.rules']).toMatchObject({ type: 'object', default: {} });
    for (const [key, prop] of Object.entries(props)) expect(prop['description'] ?? prop['markdownDescription'], key).toMatch(/^%config\..+%$/);
    const severities = ['off', 'hint', 'info', 'warning', 'error'];
    const rules = props['ptl.rules'] as { properties: Record<string, { enum: string[] }>; additionalProperties: { enum: string[] } };
    expect(rules.additionalProperties.enum).toEqual(severities);
    for (const [id, rule] of Object.entries(rules.properties)) {
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.enum).toEqual(severities);
    }
  });

  it('lists every rule of the rule table in ptl.rules', async () => {
    // Imported by computed path: the rule table is another layer's, and may not exist yet.
    const path = new URL('server/src/analysis/rules/index.ts', root);
    if (!existsSync(path)) return;
    const { RULES } = (await import(/* @vite-ignore */ path.href)) as { RULES: ReadonlyArray<{ id: string }> };
    const rules = contributes.configuration.properties['ptl.rules'] as { properties: Record<string, unknown> };
    expect(Object.keys(rules.properties).sort()).toEqual(RULES.map((r) => r.id).sort());
  });
});

describe('package.nls.json and package.nls.zh-cn.json', () => {
  const used = new Set([...manifestText.matchAll(/"%([^%"\s]+)%"/g)].map((m) => m[1]!));
  const en = json<Record<string, string>>('client/package.nls.json');
  const zh = json<Record<string, string>>('client/package.nls.zh-cn.json');

  it('translate every %key% of the manifest', () => {
    expect(used.size).toBeGreaterThan(10);
    for (const key of used) {
      expect(en, key).toHaveProperty([key]);
      expect(zh, key).toHaveProperty([key]);
    }
  });

  it('hold no key the manifest does not use', () => {
    expect(Object.keys(en).filter((k) => !used.has(k))).toEqual([]);
    expect(Object.keys(zh).filter((k) => !used.has(k))).toEqual([]);
  });

  it('are filled in, the Chinese in Chinese', () => {
    for (const [key, value] of Object.entries(en)) expect(value.trim(), key).not.toBe('');
    for (const [key, value] of Object.entries(zh)) expect(value, key).toMatch(/[\u4e00-\u9fff]/);
  });

  it('name the commands as the brief does', () => {
    expect(en['command.importPlan.title']).toBe('Import Indicators from a Plan…');
    expect(en['command.showSource.title']).toBe('Show the Cited Source Passage');
  });
});

// ——— snippets ———

interface Snippet {
  prefix: string | string[];
  description: string;
  body: string[];
}

const snippets = json<Record<string, Snippet>>('client/snippets/ptl.code-snippets');
const EN = new Set(KEYWORDS.flatMap((k) => k.en));
const ZH = new Set(KEYWORDS.flatMap((k) => k.zh));
const ID_OF = new Map(KEYWORDS.flatMap((k) => [...k.en, ...k.zh].map((s) => [s, k.id] as const)));
const VALUES = new Set([...Object.keys(LEVELS), ...Object.keys(DIRECTIONS)]);
const SYMBOLS = new Set(['>=', '<=', '>', '<', '=', '~', '≥', '≤', '≈']);
const isZh = (word: string): boolean => /[\u4e00-\u9fff]/.test(word);

/** The words a snippet writes itself (not typed by the user into placeholders or strings), and its choices. */
function written(body: string): { words: string[]; choices: string[] } {
  const choices = [...body.matchAll(/\$\{\d+\|([^|]*)\|\}/g)].flatMap((m) => m[1]!.split(','));
  const bare = body
    .replace(/"(?:[^"\\]|\\.)*"/g, ' ')
    .replace(/\$\{\d+\|[^|]*\|\}/g, ' ')
    .replace(/\$\{\d+(?::[^}]*)?\}/g, ' ')
    .replace(/\$\d+/g, ' ');
  return { words: bare.match(/[\p{L}_][\p{L}\p{N}_]*/gu) ?? [], choices };
}

/** The text VS Code inserts when every placeholder keeps its default (and choices their first option). */
function expand(body: string): string {
  return body
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\}|\$\d+/g, '');
}

describe('client/snippets/ptl.code-snippets', () => {
  let grammar: IGrammar;
  beforeAll(async () => {
    grammar = await loadGrammar();
  });
  const entries = Object.entries(snippets);

  it('offers plan, table, indicator, check and series with English and with Chinese keywords', () => {
    const offered = new Set<string>();
    for (const [, s] of entries) {
      const first = written(s.body.join('\n')).words[0]!;
      offered.add(`${ID_OF.get(first)}:${isZh(first) ? 'zh' : 'en'}`);
    }
    const wanted: KeywordId[] = ['plan', 'table', 'indicator', 'check', 'series'];
    expect([...offered].sort()).toEqual(wanted.flatMap((id) => [`${id}:en`, `${id}:zh`]).sort());
  });

  it.each(entries)('%s writes only keywords, all in one language', (_name, s) => {
    expect(s.description.trim()).not.toBe('');
    expect(s.prefix.length).toBeGreaterThan(0);
    const { words, choices } = written(s.body.join('\n'));
    const zh = isZh(words[0]!);
    for (const word of words) expect(zh ? ZH : EN, `${word} is not a ${zh ? 'Chinese' : 'English'} keyword`).toContain(word);
    for (const choice of choices) {
      const known = ID_OF.has(choice) || VALUES.has(choice) || SYMBOLS.has(choice);
      expect(known, `choice ${choice}`).toBe(true);
      if (/^\p{L}/u.test(choice)) expect(isZh(choice), `choice ${choice} is in the other language`).toBe(zh);
    }
  });

  it.each(entries)('%s parses as PTL and is highlighted', (_name, s) => {
    const text = expand(s.body.join('\n'));
    const { problems } = parse(text);
    expect(problems.map((p) => `${p.code}: ${p.message.en}`)).toEqual([]);
    const tokens = tokenize(grammar, text);
    for (const t of tokens) {
      if (t.text.trim() !== '') expect(t.scopes.length, `“${t.text}” has no scope in ${JSON.stringify(text)}`).toBeGreaterThan(1);
      if (ID_OF.has(t.text) && !t.scopes.some((x) => x.startsWith('string'))) expect(hasKeywordScope(t.scopes), t.text).toBe(true);
    }
  });
});

// ——— language configuration ———

describe('grammar/language-configuration.json', () => {
  const config = json<{
    comments: { lineComment: string; blockComment: [string, string] };
    brackets: Array<[string, string]>;
    autoClosingPairs: Array<{ open: string; close: string; notIn?: string[] }>;
    surroundingPairs: Array<[string, string]>;
    folding: { markers: { start: string; end: string } };
    wordPattern: string;
    indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
  }>('grammar/language-configuration.json');

  it('has PTL comments, brackets and pairs, Chinese quotes included', () => {
    expect(config.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
    expect(config.brackets).toEqual([['{', '}'], ['(', ')']]);
    const pairs = config.autoClosingPairs.map((p) => p.open + p.close);
    expect(pairs).toEqual(expect.arrayContaining(['{}', '()', '""', '“”']));
    expect(config.autoClosingPairs.find((p) => p.open === '"')?.notIn).toEqual(['string', 'comment']);
    expect(config.surroundingPairs).toEqual(expect.arrayContaining([['{', '}'], ['(', ')'], ['"', '"'], ['“', '”']]));
  });

  it('folds regions', () => {
    const start = new RegExp(config.folding.markers.start);
    const end = new RegExp(config.folding.markers.end);
    expect(start.test('  // #region 主要指标')).toBe(true);
    expect(end.test('// #endregion')).toBe(true);
    expect(start.test('// #endregion')).toBe(false);
    expect(start.test('region "许昌市"')).toBe(false);
  });

  it('has words made of Chinese letters, numbers with their scale', () => {
    const words = (text: string) => text.match(new RegExp(config.wordPattern, 'g'));
    expect(words('指标 护理型床位占比 { 专栏2 省意见.低保标准 3.3万 55% "残疾人“两项补贴”覆盖率" 元/人·月 目标值：≥５５ a_b }')).toEqual([
      '指标', '护理型床位占比', '专栏2', '省意见', '低保标准', '3.3万', '55%', '残疾人', '两项补贴', '覆盖率', '元', '人', '月', '目标值', '５５', 'a_b',
    ]);
  });

  it('indents inside braces', () => {
    const increase = new RegExp(config.indentationRules.increaseIndentPattern);
    const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
    expect(increase.test('table 专栏2 "主要指标" {')).toBe(true);
    expect(increase.test('  指标 低保 ｛')).toBe(true);
    expect(increase.test('series 老年人口 { unit 万人 }')).toBe(false);
    expect(increase.test('// 注释 {')).toBe(false);
    expect(decrease.test('  }')).toBe(true);
    expect(decrease.test('  unit %')).toBe(false);
  });
});
