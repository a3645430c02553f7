/**
 * Expected findings written inline in a fixture, under the line they are about:
 *
 *     baseline 70 @2020
 *   //         ^^ value-differs-from-source "基期值"
 *
 * The carets mark the exact range (UTF-16 columns of the line above); the rule id
 * follows, then optionally a quoted fragment the message must contain. Where the
 * carets cannot reach (columns 0 and 1), `//! 0-9 rule` gives the columns instead.
 */
export interface Expectation {
  rule: string;
  line: number;
  start: number;
  end: number;
  fragment?: string;
}

const ANNOTATION = /^(\s*\/\/)(\s*)(\^+)\s+([a-z][a-z0-9-]*)(?:\s+"([^"]*)")?\s*$/;
const EXPLICIT = /^\s*\/\/!\s*(\d+)-(\d+)\s+([a-z][a-z0-9-]*)(?:\s+"([^"]*)")?\s*$/;

export function readExpectations(text: string): Expectation[] {
  const lines = text.split(/\r?\n/);
  const expectations: Expectation[] = [];
  let target = -1;
  lines.forEach((line, i) => {
    const x = EXPLICIT.exec(line);
    if (x) {
      expectations.push({ rule: x[3]!, line: target, start: Number(x[1]), end: Number(x[2]), fragment: x[4] });
      return;
    }
    const m = ANNOTATION.exec(line);
    if (!m) {
      target = i;
      return;
    }
    const start = m[1]!.length + m[2]!.length;
    expectations.push({ rule: m[4]!, line: target, start, end: start + m[3]!.length, fragment: m[5] });
  });
  return expectations;
}

export function describe(e: { rule: string; line: number; start: number; end: number }): string {
  return `${e.line + 1}:${e.start}-${e.end} ${e.rule}`;
}
