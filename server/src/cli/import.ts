/** `ptl import PLAN.txt`: a new `.ptl` file whose every indicator cites its row or sentence. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pick, type Locale } from '../../../grammar/src/message';
import { generatePtl } from '../analysis/import-plan';
import { indexSourceBytes } from '../sources';
import type { ParsedArgs } from './args';

export function importPlan(args: ParsedArgs, locale: Locale, io: { cwd: string; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): number {
  const input = args.paths[0];
  if (!input) {
    io.stderr.write(`ptl: ${pick({ zh: 'import 需要一个规划文本文件', en: 'import needs a plan text file' }, locale)}\n`);
    return 2;
  }
  const planPath = path.resolve(io.cwd, input);
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(planPath);
  } catch {
    io.stderr.write(`ptl: ${pick({ zh: `无法读取 ${input}`, en: `cannot read ${input}` }, locale)}\n`);
    return 2;
  }
  const output = args.output ? path.resolve(io.cwd, args.output) : planPath.replace(/\.[^./]+$/, '') + '.ptl';
  const text = generatePtl(indexSourceBytes(bytes), path.relative(path.dirname(output), planPath).split(path.sep).join('/'));
  if (args.output === '-') {
    io.stdout.write(text);
    return 0;
  }
  fs.writeFileSync(output, text);
  io.stderr.write(`${pick({ zh: '已生成', en: 'wrote' }, locale)} ${path.relative(io.cwd, output)}\n`);
  return 0;
}
