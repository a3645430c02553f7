/**
 * `ptl`: argv → configuration → files → the engine → a reporter → an exit code.
 * Exit 0: no findings over the threshold; 1: findings over it; 2: the tool failed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { normalizeLocale, pick, type Locale } from '../../../grammar/src/message';
import { RULES, ruleById } from '../analysis/rules';
import { parseArgs, UsageError, type ParsedArgs } from './args';
import { expandPaths } from './files';
import { format } from '../../../grammar/src/format';
import { HELP } from './help';
import { importPlan } from './import';
import { formatGithub } from './reporters/github';
import { formatJson } from './reporters/json';
import { formatJunit } from './reporters/junit';
import type { CheckedFile } from './reporters/model';
import { formatReport, REPORT_FORMATS } from './reporters/report';
import { formatSarif } from './reporters/sarif';
import { formatText } from './reporters/text';
import { ConfigUnreadable, Session } from './session';
import { checkInParallel, jobCount } from './parallel';
import { isMainThread } from 'node:worker_threads';
import { applyFixes } from './fix';

declare const PTL_VERSION: string | undefined;
export const VERSION = typeof PTL_VERSION === 'string' ? PTL_VERSION : '0.1.0';

const CHECK_FORMATS = ['text', 'json', 'sarif', 'github', 'junit'] as const;

export function run(argv: string[], io: { cwd: string; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; isTTY: boolean; env: NodeJS.ProcessEnv }): number {
  let args: ParsedArgs;
  const envLocale = normalizeLocale(io.env['PTL_LOCALE'] ?? io.env['LANG']);
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`ptl: ${pick(error.messages, envLocale)}\n${pick({ zh: '用 ptl --help 查看用法', en: 'See ptl --help' }, envLocale)}\n`);
    return 2;
  }
  const locale: Locale = args.locale ?? envLocale;
  if (args.version) {
    io.stdout.write(`ptl ${VERSION}\n`);
    return 0;
  }
  if (args.help || !args.command) {
    io.stdout.write(pick(HELP, locale));
    return args.command || args.help ? 0 : 2;
  }
  try {
    switch (args.command) {
      case 'check':
        return check(args, locale, io);
      case 'report':
        return report(args, locale, io);
      case 'explain':
        return explain(args, locale, io);
      case 'import':
        return importPlan(args, locale, io);
      case 'format':
        return formatFiles(args, locale, io);
    }
  } catch (error) {
    if (error instanceof ConfigUnreadable) {
      io.stderr.write(`ptl: ${pick({ zh: `无法读取配置文件 ${error.file}`, en: `cannot read the configuration ${error.file}` }, locale)}\n`);
      return 2;
    }
    io.stderr.write(`ptl: ${pick({ zh: '内部错误', en: 'internal error' }, locale)}: ${error instanceof Error ? error.stack : String(error)}\n`);
    return 2;
  }
}

function collect(args: ParsedArgs, locale: Locale, io: { cwd: string; stderr: NodeJS.WritableStream; isTTY: boolean; env?: NodeJS.ProcessEnv }, options: { parallel?: boolean } = {}): { files: CheckedFile[]; ok: boolean } {
  const { files, missing } = expandPaths(args.paths.length ? args.paths : ['.'], io.cwd);
  for (const m of missing) io.stderr.write(`ptl: ${pick({ zh: `没有找到 .ptl 文件：${m}`, en: `no .ptl files match ${m}` }, locale)}\n`);
  if (missing.length > 0 && files.length === 0) return { files: [], ok: false };
  const session = new Session(io.cwd, args.config);
  const checked: CheckedFile[] = [];
  let unreadable = false;
  const progress = (done: number) => {
    if (io.isTTY && files.length > 1) io.stderr.write(`\r${pick({ zh: '检查中', en: 'checking' }, locale)} ${done}/${files.length}`);
  };
  const unreadableFile = (file: string) => {
    io.stderr.write(`ptl: ${pick({ zh: `无法读取 ${file}`, en: `cannot read ${file}` }, locale)}\n`);
    unreadable = true;
  };
  if (options.parallel) {
    // The check reporters read path, text and findings only: those cross threads as plain data.
    const outcomes = checkInParallel(session, files, { cwd: io.cwd, config: args.config, jobs: jobCount(args.jobs, io.env ?? {}, files.length), onProgress: progress,
      // PTL_DEBUG_JOBS=1: how the files were shared out (the parallel test checks that workers ran).
      onDone: (threads, perThread) => io.env?.['PTL_DEBUG_JOBS'] && io.stderr.write(`ptl: ${files.length} files on ${threads} threads: ${perThread.join(' + ')}\n`) });
    for (const outcome of outcomes) {
      if ('unreadable' in outcome) unreadableFile(outcome.path);
      else if ('configUnreadable' in outcome) throw new ConfigUnreadable(outcome.configUnreadable);
      else {
        session.workspaceFor(outcome.path); // its configuration's own findings, as the sequential run collects them
        checked.push({ path: outcome.path, text: outcome.text, findings: outcome.findings });
      }
    }
  } else {
    files.forEach((file, i) => {
      progress(i + 1);
      const result = session.check(file);
      if ('unreadable' in result) return unreadableFile(file);
      checked.push({ path: file, text: result.text, findings: result.findings, model: result.model, statuses: result.statuses });
    });
  }
  if (io.isTTY && files.length > 1) io.stderr.write('\r\x1b[K');
  for (const finding of session.configFindings()) {
    const text = fs.readFileSync(finding.file, 'utf8');
    const existing = checked.find((c) => c.path === finding.file);
    if (existing) existing.findings.push(finding);
    else checked.push({ path: finding.file, text, findings: [finding] });
  }
  return { files: checked, ok: !unreadable };
}

function check(args: ParsedArgs, locale: Locale, io: Parameters<typeof run>[1]): number {
  const format = args.format ?? 'text';
  if (!(CHECK_FORMATS as readonly string[]).includes(format)) {
    io.stderr.write(`ptl: ${pick({ zh: `未知的输出格式 ${format}`, en: `unknown format ${format}` }, locale)}\n`);
    return 2;
  }
  let { files, ok } = collect(args, locale, io, { parallel: true });
  if (!ok && files.length === 0) return 2;
  if (args.fix || args.fixDryRun) {
    // Machine-readable formats keep stdout for the report: fix messages and diffs go to stderr.
    const changed = applyFixes(files, { write: args.fix === true, locale, out: format === 'text' ? io.stdout : io.stderr, cwd: io.cwd });
    if (args.fix && changed > 0) ({ files } = collect(args, locale, io, { parallel: true }));
  }
  const output =
    format === 'json' ? formatJson(files, { locale, cwd: io.cwd, toolVersion: VERSION })
    : format === 'sarif' ? formatSarif(files, { locale, cwd: io.cwd, toolVersion: VERSION })
    : format === 'github' ? formatGithub(files, { locale, cwd: io.cwd })
    : format === 'junit' ? formatJunit(files, { locale, cwd: io.cwd })
    : formatText(files, { locale, color: io.isTTY && !io.env['NO_COLOR'], cwd: io.cwd });
  io.stdout.write(output);
  if (!ok) return 2;
  const all = files.flatMap((f) => f.findings);
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.filter((f) => f.severity === 'warning').length;
  if (errors > 0) return 1;
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) return 1;
  return 0;
}

function report(args: ParsedArgs, locale: Locale, io: Parameters<typeof run>[1]): number {
  const format = args.format ?? 'md';
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    io.stderr.write(`ptl: ${pick({ zh: `未知的报告格式 ${format}`, en: `unknown report format ${format}` }, locale)}\n`);
    return 2;
  }
  const { files, ok } = collect(args, locale, io);
  if (!ok) return 2;
  const text = formatReport(files, { format: format as (typeof REPORT_FORMATS)[number], locale, cwd: io.cwd });
  if (args.output) {
    fs.writeFileSync(path.resolve(io.cwd, args.output), text);
    io.stderr.write(`${pick({ zh: '报告已写入', en: 'report written to' }, locale)} ${args.output}\n`);
  } else io.stdout.write(text);
  return 0;
}

/** `ptl format PATHS…` rewrites files in canonical form; `--check` only lists those that are not. */
function formatFiles(args: ParsedArgs, locale: Locale, io: Parameters<typeof run>[1]): number {
  const { files, missing } = expandPaths(args.paths.length ? args.paths : ['.'], io.cwd);
  for (const m of missing) io.stderr.write(`ptl: ${pick({ zh: `没有找到 .ptl 文件：${m}`, en: `no .ptl files match ${m}` }, locale)}\n`);
  if (files.length === 0) return 2;
  let unformatted = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const result = format(text);
    if (!result.changed) continue;
    unformatted++;
    const name = path.relative(io.cwd, file) || file;
    if (args.check) io.stdout.write(`${pick({ zh: `未格式化：${name}`, en: `not formatted: ${name}` }, locale)}\n`);
    else {
      fs.writeFileSync(file, result.text);
      io.stdout.write(`${pick({ zh: `已格式化 ${name}`, en: `formatted ${name}` }, locale)}\n`);
    }
  }
  return args.check && unformatted > 0 ? 1 : 0;
}

