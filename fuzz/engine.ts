/**
 * The engine fuzzer's loop: draws inputs from the arbitraries and the seeds, runs
 * them through the targets and reports each input and each failure through `sink`.
 * Used by the worker of `npm run fuzz` and, for a few seconds, by test/fuzz.
 */
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mutatedBytes, mutatedPlanText, mutatedProgram, ptlProgram, typingEdits } from './arbitraries';
import { checkPlanBytes, checkPtl, FuzzFailure, FuzzWorkspace, loadSeeds, type FailureKind } from './targets';

export interface Input {
  phase: string;
  /** Text of a `.ptl` file, or bytes of a plan text. */
  ptl?: string;
  bytes?: Uint8Array;
}

export interface Sink {
  begin?(input: Input): void;
  end?(input: Input): void;
  failure(input: Input, kind: FailureKind, stage: string, message: string): void;
}

const decodeLikeHost = (b: Uint8Array) => {
  const t = new TextDecoder('utf-8').decode(b);
  return t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
};

function extraTextSeeds(): Uint8Array[] {
  const dir = path.resolve(__dirname, '..', 'test', 'sources', 'fixtures');
  const alt = path.resolve(process.cwd(), 'test', 'sources', 'fixtures');
  const d = fs.existsSync(dir) ? dir : alt;
  if (!fs.existsSync(d)) return [];
  return fs.readdirSync(d).filter((n) => n.endsWith('.txt')).map((n) => new Uint8Array(fs.readFileSync(path.join(d, n))));
}

/** The phases, each an arbitrary of inputs. */
export function phases(): { name: string; arb: fc.Arbitrary<Input> }[] {
  const seeds = loadSeeds();
  const ptlSeeds = seeds.ptl.map((s) => s.text);
  const ptlBytes = seeds.ptl.map((s) => s.bytes);
  const txtBytes = [...seeds.txt.map((s) => s.bytes), ...extraTextSeeds()];
  const enc = new TextEncoder();
  return [
    { name: 'ptl-generated', arb: ptlProgram.map((ptl) => ({ phase: 'ptl-generated', ptl })) },
    { name: 'ptl-typed', arb: mutatedProgram.map((ptl) => ({ phase: 'ptl-typed', ptl })) },
    { name: 'ptl-seed-typed', arb: fc.constantFrom(...ptlSeeds).chain((s) => typingEdits(s, 8)).map((ptl) => ({ phase: 'ptl-seed-typed', ptl })) },
    { name: 'ptl-seed-bytes', arb: mutatedBytes(ptlBytes).map((b) => ({ phase: 'ptl-seed-bytes', ptl: decodeLikeHost(b) })) },
    {
      name: 'ptl-large',
      arb: fc.tuple(fc.constantFrom(...ptlSeeds), fc.integer({ min: 3, max: 9 })).chain(([s, k]) => typingEdits(Array(k).fill(s).join('\n'), 4)).map((ptl) => ({ phase: 'ptl-large', ptl })),
    },
    { name: 'plan-generated', arb: mutatedPlanText.map((t) => ({ phase: 'plan-generated', bytes: enc.encode(t) })) },
    { name: 'plan-seed-bytes', arb: mutatedBytes(txtBytes).map((bytes) => ({ phase: 'plan-seed-bytes', bytes })) },
  ];
}

/** Runs one input through its targets; a stage that looks slow is re-run once before it counts. */
export function runInput(ws: FuzzWorkspace, input: Input, sink: Sink): void {
  sink.begin?.(input);
  const once = () => (input.ptl !== undefined ? checkPtl(ws, input.ptl) : checkPlanBytes(ws, input.bytes!));
  try {
    try {
      once();
    } catch (e) {
      if (!(e instanceof FuzzFailure && e.kind === 'hang')) throw e;
      ws.analyzer = ws.fresh();
      once(); // a GC pause or a busy machine gets one more chance
    }
  } catch (e) {
    const f = e instanceof FuzzFailure ? e : new FuzzFailure('crash', 'fuzzer', e instanceof Error ? e.stack ?? e.message : String(e));
    sink.failure(input, f.kind, f.stage, f.message);
    ws.analyzer = ws.fresh();
  }
  sink.end?.(input);
}

/** Fuzzes until `deadline` (ms since epoch) or `maxInputs`; returns the number of inputs tried. */
export function fuzzEngine(options: { seed: number; deadline: number; maxInputs?: number; batch?: number }, sink: Sink): number {
  const ws = new FuzzWorkspace();
  const all = phases();
  let tried = 0;
  let round = 0;
  const batch = options.batch ?? 20;
  while (Date.now() < options.deadline && tried < (options.maxInputs ?? Infinity)) {
    const phase = all[round % all.length]!;
    const inputs = fc.sample(phase.arb, { seed: options.seed + round, numRuns: batch });
    round++;
    for (const input of inputs) {
      if (Date.now() >= options.deadline || tried >= (options.maxInputs ?? Infinity)) break;
      runInput(ws, input, sink);
      tried++;
    }
  }
  return tried;
}
