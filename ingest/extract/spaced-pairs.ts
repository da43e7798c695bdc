// A vertical form whose cells a crawler joined with spaces into one line (项目及标段名称 X 项目业主 Y 招标人 Y 公示期 …):
// its known labels part it into label | value rows, then read as any two-column table is.
import { tokensOf } from './flat.ts';
import { classifyLabel } from './labels.ts';
import { joinSpans, lineOfCells, withLines } from './page.ts';
import type { Line, Page, Span } from './page.ts';

/** How many labels, each with its value after it, make a line a form rather than a sentence that names a label. */
const MIN_PAIRS = 4;
/** The most tokens one value runs to (2018 年 12 月 19 日 至 2018 年 12 月 21 日 is 14); a longer run ends the form. */
const MAX_VALUE_TOKENS = 16;

/** The page with each form joined into one spaced line parted into label | value rows. */
export function splitSpacedPairs(page: Page): Page {
  let changed = false;
  const out: Line[] = [];
  for (const line of page.lines) {
    // A line led by a tab is a row of one cell: its text is the line's.
    const filled = line.cells?.filter((c) => c.text.trim() !== '') ?? null;
    const rows = filled && filled.length !== 1 ? null : spacedPairs(page, filled ? { ...line, span: filled[0], cells: null } : line);
    if (rows) changed = true;
    out.push(...(rows ?? [line]));
  }
  return changed ? withLines(page, out) : page;
}

const MAX_LABEL_CHARS = 20;

/** A known label, or words ending in one (项目业主 + 联系电话); never a value's digits nor a label：value already. */
function isLabel(token: Span): boolean {
  const t = token.text;
  if (/[：:\d]/.test(t) || t.length > MAX_LABEL_CHARS) return false;
  for (let i = 0; i <= t.length - 2; i++) if (classifyLabel(t.slice(i)) !== null) return true;
  return false;
}

/** The line's label | value rows and the words after the form as a line of their own; null when it is no such form. */
function spacedPairs(page: Page, line: Line): Line[] | null {
  const tokens = tokensOf(page, line);
  if (tokens.length < MIN_PAIRS * 2 || !isLabel(tokens[0])) return null;
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
  if (rows.length < MIN_PAIRS) return null;
  if (i < tokens.length) rows.push({ index: -1, span: joinSpans(page, tokens[i], tokens.at(-1)!), cells: null });
  return rows;
}