function explain(args: ParsedArgs, locale: Locale, io: Parameters<typeof run>[1]): number {
  const id = args.paths[0];
  if (!id) {
    for (const rule of RULES) io.stdout.write(`${rule.id.padEnd(32)} ${rule.severity.padEnd(8)} ${pick(rule.description, locale)}\n`);
    return 0;
  }
  const rule = ruleById(id);
  if (!rule) {
    io.stderr.write(`ptl: ${pick({ zh: `未知的规则 ${id}`, en: `unknown rule ${id}` }, locale)}\n`);
    return 2;
  }
  const words = locale === 'en' ? ['Group', 'Default severity', 'Suppressible', 'Documentation'] : ['分组', '默认级别', '可抑制', '文档'];
  io.stdout.write(`${rule.id}\n  ${pick(rule.description, locale)}\n  ${words[0]}: ${rule.group}\n  ${words[1]}: ${rule.severity}\n  ${words[2]}: ${rule.suppressible ? 'yes' : 'no'}\n  ${words[3]}: ${rule.docsUrl}\n`);
  return 0;
}

/** Runs the CLI on this process's arguments; the `ptl` bin calls it. */
export function main(): void {
  const isTTY = Boolean(process.stderr.isTTY && process.stdout.isTTY);
  process.exitCode = run(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, isTTY, env: process.env });
}

// In a check worker this bundle is loaded as the worker's script: parallel.ts runs it, not main().
if (require.main === module && isMainThread) main();
