import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { marked, ROOT, SEED, SERVER, start, type Session } from './client';
import * as F from '../../server/src/analysis/features';

const PTL = `plan 许昌民政十四五 "许昌市“十四五”民政事业发展规划" {
  source "${SEED}"
  period 2021..2025
}

table 专栏2 "“十四五”时期许昌市民政事业发展主要指标" {
  indicator 城乡低保比 {
    name     "农村低保标准占城市低保标准比例"
    unit     %
    baseline 70 @2020
    target   >= 75 @2025
    anticipatory
    cite row 2
  }
  indicator 护理型床位占比 {
    name     "养老机构护理型床位占比"
    unit     %
    baseline 31.1 @2020
    target   >= 55 @2025
    actual   50 @2025
    binding
    cite row 4
  }
}

check "比例" 护理型床位占比 >= 城乡低保比.baseline * 0.5
`;

let session: Session | undefined;
beforeAll(() => {
  if (!fs.existsSync(SERVER)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
}, 120000);
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function withFile(text: string, options: Parameters<typeof start>[0] = {}) {
  session = await start({ ...options, files: { 'xc.ptl': text, ...options.files } });
  return session;
}

describe('diagnostics', () => {
  it('pushes a binding-target-missed error with its range, rule id, docs link and Chinese message', async () => {
    const s = await withFile(PTL);
    const d = await s.diagnostics('xc.ptl');
    const missed = d.diagnostics.find((x) => x.code === 'binding-target-missed');
    expect(missed).toMatchObject({
      range: { start: { line: 19, character: 13 }, end: { line: 19, character: 15 } },
      severity: 1,
      source: 'ptl',
      message: '实际值 50% 未达到约束性目标 >= 55%（2025年）',
    });
    expect(missed!.codeDescription!.href).toMatch(/binding-target-missed/);
    const undeclared = d.diagnostics.filter((x) => x.code === 'source-row-undeclared');
    expect(undeclared.length).toBeGreaterThan(5);
    expect(undeclared[0]!.relatedInformation![0]!.location.uri).toBe(s.uri(SEED));
  });

  it('speaks English with locale en', async () => {
    const s = await withFile(PTL, { locale: 'en-US' });
    const d = await s.diagnostics('xc.ptl');
    const missed = d.diagnostics.find((x) => x.code === 'binding-target-missed');
    expect(missed!.message).toMatch(/binding/i);
    expect(missed!.message).not.toMatch(/[\u4e00-\u9fff]{3}/);
  });

  it('re-checks an open document on incremental edits, versioned', async () => {
    const s = await withFile(PTL);
    s.open('xc.ptl', PTL, 1);
    await s.diagnostics('xc.ptl', (p) => p.version === 1);
    // 50 → 56: the binding target is now met.
    await s.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: s.uri('xc.ptl'), version: 2 },
      contentChanges: [{ range: { start: { line: 19, character: 13 }, end: { line: 19, character: 15 } }, text: '56' }],
    });
    const d = await s.diagnostics('xc.ptl', (p) => p.version === 2);
    expect(d.diagnostics.some((x) => x.code === 'binding-target-missed')).toBe(false);
  });

  it('answers pulled diagnostics for a document and the workspace', async () => {
    const s = await withFile(PTL, { pull: true });
    s.open('xc.ptl', PTL);
    const report = await s.conn.sendRequest<{ kind: string; items: { code: string }[]; resultId: string }>('textDocument/diagnostic', { textDocument: { uri: s.uri('xc.ptl') } });
    expect(report.kind).toBe('full');
    expect(report.items.map((i) => i.code)).toContain('binding-target-missed');
    const again = await s.conn.sendRequest<{ kind: string }>('textDocument/diagnostic', { textDocument: { uri: s.uri('xc.ptl') }, previousResultId: report.resultId });
    expect(again.kind).toBe('unchanged');
    const all = await s.conn.sendRequest<{ items: { uri: string; items: unknown[] }[] }>('workspace/diagnostic', { previousResultIds: [] });
    expect(all.items.map((i) => i.uri)).toContain(s.uri('xc.ptl'));
  });

  it('re-checks the files citing a plan text when it changes on disk', async () => {
    const s = await withFile(PTL);
    await s.diagnostics('xc.ptl');
    fs.writeFileSync(`${s.dir}/${SEED}`, '');
    await s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: s.uri(SEED), type: 2 }] });
    const d = await s.diagnostics('xc.ptl', (p) => !p.diagnostics.some((x) => x.code === 'source-row-undeclared'));
    expect(d.diagnostics.some((x) => x.code === 'citation-unresolved')).toBe(true);
  });

  it('re-checks every file when ptl.config.json changes on disk', async () => {
    const s = await withFile(PTL);
    await s.diagnostics('xc.ptl', (p) => p.diagnostics.some((x) => x.code === 'source-row-undeclared'));
    fs.writeFileSync(`${s.dir}/ptl.config.json`, JSON.stringify({ rules: { 'source-row-undeclared': 'off' } }));
    await s.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: s.uri('ptl.config.json'), type: 1 }] });
    const d = await s.diagnostics('xc.ptl', (p) => !p.diagnostics.some((x) => x.code === 'source-row-undeclared'));
    expect(d.diagnostics.map((x) => x.code)).toContain('binding-target-missed');
  });
});

