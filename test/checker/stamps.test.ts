/**
 * The plan text is consulted on every analysis, after every keystroke, and a parent
 * plan by each of its children. A host that can stamp a file (size and times) spares
 * reading it while the stamp holds; a new stamp has it read, and its new content
 * checked against.
 */
import { describe, expect, it } from 'vitest';
import { Analyzer, type Host } from '../../server/src/analysis/analyze';
import { isRuleId, RULES } from '../../server/src/analysis/rules';
import { memoryHost } from '../support/memory-host';

const PTL = `plan 某市 "某市规划" {
  source "plan.txt"
  period 2021..2025
}

table 专栏1 "主要指标" {
  indicator 床位 {
    name "养老机构护理型床位占比"
    unit %
    baseline 31.1 @2020
    target >= 55 @2025
    binding
    cite row 1
  }
}
`;
const planText = (target: string) => `某市规划

专栏1：主要指标
序号	指标	单位	2020年基础值	2025年目标值	属性
1	养老机构护理型床位占比	%	31.1	${target}	约束性
`;

const DEFAULTS = new Map(RULES.map((r) => [r.id as string, r.severity]));

function counted(files: Record<string, string>, stamps: Record<string, string>) {
  const host = memoryHost(files);
  const reads: string[] = [];
  const stamped: Host = {
    ...host,
    readBytes: (path) => (reads.push(path), host.readBytes(path)),
    stamp: (path) => stamps[path],
  };
  const analyzer = new Analyzer(stamped, { roots: ['/ws'], tolerance: 0.05, severityOf: (rule) => DEFAULTS.get(rule) ?? 'error', isRule: isRuleId });
  const rules = (text: string) => analyzer.analyze('/ws/plan.ptl', text).findings.map((f) => f.rule);
  return { files, stamps, reads, rules };
}

describe('plan text stamps', () => {
  it('reads the plan text again only when its stamp changes', () => {
    const w = counted({ '/ws/plan.ptl': PTL, '/ws/plan.txt': planText('≥55') }, { '/ws/plan.txt': 'a' });
    expect(w.rules(PTL)).toEqual([]);
    expect(w.reads).toEqual(['/ws/plan.txt']);

    // Typing in the target file: the plan text is not read again.
    expect(w.rules(PTL.replace('31.1', '31.2'))).toEqual(['value-differs-from-source']);
    expect(w.reads).toEqual(['/ws/plan.txt']);

    // The plan text rewritten: a new stamp, read and checked against.
    w.files['/ws/plan.txt'] = planText('≥60');
    w.stamps['/ws/plan.txt'] = 'b';
    expect(w.rules(PTL)).toEqual(['value-differs-from-source']);
    expect(w.reads).toEqual(['/ws/plan.txt', '/ws/plan.txt']);
  });

  it('reads the plan text every time when the host cannot stamp it', () => {
    const w = counted({ '/ws/plan.ptl': PTL, '/ws/plan.txt': planText('≥55') }, {});
    w.rules(PTL);
    w.files['/ws/plan.txt'] = planText('≥60');
    expect(w.rules(PTL.replace('31.1', '31.1 '))).toEqual(['value-differs-from-source']);
    expect(w.reads).toEqual(['/ws/plan.txt', '/ws/plan.txt']);
  });
});

const PARENT = (target: string) => `table 专栏1 "省指标" {
  indicator 床位 {
    unit %
    target >= ${target} @2025
    anticipatory
  }
}
`;
const CHILD = `use "parent.ptl" as 省
table 专栏1 "市指标" {
  indicator 床位 {
    unit %
    target >= 55 @2025
    anticipatory
    aligns 省.床位
  }
}
`;

describe('imported files', () => {
  function workspace(stamps: Record<string, string>) {
    const files: Record<string, string> = { '/ws/parent.ptl': PARENT('50'), '/ws/a.ptl': CHILD, '/ws/b.ptl': CHILD };
    const host = memoryHost(files);
    const reads: string[] = [];
    const stamped: Host = { ...host, readText: (path) => (reads.push(path), host.readText(path)), stamp: (path) => stamps[path] };
    const analyzer = new Analyzer(stamped, { roots: ['/ws'], tolerance: 0.05, severityOf: (rule) => DEFAULTS.get(rule) ?? 'error', isRule: isRuleId });
    const rules = (path: string) => analyzer.analyze(path, CHILD).findings.map((f) => f.rule);
    return { files, stamps, reads, rules };
  }

  it('reads a parent plan once for all its children while its stamp holds', () => {
    const w = workspace({ '/ws/parent.ptl': 'a' });
    expect(w.rules('/ws/a.ptl')).toEqual([]);
    expect(w.rules('/ws/b.ptl')).toEqual([]);
    expect(w.reads).toEqual(['/ws/parent.ptl']);

    // The parent raises its target: a new stamp, read again, and the child is now weaker.
    w.files['/ws/parent.ptl'] = PARENT('60');
    w.stamps['/ws/parent.ptl'] = 'b';
    expect(w.rules('/ws/a.ptl')).toEqual(['weaker-than-parent']);
    expect(w.reads).toEqual(['/ws/parent.ptl', '/ws/parent.ptl']);
  });

  it('reads the parent for every child when the host cannot stamp it', () => {
    const w = workspace({});
    w.rules('/ws/a.ptl');
    w.files['/ws/parent.ptl'] = PARENT('60');
    expect(w.rules('/ws/b.ptl')).toEqual(['weaker-than-parent']);
    expect(w.reads).toEqual(['/ws/parent.ptl', '/ws/parent.ptl']);
  });
});
