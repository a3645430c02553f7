/**
 * `npm run fuzz`: the engine fuzzer in a worker thread (watched, so a real hang is
 * caught and the worker restarted), then the language-server soak over stdio.
 *
 *   node fuzz/run.mjs [--time SECONDS] [--seed N] [--soak-edits N] [--no-soak] [--no-engine]
 *
 * Defaults: 150 s in all, seed from the clock, 10,000 soak edits. Environment:
 * PTL_FUZZ_TIME, PTL_FUZZ_SEED, PTL_FUZZ_SOAK_EDITS. Failing inputs are written to
 * fuzz/findings/. Exit 0 when nothing failed, 1 otherwise.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { fuzzEngine, type Input } from './engine';
import { runSoak, type SoakResult } from './soak';

interface Args {
  time: number;
  seed: number;
  soakEdits: number;
  soak: boolean;
  engine: boolean;
  root: string;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    time: Number(get('time') ?? process.env['PTL_FUZZ_TIME'] ?? 150),
    seed: Number(get('seed') ?? process.env['PTL_FUZZ_SEED'] ?? (Date.now() % 1_000_000)),
    soakEdits: Number(get('soak-edits') ?? process.env['PTL_FUZZ_SOAK_EDITS'] ?? 10000),
    soak: !argv.includes('--no-soak'),
    engine: !argv.includes('--no-engine'),
    root: get('root') ?? process.cwd(),
  };
}

type Message =
  | { type: 'begin'; input: Input }
  | { type: 'end' }
  | { type: 'failure'; input: Input; kind: string; stage: string; message: string }
  | { type: 'done'; tried: number };

/** Wall-clock time without a word from the worker after which its input counts as a hang. */
const WATCHDOG_MS = 20000;

async function engineWorker(args: Args, deadline: number, record: (kind: string, stage: string, message: string, input: Input | undefined) => void): Promise<number> {
  let tried = 0;
  let seed = args.seed;
  while (Date.now() < deadline - 1000) {
    const result = await new Promise<{ tried: number; hung?: Input }>((resolve) => {
      const worker = new Worker(__filename, { workerData: { seed, deadline } });
      let current: Input | undefined;
      let count = 0;
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          void worker.terminate();
          resolve({ tried: count, hung: current });
        }, WATCHDOG_MS);
      };
      arm();
      worker.on('message', (m: Message) => {
        if (m.type === 'begin') {
          current = m.input;
          arm();
        } else if (m.type === 'end') {
          count++;
          current = undefined;
          arm();
        } else if (m.type === 'failure') record(m.kind, m.stage, m.message, m.input);
        else if (m.type === 'done') {
          clearTimeout(timer);
          resolve({ tried: m.tried });
        }
      });
      worker.on('error', (e) => {
        clearTimeout(timer);
        record('crash', 'worker', e instanceof Error ? e.stack ?? e.message : String(e), current);
        resolve({ tried: count });
      });
    });
    tried += result.tried;
    if (result.hung) {
      tried++;
      record('hang', 'watchdog', `no answer within ${WATCHDOG_MS} ms`, result.hung);
    }
    seed += 100_003;
    if (!result.hung && result.tried === 0) break;
  }
  return tried;
}

function workerMain(): void {
  const { seed, deadline } = workerData as { seed: number; deadline: number };
  const post = (m: Message) => parentPort!.postMessage(m);
  const tried = fuzzEngine({ seed, deadline }, {
    begin: (input) => post({ type: 'begin', input }),
    end: () => post({ type: 'end' }),
    failure: (input, kind, stage, message) => post({ type: 'failure', input, kind, stage, message }),
  });
  post({ type: 'done', tried });
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const findingsDir = path.join(args.root, 'fuzz', 'findings');
  const counts = { crash: 0, hang: 0, violation: 0 };
  const distinct = new Map<string, { kind: string; stage: string; message: string; file?: string; count: number }>();
  const record = (kind: string, stage: string, message: string, input: Input | undefined) => {
    counts[kind as keyof typeof counts] = (counts[kind as keyof typeof counts] ?? 0) + 1;
    const key = `${kind}|${stage}|${message.split('\n').slice(0, 3).join('|')}`;
    const seen = distinct.get(key);
    if (seen) {
      seen.count++;
      return;
    }
    let file: string | undefined;
    if (input) {
      const content = input.ptl ?? Buffer.from(input.bytes ?? new Uint8Array());
      const hash = createHash('sha1').update(content).digest('hex').slice(0, 12);
      fs.mkdirSync(findingsDir, { recursive: true });
      file = path.join(findingsDir, `${kind}-${stage}-${hash}.${input.ptl !== undefined ? 'ptl' : 'txt'}`);
      fs.writeFileSync(file, content);
    }
    distinct.set(key, { kind, stage, message, file, count: 1 });
    process.stderr.write(`\n[fuzz] ${kind} in ${stage}: ${message.split('\n').slice(0, 4).join('\n  ')}${file ? `\n  input: ${path.relative(args.root, file)}` : ''}\n`);
  };

  console.log(`ptl fuzz: seed ${args.seed}, ${args.time} s${args.soak ? `, soak ${args.soakEdits} edits` : ''}`);
  let soak: SoakResult | undefined;
  if (args.soak) {
    const server = path.join(args.root, 'dist', 'server.js');
    soak = await runSoak({ server, edits: args.soakEdits, seed: args.seed, log: (m) => process.stderr.write(`[soak] ${m}\n`) });
    for (const f of soak.failures) record(f.kind, `soak:${f.stage}`, f.message, undefined);
  }
  let tried = 0;
  if (args.engine) {
    const deadline = Math.max(started + args.time * 1000, Date.now() + Math.min(20, args.time) * 1000);
    tried = await engineWorker(args, deadline, record);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log('');
  console.log(`inputs tried:        ${tried}`);
  console.log(`crashes:             ${counts.crash}`);
  console.log(`hangs:               ${counts.hang}`);
  console.log(`invariant failures:  ${counts.violation}`);
  if (soak) {
    console.log(`soak edits applied:  ${soak.edits}`);
    console.log(`soak requests:       ${soak.requests} (${soak.cancelled} cancelled, ${soak.answered} answered)`);
    console.log(`text mismatches:     ${soak.mismatches}`);
    console.log(`server RSS:          ${mb(soak.rssBefore)} MB after warm-up, ${mb(soak.rssAfter)} MB at the end (heap ${mb(soak.heapBefore)} → ${mb(soak.heapAfter)} MB)`);
    console.log(`slowest answer during a long analysis: ${soak.longAnalysisLatencyMs.toFixed(0)} ms (analysis ${soak.longAnalysisMs.toFixed(0)} ms)`);
  }
  console.log(`time:                ${seconds} s`);
  if (distinct.size) {
    console.log(`\n${distinct.size} distinct failure(s):`);
    for (const d of distinct.values()) console.log(`  ${d.kind} in ${d.stage} (×${d.count}): ${d.message.split('\n')[0]}${d.file ? ` — ${path.relative(args.root, d.file)}` : ''}`);
  }
  const failed = counts.crash + counts.hang + counts.violation + (soak?.mismatches ?? 0) > 0;
  process.exitCode = failed ? 1 : 0;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

if (isMainThread) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 2;
  });
} else workerMain();
