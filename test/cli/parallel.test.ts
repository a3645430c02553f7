/**
 * `ptl check` across worker threads prints exactly what the sequential run prints:
 * every check format, over a generated workspace of 50 plans (province → cities →
 * counties, with imports, plan texts and findings of many rules), plus a file with
 * syntax errors and fixes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generatePlans, writeWorkspace } from '../../bench/generate';
import { jobCount } from '../../server/src/cli/parallel';
import { buildCli, ptl, WORK } from './helpers';

const DIR = path.join(WORK, 'parallel-workspace');

beforeAll(async () => {
  await buildCli();
  const written = writeWorkspace(DIR, generatePlans({ files: 50, seed: 42 }));
  expect(written.ptlFiles).toBe(50);
  // A broken file in the middle of the order: syntax errors, full-width punctuation (a fix), a missing import.
  fs.writeFileSync(path.join(DIR, 'p01', 'broken.ptl'), 'plan 坏 "坏" { period 2021..2025 }\nuse "nowhere.ptl" as 无\nindicator 甲 {\n  unit ％\n  target ＞= 5 @2025\n  binding\n}\nindicator 乙 { target @ }\n');
}, 120_000);

describe('ptl check --jobs', () => {
  for (const format of ['text', 'json', 'sarif', 'github', 'junit']) {
    it(`--format ${format}: parallel output is byte-identical to the sequential run`, () => {
      const sequential = ptl(['check', '.', '--format', format, '--jobs', '1'], { cwd: DIR, env: { PTL_DEBUG_JOBS: '1' } });
      const parallel = ptl(['check', '.', '--format', format, '--jobs', '3'], { cwd: DIR, env: { PTL_DEBUG_JOBS: '1' } });
      expect(sequential.stderr).toBe('ptl: 51 files on 1 threads: 51\n');
      // The workers really ran: three threads, and each line of the split names who did what.
      expect(parallel.stderr).toMatch(/^ptl: 51 files on 3 threads: \d+ \+ \d+ \+ \d+\n$/);
      expect(parallel.stderr.match(/\d+/g)!.slice(2).map(Number).reduce((a, b) => a + b)).toBe(51);
      expect(sequential.code).toBe(1);
      expect(parallel.code).toBe(sequential.code);
      expect(parallel.stdout.length).toBeGreaterThan(1000);
      expect(parallel.stdout).toBe(sequential.stdout);
    });
  }

  it('PTL_JOBS chooses the threads when --jobs is absent; few files stay in-process', () => {
    const viaEnv = ptl(['check', '.'], { cwd: DIR, env: { PTL_JOBS: '2', PTL_DEBUG_JOBS: '1' } });
    expect(viaEnv.stderr).toMatch(/^ptl: 51 files on 2 threads: /);
    const one = ptl(['check', 'p01/province.ptl', '--jobs', '4'], { cwd: DIR, env: { PTL_DEBUG_JOBS: '1' } });
    expect(one.stderr).toBe('ptl: 1 files on 1 threads: 1\n');
    // Unasked, 51 files are checked on one thread: starting workers would cost more than it saves.
    const unasked = ptl(['check', '.'], { cwd: DIR, env: { PTL_DEBUG_JOBS: '1', PTL_JOBS: '' } });
    expect(unasked.stderr).toBe('ptl: 51 files on 1 threads: 51\n');
  });

  it('--jobs needs a positive integer', () => {
    const result = ptl(['check', '.', '--jobs', '0'], { cwd: DIR });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--jobs');
  });
});

describe('the number of threads unasked', () => {
  // [what was asked (--jobs), PTL_JOBS, files, cores, threads]
  const cases: Array<[number | undefined, string | undefined, number, number, number]> = [
    [undefined, undefined, 51, 8, 1], // few files: workers would cost more than they save
    [undefined, undefined, 1000, 2, 1], // two cores: one thread already keeps 1.3 busy
    [undefined, undefined, 1000, 4, 4],
    [undefined, undefined, 3000, 16, 8], // at most 8
    [undefined, '3', 51, 2, 3], // asked for: honoured
    [undefined, 'many', 1000, 4, 4], // not a number: as if unset
    [2, '6', 1000, 8, 2], // --jobs before PTL_JOBS
  ];
  it.each(cases)('--jobs %s, PTL_JOBS %s, %i files, %i cores: %i threads', (flag, env, files, cores, threads) => {
    expect(jobCount(flag, env === undefined ? {} : { PTL_JOBS: env }, files, cores)).toBe(threads);
  });
});
