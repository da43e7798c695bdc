// What kind of notice this is, from the title and the first headings, then from the body. A title word
// like 中标公示 says little on its own: whether the page names a winner or only candidates decides it.
// The words are data, in one place (TITLE_WORDS, BODY_WORDS): a new site's wording is a one-line change.
import { CALL_FAILED_SENTENCE, CALL_FAILED_TITLE } from './labels.ts';
import type { NoticeType } from './notice.ts';
import type { Line, Page } from './page.ts';

export interface TypeEvidence {
  /** Title and the first heading-like lines of the page. */
  heads: string[];
  /** The first part of the body text. */
  body: string;
  hasWinner: boolean;
  hasCandidates: boolean;
  hasFailedLots: boolean;
}

export interface TypeDecision {
  type: NoticeType;
  /** The words that decided. */
  because: string;
  /** The title said award, but the page names only candidates. */
  awardWithCandidatesOnly: boolean;
  /** What the notice is when no type fits it (a procurement plan): said in a warning. */
  note?: string;
}

/** Kinds of wording; 'plan' (招标计划, 采购意向) and 'evaluation' (评标结果公示) decide with the page's content. */
type Kind = NoticeType | 'plan' | 'evaluation' | 'failure' | 'prequalification';

/**
 * Title words, tried in this order on the title and the first headings. A correction of a result
 * (中标结果更正公告) is a correction; a termination's words win over everything else, except that a
 * result notice with winners may name failed lots (部分废标) — see 'failure'.
 */
const TITLE_WORDS: [Kind, string[]][] = [
  ['termination', ['终止公告', '终止公示', '终止.{0,6}公告', '项目终止', '终止采购', '采购终止', '招标终止', '终止招标',
    '取消.{0,4}公告', '采购失败', '招标失败', CALL_FAILED_TITLE.source,
    '(中标|成交|结果)作废', '作废的?(公告|公示|通知)']],
  ['correction', ['更正', '变更公告', '变更公示', '变更通知', '变更说明', '变更事项', '补充公告', '补充通知', '补充说明',
    '澄清', '答疑', '补遗', '延期公告', '延期通知', '推迟', '修改公告', '修正公告', '调整公告', '暂停公告', '中止公告',
    '恢复公告', '(公告|公示|文件)变更', '第.{1,3}次变更', '变更的(公告|公示|通知)']],
  ['failure', ['废标', '流标']],
  ['candidate', ['候选人', '拟中标', '预中标', '中标预告', '拟成交', '预成交', '候选供应商', '推荐中标', '中标候选', '拟中选',
    '拟定中标', '拟确定中标']],
  ['evaluation', ['评标结果', '评审结果', '评标报告', '评标情况', '比选结果公示']],
  // Who may bid (资格预审结果公告): a step of the call, whatever 结果 says; it names no winner.
  ['prequalification', ['资格预审结果', '资格审查结果', '资格预审合格', '预审结果']],
  ['award', ['中标公告', '成交公告', '结果公告', '中标[(（]成交[)）]', '中标、成交', '中标结果', '成交结果', '中选结果',
    '中标通知', '入围结果', '采购结果', '成交公示', '结果公示', '中标人名单', '中选公告', '结果公布', '结果通知']],
  ['plan', ['招标计划', '采购计划(公告|公示|发布|表)', '采购意向', '意向公开', '发包计划', '招标项目计划']],
  ['tender', ['招标公告', '采购公告', '谈判公告', '磋商公告', '询价公告', '资格预审', '竞价公告', '采购邀请', '邀请书',
    '比选公告', '询价通知', '单一来源.{0,8}(公示|公告)', '征求意见', '(招标|采购|谈判|磋商|询价|比选)文件', '遴选公告', '竞争性谈判', '竞争性磋商',
    '公开招标', '邀请招标', '询价采购']],
];
/** Title words that say "result" without saying whether a winner was chosen. */
const WEAK_AWARD = ['中标公示', '中标信息', '中标情况', '中选公示', '成交信息'];

