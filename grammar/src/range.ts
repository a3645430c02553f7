/**
 * Positions as LSP counts them: zero-based line, zero-based UTF-16 character.
 * Kept protocol-free so every layer can use them without importing LSP types.
 */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Maps UTF-16 offsets to positions and back; line breaks are LF, CRLF or CR. */
export class LineIndex {
  /** Never changed once made: an index edited without a change in length shares its array. */
  private readonly lineStarts: readonly number[];
  private lastLine = 0;

  constructor(readonly text: string, lineStarts?: readonly number[]) {
    this.lineStarts = lineStarts ?? (text.includes('\r') ? LineIndex.scan(text) : LineIndex.scanLf(text));
  }

  /** The index of `text`, made from this one's by an edit at `offset` that changed the length by `delta` and no line break. */
  edited(text: string, offset: number, delta: number): LineIndex {
    if (delta === 0) return new LineIndex(text, this.lineStarts);
    const starts = this.lineStarts.slice();
    for (let i = starts.length - 1; i >= 0 && starts[i]! > offset; i--) starts[i]! += delta;
    return new LineIndex(text, starts);
  }

  /** LF only: the engine's indexOf finds the breaks several times faster than a character loop. */
  private static scanLf(text: string): number[] {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }

  private static scan(text: string): number[] {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    return starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    // The parser asks in text order: most offsets fall on the line asked about last.
    const hint = this.lastLine;
    if (this.lineStarts[hint]! <= clamped && (hint + 1 === this.lineStarts.length || clamped < this.lineStarts[hint + 1]!)) {
      return { line: hint, character: clamped - this.lineStarts[hint]! };
    }
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    this.lastLine = low;
    return { line: low, character: clamped - this.lineStarts[low]! };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line]!;
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The range of a node or any other span of offsets. */
  rangeOfSpan(span: { start: number; end: number }): Range {
    return this.rangeOf(span.start, span.end);
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))]!;
  }

  /** Offset of the end of the line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! : this.text.length;
    let end = next;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
}

export function containsPosition(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}
