// A JSON file of the form {"results": [...], ...} read piece by piece: each element of `results`
// is parsed on its own as soon as it is complete, so a file of any size needs memory for one
// element at a time. The other top-level members (sources_used) are parsed whole; they are small.
// Only the structure is followed here (strings, escapes, nesting); JSON.parse judges each piece.

export type ResultsUnit =
  | { kind: 'results' }
  | { kind: 'result'; index: number; value: unknown; error?: string }
  | { kind: 'member'; key: string; value: unknown }
  | { kind: 'problem'; message: string };

/** Top-level members other than `results` that are kept; the rest are skipped unread. */
const KEPT_MEMBERS = new Set(['sources_used']);

const STRUCTURE = /["{}[\],:]/g;
const IN_STRING = /["\\]/g;

export class ResultsSplitter {
  private depth = 0;
  private inString = false;
  private escape = false;
  private started = false;
  /** The current top-level member: its key (raw, as written) once read, and whether it is `results`. */
  private key: string | null = null;
  private keyText: string | null = null;
  private keyFrom = 0;
  private inResults = false;
  /** Text of the piece being gathered (a result, or a kept member's value), null when none is. */
  private piece: string | null = null;
  private pieceFrom = 0;
  private index = 0;
  private out: ResultsUnit[] = [];

  /** Feeds the next chunk of text; returns the units it completed. */
  push(chunk: string): ResultsUnit[] {
    this.out = [];
    this.pieceFrom = 0;
    this.keyFrom = 0;
    if (!this.started) this.begin(chunk);
    if (this.depth >= 0) this.scan(chunk);
    if (this.piece !== null) this.piece += chunk.slice(this.pieceFrom);
    // A key cut by the chunk's end: keep its first part.
    if (this.inString && this.keyText !== null && this.key === null) this.keyText += chunk.slice(this.keyFrom);
    return this.out;
  }

  /** The end of the file: a problem when it stops inside the structure. */
  end(): ResultsUnit[] {
    if (!this.started || this.depth < 0) return [{ kind: 'problem', message: 'not a JSON object' }];
    if (this.depth !== 0 || this.inString) return [{ kind: 'problem', message: 'the file ends inside the JSON (cut short?); what came before is kept' }];
    return [];
  }

  /** The first character that is not white space must open an object; else the file is not read. */
  private begin(chunk: string): void {
    const first = /\S/.exec(chunk);
    if (!first) return;
    this.started = true;
    if (first[0] !== '{') this.depth = -1;
  }

  /** Jumps from one character that matters to the next: inside strings only quotes and escapes do. */
  private scan(chunk: string): void {
    let i = 0;
    if (this.escape) {
      this.escape = false;
      i = 1;
    }
    while (i < chunk.length) {
      const pattern = this.inString ? IN_STRING : STRUCTURE;
      pattern.lastIndex = i;
      const m = pattern.exec(chunk);
      if (!m) return;
      if (!this.inString) {
        this.step(chunk, m.index);
        i = m.index + 1;
      } else if (m[0] === '\\') {
        if (m.index + 1 >= chunk.length) this.escape = true;
        i = m.index + 2;
      } else {
        this.inString = false;
        if (this.keyText !== null && this.depth === 1 && this.key === null) this.key = this.keyText + chunk.slice(this.keyFrom, m.index);
        i = m.index + 1;
      }
    }
  }

  /** One structural character outside strings: " { } [ ] , : */
  private step(chunk: string, i: number): void {
    const c = chunk[i];
    if (c === '"') {
      this.inString = true;
      if (this.depth === 1 && this.key === null) {
        this.keyText = '';
        this.keyFrom = i + 1;
      }
      return;
    }
    if (this.depth === 1 && c === ':' && this.key !== null) return this.startValue(i);
    if (this.depth === 2 && this.inResults && (c === ',' || c === ']')) {
      this.endPiece(chunk, i);
      if (c === ',') this.startPiece(i + 1);
    }
    if (this.depth === 1 && (c === ',' || c === '}')) {
      if (this.piece !== null) this.endPiece(chunk, i);
      this.key = null;
      this.keyText = null;
    }
    if (c === '{' || c === '[') {
      this.depth++;
      if (this.depth === 2 && this.key === 'results' && c === '[' && !this.inResults && this.piece === null) {
        this.inResults = true;
        this.out.push({ kind: 'results' });
        this.startPiece(i + 1);
      }
    } else if (c === '}' || c === ']') {
      this.depth--;
      if (this.depth === 1 && this.inResults) this.inResults = false;
    }
  }

  private startValue(i: number): void {
    if (this.key !== null && KEPT_MEMBERS.has(this.key)) this.startPiece(i + 1);
  }

  private startPiece(from: number): void {
    this.piece = '';
    this.pieceFrom = from;
  }

  private endPiece(chunk: string, i: number): void {
    const text = (this.piece ?? '') + chunk.slice(this.pieceFrom, i);
    this.piece = null;
    const trimmed = text.trim();
    if (this.inResults) {
      // `[]`, or the space after a trailing element: nothing to read.
      if (trimmed === '') return;
      const index = this.index++;
      try {
        this.out.push({ kind: 'result', index, value: JSON.parse(trimmed) });
      } catch {
        this.out.push({ kind: 'result', index, value: undefined, error: 'not JSON' });
      }
      return;
    }
    if (this.key === null) return;
    try {
      this.out.push({ kind: 'member', key: this.key, value: JSON.parse(trimmed) });
    } catch {
      this.out.push({ kind: 'problem', message: `${this.key}: not JSON; ignored` });
    }
  }
}

/** Every unit of a whole text (a file small enough to hold). */
export function resultsUnits(text: string): ResultsUnit[] {
  const s = new ResultsSplitter();
  return [...s.push(text.startsWith('\ufeff') ? text.slice(1) : text), ...s.end()];
}
