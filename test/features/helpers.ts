/** Builds an analysis from a fixture with a `<|>` cursor marker, over an in-memory workspace holding seed 001. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileAnalysis } from '../../server/src/analysis/analyze';
import type { FeatureWorkspace } from '../../server/src/analysis/features';
import { resolveInside } from '../../server/src/analysis/paths';
import { indexSourceBytes } from '../../server/src/sources';
import { memoryAnalyzer, memoryHost } from '../support/memory-host';

export const SEED = '001_274d81b69c494f30.txt';
export const seedText = fs.readFileSync(path.join(__dirname, '../../seeds', SEED));

export interface Fixture {
  analysis: FileAnalysis;
  position: { line: number; character: number };
  ws: FeatureWorkspace;
}

/** `files` maps names under /ws to text; the first holds the cursor `<|>`. */
export function fixture(main: string, others: Record<string, string> = {}): Fixture {
  const at = main.indexOf('<|>');
  const text = at >= 0 ? main.slice(0, at) + main.slice(at + 3) : main;
  const before = text.slice(0, Math.max(0, at));
  const line = before.split('\n').length - 1;
  const character = before.length - (before.lastIndexOf('\n') + 1);
  const files: Record<string, string | Uint8Array> = { [`/ws/${SEED}`]: seedText, '/ws/main.ptl': text };
  for (const [name, content] of Object.entries(others)) files[`/ws/${name}`] = content;
  const analyzer = memoryAnalyzer(files);
  const host = memoryHost(files);
  const analysis = analyzer.analyze('/ws/main.ptl', text);
  const others_ = Object.keys(others).filter((n) => n.endsWith('.ptl')).map((n) => analyzer.analyze(`/ws/${n}`, others[n]!));
  const ws: FeatureWorkspace = {
    analyses: () => [analysis, ...others_],
    importers: () => [analysis, ...others_],
    analysis: (p) => [analysis, ...others_].find((a) => a.path === p),
    resolvePath: (from, written) => {
      const r = resolveInside(from, written, ['/ws'], (p) => host.realPath(p));
      return r.ok && host.realPath(r.path) ? r.path : undefined;
    },
    sourceIndex: (p) => {
      const b = host.readBytes(p);
      return b && indexSourceBytes(b);
    },
  };
  return { analysis, position: { line, character: at >= 0 ? character : 0 }, ws };
}

export const PLAN = `plan 许昌民政十四五 "许昌市“十四五”民政事业发展规划" {
  source "${SEED}"
  period 2021..2025
}
`;
