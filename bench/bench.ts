/**
 * `npm run bench`: PTL measured side by side with what a drafter would use instead,
 * every figure and ratio from this one run; the README's Performance section records it.
 *
 * 1. Workspaces from bench/generate.ts: 1, 300 and 3,000 plans (the national corpus,
 *    ~100,000 indicators) and one plan of 2,000 indicators, with YAML twins.
 * 2. CLI: `ptl check` wall and CPU time, indicators per second, one thread and all
 *    cores; lex + parse against JSON.parse of the same indicators as JSON.
 * 3. Server over stdio: cold start to first diagnostics, edit → diagnostics (as the
 *    user waits, debounce included, and with the debounce set to 0), hover and
 *    completion, RSS with the national corpus open.
 * 4. yaml-language-server on the same indicators as YAML with a JSON Schema, the
 *    same edits, the same client.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lex } from '../grammar/src/lexer';
import { parse } from '../grammar/src/parse';
import { LineIndex } from '../grammar/src/range';
import { generateLargePlan, generatePlans, writeWorkspace, type Plan, type Written } from './generate';
import { LspClient, percentile } from './lsp';

const ROOT = path.resolve(__dirname, '..');
const WORK = path.join(ROOT, '.bench-work');
const CLI = path.join(WORK, 'dist', 'cli.js');
/** The server as editors start it: through the launcher, with its code cache in CODE_CACHE. */
const SERVER = path.join(WORK, 'dist', 'launch.js');
const CODE_CACHE = path.join(WORK, 'code-cache');
process.env['PTL_CODE_CACHE_DIR'] = CODE_CACHE;
const YAML_SERVER = path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const EDITS = Number(process.env['BENCH_EDITS'] ?? 200);
const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 200);
/** Requests timed right after an edit (each waits for the edit's diagnostics first). */
const AFTER_EDITS = Math.min(50, REQUESTS);
const NATIONAL = Number(process.env['BENCH_FILES'] ?? 3000);
const CORES = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;

interface Row {
  what: string;
  value: string;
  target?: string;
  met?: boolean;
}
const rows: Row[] = [];
const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);
const ms = (n: number) => `${n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0)} ms`;
const record = (what: string, value: string, target?: string, met?: boolean) => {
  rows.push({ what, value, target, met });
  log(`${what}: ${value}${target ? ` (target ${target}: ${met ? 'met' : 'NOT met'})` : ''}`);
};

// ---------------------------------------------------------------- workspaces

function workspaces() {
  const plans = generatePlans({ files: NATIONAL });
  const national = writeWorkspace(path.join(WORK, 'national'), plans);
  const mid = writeWorkspace(path.join(WORK, 'mid'), plans.slice(0, Math.min(300, plans.length)));
  const one = writeWorkspace(path.join(WORK, 'one'), [plans[1]!].map((p) => ({ ...p, parent: undefined, parentPath: undefined, indicators: p.indicators.map((i) => ({ ...i, aligns: undefined })) })));
  const largePlan = generateLargePlan(2000);
  const large = writeWorkspace(path.join(WORK, 'large'), [largePlan], { yaml: true });
  return { plans, national, mid, one, large, largePlan };
}

// ---------------------------------------------------------------- CLI

/** Runs the CLI in a child that reports its own CPU time (all threads) on fd 3. */
function timeCheck(w: Written, jobs: number): { wall: number; cpu: number; code: number | null; stdout: string } {
  const probe = `const fs=require('fs');process.on('exit',()=>{const u=process.cpuUsage();fs.writeSync(3,JSON.stringify({cpu:(u.user+u.system)/1000}))});process.argv.splice(1,0,${JSON.stringify(CLI)});require(${JSON.stringify(CLI)}).main();`;
  const start = performance.now();
  const r = spawnSync(process.execPath, ['-e', probe, '--', 'check', '.', '--jobs', String(jobs), '--format', 'json'], {
    cwd: w.dir, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' },
  });
  const wall = performance.now() - start;
  const extra = (r.output as Array<string | null>)[3] ?? '{}';
  return { wall, cpu: (JSON.parse(extra || '{}') as { cpu?: number }).cpu ?? NaN, code: r.status, stdout: r.stdout };
}

