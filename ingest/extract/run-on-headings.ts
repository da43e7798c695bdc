// A numbered heading run onto the line before it, where a site's markup lost the break or a crawler joined the lines:
//   一、项目名称：某某服务招标代理机构遴选二、中标（成交）信息
//   一、项目基本情况 1．项目编号：… 二、成交信息 初审情况：… 三、主要成交标的信息 序号 …
// The line is cut before the heading when the heading's number follows the line's own (一 → 二 → 三), so that the
// section under it is known for what it is. Cut lines keep their spans as slices of the document text.
import { smallNumber } from './labels.ts';
import { subSpan, withLines } from './page.ts';
import type { Line, Page } from './page.ts';
import { headingText } from './sections.ts';

const OWN_NUMBER = /^([一二三四五六七八九十]{1,3})\s*、/;
const NUMBER_GLUED = /([一二三四五六七八九十]{1,3})、/g;

/** Where the heading numbered after the line's own starts in it, or -1. */
function runOnHeadingAt(line: Line): number {
  const text = line.span.text;
  const own = OWN_NUMBER.exec(text);
  const n = own ? smallNumber(own[1]) : null;
  if (n === null || line.cells) return -1;
  for (const m of text.matchAll(NUMBER_GLUED)) {
    if (m.index <= own![0].length || smallNumber(m[1]) !== n + 1) continue;
    // 第二、三包 or 一、二 in a list: the number must stand after a word, not after another number.
    if (/[一二三四五六七八九十、第]/.test(text[m.index - 1])) continue;
    // The heading ends the line, or a space ends it before the section's first words (二、成交信息 初审情况：…).
    const tail = text.slice(m.index);
    if (headingText(tail) !== null || headingText(tail.split(/\s/)[0]) !== null) return m.index;
  }
  return -1;
}

/** The page with each run-on heading on a line of its own; the page itself when there are none. */
export function splitRunOnHeadings(page: Page): Page {
  const out: Line[] = [];
  let changed = false;
  for (const whole of page.lines) {
    // The part cut off may hold the next section's heading in turn (…二、成交信息 … 三、主要成交标的信息 …).
    let line = whole;
    for (let at = runOnHeadingAt(line); at >= 0; at = runOnHeadingAt(line)) {
      changed = true;
      out.push({ ...line, span: subSpan(page, line.span, 0, at) });
      line = { ...line, span: subSpan(page, line.span, at, line.span.text.length) };
    }
    out.push(line);
  }
  return changed ? withLines(page, out) : page;
}
