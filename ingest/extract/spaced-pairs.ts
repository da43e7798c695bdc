// A vertical form whose cells a crawler joined with spaces (项目及标段名称 X 项目业主 Y 招标人 Y 公示期 … on one line, or
// 招标人 X  招标代理 Y / 中标人 Z  中标价 W over a few lines): its known labels part it into label | value rows, then read
// as any two-column table is.
import { tokensOf } from './flat.ts';
import { classifyLabel } from './labels.ts';
import { joinSpans, lineOfCells, withLines } from './page.ts';
import type { Line, Page, Span } from './page.ts';

/** How many labels, each with its value after it, make a form rather than a sentence that names a label. */
const MIN_PAIRS = 4;
/** The most tokens one value runs to (2018 年 12 月 19 日 至 2018 年 12 月 21 日 is 14); a longer run ends the form. */
const MAX_VALUE_TOKENS = 16;
const MAX_LABEL_CHARS = 20;

interface Pairs {
  rows: Line[];
  /** The words after the form, on the same line. */
  rest: Line | null;
}

/** The page with each form joined with spaces parted into label | value rows. */
export function splitSpacedPairs(page: Page): Page {
  const found = page.lines.map((line) => pairsOf(page, line));
  let changed = false;
  const out: Line[] = [];
  for (let i = 0; i < page.lines.length; i++) {
    const one = found[i];
    if (one && one.rows.length >= MIN_PAIRS) {
      changed = true;
      out.push(...one.rows, ...(one.rest ? [one.rest] : []));
      continue;
    }
    // Lines of a pair or two each, every word a label or its value, together a form.
    let j = i;
    while (j < page.lines.length && found[j] && !found[j]!.rest) j++;
    const block = found.slice(i, j) as Pairs[];
    if (j - i >= 2 && block.reduce((n, p) => n + p.rows.length, 0) >= MIN_PAIRS) {
      changed = true;
      out.push(...block.flatMap((p) => p.rows));
      i = j - 1;
      continue;
    }
    out.push(page.lines[i]);
  }
  return changed ? withLines(page, out) : page;
}

/** The longest known label that other words may run into (项目业主 + 联系电话). */
const MAX_TAIL_LABEL = 8;

/** A known label, or words ending in one (项目业主 + 联系电话); never a value's digits nor a label：value already. */
function isLabel(token: Span): boolean {
  const t = token.text;
  if (/[：:\d]/.test(t) || t.length > MAX_LABEL_CHARS || !/^[\u4e00-\u9fff]/.test(t)) return false;
  if (classifyLabel(t) !== null) return true;
  for (let i = Math.max(1, t.length - MAX_TAIL_LABEL); i <= t.length - 2; i++) if (classifyLabel(t.slice(i)) !== null) return true;
  return false;
}

/** The line's label | value rows from its first word on, and the words after them; null when it opens with no label. */
function pairsOf(page: Page, line: Line): Pairs | null {
  // A line led by a tab is a row of one cell: its text is the line's.
  const filled = line.cells?.filter((c) => c.text.trim() !== '') ?? null;
  if (filled && filled.length !== 1) return null;
  const tokens = tokensOf(page, filled ? { ...line, span: filled[0], cells: null } : line);
  if (tokens.length < 2 || !isLabel(tokens[0])) return null;
  const rows: Line[] = [];
  let i = 0;
  while (i < tokens.length && isLabel(tokens[i])) {
    let j = i + 1;
    while (j < tokens.length && !isLabel(tokens[j])) j++;
    if (j - i - 1 > MAX_VALUE_TOKENS) break;
    // A label right before another has no value of its own (招标代理机构 联系电话 …): no row.
    if (j > i + 1) rows.push(lineOfCells(page, [tokens[i], joinSpans(page, tokens[i + 1], tokens[j - 1])]));
    i = j;
  }
  if (rows.length === 0) return null;
  const rest = i < tokens.length ? { index: -1, span: joinSpans(page, tokens[i], tokens.at(-1)!), cells: null } : null;
  return { rows, rest };
}
