/**
 * A few seconds of `npm run fuzz` in the normal test run: the engine fuzzer over every
 * phase (generated, typed and byte-mutated PTL; generated and mutated plan texts) and a
 * short language-server soak. PTL_FUZZ_SMOKE_MS lengthens the engine part.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { fuzzEngine, phases } from '../../fuzz/engine';
import { runSoak } from '../../fuzz/soak';
import { ROOT, SERVER } from '../lsp/client';

const SMOKE_MS = Number(process.env['PTL_FUZZ_SMOKE_MS'] ?? 4000);

it('the engine survives a few seconds of fuzzing: no exception, no slow input, no formatter loss', () => {
  const failures: string[] = [];
  const seed = Number(process.env['PTL_FUZZ_SEED'] ?? 20250101);
  const tried = fuzzEngine({ seed, deadline: Date.now() + SMOKE_MS, batch: 3 }, {
    failure: (input, kind, stage, message) => failures.push(`${kind} in ${stage} (${input.phase}): ${message.split('\n').slice(0, 3).join(' ')}\n${JSON.stringify(input.ptl ?? '').slice(0, 500)}`),
  });
  expect(failures).toEqual([]);
  expect(tried).toBeGreaterThanOrEqual(phases().length);
}, 60000);

beforeAll(() => {
  if (!fs.existsSync(SERVER)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
}, 120000);

it('the language server survives a short soak of edits, requests and cancellations', async () => {
  const result = await runSoak({ server: SERVER, edits: 300, seed: 7, latencyLimitMs: 5000 });
  expect(result.failures).toEqual([]);
  expect(result.edits).toBeGreaterThanOrEqual(300);
  expect(result.mismatches).toBe(0);
}, 60000);
