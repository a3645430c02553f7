/**
 * Checking many files across cores with worker_threads, without changing the output.
 *
 * Each worker runs the same `Session` as the sequential run on the files it claims and
 * posts back what the check reporters read (path, text, findings): plain data that
 * survives structured cloning. Results are put back in the files' order, so every
 * reporter prints the same bytes as the sequential run.
 *
 * The CLI's `run()` is synchronous, and stays so: workers claim files from a shared
 * counter, post each result on their own port, then bump a shared "done" counter;
 * the main thread checks files too and, when nothing is left to claim, sleeps on that
 * counter (`Atomics.wait`) and drains the ports with `receiveMessageOnPort`.
 *
 * Few files (or one job, or an unbundled run where there is no `.js` to start a
 * worker from) are checked in-process.
 */
import * as os from 'node:os';
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import type { Finding } from '../analysis/finding';
import { ConfigUnreadable, Session } from './session';

/** Below this many files, starting workers costs more than it saves. */
export const MIN_PARALLEL_FILES = 32;

export type CheckOutcome =
  | { path: string; unreadable: true }
  /** The file's configuration could not be read: the caller throws `ConfigUnreadable` where the sequential run would. */
  | { path: string; configUnreadable: string }
  | { path: string; text: string; findings: Finding[] };

interface WorkerInput {
  ptlCheckWorker: true;
  cwd: string;
  config?: string;
  files: string[];
  /** [next file to claim, files done, workers that stopped]. */
  counters: SharedArrayBuffer;
  port: MessagePort;
}

type Message = { index: number; outcome: CheckOutcome } | { index: number; error: string };

/**
 * Unasked, workers are started only for this many files: each starts cold (loads the
 * engine, compiles it again, re-reads the parent plans).
 */
export const MIN_DEFAULT_PARALLEL_FILES = 600;

/**
 * …and only on this many cores. One checking thread already keeps 1.3 cores busy (V8
 * collects on another), so on 2 cores a second thread buys nothing: measured there,
 * 1,000 plans took 1.7 s on one thread and 2.0 s on two, 3,000 plans the same on both.
 */
export const MIN_DEFAULT_PARALLEL_CORES = 4;

/** The number of jobs: `--jobs N`, else PTL_JOBS, else the machine's cores (at most 8) for a run of many files on a machine of several cores. */
export function jobCount(flag: number | undefined, env: NodeJS.ProcessEnv, files: number, cores = availableCores()): number {
  const fromEnv = Number(env['PTL_JOBS']);
  const asked = flag ?? (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : undefined);
  if (asked !== undefined) return Math.max(1, asked);
  return files >= MIN_DEFAULT_PARALLEL_FILES && cores >= MIN_DEFAULT_PARALLEL_CORES ? Math.min(8, cores) : 1;
}

function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** Whether this bundle can start workers from its own file. */
function workerScript(): string | undefined {
  return /\.c?js$/.test(__filename) ? __filename : undefined;
}

function checkOne(session: Session, file: string): CheckOutcome {
  let result: ReturnType<Session['check']>;
  try {
    result = session.check(file);
  } catch (error) {
    if (error instanceof ConfigUnreadable) return { path: file, configUnreadable: error.file };
    throw error;
  }
  if ('unreadable' in result) return { path: file, unreadable: true };
  return { path: file, text: result.text, findings: result.findings };
}

/**
 * Checks `files` with `jobs` threads (the main thread is one of them) and returns one
 * outcome per file, in the files' order. `onProgress` is called on the main thread as
 * outcomes arrive. An internal error in a worker is rethrown here.
 */