/** Body wording, tried when the title says nothing. Corrections and terminations first: they quote tenders. */
const BODY_WORDS: [Kind, string[]][] = [
  ['correction', ['(更正|变更|补充|澄清|修改)(内容|事项|信息)?如下', '(更正|变更|补充|澄清)(内容|事项|信息)[:：]',
    '原公告(内容)?', '(更正|变更)(前|后)[:：]', '现(将|对|就).{0,40}(更正|变更|澄清)']],
  ['termination', ['(本|该)(项目|次采购|次招标|包|标段).{0,10}(予以)?(终止|废标|流标)', '(作|做|予以)(废标|流标|终止)',
    '(宣布|确定).{0,6}(废标|流标)', '终止(本次)?(采购|招标)(活动)?', CALL_FAILED_SENTENCE.source,
    // the national template's failure notice: 二、项目废标/流标的原因
    '[一二三四五六七八九十]+、(项目)?(废标|流标)([/、](废标|流标))?的?原因']],
  ['award', ['(中标|成交|中选|采购|比选)(\\(成交\\)|（成交）)?结果(公告|公布|公示)?如下', '中标人名单公告如下',
    '确定(中标|成交)(人|供应商)为',
    // a numbered section of the result as a label (六、中标情况：), not a rule about it (四、中标结果确定：…)
    '[一二三四五六七八九十]+、(中标|成交)(\\(成交\\)|（成交）)?(情况|信息|结果)[:：]']],
];
const BODY_TENDER = ['(投标|响应)文件(递交|提交)?截止', '获取(招标|采购|谈判|磋商)文件', '投标截止时间', '报名(时间|截止)',
  '递交投标文件', '(递交|提交)截止时间', '文件(发售|获取|领取)(时间|方式|地点)', '开标(时间|地点)'];

const PLAN_NOTE = 'a procurement plan or intention (招标计划/采购意向), not a tender: no tender, award or candidate is stored from it';

const any = (words: string[]) => new RegExp(words.join('|'));
const TITLE_RES: [Kind, RegExp][] = TITLE_WORDS.map(([k, w]) => [k, any(w)]);
const BODY_RES: [Kind, RegExp][] = BODY_WORDS.map(([k, w]) => [k, any(w)]);
const WEAK_AWARD_RE = any(WEAK_AWARD);
const TENDER_RE = TITLE_RES.find(([k]) => k === 'tender')![1];
const CANDIDATE_RE = TITLE_RES.find(([k]) => k === 'candidate')![1];
/** Correction words that say a notice was published again in full, not amended by a note. */
const REISSUE = /^(公告|公示|文件)变更$|^第.{1,3}次变更$/;
const BODY_TENDER_RE = any(BODY_TENDER);
const BODY_TERMINATION_RE = BODY_RES.find(([k]) => k === 'termination')![1];

function firstKind(text: string, rules: [Kind, RegExp][]): [Kind, string] | null {
  for (const [kind, re] of rules) {
    const m = re.exec(text);
    if (m) return [kind, m[0]];
  }
  return null;
}

const decided = (type: NoticeType, because: string, extra: Partial<TypeDecision> = {}): TypeDecision =>
  ({ type, because, awardWithCandidatesOnly: false, ...extra });

export function classifyNotice(e: TypeEvidence): TypeDecision {
  const heads = e.heads.map((h) => h.replace(/\s+/g, '')).join(' ');
  const title = firstKind(heads, TITLE_RES);
  if (title) return fromTitle(e, heads, title[0], title[1]);
  const weak = WEAK_AWARD_RE.exec(heads);
  if (weak) return fromContent(e, weak[0]);
  const body = e.body.replace(/\s+/g, '');
  const said = firstKind(body, BODY_RES);
  if (said) {
    const [kind, because] = said;
    if (kind === 'award') return fromContent(e, because);
    // A result that names winners may quote a correction or a failed lot; the winners decide.
    if (!e.hasWinner) return decided(kind as NoticeType, because);
  }
  if (e.hasWinner) return decided('award', 'winner fields');
  if (e.hasCandidates) return decided('candidate', 'candidate fields');
  const tender = BODY_TENDER_RE.exec(body);
  if (tender) return decided('tender', tender[0]);
  return decided('other', 'no notice words');
}

