// The pieces a list reading takes, in file order: lines (JSON Lines), CSV records (a record may run
// over several lines inside quotes) and the elements of a JSON file's `results`. Each comes from a
// text held whole or from a file read line by line, so both paths feed the same readings.
import { parseCsv } from '../ownership/csv.ts';
import type { ResultsUnit } from './json-results.ts';

export interface LineUnit {
  /** 1-based. */
  line: number;
  text: string;
}

export interface CsvUnit {
  fields: string[];
  /** 1-based line where the record starts. */
  line: number;
  /** Set on the last record when a quoted field is never closed (it runs to the end of the file). */
  unclosed?: boolean;
}

export type { ResultsUnit };

export interface UnitKinds {
  lines: LineUnit;
  csv: CsvUnit;
  'json-results': ResultsUnit;
}

/** Lines of a whole text (the line break is not part of a line). */
export function textLines(text: string): LineUnit[] {
  return text.split('\n').map((t, i) => ({ line: i + 1, text: t }));
}

/**
 * CSV records from lines: a line that leaves a quote open takes the next ones until it closes.
 * Each record is split by the same parser as a whole text.
 */
export class CsvLines {
  private pending: string | null = null;
  private startLine = 0;

  take(line: LineUnit): CsvUnit[] {
    const text = this.pending === null ? line.text : `${this.pending}\n${line.text}`;
    if (this.pending === null) this.startLine = line.line;
    const { records, unclosed } = parseCsv(text);
    if (unclosed) {
      this.pending = text;
      return [];
    }
    this.pending = null;
    return records.map((r) => ({ fields: r.fields, line: this.startLine + r.line - 1 }));
  }

  end(): CsvUnit[] {
    if (this.pending === null) return [];
    const { records } = parseCsv(this.pending);
    this.pending = null;
    return records.map((r, i) => ({ fields: r.fields, line: this.startLine + r.line - 1, ...(i === records.length - 1 ? { unclosed: true } : {}) }));
  }
}

/** CSV records of a whole text. */
export function textCsv(text: string): CsvUnit[] {
  const { records, unclosed } = parseCsv(text);
  return records.map((r, i) => ({ fields: r.fields, line: r.line, ...(unclosed && i === records.length - 1 ? { unclosed: true } : {}) }));
}
