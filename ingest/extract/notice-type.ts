// What kind of notice this is, from the title and the first headings, then from the body. A title word
// like 中标公示 says little on its own: whether the page names a winner or only candidates decides it.
import type { NoticeType } from './notice.ts';

export interface TypeEvidence {
  /** Title and the first short lines of the page. */
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
}

const STRONG: [NoticeType, RegExp][] = [
  ['termination', /终止公告|终止.{0,6}公告|废标公告|流标公告|废标结果|流标结果|采购失败|终止公示|废标公示|流标公示|项目终止|终止采购/],
  ['correction', /更正公告|变更公告|更正公示|澄清公告|澄清|补充公告|补遗|延期公告|变更通知|更正通知|更正事项/],
  ['candidate', /候选人|拟中标|预中标|中标预告|拟成交|预成交|候选供应商|推荐中标|中标候选|拟中选/],
  ['award', /中标公告|成交公告|结果公告|中标[(（]成交[)）]|中标、成交|中标结果|成交结果|中选结果|中标通知|入围结果|采购结果|成交公示|结果公示|中标人名单|中选公告/],
];
const TENDER = /招标公告|采购公告|谈判公告|磋商公告|询价公告|资格预审|竞价公告|采购邀请|邀请书|比选公告|询价通知|单一来源.{0,8}(公示|公告)|征求意见|招标文件/;
/** Words that say "result" without saying whether a winner was chosen. */
const WEAK_AWARD = /中标公示|中标信息|中标情况|中标\s*公\s*示/;
const BODY_AWARD = /(中标|成交|中选|采购|比选)(\(成交\)|（成交）)?结果(公告|公布|公示)?如下|中标人名单公告如下|确定(中标|成交)(人|供应商)为/;
const BODY_TENDER = /(投标|响应)文件(递交|提交)?截止|获取(招标|采购|谈判|磋商)文件|投标截止时间|报名(时间|截止)|递交投标文件/;

function strongType(text: string): [NoticeType, string] | null {
  for (const [type, re] of STRONG) {
    const m = re.exec(text);
    if (m) return [type, m[0]];
  }
  return null;
}

export function classifyNotice(e: TypeEvidence): TypeDecision {
  const heads = e.heads.map((h) => h.replace(/\s+/g, '')).join(' ');
  const strong = strongType(heads);
  if (strong) {
    const [type, because] = strong;
    if (type === 'award' && !e.hasWinner && e.hasCandidates) {
      // A 结果公示 listing ranked candidates only is still titled as a result; say so, keep the title's word.
      return { type, because, awardWithCandidatesOnly: true };
    }
    return { type, because, awardWithCandidatesOnly: false };
  }
  const weak = WEAK_AWARD.exec(heads);
  if (weak) return fromContent(e, weak[0]);
  const tenderTitle = TENDER.exec(heads);
  if (tenderTitle) return { type: 'tender', because: tenderTitle[0], awardWithCandidatesOnly: false };
  const body = e.body.replace(/\s+/g, '');
  const bodyAward = BODY_AWARD.exec(body);
  if (bodyAward) return fromContent(e, bodyAward[0]);
  if (e.hasWinner) return { type: 'award', because: 'winner fields', awardWithCandidatesOnly: false };
  if (e.hasCandidates) return { type: 'candidate', because: 'candidate fields', awardWithCandidatesOnly: false };
  const tender = BODY_TENDER.exec(body);
  if (tender) return { type: 'tender', because: tender[0], awardWithCandidatesOnly: false };
  return { type: 'other', because: 'no notice words', awardWithCandidatesOnly: false };
}

function fromContent(e: TypeEvidence, because: string): TypeDecision {
  if (e.hasWinner || e.hasFailedLots) return { type: 'award', because, awardWithCandidatesOnly: false };
  if (e.hasCandidates) return { type: 'candidate', because: `${because}, candidates only`, awardWithCandidatesOnly: false };
  return { type: 'award', because, awardWithCandidatesOnly: false };
}