function fromTitle(e: TypeEvidence, heads: string, kind: Kind, because: string): TypeDecision {
  switch (kind) {
    case 'failure': {
      // 流标/废标 in a result's title with winners beside it: some lots failed, the others were awarded;
      // in a tender's title (因流标重新招标) it is the history of a new call.
      if (e.hasWinner) return decided('award', because);
      // (A title that says the call failed, 流标公告, was taken as a termination before this kind was tried.)
      const tender = TENDER_RE.exec(heads);
      if (tender) return decided('tender', tender[0]);
      return decided('termination', because);
    }
    case 'evaluation':
      // An evaluation's result (评标结果公示) ranks candidates; it is a result only when it names a winner.
      return e.hasWinner ? decided('award', because) : e.hasCandidates || !e.hasFailedLots
        ? decided('candidate', because) : decided('award', because);
    case 'correction': {
      // 中标候选人公示[中标候选人公示变更]: the candidate notice published again, whole, with its candidates.
      const candidate = CANDIDATE_RE.exec(heads);
      if (REISSUE.test(because) && candidate && e.hasCandidates) return decided('candidate', `${candidate[0]} (${because})`);
      return decided('correction', because);
    }
    case 'plan':
      return decided('other', because, { note: PLAN_NOTE });
    case 'prequalification':
      return decided('tender', because);
    case 'award': {
      // A result (招标结果公示) that names no one and says the call failed (本次招标失败) ends the procurement.
      const ended = !e.hasWinner && !e.hasCandidates && !e.hasFailedLots ? BODY_TERMINATION_RE.exec(e.body.replace(/\s+/g, '')) : null;
      if (ended) return decided('termination', `${because}, ${ended[0]}`);
      // A 结果公示 listing ranked candidates only is still titled as a result; say so, keep the title's word.
      return decided('award', because, { awardWithCandidatesOnly: !e.hasWinner && e.hasCandidates });
    }
    default:
      return decided(kind, because);
  }
}

function fromContent(e: TypeEvidence, because: string): TypeDecision {
  if (e.hasWinner || e.hasFailedLots) return decided('award', because);
  if (e.hasCandidates) return decided('candidate', `${because}, candidates only`);
  return decided('award', because);
}

// ------------------------------------------------------------------------------ where the title is

const HEAD_LINES = 4;
const TOP_LINES = 40;
const NOTICE_END = /(公告|公示|通知|结果|公示表|公告表|计划|意向)[)）\]】]?(\s*[(（\[【][^)）\]】]{1,10}[)）\]】])?$/;
/** A site's menu: a run of short bare category names (招标公告 / 答疑澄清 / * 终止公告[19] / 项目延期(变更)公告 / 招标采购Procurement). */
const MENU_ITEM = /^(?:[*·•\-–>]\s*)?(?=[^()（）]*[\u4e00-\u9fff]{2})[\u4e00-\u9fff()（）]{2,12}(?:[A-Za-z]{2,20})?(?:\[\d{1,3}\])?\s*>?$/;
/** A plain item (2 to 8 characters, no brackets, no English): a run needs MENU_RUN of these; the others only extend it. */
const PLAIN_MENU_ITEM = /^(?:[*·•\-–>]\s*)?[\u4e00-\u9fff]{2,8}(?:\[\d{1,3}\])?\s*>?$/;
const MENU_RUN = 3;
const DOCUMENT_TITLE = /^(招标|采购|谈判|磋商|询价|比选)文件$/;
/** A numbered heading inside the notice (十、评标结果公示) is about a later step, not this notice. */
const ENUMERATED = /^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}\s*[、.．])/;

/** A breadcrumb (当前位置：首页 > 信息公开): what a portal shows above the notice's own content. */
export const BREADCRUMB = /当前位置|您的位置|您现在的位置|现在位置/;

/**
 * Where a portal page's own content starts: the line after its breadcrumb, when one stands near the top, else 0.
 * Above it are menus and sidebars, whose links name other notices (…更正公告, …终止公告).
 */
