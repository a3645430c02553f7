/**
 * Regression tests for what the fuzzer (npm run fuzz) and the hostile inputs found.
 * Each test names the failure it pins down.
 */
import { describe, expect, it } from 'vitest';
import { format, formatEdits } from '../../grammar/src/format';
import { MAX_EXPRESSION_DEPTH, parse } from '../../grammar/src/parse';
import * as F from '../../server/src/analysis/features';
import { memoryAnalyzer } from '../support/memory-host';

const indicator = (target: string) => `indicator 甲 {\n  unit %\n  target ${target} @2025\n  anticipatory\n}\n`;

describe('deep expressions (stack overflow in the checker and the formatter)', () => {
  it('a 200,000-term sum is reported at its start and neither analyze nor format throws', () => {
    const text = indicator(Array(200_000).fill('1').join('+'));
    const analysis = memoryAnalyzer({}).analyze('/ws/a.ptl', text);
    const deep = analysis.findings.filter((f) => f.rule === 'syntax-error');
    expect(deep).toHaveLength(1);
    expect(deep[0]!.range.start).toEqual({ line: 2, character: 9 });
    expect(deep[0]!.message.en).toMatch(/nests too deeply/);
    expect(format(text)).toEqual({ text, changed: false });
    expect(formatEdits(text)).toEqual([]);
    expect(() => F.semanticTokens(analysis)).not.toThrow();
  });

  it('expressions up to the limit are kept and checked', () => {
    const depth = MAX_EXPRESSION_DEPTH - 2;
    const text = indicator(`${'('.repeat(depth / 2)}1${')'.repeat(depth / 2)}`);
    expect(parse(text).problems).toEqual([]);
  });

  it('10,000 nested parentheses give a located message where the nesting passes the limit', () => {
    const text = indicator(`${'('.repeat(10_000)}1${')'.repeat(10_000)}`);
    const { problems } = parse(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.range.start).toEqual({ line: 2, character: 9 + MAX_EXPRESSION_DEPTH });
    expect(problems[0]!.message.zh).toMatch(/嵌套过深/);
    expect(() => memoryAnalyzer({}).analyze('/ws/a.ptl', text)).not.toThrow();
  });

  it('10,000 unary minus signs give a located message', () => {
    const { problems } = parse(indicator(`${'-'.repeat(10_000)}1`));
    expect(problems[0]!.range.start.line).toBe(2);
    expect(problems[0]!.message.en).toMatch(/nest too deeply/);
  });
});

describe('huge tokens and lines (output grew with findings × line length)', () => {
  it('a 1 MB word is cut to 24 characters in the syntax error', () => {
    const { problems } = parse('目标值'.repeat(350_000));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message.zh.length).toBeLessThan(120);
    expect(problems[0]!.message.en).toMatch(/…”$/);
  });

  it('the text reporter shows a window of a long line, not the whole line under every finding', async () => {
    const { formatText } = await import('../../server/src/cli/reporters/text');
    const text = `${'（'.repeat(5000)}\n`;
    const findings = memoryAnalyzer({}).analyze('/ws/a.ptl', text).findings;
    expect(findings.length).toBeGreaterThan(1000);
    const out = formatText([{ path: '/ws/a.ptl', text, findings }], { locale: 'en', color: false, cwd: '/ws' });
    expect(out.length).toBeLessThan(findings.length * 1200);
    const first = out.split('\n').slice(1, 3);
    expect(first[0]).toMatch(/^1 \| （+…$/);
    expect(first[1]!.trim()).toMatch(/^\^+$/);
  });
});