describe('the rest of the editor features, over JSON-RPC on the seed', () => {
  it('sends semantic tokens again as the change from the last result', async () => {
    const s = await withFile(PTL);
    s.open('xc.ptl', PTL, 1);
    await s.diagnostics('xc.ptl', (p) => p.version === 1);
    const doc = { textDocument: { uri: s.uri('xc.ptl') } };
    type Tokens = { resultId: string; data?: number[]; edits?: Array<{ start: number; deleteCount: number; data?: number[] }> };
    const first = await s.conn.sendRequest<Tokens>('textDocument/semanticTokens/full', doc);
    // binding → anticipatory: the indicator's declaration, its attribute word and the check's reference to it change.
    await s.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: s.uri('xc.ptl'), version: 2 },
      contentChanges: [{ range: { start: { line: 20, character: 4 }, end: { line: 20, character: 11 } }, text: 'anticipatory' }],
    });
    await s.diagnostics('xc.ptl', (p) => p.version === 2);
    const delta = await s.conn.sendRequest<Tokens>('textDocument/semanticTokens/full/delta', { ...doc, previousResultId: first.resultId });
    const full = await s.conn.sendRequest<Tokens>('textDocument/semanticTokens/full', doc);
    expect(delta.data).toBeUndefined();
    const patched = [...first.data!];
    for (const e of [...delta.edits!].reverse()) patched.splice(e.start, e.deleteCount, ...(e.data ?? []));
    expect(patched).toEqual(full.data);
    expect(patched).not.toEqual(first.data);
    // 50 → 5: the number's length and the next token's distance from it; the type and modifiers between are sent along.
    await s.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri: s.uri('xc.ptl'), version: 3 },
      contentChanges: [{ range: { start: { line: 19, character: 13 }, end: { line: 19, character: 15 } }, text: '5' }],
    });
    await s.diagnostics('xc.ptl', (p) => p.version === 3);
    const small = await s.conn.sendRequest<Tokens>('textDocument/semanticTokens/full/delta', { ...doc, previousResultId: full.resultId });
    expect(small.edits).toEqual([{ start: expect.any(Number), deleteCount: 5, data: [1, 2, 0, 0, 3] }]);
    // A result id the server does not hold gets every token.
    const stale = await s.conn.sendRequest<Tokens>('textDocument/semanticTokens/full/delta', { ...doc, previousResultId: 'nothing' });
    expect(stale.data).toEqual((await s.conn.sendRequest<Tokens>('textDocument/semanticTokens/full', doc)).data);
  });
  it('outline, workspace symbols, folding, semantic tokens, code lenses, inlay hints, links, references, highlights', async () => {
    const s = await withFile(PTL);
    s.open('xc.ptl', PTL);
    await s.diagnostics('xc.ptl');
    const doc = { textDocument: { uri: s.uri('xc.ptl') } };
    type Named = { name: string; detail?: string; children?: Named[] };
    const symbols = await s.conn.sendRequest<Named[]>('textDocument/documentSymbol', doc);
    const outline = (n: Named): unknown => [n.name, ...(n.children ?? []).map(outline)];
    expect(symbols.map(outline)).toEqual([['许昌民政十四五', ['专栏2', ['城乡低保比'], ['护理型床位占比']], ['比例']]]);
    const found = await s.conn.sendRequest<{ name: string; containerName: string }[]>('workspace/symbol', { query: '床位' });
    expect(found.map((x) => [x.name, x.containerName])).toEqual([['护理型床位占比 — 养老机构护理型床位占比', '专栏2']]);
    const folds = await s.conn.sendRequest<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', doc);
    expect(folds.map((f) => [f.startLine, f.endLine])).toEqual([[0, 2], [5, 22], [6, 12], [14, 21]]);
    const tokens = await s.conn.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', doc);
    const lines = PTL.split('\n');
    const decoded: Array<[string, string, string[]]> = [];
    for (let i = 0, line = 0, character = 0; i < tokens.data.length; i += 5) {
      const [dLine, dChar, length, type, bits] = tokens.data.slice(i, i + 5) as [number, number, number, number, number];
      line += dLine;
      character = dLine === 0 ? character + dChar : dChar;
      decoded.push([lines[line]!.slice(character, character + length), F.TOKEN_TYPES[type]!, F.TOKEN_MODIFIERS.filter((_, k) => bits & (1 << k))]);
    }
    // The binding indicator, from its declaration to its citation, and the check that reads it.
    const start = decoded.findIndex(([text]) => text === '护理型床位占比');
    expect(decoded.slice(start)).toEqual([
      ['护理型床位占比', 'variable', ['declaration', 'binding']],
      ['name', 'keyword', []], ['"养老机构护理型床位占比"', 'string', []],
      ['unit', 'keyword', []], ['%', 'type', []],
      ['baseline', 'keyword', []], ['31.1', 'number', []], ['2020', 'number', ['readonly']],
      ['target', 'keyword', []], ['>=', 'operator', []], ['55', 'number', []], ['2025', 'number', ['readonly']],
      ['actual', 'keyword', []], ['50', 'number', []], ['2025', 'number', ['readonly']],
      ['binding', 'enumMember', ['binding']],
      ['cite', 'keyword', []], ['row', 'keyword', []], ['4', 'number', []],
      ['check', 'keyword', []], ['"比例"', 'string', []],
      ['护理型床位占比', 'variable', ['binding']], ['>=', 'operator', []],
      ['城乡低保比', 'variable', ['anticipatory']], ['baseline', 'keyword', []], ['0.5', 'number', []],
    ]);
    const lenses = await s.conn.sendRequest<{ range: { start: { line: number } }; command: { title: string } }[]>('textDocument/codeLens', doc);
    expect(lenses.map((l) => [l.range.start.line, l.command.title])).toEqual([[10, '暂无完成值 · 2025 年目标 ≥ 75%'], [18, '未实现 · 2025 年目标 ≥ 55% · 2025 年完成 50%']]);
    const hints = await s.conn.sendRequest<{ position: { line: number }; label: string }[]>('textDocument/inlayHint', { ...doc, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } } });
    expect(hints.map((h) => [h.position.line, h.label])).toEqual([[25, ' = 50%'], [25, ' = 35%']]);
    const links = await s.conn.sendRequest<{ range: { start: { line: number } }; target: string }[]>('textDocument/documentLink', doc);
    expect(links.map((l) => [l.range.start.line, l.target])).toEqual([[1, s.uri(SEED)]]);
    const at = { ...doc, position: { line: 14, character: 14 } };
    const refs = await s.conn.sendRequest<{ range: { start: { line: number } } }[]>('textDocument/references', { ...at, context: { includeDeclaration: true } });
    expect(refs.map((r) => r.range.start.line)).toEqual([14, 25]);
    const highlights = await s.conn.sendRequest<{ range: { start: { line: number } } }[]>('textDocument/documentHighlight', at);
    expect(highlights.map((r) => r.range.start.line)).toEqual([14, 25]);
  });
});