export function contentStart(page: Page): number {
  const crumb = page.lines.slice(0, TOP_LINES * 4).findIndex((l) => BREADCRUMB.test(l.span.text) && l.span.text.length <= 80);
  return crumb >= 0 ? crumb + 1 : 0;
}

/** Lines of a site menu near the top: three or more bare category names one after another. */
export function menuLines(page: Page): Set<number> {
  const out = new Set<number>();
  // Menus above the content and the stages' tabs just below its breadcrumb.
  const top = page.lines.slice(0, contentStart(page) + TOP_LINES).filter((l) => l.span.text !== '');
  let run: number[] = [];
  let plain = 0;
  // A title written over short lines (某某医院 / 彩超设备采购项目 / 中标(成交)结果更正公告) is no menu: its bracketed
  // line counts only in a run of plain items.
  const close = () => {
    if (plain >= MENU_RUN) for (const i of run) out.add(i);
    run = [];
    plain = 0;
  };
  for (const l of top) {
    // A row of short category names, also as cells (询价公告 | 变更公告 | 候选人公示 | 结果公示: the tabs of a notice's stages).
    const words = l.cells ? l.cells.map((c) => c.text).filter(Boolean) : l.span.text.split(/[\s|｜/]+/).filter(Boolean);
    if (words.length >= MENU_RUN && words.every((w) => MENU_ITEM.test(w))) out.add(l.index);
    if (!l.cells && MENU_ITEM.test(l.span.text.trim())) {
      run.push(l.index);
      if (PLAIN_MENU_ITEM.test(l.span.text.trim())) plain++;
    } else close();
  }
  close();
  return out;
}

/**
 * Where a notice says what it is: the title, the page's first line (often the page title of a saved
 * page, brackets and colons included), the first short lines, and short lines near the top that end in
 * a notice word (施工变更公告, 招标计划公告) — never a site's menu.
 */
/** How long a form's label may be (更正公告, 中标结果公告): a title is longer. */
const BLANK_FIELD = 8;

export function typeHeads(page: Page, title: string | null): string[] {
  const menu = menuLines(page);
  const start = contentStart(page);
  const compact = (l: Line) => l.span.text.replace(/\s+/g, '');
  // A PDF's spaced-out title (招 \t标 \t文 \t件) reads as cells: such a line counts when it is a title. A form's row
  // of a bare label and an empty cell (更正公告 | ) is a field left blank, no title; a title beside an empty cell is one.
  const lines = page.lines.filter((l) => l.span.text !== '' && !menu.has(l.index)
    && (!l.cells || (compact(l).length <= 40 && !(compact(l).length <= BLANK_FIELD && l.cells.some((c) => c.text.trim() === ''))
      && (NOTICE_END.test(compact(l)) || DOCUMENT_TITLE.test(compact(l))))));
  const heads = [title ?? ''];
  const first = lines[0];
  // …and no numbered field (一、项目编号：…（招标文件编号：…）), where a body kept without its title begins.
  if (first && first.span.text.length <= 120 && !/[，。；,]/.test(first.span.text)
    && !(ENUMERATED.test(first.span.text) && /[：:]/.test(first.span.text))) heads.push(first.span.text);
  // Below a breadcrumb, the first lines are the content's (a sidebar's links above it are other notices).
  const top = start > 0 ? lines.filter((l) => l.index >= start) : lines;
  // A sentence (…确定排名第一的成交候选供应商X为成交供应商，…) is the notice's prose, no heading of it.
  heads.push(...top.slice(0, HEAD_LINES).filter((l) => l.span.text.length <= 60 && !/[：:，。；]/.test(l.span.text)).map((l) => l.span.text));
  heads.push(...lines.filter((l) => l.index >= start && l.index < start + TOP_LINES && l.span.text.length <= 40 && !/[：:，。；]/.test(l.span.text)
    && !ENUMERATED.test(l.span.text) && NOTICE_END.test(compact(l))).map((l) => l.span.text));
  return heads;
}