function cli(ws: ReturnType<typeof workspaces>) {
  for (const [name, w] of [['1 plan', ws.one], ['300 plans', ws.mid], [`${ws.national.ptlFiles} plans (national corpus)`, ws.national]] as const) {
    const seq = timeCheck(w, 1);
    const par = timeCheck(w, CORES);
    const same = seq.stdout === par.stdout;
    const ips = (t: number) => Math.round(w.indicators / (t / 1000)).toLocaleString('en');
    record(`ptl check, ${name}, ${w.indicators.toLocaleString('en')} indicators, 1 thread`, `${ms(seq.wall)} wall, ${ms(seq.cpu)} CPU, ${ips(seq.wall)} indicators/s`);
    const national = w === ws.national;
    record(`ptl check, ${name}, ${CORES} threads`, `${ms(par.wall)} wall, ${ms(par.cpu)} CPU, ${ips(par.wall)} indicators/s, ×${(seq.wall / par.wall).toFixed(2)} vs 1 thread, output ${same ? 'identical' : 'DIFFERENT'}`,
      national ? '≤ 5 s on 2 cores' : undefined, national ? par.wall <= 5000 : undefined);
  }
}

// ---------------------------------------------------------------- lex + parse vs JSON.parse

function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Best of `reps` CPU times of fn. */
function best(reps: number, fn: () => void): number {
  let min = Infinity;
  for (let i = 0; i < reps; i++) {
    const t = cpuNow();
    fn();
    min = Math.min(min, cpuNow() - t);
  }
  return min;
}

/**
 * Lex + parse against JSON.parse, both timed in a fresh child process: in this one, the
 * generated corpus fills the heap, and the collector's work on it lands on whichever side
 * allocates more (it once made the same parser look 1.8× slower).
 */