export function checkInParallel(session: Session, files: string[], options: { cwd: string; config?: string; jobs: number; onProgress?: (done: number) => void; onDone?: (threads: number, perThread: number[]) => void }): CheckOutcome[] {
  const script = workerScript();
  const threads = Math.min(options.jobs, Math.ceil(files.length / 8));
  if (!script || threads <= 1 || files.length < MIN_PARALLEL_FILES) {
    options.onDone?.(1, [files.length]);
    return files.map((file, i) => {
      options.onProgress?.(i + 1);
      const outcome = checkOne(session, file);
      if ('configUnreadable' in outcome) throw new ConfigUnreadable(outcome.configUnreadable);
      return outcome;
    });
  }
  const counters = new SharedArrayBuffer(12);
  const shared = new Int32Array(counters);
  const ports: MessagePort[] = [];
  const workers: Worker[] = [];
  const outcomes: Array<CheckOutcome | undefined> = new Array(files.length);
  let received = 0;
  let failure: string | undefined;
  const perThread = new Array<number>(threads).fill(0);
  const accept = (message: Message, thread: number) => {
    perThread[thread]!++;
    if ('error' in message) failure ??= message.error;
    else outcomes[message.index] = message.outcome;
    received++;
    options.onProgress?.(received);
  };
  try {
    for (let w = 0; w < threads - 1; w++) {
      const { port1, port2 } = new MessageChannel();
      const input: WorkerInput = { ptlCheckWorker: true, cwd: options.cwd, config: options.config, files, counters, port: port2 };
      const worker = new Worker(script, { workerData: input, transferList: [port2], stdout: true, stderr: true });
      worker.unref();
      workers.push(worker);
      ports.push(port1);
    }
    // The main thread claims files like any worker, then drains what the workers posted.
    for (;;) {
      const index = Atomics.add(shared, 0, 1);
      if (index >= files.length) break;
      let message: Message;
      try {
        message = { index, outcome: checkOne(session, files[index]!) };
      } catch (error) {
        message = { index, error: error instanceof Error ? error.stack ?? error.message : String(error) };
      }
      Atomics.add(shared, 1, 1);
      accept(message, 0);
      drain(ports, accept);
    }
    while (received < files.length) {
      const done = Atomics.load(shared, 1);
      if (done > received) {
        drain(ports, accept);
        continue;
      }
      // A worker that stopped posts nothing more: notice it instead of waiting for ever
      // (the main thread's event loop does not run here, so no 'exit' event would tell).
      if (Atomics.wait(shared, 1, done, 500) === 'timed-out' && Atomics.load(shared, 2) > 0) {
        drain(ports, accept);
        if (received < files.length) throw new Error('a check worker stopped unexpectedly');
      }
    }
  } finally {
    for (const port of ports) port.close();
    for (const worker of workers) void worker.terminate();
  }
  if (failure !== undefined) throw new Error(failure);
  options.onDone?.(threads, perThread);
  return outcomes as CheckOutcome[];
}

function drain(ports: MessagePort[], accept: (m: Message, thread: number) => void): void {
  ports.forEach((port, i) => {
    for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) accept(m.message as Message, i + 1);
  });
}

/** The worker side: claim a file, check it, post the outcome, count it done. */
function runWorker(input: WorkerInput): void {
  const session = new Session(input.cwd, input.config);
  const shared = new Int32Array(input.counters);
  let finished = false;
  process.on('exit', () => {
    if (finished) return;
    Atomics.add(shared, 2, 1);
    Atomics.notify(shared, 1);
  });
  for (;;) {
    const index = Atomics.add(shared, 0, 1);
    if (index >= input.files.length) break;
    let message: Message;
    try {
      message = { index, outcome: checkOne(session, input.files[index]!) };
    } catch (error) {
      message = { index, error: error instanceof Error ? error.stack ?? error.message : String(error) };
    }
    input.port.postMessage(message);
    Atomics.add(shared, 1, 1);
    Atomics.notify(shared, 1);
  }
  finished = true;
  input.port.close();
}

if (!isMainThread && (workerData as Partial<WorkerInput> | undefined)?.ptlCheckWorker) runWorker(workerData as WorkerInput);
