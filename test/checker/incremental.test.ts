/**
 * Re-analysis after an edit reuses the tree, the symbols and the per-indicator
 * results of what the edit did not touch. Whatever is reused, the result must be
 * the one a fresh analysis of the new text gives: random sequences of typing on the
 * seeds are analysed both ways and compared, tree and findings and statuses, and the
 * items and semantic tokens the editor features keep per declaration.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../../grammar/src/parse';
import { reparse } from '../../grammar/src/reparse';
import type { FileAnalysis } from '../../server/src/analysis/analyze';
import { keywordLanguage, semanticTokens } from '../../server/src/analysis/features';
import { items } from '../../server/src/analysis/features/walk';
import { memoryAnalyzer } from '../support/memory-host';

const dir = join(__dirname, '..', '..', 'seeds');
const names = readdirSync(dir);
const files = Object.fromEntries(names.map((n) => [`/ws/${n}`, readFileSync(join(dir, n))]));
const seeds = names.filter((n) => n.endsWith('.ptl'));
const textOf = (name: string) => readFileSync(join(dir, name), 'utf8');

/** What a user sees of an analysis; statuses by indicator id, as they hold references to symbols. */
function observable(a: FileAnalysis) {
  return {
    tree: JSON.stringify(a.parse.file),
    problems: a.parse.problems,
    findings: a.findings,
    statuses: a.statuses.map((s) => [s.indicator.id, s.year, s.status, s.targetValue, s.actual?.value, s.expected]),
    symbols: a.model.indicators.map((i) => [i.id, i.decl.start, i.decl.end, i.parent?.id, i.table?.id?.name]),
    // Each id with the place of its symbol in the model: a stale symbol left in the table is at none.
    scope: [...a.model.symbols].map(([id, s]) => [id, s.kind === 'indicator' ? a.model.indicators.indexOf(s) : a.model.series.indexOf(s)]),
    lines: Array.from({ length: a.parse.lines.lineCount }, (_, i) => a.parse.lines.lineStart(i)),
    // The editor features read the tree through items kept per declaration.
    items: items(a.parse.file).map((i) => [i.type, i.node.start, i.node.end, 'owner' in i ? i.owner?.start : undefined]),
    language: keywordLanguage(a),
    tokens: semanticTokens(a),
  };
}

const KEYS = ['1', '0', '.', '5', ' ', 'a', '率', '%', '"', '{', '}', '\n', '\r', '@', '-', '>=', 'target 1 @2025', '//x'];

/** An edit near a random spot: typing a key, deleting a few characters, or replacing one. */
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.integer({ min: 0, max: 3 }),
  insert: fc.constantFrom('', ...KEYS),
});