describe('trust and settings', () => {
  it('reads no plan text in an untrusted workspace: no source findings, the rest still checked', async () => {
    const s = await withFile(PTL, { initializationOptions: { trusted: false } });
    const d = await s.diagnostics('xc.ptl');
    const codes = d.diagnostics.map((x) => x.code);
    expect(codes).toContain('binding-target-missed');
    expect(codes.filter((c) => /source|citation/.test(String(c)))).toEqual([]);
  });

  it('applies ptl.* settings changes without a restart when no ptl.config.json decides', async () => {
    const s = await withFile(PTL);
    await s.diagnostics('xc.ptl', (p) => p.diagnostics.some((x) => x.code === 'binding-target-missed'));
    await s.conn.sendNotification('workspace/didChangeConfiguration', { settings: { ptl: { rules: { 'binding-target-missed': 'warning', 'source-row-undeclared': 'off' } } } });
    const d = await s.diagnostics('xc.ptl', (p) => p.diagnostics.some((x) => x.code === 'binding-target-missed' && x.severity === 2));
    expect(d.diagnostics.some((x) => x.code === 'source-row-undeclared')).toBe(false);
  });
});

const HOVERS: Array<[string, string, string]> = [
  [
    'indicator id',
    PTL.replace('indicator 护理型床位占比', 'indicator 护理<|>型床位占比'),
    [
      '**护理型床位占比** — 养老机构护理型床位占比',
      '',
      '*约束性：政府必须完成*',
      '',
      '- 单位：%（无量纲（百分比））',
      '- 所属专栏：专栏2 “十四五”时期许昌市民政事业发展主要指标',
      '- 基础值 31.1% @2020 → 目标值 ≥ 55% @2025，变化 +23.9 个百分点，需每年 +4.78 个百分点',
      '- 完成值 50% @2025',
      '- 2025 年目标 ≥ 55%：**未实现**（2025 年完成 50%）',
      '',
      '规划原文（001_274d81b69c494f30.txt 专栏2 第 4 行（第 269 行））：',
      '',
      '> 4 │ 养老机构护理型床位占比(%) │ 31.1 │ ≥55 │ 约束性',
    ].join('\n'),
  ],
  ['attribute', PTL.replace('    binding', '    bind<|>ing'), '**约束性：政府必须完成**（binding / 约束性）\n\n政府承诺并须以自身手段实现；未实现是错误，不能用注释抑制。'],
  ['citation', PTL.replace('cite row 2', 'cite r<|>ow 2'), '规划原文（001_274d81b69c494f30.txt 专栏2 第 2 行（第 249 行））：\n\n> 2 │ 农村低保标准占城市低保标准比例(%) │ 70 │ 75 │ 预期性'],
];

