// What a site prints around a notice that points at other notices: the 上一篇 / 下一篇 lines and the lists under
// 相关公告, 热点推荐, 最新公告…, each item another notice's title, often with its winner (…中标公告（中标人：X）). None of
// it is this notice's: read as its lines, those winners would be stored as this notice's.
import { withLines } from './page.ts';
import type { Line, Page } from './page.ts';

const NEIGHBOUR = /^\s*[【[]?(?:上一篇|下一篇|上一条|下一条|上篇|下篇|前一篇|后一篇|上一则|下一则)[】\]]?\s*[：:]?/;
const LINK_LIST_HEADING = /^(?:(?:相关|最新|热点|热门|其他|更多|往期|同类)(?:公告|公示|信息|链接|文章|阅读|推荐|项目|招标信息|资讯|新闻|交易信息)|猜你喜欢|推荐阅读|相关推荐|热点推荐)[：:>》»]*$/;
/** An item of such a list: another notice, named by its title. */
const NOTICE_WORD = /公告|公示|结果|通知|招标|采购/;

function textOf(line: Line): string {
  return (line.cells ? line.cells.map((c) => c.text).join(' ') : line.span.text).replace(/\s+/g, '');
}

/** The page without the lines that point at other notices. */
export function withoutNavigation(page: Page): Page {
  const keep: Line[] = [];
  let inList = false;
  for (const line of page.lines) {
    const text = textOf(line);
    if (LINK_LIST_HEADING.test(text)) {
      inList = true;
      continue;
    }
    if (inList && NOTICE_WORD.test(text)) continue;
    inList = false;
    if (NEIGHBOUR.test(text)) continue;
    keep.push(line);
  }
  return keep.length === page.lines.length ? page : withLines(page, keep);
}

/**
 * A site's footer and page tools below the notice (发布媒体：…, 打印 / 收藏 / 纠错, 更多>>, 关于我们|联系我们, 版权所有, ICP备…),
 * in the words sites print there.
 */
const SITE_CHROME = /版权所有|版权声明|copyright|©|icp备|icp证|增值电信业务|网站地图|关于我们|联系我们|技术支持|主办单位|承办单位|发布媒体|打印本页|打印信息|关闭窗口|关闭本页|返回顶部|加入收藏|收藏本页|我要纠错|更多>>|浏览次数|访问次数|访问量|分享到|^电话[：:]|^相关.{0,12}(?:信息|公告|链接)$/i;

/** Where the site's footer below the notice starts: the index of its first line, or the page's length when it has none. */
export function footerStart(page: Page): number {
  let i = page.lines.length;
  while (i > 0 && SITE_CHROME.test(textOf(page.lines[i - 1]))) i--;
  return i;
}
