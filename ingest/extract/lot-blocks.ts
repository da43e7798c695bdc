// Fields written lot by lot in parallel blocks, one block a field:
//   中标供应商名称： / 第一标段：A公司； 第二标段：B公司； / 中标供应商地址： / 第一标段：…； 第二标段：… / 中标金额： / 第一标段大写：…小写：…元
// Each block's label is given to each lot's value, so that the award reader can take them lot by lot.
import { classifyLabel } from './labels.ts';
import type { FieldKey, LabelInfo } from './labels.ts';
import { LOT_NUMBER, LOT_WORDS_AFTER, LOT_WORDS_BEFORE, lotsOfHeading } from './lots.ts';
import { subSpan } from './page.ts';
import type { Line, Page, Span } from './page.ts';

/** The fields a result gives lot by lot. */
const BLOCK_KEYS = new Set<FieldKey>(['winnerName', 'winnerAddress', 'awardValue', 'uscc', 'proposedWinner', 'bid', 'rate']);
/** A label alone on its line: 中标供应商名称： */
const LABEL_ALONE = /^(\S.{0,29}?)\s*[：:]$/;
/** A lot's heading where a segment starts (第一标段, 一标段, 包2, A包), with its colon if any. */
const SEGMENT_HEAD = new RegExp(`(?:^|[；;，,。]\\s*|\\s+)((?:第\\s*)?${LOT_NUMBER}\\s*(?:${LOT_WORDS_AFTER})|(?:${LOT_WORDS_BEFORE})\\s*\\d{1,3}|[A-Za-z]\\s*(?:${LOT_WORDS_AFTER}))\\s*[：:]?\\s*`, 'g');
const TRAILING = /[；;，,。\s]+$/;

export interface LotSegment {
  lot: string;
  heading: Span;
  value: Span;
  line: number;
}

export interface LotBlock {
  /** The block's label (中标供应商名称) and what it means. */
  label: Span;
  info: LabelInfo;
  segments: LotSegment[];
  first: number;
  last: number;
}

/** The page's runs of lot-by-lot blocks, one block right under another (names, addresses, amounts), in order. */
export function findLotBlocks(page: Page): LotBlock[][] {
  const runs: LotBlock[][] = [];
  for (let i = 0; i < page.lines.length; i++) {
    const block = blockAt(page, i);
    if (!block) continue;
    const run = runs.at(-1);
    if (run && run.at(-1)!.last + 1 === block.first) run.push(block);
    else runs.push([block]);
    i = block.last;
  }
  return runs;
}

/** The lines the blocks take up, labels included. */
export function linesOfBlocks(runs: LotBlock[][]): number[] {
  return runs.flat().flatMap((b) => Array.from({ length: b.last - b.first + 1 }, (_, k) => b.first + k));
}

/** A result field's label alone on line `at`, and the lines of lot：value segments under it (two lots at least, each once). */
function blockAt(page: Page, at: number): LotBlock | null {
  const line = page.lines[at];
  const label = line && !line.cells ? LABEL_ALONE.exec(line.span.text) : null;
  const info = label ? classifyLabel(label[1]) : null;
  if (!label || !info || !BLOCK_KEYS.has(info.key)) return null;
  const segments: LotSegment[] = [];
  let last = at;
  for (let j = at + 1; j < page.lines.length; j++) {
    const found = segmentsOf(page, page.lines[j]);
    if (!found) break;
    segments.push(...found);
    last = j;
  }
  const lots = new Set(segments.map((s) => s.lot));
  if (lots.size < 2 || lots.size !== segments.length) return null;
  return { label: subSpan(page, line.span, 0, label[1].length), info, segments, first: at, last };
}

/** The line cut into lot：value segments from its first character on; null when it is not only that. */
function segmentsOf(page: Page, line: Line): LotSegment[] | null {
  if (line.cells) return null;
  const text = line.span.text;
  const heads = [...text.matchAll(SEGMENT_HEAD)];
  if (heads.length === 0 || heads[0].index !== 0) return null;
  const out: LotSegment[] = [];
  for (let k = 0; k < heads.length; k++) {
    const h = heads[k];
    const lots = lotsOfHeading(h[1]);
    const from = h.index + h[0].length;
    const to = k + 1 < heads.length ? heads[k + 1].index : text.length;
    const value = text.slice(from, to).replace(TRAILING, '');
    if (!lots || lots.length !== 1 || value === '') return null;
    const headAt = h.index + h[0].indexOf(h[1]);
    out.push({
      lot: lots[0],
      heading: subSpan(page, line.span, headAt, headAt + h[1].length),
      value: subSpan(page, line.span, from, from + value.length),
      line: line.index,
    });
  }
  return out;
}