describe('hover', () => {
  it.each(HOVERS)('on %s', async (_name, fixture, expected) => {
    const { text, position } = marked(fixture);
    const s = await withFile(text);
    s.open('xc.ptl', text);
    const h = await s.conn.sendRequest<{ contents: { kind: string; value: string } }>('textDocument/hover', { textDocument: { uri: s.uri('xc.ptl') }, position });
    expect(h.contents.kind).toBe('markdown');
    expect(h.contents.value).toBe(expected);
  });

  it('is English with locale en', async () => {
    const { text, position } = marked(PTL.replace('indicator 护理型床位占比', 'indicator 护理<|>型床位占比'));
    const s = await withFile(text, { locale: 'en' });
    s.open('xc.ptl', text);
    const h = await s.conn.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: s.uri('xc.ptl') }, position });
    expect(h.contents.value).toContain('*Binding: the government must achieve it*');
    expect(h.contents.value).toContain('Baseline 31.1% @2020 → target ≥ 55% @2025: change +23.9 percentage points, +4.78 percentage points a year needed');
  });
});

describe('navigation and edits', () => {
  it('completes the missing fields, in the author’s language first', async () => {
    const { text, position } = marked(PTL.replace('    cite row 2\n', '    cite row 2\n    <|>\n'));
    const s = await withFile(text);
    s.open('xc.ptl', text);
    const items = await s.conn.sendRequest<{ label: string; sortText: string; textEdit: { newText: string } }[]>('textDocument/completion', { textDocument: { uri: s.uri('xc.ptl') }, position });
    const labels = items.sort((a, b) => a.sortText.localeCompare(b.sortText)).map((i) => i.label);
    expect(labels.slice(0, 4)).toEqual(['actual', 'direction', 'derive', 'aligns']);
    expect(labels).toContain('完成值');
    expect(labels).not.toContain('unit');
    const row = items.find((i) => i.label === '残疾人“两项补贴”覆盖率')!;
    expect(row.textEdit.newText).toContain('cite     专栏2 row 3');
  });

  it('goes from a citation into the plan text at the cited row', async () => {
    const { text, position } = marked(PTL.replace('cite row 4', 'cite row <|>4'));
    const s = await withFile(text);
    s.open('xc.ptl', text);
    const locs = await s.conn.sendRequest<{ uri: string; range: { start: { line: number } } }[]>('textDocument/definition', { textDocument: { uri: s.uri('xc.ptl') }, position });
    expect(locs).toEqual([{ uri: s.uri(SEED), range: { start: { line: 268, character: 0 }, end: { line: 268, character: 0 } } }]);
  });

  it('goes from a reference to its indicator', async () => {
    const { text, position } = marked(PTL.replace('>= 城乡低保比.baseline', '>= 城乡<|>低保比.baseline'));
    const s = await withFile(text);
    s.open('xc.ptl', text);
    const locs = await s.conn.sendRequest('textDocument/definition', { textDocument: { uri: s.uri('xc.ptl') }, position });
    expect(locs).toEqual([{ uri: s.uri('xc.ptl'), range: { start: { line: 6, character: 12 }, end: { line: 6, character: 17 } } }]);
  });

  it('renames an id and its references, and refuses a keyword', async () => {
    const { text, position } = marked(PTL.replace('indicator 城乡低保比', 'indicator 城乡<|>低保比'));
    const s = await withFile(text);
    s.open('xc.ptl', text);
    const edit = await s.conn.sendRequest<{ changes: Record<string, { range: unknown; newText: string }[]> }>('textDocument/rename', { textDocument: { uri: s.uri('xc.ptl') }, position, newName: '低保比' });
    expect(edit.changes[s.uri('xc.ptl')]).toEqual([
      { range: { start: { line: 6, character: 12 }, end: { line: 6, character: 17 } }, newText: '低保比' },
      { range: { start: { line: 25, character: 22 }, end: { line: 25, character: 27 } }, newText: '低保比' },
    ]);
    await expect(s.conn.sendRequest('textDocument/prepareRename', { textDocument: { uri: s.uri('xc.ptl') }, position: { line: 6, character: 4 } })).rejects.toThrow(/重命名/);
  });

  it('finds references in a closed file that imports this one', async () => {
    const { text, position } = marked(PTL.replace('indicator 城乡低保比', 'indicator 城乡<|>低保比'));
    const county = 'use "xc.ptl" as 市\nindicator y { unit % target >= 市.城乡低保比 @2025 anticipatory }\n';
    const s = await withFile(text, { files: { 'county.ptl': county, 'other.ptl': 'indicator 城乡低保比 { unit % target 1 @2025 anticipatory }\n' } });
    s.open('xc.ptl', text);
    const refs = await s.conn.sendRequest<{ uri: string; range: { start: { line: number; character: number } } }[]>('textDocument/references', { textDocument: { uri: s.uri('xc.ptl') }, position, context: { includeDeclaration: false } });
    expect(refs.map((r) => [r.uri, r.range.start.line, r.range.start.character])).toEqual([[s.uri('xc.ptl'), 25, 22], [s.uri('county.ptl'), 1, 33]]);
  });

  it('formats the document', async () => {
    const text = 'plan P "t" {\nsource "x.txt"\n}\n';
    const s = await withFile(text);
    s.open('xc.ptl', text);
    const edits = await s.conn.sendRequest<{ range: unknown; newText: string }[]>('textDocument/formatting', { textDocument: { uri: s.uri('xc.ptl') }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits).toEqual([{ range: { start: { line: 0, character: 12 }, end: { line: 1, character: 0 } }, newText: '\n  ' }]);
  });

  it('offers the quick fix of a finding and the import of every undeclared row', async () => {
    const text = PTL.replace('baseline 70 @2020', 'baseline 60 @2020');
    const s = await withFile(text);
    s.open('xc.ptl', text);
    const actions = await s.conn.sendRequest<{ title: string; kind: string; edit: { changes: Record<string, { newText: string }[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri: s.uri('xc.ptl') },
      range: { start: { line: 9, character: 13 }, end: { line: 9, character: 13 } },
      context: { diagnostics: [] },
    });
    const fix = actions.find((a) => a.title === '采用原文的数值 70')!;
    expect(fix.kind).toBe('quickfix');
    expect(fix.edit.changes[s.uri('xc.ptl')]).toEqual([{ range: { start: { line: 9, character: 13 }, end: { line: 9, character: 15 } }, newText: '70' }]);
    const all = actions.find((a) => a.title.startsWith('导入规划中全部'))!;
    expect(all.edit.changes[s.uri('xc.ptl')]![0]!.newText).toContain('残疾人“两项补贴”覆盖率');
  });

  it('survives a handler that throws: logs it, answers empty, keeps serving', async () => {
    const { text, position } = marked(PTL.replace('indicator 护理型床位占比', 'indicator 护理<|>型床位占比'));
    const s = await withFile(text, { env: { PTL_LSP_FAULT: 'hover' } });
    s.open('xc.ptl', text);
    const h = await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: s.uri('xc.ptl') }, position });
    expect(h).toBeNull();
    const symbols = await s.conn.sendRequest<{ name: string; children: { name: string }[] }[]>('textDocument/documentSymbol', { textDocument: { uri: s.uri('xc.ptl') } });
    expect(symbols[0]!.name).toBe('许昌民政十四五');
    expect(symbols[0]!.children.map((c) => c.name)).toEqual(['专栏2', '比例']);
    expect(s.child.exitCode).toBeNull();
    expect(s.logs.some((l) => l.includes('hover failed') && l.includes('injected fault'))).toBe(true);
  });
});
