/**
 * `// ptl-disable-next-line RULE[, RULE…] -- reason` suppresses findings of those
 * rules that start on the next line. The reason is required; a suppression that
 * suppresses nothing is reported; a binding indicator's own target is never waived.
 */
import type * as A from '../../../grammar/src/ast';
import type { LineIndex, Range } from '../../../grammar/src/range';
import type { Finding } from './finding';
import { canSuppress } from './rules';

interface Suppression {
  comment: A.Comment;
  /** Where the comment is. */
  range: Range;
  rules: { name: string; range: Range }[];
  reason: string;
  line: number;
  used: Set<string>;
  /** Rules the suppression named whose findings here may not be suppressed. */
  refused: Set<string>;
}

const DIRECTIVE = /ptl-disable-next-line\b([^]*)$/;

export function parseSuppressions(comments: A.Comment[], lines: LineIndex): Suppression[] {
  const result: Suppression[] = [];
  for (const comment of comments) {
    const match = DIRECTIVE.exec(comment.text.replace(/\*\/$/, ''));
    if (!match) continue;
    const body = match[1]!;
    const [rulePart, ...reasonParts] = body.split(/\s--\s?|\s—\s?/);
    const bodyStart = comment.start + match.index + 'ptl-disable-next-line'.length;
    const rules: Suppression['rules'] = [];
    const ruleText = rulePart ?? '';
    for (const m of ruleText.matchAll(/[a-z][a-z0-9-]*/g)) {
      const start = bodyStart + m.index!;
      rules.push({ name: m[0], range: lines.rangeOf(start, start + m[0].length) });
    }
    const line = lines.positionAt(comment.end).line + 1;
    result.push({ comment, range: lines.rangeOfSpan(comment), rules, reason: reasonParts.join(' -- ').trim(), line, used: new Set(), refused: new Set() });
  }
  return result;
}

export interface SuppressionResult {
  kept: Finding[];
  /** Findings about the suppressions themselves. */
  own: Finding[];
}

/**
 * `protectedRanges` are a binding indicator's target fields: findings inside them stay,
 * as do findings of rules that cannot be suppressed at all.
 */
export function applySuppressions(
  findings: Finding[],
  suppressions: Suppression[],
  protectedRanges: Range[],
  file: string,
  knownRule: (id: string) => boolean,
): SuppressionResult {
  const kept: Finding[] = [];
  for (const finding of findings) {
    // Without a reason a suppression has no effect: the reason is what a reviewer reads.
    const suppression = suppressions.find((s) => s.reason && s.line === finding.range.start.line && s.rules.some((r) => r.name === finding.rule));
    if (!suppression) {
      kept.push(finding);
      continue;
    }
    if (!canSuppress(finding.rule, { bindingTarget: isBindingTarget(finding, protectedRanges) })) {
      suppression.refused.add(finding.rule);
      kept.push(finding);
      continue;
    }
    suppression.used.add(finding.rule);
  }
  const own: Finding[] = [];
  for (const s of suppressions) {
    if (!s.reason) {
      own.push({
        rule: 'suppression-without-reason',
        severity: 'warning',
        file,
        range: s.range,
        message: { zh: '抑制注释必须写明理由：// ptl-disable-next-line 规则 -- 理由', en: 'A suppression needs a reason: // ptl-disable-next-line RULE -- reason' },
      });
    }
    for (const rule of s.rules) {
      if (!knownRule(rule.name)) {
        own.push({ rule: 'unused-suppression', severity: 'warning', file, range: rule.range, message: { zh: `未知的规则「${rule.name}」`, en: `Unknown rule “${rule.name}”` } });
        continue;
      }
      if (s.used.has(rule.name) || !s.reason) continue;
      if (s.refused.has(rule.name)) {
        own.push({
          rule: 'unused-suppression',
          severity: 'warning',
          file,
          range: rule.range,
          message: { zh: `「${rule.name}」的问题不能被抑制：约束性指标的目标不因注释而豁免`, en: `Findings of “${rule.name}” here cannot be suppressed: a binding target is not waived by a comment` },
        });
        continue;
      }
      own.push({
        rule: 'unused-suppression',
        severity: 'warning',
        file,
        range: rule.range,
        message: { zh: `下一行没有「${rule.name}」的问题，此抑制无效`, en: `Nothing on the next line is reported by “${rule.name}”; the suppression is unused` },
        fixes: [{ title: { zh: '删除此抑制注释', en: 'Remove the suppression' }, edits: [{ file, range: s.range, newText: '' }], safe: false }],
      });
    }
    if (s.rules.length === 0) {
      own.push({ rule: 'unused-suppression', severity: 'warning', file, range: s.range, message: { zh: '抑制注释没有指明规则', en: 'The suppression names no rule' } });
    }
  }
  return { kept, own };
}

function isBindingTarget(finding: Finding, protectedRanges: Range[]): boolean {
  return protectedRanges.some((r) => within(finding.range, r));
}

function within(inner: Range, outer: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}
