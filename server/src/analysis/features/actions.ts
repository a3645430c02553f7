/**
 * Quick fixes: each finding's own fixes where the cursor or selection touches it,
 * and one action that imports every table row of the plan not yet declared.
 */
import type { Localized } from '../../../../grammar/src/message';
import type { Range } from '../../../../grammar/src/range';
import { comparePositions } from '../../../../grammar/src/range';
import type { FileAnalysis } from '../analyze';
import type { Finding, TextEdit } from '../finding';

export interface CodeAction {
  title: Localized;
  kind: 'quickfix' | 'source';
  edits: TextEdit[];
  /** The findings the action fixes. */
  findings: Finding[];
  preferred?: boolean;
}

function overlaps(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

export function codeActions(analysis: FileAnalysis, range: Range, only?: readonly string[]): CodeAction[] {
  const out: CodeAction[] = [];
  const wants = (kind: string) => !only || only.length === 0 || only.some((o) => kind === o || kind.startsWith(`${o}.`) || o === kind.split('.')[0]);
  if (wants('quickfix')) {
    for (const f of analysis.findings) {
      if (!f.fixes || f.file !== analysis.path || !overlaps(f.range, range)) continue;
      for (const fix of f.fixes) out.push({ title: fix.title, kind: 'quickfix', edits: fix.edits, findings: [f], preferred: fix.safe && f.fixes.length === 1 });
    }
  }
  const undeclared = analysis.findings.filter((f) => f.rule === 'source-row-undeclared' && f.fixes?.[0]?.edits.length);
  if (undeclared.length > 1 && (wants('quickfix') || wants('source'))) {
    const all = importAllEdit(analysis, undeclared);
    if (all) {
      out.push({
        title: { zh: `导入规划中全部 ${undeclared.length} 个未声明的指标行`, en: `Import all ${undeclared.length} undeclared rows of the plan` },
        kind: wants('quickfix') && undeclared.some((f) => overlaps(f.range, range)) ? 'quickfix' : 'source',
        edits: [all],
        findings: undeclared,
      });
    }
  }
  return out;
}

/** One edit appending every undeclared row's block, in the plan's order. */
function importAllEdit(analysis: FileAnalysis, findings: Finding[]): TextEdit | undefined {
  const edits = findings.map((f) => f.fixes![0]!.edits[0]!).filter((e) => e.file === analysis.path);
  if (edits.length === 0) return undefined;
  const taken = new Set(analysis.model.symbols.keys());
  const blocks = edits.map((e) => dedupeIds(e.newText.replace(/^\n+|\n+$/g, ''), taken));
  return { file: analysis.path, range: edits[0]!.range, newText: `\n${blocks.join('\n\n')}\n` };
}

/** Each fix picks ids unique against the file alone; together they must also be unique among themselves. */
function dedupeIds(block: string, taken: Set<string>): string {
  return block.replace(/^(\s*(?:indicator|指标)\s+)([\p{L}_][\p{L}\p{M}\p{Nd}_]*)/gmu, (_m, head: string, id: string) => {
    let unique = id;
    for (let n = 2; taken.has(unique); n++) unique = `${id}${n}`;
    taken.add(unique);
    return head + unique;
  });
}