function parsing(ws: ReturnType<typeof workspaces>) {
  const plans = ws.plans.slice(0, 1000);
  const input: ParseInput = {
    texts: plans.map((p) => fs.readFileSync(path.join(ws.national.dir, `${p.file}.ptl`), 'utf8')),
    // The same indicators as JSON: every field the .ptl file states, nothing more.
    jsons: plans.map((p) => JSON.stringify(planData(p))),
  };
  const file = path.join(WORK, 'parse-input.json');
  fs.writeFileSync(file, JSON.stringify(input));
  const child = spawnSync(process.execPath, [__filename, PARSE_CHILD, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`the lex + parse child failed: ${child.stderr}`);
  const t = JSON.parse(child.stdout) as ParseTimes;
  const mb = input.texts.reduce((n, s) => n + Buffer.byteLength(s), 0) / 1e6;
  const jmb = input.jsons.reduce((n, s) => n + Buffer.byteLength(s), 0) / 1e6;
  const indicators = plans.reduce((n, p) => n + p.indicators.length, 0);
  record(`lex, ${indicators.toLocaleString('en')} indicators (${mb.toFixed(1)} MB .ptl), best of 5 in a fresh process`, `${ms(t.lex)} (${(mb / (t.lex / 1000)).toFixed(1)} MB/s)`);
  record('lex + parse (typed AST with ranges)', `${ms(t.parse)} (${(mb / (t.parse / 1000)).toFixed(1)} MB/s)`);
  record(`JSON.parse of the same indicators as JSON (${jmb.toFixed(1)} MB)`, `${ms(t.json)} (${(jmb / (t.json / 1000)).toFixed(0)} MB/s)`);
  record('lex + parse ÷ JSON.parse', `×${(t.parse / t.json).toFixed(1)}`, '≤ ×3', t.parse / t.json <= 3);
}

const PARSE_CHILD = '--measure-parse';
interface ParseInput {
  texts: string[];
  jsons: string[];
}
interface ParseTimes {
  lex: number;
  parse: number;
  json: number;
}

/** The child's side: best-of-5 CPU times, printed as JSON. */
function measureParse(file: string): void {
  const { texts, jsons } = JSON.parse(fs.readFileSync(file, 'utf8')) as ParseInput;
  const times: ParseTimes = {
    lex: best(5, () => texts.forEach((t) => lex(t, new LineIndex(t)))),
    parse: best(5, () => texts.forEach((t) => parse(t))),
    json: best(5, () => jsons.forEach((j) => JSON.parse(j))),
  };
  process.stdout.write(JSON.stringify(times));
}

export function planData(p: Plan): unknown {
  return {
    plan: { id: p.id, title: p.title, source: `${path.basename(p.file)}.txt`, period: [2021, 2025], region: p.region, level: p.level },
    uses: p.parentPath ? [{ path: p.parentPath, as: p.level === 'county' ? '市' : '省' }] : [],
    tables: p.tables.map((caption, t) => ({
      id: `专栏${t + 1}`,
      caption,
      indicators: p.indicators.filter((i) => i.table === t + 1).map((i) => ({
        id: i.id, name: i.name, unit: i.unit, baseline: { value: Number(i.baseline), year: 2020 }, target: { op: i.op || undefined, value: Number(i.target), year: 2025 },
        actual: i.actual ? [{ value: Number(i.actual), year: 2023 }] : undefined, attribute: i.binding ? 'binding' : 'anticipatory', aligns: i.aligns, cite: { table: `专栏${t + 1}`, row: i.row },
      })),
    })),
  };
}

// ---------------------------------------------------------------- servers

const sleep = (n: number) => new Promise((r) => setTimeout(r, n));

/** Positions of the last digit of each target value (`target >= 41.2 @2025`, `value: 41.2, year: 2025`). */
function targetDigits(text: string, pattern: RegExp): Array<{ line: number; character: number }> {
  const out: Array<{ line: number; character: number }> = [];
  text.split('\n').forEach((l, line) => {
    const m = pattern.exec(l);
    if (m) out.push({ line, character: m.index + m[0].length - 1 });
  });
  return out;
}

/**
 * Single-character edits, each awaited until its diagnostics arrive: a target's last
 * digit replaced (+1), or a digit inserted before it (as typing does; every offset after
 * it moves). `lines` is the document as the server has it, and is kept up to date.
 */
async function editLatency(client: LspClient, uri: string, lines: string[], pattern: RegExp, versioned: boolean, edits = EDITS, mode: 'replace' | 'insert' = 'replace', firstVersion = 2): Promise<number[]> {
  const spots = targetDigits(lines.join('\n'), pattern);
  const samples: number[] = [];
  for (let i = 0; i < edits; i++) samples.push(await typeDigit(client, uri, lines, spots[(i * 37) % spots.length]!, mode, firstVersion + i, versioned));
  return samples;
}

/** One digit typed at spot; the time until the diagnostics of the new version (or, unversioned, the next ones) arrive. */
async function typeDigit(client: LspClient, uri: string, lines: string[], spot: { line: number; character: number }, mode: 'replace' | 'insert', version: number, versioned: boolean): Promise<number> {
  const line = lines[spot.line]!;
  const digit = mode === 'insert' ? '1' : String((Number(line[spot.character]) + 1) % 10);
  const removed = mode === 'insert' ? 0 : 1;
  lines[spot.line] = line.slice(0, spot.character) + digit + line.slice(spot.character + removed);
  const sent = performance.now();
  const wait = client.diagnostics((p) => p.uri === uri && (versioned ? p.version === version : p.at >= sent), 60_000);
  client.change(uri, version, { start: spot, end: { line: spot.line, character: spot.character + removed } }, digit);
  return (await wait).at - sent;
}

/** A request right after each of a series of edits, once their diagnostics are in: the first on a new tree, as when hovering or completing while typing. */
async function afterEditLatency(client: LspClient, uri: string, lines: string[], pattern: RegExp, method: string, positions: Array<{ line: number; character: number }> | undefined, firstVersion: number): Promise<number[]> {
  const spots = targetDigits(lines.join('\n'), pattern);
  const samples: number[] = [];
  for (let i = 0; i < AFTER_EDITS; i++) {
    await typeDigit(client, uri, lines, spots[(i * 37) % spots.length]!, 'replace', firstVersion + i, true);
    const t = performance.now();
    await client.conn.sendRequest(method, { textDocument: { uri }, ...(positions && { position: positions[(i * 53) % positions.length] }) });
    samples.push(performance.now() - t);
  }
  return samples;
}

/** Semantic tokens asked as VS Code asks for them after each edit: the change from the result it holds. */
async function tokenDeltaLatency(client: LspClient, uri: string, lines: string[], pattern: RegExp, firstVersion: number): Promise<number[]> {
  const spots = targetDigits(lines.join('\n'), pattern);
  let { resultId } = await client.conn.sendRequest<{ resultId: string }>('textDocument/semanticTokens/full', { textDocument: { uri } });
  const samples: number[] = [];
  for (let i = 0; i < AFTER_EDITS; i++) {
    await typeDigit(client, uri, lines, spots[(i * 41) % spots.length]!, 'replace', firstVersion + i, true);
    const t = performance.now();
    ({ resultId } = await client.conn.sendRequest<{ resultId: string }>('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: resultId }));
    samples.push(performance.now() - t);
  }
  return samples;
}

async function requestLatency(client: LspClient, method: string, uri: string, positions: Array<{ line: number; character: number }>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const position = positions[(i * 53) % positions.length]!;
    const t = performance.now();
    await client.conn.sendRequest(method, { textDocument: { uri }, position });
    samples.push(performance.now() - t);
  }
  return samples;
}

/** The server's own time for each published version of uri, from its stderr (PTL_TIMINGS=1). */
function serverShares(client: LspClient, uri: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const m of client.stderr.matchAll(/^\[ptl\] timing (\S+) v(\d+) ([\d.]+) ms$/gm)) {
    if (m[1] === uri) out.set(Number(m[2]), Number(m[3]));
  }
  return out;
}

const p50p95 = (s: number[]) => `p50 ${ms(percentile(s, 50))}, p95 ${ms(percentile(s, 95))}`;

/** Spawn → exit of `node -e 0`, median of 5: the floor under any server's cold start on this machine, in this run. */
function nodeStart(): number {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    samples.push(performance.now() - start);
  }
  return percentile(samples, 50);
}