function apply(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.min(text.length, Math.floor(e.at * text.length));
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

describe('incremental re-analysis', () => {
  it.each(seeds)('equals a fresh analysis after every edit of a typing session on %s', (name) => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        const incremental = memoryAnalyzer(files);
        let text = textOf(name);
        incremental.analyze(`/ws/${name}`, text);
        for (const e of edits) {
          text = apply(text, e);
          const fresh = memoryAnalyzer(files).analyze(`/ws/${name}`, text);
          expect(observable(incremental.analyze(`/ws/${name}`, text))).toEqual(observable(fresh));
        }
      }),
      { numRuns: 25, seed: 20261123 },
    );
  });

  it('equals a fresh analysis after every edit of a typing session on a file with CRLF line breaks', () => {
    const name = seeds[0]!;
    const crlf = textOf(name).replace(/\n/g, '\r\n');
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        const incremental = memoryAnalyzer(files);
        let text = crlf;
        incremental.analyze(`/ws/${name}`, text);
        for (const e of edits) {
          text = apply(text, e);
          expect(observable(incremental.analyze(`/ws/${name}`, text))).toEqual(observable(memoryAnalyzer(files).analyze(`/ws/${name}`, text)));
        }
      }),
      { numRuns: 40, seed: 11 },
    );
    // A space typed between the \r and the \n of a line break inside an indicator makes two breaks of one.
    const at = crlf.indexOf('\r\n', crlf.indexOf('unit')) + 1;
    const split = `${crlf.slice(0, at)} ${crlf.slice(at)}`;
    const incremental = memoryAnalyzer(files);
    incremental.analyze(`/ws/${name}`, crlf);
    expect(observable(incremental.analyze(`/ws/${name}`, split))).toEqual(observable(memoryAnalyzer(files).analyze(`/ws/${name}`, split)));
  });

  it.each(seeds)('equals a fresh analysis while numbers and names are typed in %s, re-parsing one indicator', (name) => {
    const original = textOf(name);
    // Digits and the insides of strings: where most typing in a target file happens.
    const spots = [...original.matchAll(/\d|"[^"\n]+"/g)].map((m) => m.index! + (m[0].length > 1 ? 1 : 0));
    let reparsed = 0;
    fc.assert(
      fc.property(fc.array(fc.record({ spot: fc.nat(spots.length - 1), key: fc.constantFrom('', '1', '9', '.', '率', 'x') }), { minLength: 1, maxLength: 8 }), (edits) => {
        const incremental = memoryAnalyzer(files);
        let text = original;
        incremental.analyze(`/ws/${name}`, text);
        let shift = 0;
        for (const e of edits) {
          const at = Math.min(text.length, spots[e.spot]! + shift);
          const next = e.key === '' ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + e.key + text.slice(at);
          if (reparse(parse(text), next)) reparsed++;
          shift += next.length - text.length;
          text = next;
          expect(observable(incremental.analyze(`/ws/${name}`, text))).toEqual(observable(memoryAnalyzer(files).analyze(`/ws/${name}`, text)));
        }
      }),
      { numRuns: 20, seed: 7 },
    );
    expect(reparsed).toBeGreaterThan(10);
  });

  it('equals a fresh analysis while nested ids, references and numbers are typed, re-parsing one indicator', () => {
    // Nested indicators are re-made with the one that holds them; their ids can change, and repeat one declared elsewhere.
    const original = [
      'plan 测 "嵌套" { period 2021..2025 }',
      'indicator 总 {',
      '  unit %',
      '  target 50 @2025',
      '  anticipatory',
      '  indicator 子一 {',
      '    unit %',
      '    target 20 @2025',
      '    anticipatory',
      '    indicator 孙 { unit % target 5 @2025 anticipatory }',
      '  }',
      '  indicator 子二 {',
      '    unit %',
      '    target 30 @2025',
      '    derive 子一 + 1',
      '    anticipatory',
      '  }',
      '}',
      'indicator 外 { unit % target 2 @2025 derive 子二 * 2 anticipatory }',
      'indicator 子三 { unit % target 1 @2025 anticipatory }',
      '',
    ].join('\n');
    const spots = [...original.matchAll(/子[一二三]|孙|\d+(?= @)/g)].map((m) => m.index! + m[0].length);
    let reparsed = 0;
    fc.assert(
      fc.property(fc.array(fc.record({ spot: fc.nat(spots.length - 1), key: fc.constantFrom('', '一', '二', '三', '1', 'x') }), { minLength: 1, maxLength: 8 }), (edits) => {
        const incremental = memoryAnalyzer(files);
        let text = original;
        incremental.analyze('/ws/nested.ptl', text);
        let shift = 0;
        for (const e of edits) {
          const at = Math.min(text.length, spots[e.spot]! + shift);
          const next = e.key === '' ? text.slice(0, at - 1) + text.slice(at) : text.slice(0, at) + e.key + text.slice(at);
          if (reparse(parse(text), next)) reparsed++;
          shift += next.length - text.length;
          text = next;
          expect(observable(incremental.analyze('/ws/nested.ptl', text))).toEqual(observable(memoryAnalyzer(files).analyze('/ws/nested.ptl', text)));
        }
      }),
      { numRuns: 60, seed: 23 },
    );
    expect(reparsed).toBeGreaterThan(50);
  });

  it('re-parses only the indicator a digit was typed in, and keeps the symbols of the others', () => {
    const name = 'xuchang-2021-2025.ptl';
    const analyzer = memoryAnalyzer(files);
    const text = textOf(name);
    const before = analyzer.analyze(`/ws/${name}`, text);
    const at = text.indexOf('actual 46.9 @2020') + 'actual 46.'.length;
    const edited = `${text.slice(0, at)}7${text.slice(at)}`;
    expect(reparse(parse(text), edited)).toBeDefined();
    const after = analyzer.analyze(`/ws/${name}`, edited);
    const changed = after.model.indicators.filter((i) => !before.model.indicators.includes(i)).map((i) => i.id);
    expect(changed).toEqual(['对生活不能自理的特困人员的集中供养能力']);
    expect(after.findings.find((f) => f.rule === 'binding-target-missed')?.message.zh).toBe('实际值 46.79% 未达到约束性目标 50%（2020年）');
  });

  it('checks again an indicator whose derivation reads the edited one', () => {
    const text = ['indicator a {', '  unit 万人', '  actual 10 @2023', '  target 12 @2025', '  anticipatory', '}', 'indicator b {', '  unit 万人', '  derive a * 2', '  actual 20 @2023', '  target 24 @2025', '  anticipatory', '}', ''].join('\n');
    const analyzer = memoryAnalyzer({});
    expect(analyzer.analyze('/ws/d.ptl', text).findings.map((f) => f.rule)).toEqual([]);
    const edited = text.replace('actual 10', 'actual 11');
    const findings = analyzer.analyze('/ws/d.ptl', edited).findings;
    expect(findings.map((f) => [f.rule, f.range.start.line, f.message.zh])).toEqual([['derive-mismatch', 9, '声明值 20 与推导值 22 不符（2023年）']]);
    expect(findings).toEqual(memoryAnalyzer({}).analyze('/ws/d.ptl', edited).findings);
  });

  it('colours a reference again when the indicator it names changes its attribute', () => {
    const text = ['indicator a {', '  unit 万人', '  target 12 @2025', '  anticipatory', '}', 'indicator b {', '  unit 万人', '  derive a * 2', '  target 24 @2025', '  anticipatory', '}', ''].join('\n');
    const analyzer = memoryAnalyzer({});
    const reference = (a: FileAnalysis) => semanticTokens(a).find((t) => t.line === 7 && t.character === 9);
    expect(reference(analyzer.analyze('/ws/c.ptl', text))).toEqual({ line: 7, character: 9, length: 1, type: 'variable', modifiers: ['anticipatory'] });
    const edited = text.replace('  anticipatory', '  binding');
    expect(reparse(parse(text), edited)).toBeDefined();
    expect(reference(analyzer.analyze('/ws/c.ptl', edited))).toEqual({ line: 7, character: 9, length: 1, type: 'variable', modifiers: ['binding'] });
  });

  it('suggests again for an unknown reference when an id is added elsewhere', () => {
    const text = ['indicator a {', '  unit 万人', '  derive 人口总 * 2', '  target 12 @2025', '  anticipatory', '}', 'indicator 人口总量 {', '  unit 万人', '  target 6 @2025', '  anticipatory', '}', ''].join('\n');
    const analyzer = memoryAnalyzer({});
    const hint = (t: string) => analyzer.analyze('/ws/r.ptl', t).findings.filter((f) => f.rule === 'unknown-reference').map((f) => f.message.zh);
    expect(hint(text)).toEqual(['未知的引用「人口总」，是否指「人口总量」？']);
    expect(hint(text.replace('indicator 人口总量', 'indicator 人口总数'))).toEqual(['未知的引用「人口总」，是否指「人口总数」？']);
  });

  it('parses the whole text again when an edit adds a line or breaks the syntax', () => {
    const text = textOf('xuchang-2021-2025.ptl');
    const at = text.indexOf('actual 46.9 @2020');
    expect(reparse(parse(text), `${text.slice(0, at)}\n${text.slice(at)}`)).toBeUndefined();
    expect(reparse(parse(text), `${text.slice(0, at)}actual${text.slice(at)}`)).toBeUndefined();
  });
});
