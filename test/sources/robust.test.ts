/**
 * Hostile and degenerate input: the index is run on whatever file a workspace holds,
 * as the user types. It must return (quickly) rather than throw or hang: every
 * scan is linear, regexes cannot backtrack, long lines are not searched for tables.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findQuote, indexSource, indexSourceBytes, matchName } from '../../server/src/sources/index';

const MB = 1_000_000;

/**
 * CPU time, not wall time: the suite runs beside other work on shared machines, and
 * what is measured here is the work the index does.
 */
function timed<T>(f: () => T): { result: T; ms: number } {
  const t0 = process.cpuUsage();
  const result = f();
  const d = process.cpuUsage(t0);
  return { result, ms: (d.user + d.system) / 1000 };
}

/** Generous (CI machines are slow); a quadratic scan of 1 MB takes minutes, not seconds. */
const LIMIT_MS = 5000;

describe('hostile input', () => {
  it.each([
    ['1 MB of one letter', 'a'.repeat(MB)],
    ['1 MB of 的', '的'.repeat(MB)],
    ['1 MB of spaces', ' '.repeat(MB) + 'x'],
    ['1 MB of ideographic spaces', '\u3000'.repeat(MB) + '专栏1'],
    ['year phrases without end', '到2025年达到'.repeat(MB / 8)],
    ['year phrases with numbers', '到2025年，某某覆盖率达到'.repeat(MB / 16) + '5%'],
    ['one long clause list', '到2025年' + '，指标达到1%'.repeat(MB / 8)],
    ['unclosed tags', '<td'.repeat(MB / 3)],
    ['cells without rows', '<td>1'.repeat(MB / 5)],
    ['HTML table on one line', '<table>' + '<tr><td>1</td><td>指标</td><td>55</td></tr>'.repeat(MB / 40)],
    ['pipes', '|指标'.repeat(MB / 3)],
    ['entities', '&nbsp'.repeat(MB / 5)],
    ['emphasis', '**'.repeat(MB / 2)],
    ['NUL characters', '\u0000'.repeat(MB)],
    ['header words', '序号 指标 2020年 2025年 属性 '.repeat(MB / 24)],
    ['numbers and units', '1 万人以上 '.repeat(MB / 8)],
    ['enumerations', '分别达到' + '1%、'.repeat(MB / 3)],
    ['lone surrogates', '\ud800'.repeat(MB)],
  ])('%s', (_, text) => {
    const { result, ms } = timed(() => indexSource(text));
    expect(result.lines.length).toBeGreaterThan(0);
    expect(ms).toBeLessThan(LIMIT_MS);
    expect(timed(() => findQuote(result, text.slice(0, 50))).ms).toBeLessThan(LIMIT_MS);
    expect(timed(() => matchName(text.slice(0, 200), result)).ms).toBeLessThan(LIMIT_MS);
  });

  it.each([
    // Enough lines that a scan quadratic in them takes minutes.
    ['50k lines of 序号', '序号\n'.repeat(50_000)],
    ['50k blank-separated cells', '专栏1\n\n序号\n\n指标\n\n2025年\n\n属性\n\n' + '1\n\n名称\n\n5\n\n预期性\n\n'.repeat(12_500)],
    ['50k table rows', '序号\t指标\t2020年\t2025年\t属性\n' + '1\t名称\t1\t2\t预期性\n'.repeat(50_000)],
    ['50k un-numbered sub-rows', '序号\t指标\t2020年\t2025年\t属性\n1\t名称\t1\t2\t预期性\n' + '\t其中：子项\t1\t2\t预期性\n'.repeat(50_000)],
    ['50k joined lines', '到2025年，某项工作的覆盖率将会持续稳步地提高并且达到\n'.repeat(50_000)],
    ['50k captions', '专栏1：提升服务\n'.repeat(50_000)],
  ])('%s', (_, text) => {
    const { result, ms } = timed(() => indexSource(text));
    expect(result.lines.length).toBeGreaterThan(50_000 - 1);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('indexes random bytes without throwing', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 50; n++) {
      const bytes = Uint8Array.from({ length: 2000 }, () => Math.floor(random() * 256));
      expect(() => indexSourceBytes(bytes)).not.toThrow();
      // Without NULs the bytes are text, however garbled.
      const text = bytes.map((b) => (b === 0 ? 0x20 : b));
      expect(() => indexSourceBytes(text)).not.toThrow();
    }
  });

  it('indexes random mixes of plan fragments without throwing', () => {
    const parts = ['专栏1：', '序号', '指标', '2020年', '基础值', '2025年', '属性', '预期性', '约束性', '其中：', '1', '55', '≥', '—', '%', '\t', '|', '  ', '\n', '\n\n', '<td>', '</td>', '<tr>', '<br>', '**', '#', '到2025年', '达到', '、', '，', '。', '分别', '万', '实现全覆盖', '（', '）', '〔', '〕'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: 200 }, () => parts[Math.floor(random() * parts.length)]).join('');
      expect(() => {
        const ix = indexSource(text);
        for (const t of ix.tables) for (const r of t.rows) expect(r.index).toBeGreaterThan(0);
        findQuote(ix, text.slice(10, 30));
      }).not.toThrow();
    }
  });
});

describe('speed', () => {
  it('indexes a 100 KB plan in a few milliseconds once warm', () => {
    const text = readFileSync(join(__dirname, '../../seeds/002_d5c889162d56d462.txt'), 'utf8');
    expect(text.length).toBeGreaterThan(35_000);
    for (let k = 0; k < 10; k++) indexSource(text);
    const runs = Array.from({ length: 10 }, () => timed(() => indexSource(text)).ms).sort((a, b) => a - b);
    // The median, with headroom for a loaded machine: a few ms on an idle one.
    expect(runs[5]).toBeLessThan(50);
  });
});