async function server(ws: ReturnType<typeof workspaces>) {
  const floor = nodeStart();
  record('node itself: spawn → exit of `node -e 0` (median of 5), the floor under a cold start', ms(floor));
  // Cold start: spawn → initialize → open → first diagnostics, on a one-plan workspace and on the
  // 2,000-indicator plan. The first start after an install has no code cache; later ones do.
  for (const [name, w, file] of [['one plan', ws.one, ws.plans[1]!.file], ['2,000-indicator plan', ws.large, ws.largePlan.file]] as const) {
    fs.rmSync(CODE_CACHE, { recursive: true, force: true });
    const samples: number[] = [];
    for (let i = 0; i < 4; i++) {
      const client = new LspClient([SERVER, '--stdio']);
      const uri = pathToFileURL(path.join(w.dir, `${file}.ptl`)).href;
      await client.initialize(w.dir);
      const first = client.diagnostics((p) => p.uri === uri);
      client.open(uri, fs.readFileSync(path.join(w.dir, `${file}.ptl`), 'utf8'), 'ptl');
      samples.push((await first).at - client.spawnedAt);
      await client.close();
    }
    const [uncached, ...cached] = samples;
    const median = percentile(cached, 50);
    record(`server cold start → first diagnostics, ${name}, first start (no code cache yet)`, ms(uncached!));
    record(`server cold start → first diagnostics, ${name}, with the code cache (median of 3)`, `${ms(median)} (node itself + ${ms(median - floor)})`, name === 'one plan' ? '≤ 300 ms' : undefined, name === 'one plan' ? median <= 300 : undefined);
  }

  const ptlPath = path.join(ws.large.dir, `${ws.largePlan.file}.ptl`);
  const ptlText = fs.readFileSync(ptlPath, 'utf8');
  const ptlUri = pathToFileURL(ptlPath).href;
  const PTL_TARGET = /target\s+(?:[<>]=\s*)?\d+(?:\.\d+)?(?= @)/;
  const results: Record<string, number[]> = {};
  for (const [label, debounce] of [['as the user waits (debounce included)', undefined], ['debounce set to 0', '0']] as const) {
    const client = new LspClient([SERVER, '--stdio'], { env: { PTL_TIMINGS: '1', ...(debounce === undefined ? {} : { PTL_DEBOUNCE_MS: debounce }) } });
    await client.initialize(ws.large.dir);
    const first = client.diagnostics((p) => p.uri === ptlUri && p.version === 1);
    client.open(ptlUri, ptlText, 'ptl');
    await first;
    // As the user waits, the server's own debounce applies: none while the document's analysis stays quick (server/src/lsp/server.ts).
    const lines = ptlText.split('\n');
    const edits = await editLatency(client, ptlUri, lines, PTL_TARGET, true);
    results[label] = edits;
    const p95 = percentile(edits, 95);
    record(`PTL edit → diagnostics, 2,000 indicators, ${edits.length} edits, ${label}`, p50p95(edits), '≤ 20 ms p95', p95 <= 20);
    const shares = serverShares(client, ptlUri);
    const own = edits.map((_, i) => shares.get(2 + i) ?? NaN);
    record('… of which the server: new text → diagnostics handed to the connection', p50p95(own.filter(Number.isFinite)));
    record('… of which the rest: encoding the diagnostics, the pipe, the client reading them', p50p95(edits.map((t, i) => t - own[i]!).filter(Number.isFinite)));
    if (debounce === undefined) {
      // Insertions move every offset after them; the same spots, one digit typed before the last.
      const inserts = await editLatency(client, ptlUri, lines, PTL_TARGET, true, Math.ceil(EDITS / 2), 'insert', 10_000);
      record(`PTL edit → diagnostics, 2,000 indicators, ${inserts.length} insertions, ${label}`, p50p95(inserts));
    }
    if (debounce !== undefined) {
      // Hover and completion on the settled document.
      const text = ptlText;
      const names = targetDigits(text, /^\s+indicator \S/).map((p) => ({ line: p.line, character: p.character + 1 }));
      const units = targetDigits(text, /^\s+unit\s+\S/).map((p) => ({ line: p.line, character: p.character }));
      const hovers = await requestLatency(client, 'textDocument/hover', ptlUri, names);
      record(`hover, ${hovers.length} requests`, p50p95(hovers), '≤ 5 ms p95', percentile(hovers, 95) <= 5);
      const completions = await requestLatency(client, 'textDocument/completion', ptlUri, units);
      record(`completion, ${completions.length} requests`, p50p95(completions), '≤ 5 ms p95', percentile(completions, 95) <= 5);
      // The same, each right after an edit: the first request on a new tree.
      const hoversAfter = await afterEditLatency(client, ptlUri, lines, PTL_TARGET, 'textDocument/hover', names, 20_000);
      record(`hover right after an edit, ${hoversAfter.length} requests`, p50p95(hoversAfter));
      const completionsAfter = await afterEditLatency(client, ptlUri, lines, PTL_TARGET, 'textDocument/completion', units, 30_000);
      record(`completion right after an edit, ${completionsAfter.length} requests`, p50p95(completionsAfter));
      // The colours of the whole plan, which VS Code asks for again once the user pauses typing: all of them, and the change from the last.
      const tokensAfter = await afterEditLatency(client, ptlUri, lines, PTL_TARGET, 'textDocument/semanticTokens/full', undefined, 40_000);
      record(`semantic tokens of the whole plan right after an edit, ${tokensAfter.length} requests`, p50p95(tokensAfter));
      const deltasAfter = await tokenDeltaLatency(client, ptlUri, lines, PTL_TARGET, 50_000);
      record(`… as the change from the previous result (what VS Code asks), ${deltasAfter.length} requests`, p50p95(deltasAfter));
      // A code lens on every target, which VS Code also asks for again after a change.
      const lensesAfter = await afterEditLatency(client, ptlUri, lines, PTL_TARGET, 'textDocument/codeLens', undefined, 60_000);
      record(`code lenses of the whole plan right after an edit, ${lensesAfter.length} requests`, p50p95(lensesAfter));
    }
    await client.close();
  }

  // yaml-language-server: the same indicators as YAML, validated against a JSON Schema.
  const yamlPath = path.join(ws.large.dir, `${ws.largePlan.file}.yaml`);
  const yamlText = fs.readFileSync(yamlPath, 'utf8');
  const yamlUri = pathToFileURL(yamlPath).href;
  const schemaUri = pathToFileURL(path.join(ws.large.dir, 'plan.schema.json')).href;
  const yaml = new LspClient([YAML_SERVER, '--stdio'], { settings: { yaml: { validate: true, hover: true, completion: true, schemas: { [schemaUri]: '*.yaml' } } } });
  await yaml.initialize(ws.large.dir);
  void yaml.conn.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: { validate: true, hover: true, completion: true, schemas: { [schemaUri]: '*.yaml' } } } });
  const yfirst = yaml.diagnostics((p) => p.uri === yamlUri);
  yaml.open(yamlUri, yamlText, 'yaml');
  const y0 = await yfirst;
  await sleep(300);
  const yEdits = await editLatency(yaml, yamlUri, yamlText.split('\n'), /target: \{ (?:op: "[<>]=", )?value: \d+(?:\.\d+)?(?=, year)/, false);
  const yamlDelay = 200; // yaml-language-server's own validationDelayMs, not configurable over LSP
  const yExcl = yEdits.map((s) => Math.max(0, s - yamlDelay));
  record(`yaml-language-server edit → diagnostics, same plan as YAML + JSON Schema (${y0.diagnostics.length} diagnostics on open), ${yEdits.length} edits, as the user waits (its 200 ms delay included)`, p50p95(yEdits));
  record('yaml-language-server, its 200 ms delay subtracted', p50p95(yExcl));
  const ours = percentile(results['as the user waits (debounce included)']!, 95);
  const ours0 = percentile(results['debounce set to 0']!, 95);
  const theirs = percentile(yEdits, 95);
  const theirs0 = percentile(yExcl, 95);
  record('PTL ÷ yaml-language-server, edit → diagnostics p95, as the user waits', `×${(ours / theirs).toFixed(2)}`, '≤ ×0.25', ours / theirs <= 0.25);
  record('PTL ÷ yaml-language-server, edit → diagnostics p95, both delays removed', `×${(ours0 / Math.max(theirs0, 0.01)).toFixed(2)}`, '≤ ×0.25', ours0 / Math.max(theirs0, 0.01) <= 0.25);
  const yHover = await requestLatency(yaml, 'textDocument/hover', yamlUri, targetDigits(yamlText, /^\s+- id: "/).map((p) => ({ line: p.line, character: p.character + 2 })));
  record(`yaml-language-server hover, ${yHover.length} requests`, p50p95(yHover));
  await yaml.close();

  // Memory with the national corpus open: the server analyses every file of the folder.
  const client = new LspClient([SERVER, '--stdio']);
  const t0 = performance.now();
  await client.initialize(ws.national.dir);
  const openFile = path.join(ws.national.dir, `${ws.plans[2]!.file}.ptl`);
  const openUri = pathToFileURL(openFile).href;
  const opened = client.diagnostics((p) => p.uri === openUri);
  client.open(openUri, fs.readFileSync(openFile, 'utf8'), 'ptl');
  const firstOpen = (await opened).at - t0;
  const all = new Set<string>();
  let peak = 0;
  const deadline = performance.now() + 150_000;
  while (performance.now() < deadline) {
    for (const uri of client.latest.keys()) if (uri.endsWith('.ptl')) all.add(uri);
    peak = Math.max(peak, client.rssMB() ?? 0);
    if (all.size >= ws.national.ptlFiles) break;
    await sleep(250);
  }
  const settled = performance.now() - t0;
  await sleep(500);
  const rss = client.rssMB() ?? NaN;
  record(`server, national corpus open (${ws.national.ptlFiles} files): first diagnostics of the open file`, ms(firstOpen));
  record(`server, national corpus: diagnostics for ${all.size} of ${ws.national.ptlFiles} files`, ms(settled));
  record('server RSS with the national corpus open (VmRSS, after every file analysed; peak while analysing)', `${rss.toFixed(0)} MB (peak ${peak.toFixed(0)} MB)`, '≤ 200 MB', rss <= 200);
  // Requests that could reach into every file of the workspace: the highlights VS Code asks for at every cursor move, and references.
  const ids = targetDigits(fs.readFileSync(openFile, 'utf8'), /^\s+indicator \S/).map((p) => ({ line: p.line, character: p.character + 1 }));
  const highlights = await requestLatency(client, 'textDocument/documentHighlight', openUri, ids);
  record(`document highlights with the national corpus open, ${highlights.length} requests`, p50p95(highlights));
  const references: number[] = [];
  for (const position of ids.slice(0, 10)) {
    const t = performance.now();
    await client.conn.sendRequest('textDocument/references', { textDocument: { uri: openUri }, position, context: { includeDeclaration: true } });
    references.push(performance.now() - t);
  }
  record(`references with the national corpus open, ${references.length} requests`, p50p95(references));
  await client.close();
}

// ---------------------------------------------------------------- vsix

/** The extension as bench/run.mjs packaged it from this revision. */
function vsix() {
  const dir = path.join(WORK, 'vsix');
  for (const f of fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.vsix')) : []) {
    const size = fs.statSync(path.join(dir, f)).size / 1e6;
    record(`${f} size`, `${size.toFixed(2)} MB`, '≤ 1.5 MB', size <= 1.5);
  }
}

// ---------------------------------------------------------------- main

async function main() {
  const cpu = /model name\s*:\s*(.*)/.exec(fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '')?.[1] ?? os.cpus()[0]?.model ?? '?';
  const started = performance.now();
  const load0 = os.loadavg()[0]!;
  log('generating workspaces');
  const ws = workspaces();
  record('national corpus', `${ws.national.ptlFiles} .ptl files, ${ws.national.indicators.toLocaleString('en')} indicators, ${(ws.national.bytes / 1e6).toFixed(1)} MB of .ptl, plus the plan texts`);
  log('CLI');
  cli(ws);
  log('lex + parse');
  parsing(ws);
  log('servers');
  await server(ws);
  vsix();
  const header = `PTL benchmark — node ${process.version}, ${CORES} cores (nproc), ${cpu}, load average ${load0.toFixed(2)} at start / ${os.loadavg()[0]!.toFixed(2)} at end, ${((performance.now() - started) / 1000).toFixed(0)} s`;
  const lines = [header, '', `| measure | result | target |`, `| --- | --- | --- |`];
  for (const r of rows) lines.push(`| ${r.what} | ${r.value} | ${r.target ? `${r.target}: ${r.met ? 'met' : '**not met**'}` : ''} |`);
  process.stdout.write(`${lines.join('\n')}\n`);
  fs.writeFileSync(path.join(WORK, 'results.md'), `${lines.join('\n')}\n`);
}

if (process.argv[2] === PARSE_CHILD) measureParse(process.argv[3]!);
else main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(2);
  },
);
