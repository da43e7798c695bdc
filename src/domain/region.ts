/**
 * GB/T 2260 regions: look-up by code, and inference of a notice's region from the names and
 * addresses it gives. The gazetteer (data/regions.json, see data/NOTICE.md) is loaded on first use
 * and indexed once.
 *
 * Inference rules, in short:
 * - Every text is scanned for region names: full names (墨玉县, 和田地区), names without their
 *   suffix (墨玉, 和田, 新疆) and 自治县/自治州 written as …县/…州 (木垒县, 恩施州). Where names
 *   overlap, full names win, then province, prefecture and county short names (C包河南 → 河南).
 *   A short name followed by 路/街/大道/小区… is a street named after a place (北京南路), not a place.
 * - A county name run into the word before it (鼎山城区 holds 山城区 of 鹤壁) is suspect: it counts
 *   only when a province or prefecture named in some candidate holds it.
 * - A name that fits several regions (朝阳区, 城关区) is only kept when a province or prefecture
 *   found in any candidate picks one; a province's short name (吉林, 海南) always means the province.
 * - Short county names and common words (友谊, 合作, 共和, 大理, 东区…) are weak: they are dropped
 *   when they contradict a firm match, and the common words need a firm match above them.
 * - Within one text the region backed by most mentions wins, the most specific first; a tie between
 *   regions that disagree falls back to what they share, or to nothing.
 * - Across candidates (buyer name, buyer address, project name, 行政区域, title) each one gives at most one
 *   reading, and a text that repeats an earlier candidate (the buyer's name inside the project name)
 *   is read without that repeat. A reading is backed by the readings at or above it; the best-backed
 *   one wins, the most specific first, so 重庆文理学院 (重庆) with 重庆市永川区… gives 永川区. When
 *   equally backed readings disagree (四川外国语大学 says 四川, its address says 重庆) only a
 *   candidate that holds all of them may decide; otherwise there is no region, and the verdict lists
 *   the disagreeing readings. An institution named after a place is not proof of where it is.
 * - A name that opens with official region names (重庆市卫生信息中心, 安徽省体育局…) gives the body's
 *   jurisdiction; its office address confirms that region but never narrows it.
 * - Statistical pseudo-units (development zones) are recognised but infer their prefecture, so they
 *   never win over a real county.
 */
import { createRequire } from 'node:module';

export type RegionLevel = 'province' | 'prefecture' | 'county';
/** historical: replaced before 2023 (e.g. 沙湾县 654223); statistical: a pseudo-unit, not GB/T 2260. */
export type RegionStatus = 'current' | 'historical' | 'statistical';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parent: string | null;
  status: RegionStatus;
}

export interface RegionPathStep {
  code: string;
  name: string;
}

export interface RegionCandidate {
  text: string | null;
  /** Where the text came from, e.g. 'buyerName', 'buyerAddress', 'projectName', 'regionField', 'title'. */
  source: string;
  /** For an address: the source of the candidate holding the name of the body at that address. */
  addressOf?: string;
}

/** One candidate's reading that the verdict set aside. */
export interface RegionConflict {
  source: string;
  code: string;
  name: string;
  matched: string;
}

export interface RegionInference {
  code: string;
  name: string;
  path: RegionPathStep[];
  /** The candidate's source that decided. */
  source: string;
  /** The words in that candidate that decided, as written there. */
  matched: string;
  /** Offsets of `matched` in that candidate's text (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
}

export interface RegionVerdict {
  /** Null when no candidate names a region, or when candidates disagree and none holds the others. */
  region: RegionInference | null;
  /**
   * Readings set aside: those neither above nor below the region; those that disagreed with each
   * other when a candidate holding them all decided; every reading when there is no region.
   */
  conflicts: RegionConflict[];
}

// ---------------------------------------------------------------------------------------------
// Gazetteer

type Row = [code: string, name: string, parent: string | null, level: 'p' | 'f' | 'c', status?: 'h' | 's'];

interface Gazetteer {
  regions: readonly Region[];
  byCode: Map<string, Region>;
  children: Map<string, Region[]>;
  names: NameIndex;
  ancestry: Map<string, string[]>;
}

const LEVELS = { p: 'province', f: 'prefecture', c: 'county' } as const;
const STATUSES = { h: 'historical', s: 'statistical' } as const;
const RANK: Record<RegionLevel, number> = { province: 0, prefecture: 1, county: 2 };

let gazetteer: Gazetteer | null = null;

function load(): Gazetteer {
  if (gazetteer !== null) return gazetteer;
  const require = createRequire(import.meta.url);
  const data = require('./data/regions.json') as { regions: Row[] };
  const regions: Region[] = data.regions.map(([code, name, parent, level, status]) =>
    Object.freeze({ code, name, level: LEVELS[level], parent, status: status ? STATUSES[status] : 'current' }),
  );
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const children = new Map<string, Region[]>();
  for (const r of regions) {
    if (r.parent === null) continue;
    const list = children.get(r.parent) ?? [];
    list.push(r);
    children.set(r.parent, list);
  }
  gazetteer = { regions: Object.freeze(regions), byCode, children, names: buildNameIndex(regions, byCode), ancestry: new Map() };
  return gazetteer;
}

/** Accepts 2-, 4- or 6-digit codes (65, 6532, 653222). */
function normaliseCode(code: string): string | null {
  const c = String(code ?? '').trim();
  return /^(?:\d{2}|\d{4}|\d{6})$/.test(c) ? c.padEnd(6, '0') : null;
}

export function getRegion(code: string): Region | null {
  const c = normaliseCode(code);
  return c === null ? null : (load().byCode.get(c) ?? null);
}

/** Province first, the region itself last; [] for an unknown code. */
export function regionPath(code: string): RegionPathStep[] {
  const { byCode } = load();
  const path: RegionPathStep[] = [];
  for (let r = getRegion(code); r !== null; r = r.parent === null ? null : (byCode.get(r.parent) ?? null)) {
    path.unshift({ code: r.code, name: r.name });
  }
  return path;
}

/** True when `code` is `ancestor` or lies inside it (both known codes, any of 2, 4 or 6 digits). */
export function isWithinRegion(code: string, ancestor: string): boolean {
  const c = normaliseCode(code);
  const a = normaliseCode(ancestor);
  const g = load();
  return c !== null && a !== null && g.byCode.has(c) && isWithin(c, a, g);
}

export function allRegions(): Region[] {
  return [...load().regions];
}

export function childrenOf(code: string): Region[] {
  const c = normaliseCode(code);
  return c === null ? [] : [...(load().children.get(c) ?? [])];
}

// ---------------------------------------------------------------------------------------------
// Name index

/** One way of writing one region. */
interface NameForm {
  /** The region inference reports: a statistical unit stands for its parent. */
  code: string;
  level: RegionLevel;
  /** full: the official name or its …县/…州 form; short: the name without its suffix. */
  form: 'full' | 'short';
  /** A common word or a brand as well as a place: only trusted under a firm match. */
  needsContext: boolean;
}

interface NameIndex {
  forms: Map<string, NameForm[]>;
  /** Longest name starting with a given character, so most positions are skipped at once. */
  longestFrom: Map<string, number>;
}

const MINORITIES_WITH_ZU = '壮|回|藏|满|苗|彝|侗|瑶|白|黎|傣|畲|水|佤|羌|土|怒|京|高山|土家|布依|朝鲜|哈尼|傈僳|仡佬|东乡|拉祜|纳西|仫佬|景颇|毛南|撒拉|布朗|阿昌|普米|基诺|德昂|保安|俄罗斯|裕固|乌孜别克|门巴|独龙|塔塔尔|赫哲|珞巴|各';
const MINORITIES_BARE = '蒙古|维吾尔|哈萨克|柯尔克孜|塔吉克|锡伯|达斡尔|鄂温克|鄂伦春';
const TRAILING_MINORITY = new RegExp(`(?:(?:${MINORITIES_WITH_ZU}|${MINORITIES_BARE})族|${MINORITIES_BARE})$`, 'u');

/** 巴音郭楞蒙古 → 巴音郭楞, 积石山保安族东乡族撒拉族 → 积石山; never below two characters. */
function stripMinorities(base: string): string {
  let s = base;
  for (let m = TRAILING_MINORITY.exec(s); m !== null && m.index >= 2; m = TRAILING_MINORITY.exec(s)) {
    s = s.slice(0, m.index);
  }
  return s;
}

const SUFFIX: Record<RegionLevel, RegExp> = {
  province: /(?:省|市|自治区|特别行政区)$/u,
  prefecture: /(?:市|地区|盟|自治州)$/u,
  county: /(?:自治县|自治旗|林区|特区|新区|县|市|区|旗)$/u,
};

/** Short forms that are also everyday words, brands or street names (友谊大道, 合作期限, 阿里巴巴). */
const COMMON_WORDS = new Set(
  [
    // everyday words and institution words
    '共和 合作 和政 互助 友谊 东方 方正 同仁 永安 华安 平安 太平 兴业 长寿 富民 安宁 新民 康乐 万年 中方 大方',
    '龙井 江口 吉利 光明 安定 和平 新华 前进 向阳 红旗 胜利 团结 长安 复兴 万全 同心 平原 中原 凤凰 白云 泰山',
    '牡丹 芙蓉 七星 资源 公安 新建 迁安 路桥 解放 定结 交口 凌云 石棉 弥勒 钟楼 六合 玄武 丰满 道里 大丰 天台',
    '台前 会同 龙门 石门 古城 武功 惠民 平和 和顺 安国 清流 长乐 政和 巫山 五指山 开平 建华 金川 太和 清河',
    '新乐 永新 江城 山城 清新 高明 江海 紫金 阳春 南海 滨湖 太白 卫东 同德 大通 天柱 安居 永和 文昌',
    // brands and companies
    '香格里拉 乌苏 福田 龙湖 阿里',
    // parts of other names or of street addresses
    '城关 城中 城东 城西 城北 市中 市北 市南 津市 沙市 路南 新城 新市 新兴 永定 铁西 铁东 河东 河西 桥西 桥东',
    '江北 江南 鼓楼 龙华 中山 朝阳 东城 西城 南岸 通州 普陀 西湖 双塔 南岗 金湾',
    // prefectures whose short names are common words
    '大同 北海 海东 海西 海北 山南 大理 白银 来宾 安康 长治 日照 安顺 广安 三明 黄山 普洱 玉树 怒江 黑河 红河',
    '文山 德州 兴安 白山 四平 天门 中卫',
    // two-character full names
    '东区 西区 和县 新县 成县 文县 康县 礼县',
  ]
    .join(' ')
    .split(' '),
);

function shortForm(region: Region): string | null {
  let base = region.name.replace(SUFFIX[region.level], '');
  if (base === region.name) return null;
  base = stripMinorities(base);
  return base.length >= 2 ? base : null;
}

/** 木垒哈萨克自治县 → 木垒县, 恩施土家族苗族自治州 → 恩施州, 鄂伦春自治旗 stays as it is. */
function autonomousForm(region: Region): string | null {
  const m = /^(.+?)(?:自治)(县|旗|州)$/u.exec(region.name);
  if (m === null) return null;
  const base = stripMinorities(m[1]);
  return base.length >= 2 && base !== m[1] ? base + m[2] : null;
}

function buildNameIndex(regions: readonly Region[], byCode: Map<string, Region>): NameIndex {
  const forms = new Map<string, NameForm[]>();
  const add = (text: string, region: Region, form: NameForm['form']): void => {
    const target = region.status === 'statistical' && region.parent ? byCode.get(region.parent) ?? region : region;
    const entry: NameForm = {
      code: target.code,
      level: target.level,
      form,
      needsContext: COMMON_WORDS.has(text),
    };
    const list = forms.get(text) ?? [];
    if (!list.some((f) => f.code === entry.code && f.form === entry.form)) list.push(entry);
    forms.set(text, list);
  };
  const provinceShort = new Set<string>();
  for (const r of regions) {
    if (r.level !== 'province') continue;
    const s = shortForm(r);
    if (s !== null) provinceShort.add(s);
  }
  for (const r of regions) {
    add(r.name, r, 'full');
    if (r.status === 'statistical') continue;
    const auto = autonomousForm(r);
    if (auto !== null) add(auto, r, 'full');
    const s = shortForm(r);
    // A province's short name (吉林, 海南, 河南) means the province, never a smaller namesake.
    if (s !== null && (r.level === 'province' || !provinceShort.has(s))) add(s, r, 'short');
  }
  const longestFrom = new Map<string, number>();
  for (const text of forms.keys()) {
    longestFrom.set(text[0], Math.max(longestFrom.get(text[0]) ?? 0, text.length));
  }
  return { forms, longestFrom };
}

// ---------------------------------------------------------------------------------------------
// Scanning one text

interface Mention {
  /** As written in the candidate text, and where. */
  matched: string;
  start: number;
  end: number;
  forms: NameForm[];
  /** Every form is a full name (重庆市, 新疆维吾尔自治区), not a short one (重庆, 新疆). */
  full: boolean;
  /** A county name run into the word before it (鼎山城区): only trusted under a firm match. */
  embedded: boolean;
}

/**
 * NFKC character by character with whitespace dropped (Word pages write 墨 玉 县), keeping for each
 * UTF-16 unit of the result the span of the original character it came from.
 */
function normaliseForScan(text: string): { norm: string; starts: number[]; ends: number[] } {
  let norm = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  for (const ch of text) {
    const n = ch.normalize('NFKC').replace(/\s+/gu, '');
    for (let k = 0; k < n.length; k++) {
      starts.push(i);
      ends.push(i + ch.length);
    }
    norm += n;
    i += ch.length;
  }
  return { norm, starts, ends };
}

/**
 * A short name followed by one of these is a street, an estate or a landmark named after the
 * place, not the place: 北京南路 in 乌鲁木齐, 屯溪路 in 合肥, 太平湖, 金湾嘉园.
 */
const NAMED_AFTER = /^(?:[东南西北中]?(?:路|街|大街|大道|巷|胡同|弄|环)|广场|小区|花园|嘉园|公园|新村|寺|湖|桥)/u;

/**
 * Characters that may stand right before a county name without being part of a longer word:
 * function words (在墨玉县, 白涛至麻溪河, 中共墨玉县委, 2016年墨玉县), region suffixes (an unlisted
 * 某某市 before its district) and the last character of an organisation (国家税务总局墨玉县税务局).
 */
const BEFORE_A_NAME = new Set([...'在于至及和与或对向往到从自赴经由共原驻援属即全的为是年度省市县区州旗盟局行司会院厅部团所队站处委办校心馆社室']);

const HAN_CHAR = /\p{Script=Han}/u;

/** Is the county name at `at` run into the Han word before it? */
function runInto(norm: string, at: number, previousEnd: number): boolean {
  if (at === 0 || previousEnd === at) return false;
  const before = norm[at - 1];
  return HAN_CHAR.test(before) && !BEFORE_A_NAME.has(before);
}

/** Full names first, then province, prefecture and county short names; longer before shorter. */
function priority(forms: NameForm[]): number {
  if (forms.some((f) => f.form === 'full')) return 0;
  return 1 + Math.min(...forms.map((f) => RANK[f.level]));
}

/**
 * Every name in the text, then a non-overlapping choice by priority: in C包河南 the province 河南
 * wins over 包河区; in 天津市 the full name wins over 津市.
 */
function scan(text: string, index: NameIndex): Mention[] {
  const { norm, starts, ends } = normaliseForScan(text);
  const found: { at: number; len: number; rank: number; forms: NameForm[] }[] = [];
  for (let i = 0; i < norm.length; i++) {
    const longest = Math.min(index.longestFrom.get(norm[i]) ?? 0, norm.length - i);
    for (let len = longest; len >= 2; len--) {
      const forms = index.forms.get(norm.substr(i, len));
      if (forms === undefined) continue;
      const rank = priority(forms);
      if (rank > 0 && NAMED_AFTER.test(norm.slice(i + len, i + len + 3))) continue;
      found.push({ at: i, len, rank, forms });
    }
  }
  found.sort((x, y) => x.rank - y.rank || y.len - x.len || x.at - y.at);
  const taken = new Uint8Array(norm.length);
  const chosen: typeof found = [];
  for (const f of found) {
    let free = true;
    for (let k = f.at; k < f.at + f.len && free; k++) free = taken[k] === 0;
    if (!free) continue;
    taken.fill(1, f.at, f.at + f.len);
    chosen.push(f);
  }
  chosen.sort((x, y) => x.at - y.at);
  return chosen.map((f, i) => {
    const start = starts[f.at];
    const end = ends[f.at + f.len - 1];
    const previousEnd = i > 0 ? chosen[i - 1].at + chosen[i - 1].len : -1;
    const county = f.forms.every((x) => x.level === 'county');
    return {
      matched: text.slice(start, end),
      start,
      end,
      forms: f.forms,
      full: f.forms.every((x) => x.form === 'full'),
      embedded: county && runInto(norm, f.at, previousEnd),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Resolving mentions

/** The code itself, then its parent, up to the province. */
function ancestry(code: string, g: Gazetteer): string[] {
  let chain = g.ancestry.get(code);
  if (chain === undefined) {
    chain = [];
    for (let r = g.byCode.get(code); r !== undefined; r = r.parent === null ? undefined : g.byCode.get(r.parent)) {
      chain.push(r.code);
    }
    g.ancestry.set(code, chain);
  }
  return chain;
}

function isWithin(code: string, ancestor: string, g: Gazetteer): boolean {
  return ancestry(code, g).includes(ancestor);
}

function compatible(a: string, b: string, g: Gazetteer): boolean {
  return isWithin(a, b, g) || isWithin(b, a, g);
}

function commonAncestor(codes: string[], g: Gazetteer): string | null {
  let shared = ancestry(codes[0], g);
  for (const c of codes.slice(1)) {
    const chain = ancestry(c, g);
    shared = shared.filter((a) => chain.includes(a));
  }
  return shared[0] ?? null;
}

function rank(code: string, g: Gazetteer): number {
  return RANK[g.byCode.get(code)!.level];
}

interface Resolved {
  code: string;
  /** Firm: a full name, or a province/prefecture short name, and not a common word. */
  firm: boolean;
  needsContext: boolean;
  mention: Mention;
}

/** The single region a mention stands for, given the regions firm mentions established. */
function resolve(mention: Mention, context: Set<string>, g: Gazetteer): Resolved | null {
  let options = mention.forms;
  if (options.length > 1 && context.size > 0) {
    const inContext = options.filter((f) => ancestry(f.code, g).some((a) => context.has(a)));
    if (inContext.length > 0) options = inContext;
  }
  if (options.length > 1) {
    // 西安 is the prefecture, not one of the two 西安区; 和田 is the prefecture over 和田县/和田市.
    const top = Math.min(...options.map((f) => RANK[f.level]));
    const highest = options.filter((f) => RANK[f.level] === top);
    if (highest.length === 1 && options.every((f) => f.form === 'short' || f === highest[0])) options = highest;
  }
  // Still several: only what they share is certain (沙湾县/沙湾市 → 塔城地区), if anything.
  const code = options.length === 1 ? options[0].code : commonAncestor(options.map((f) => f.code), g);
  if (code === null) return null;
  const needsContext = mention.embedded || options.some((f) => f.needsContext);
  const firm = !needsContext && options.every((f) => f.form === 'full' || f.level !== 'county');
  return { code, firm, needsContext, mention };
}

interface TextResult {
  code: string;
  matched: string;
  start: number;
  end: number;
  /** Rests on firm mentions; a weak one (椒江 in 椒江建闸工程 is the river) never narrows another text. */
  firm: boolean;
}

/** Codes of firm mentions that name exactly one region. */
function firmCodes(mentions: Mention[], g: Gazetteer): string[] {
  const codes: string[] = [];
  for (const m of mentions) {
    if (m.forms.length !== 1) continue;
    const r = resolve(m, new Set(), g);
    if (r !== null && r.firm) codes.push(r.code);
  }
  return codes;
}

/**
 * The region one text points to. `anchors` are the firm codes of all candidates: they pick among
 * namesakes and confirm common words. Weak mentions must agree with a firm one of their own text
 * (友谊 in 湖北省宜昌市枝江市友谊大道 is a street), or, if the text has none, with some anchor.
 */
function decideText(mentions: Mention[], anchors: string[], g: Gazetteer): TextResult | null {
  const context = new Set(anchors.flatMap((a) => ancestry(a, g)));
  const own = firmCodes(mentions, g);
  const judges = own.length > 0 ? own : anchors;
  const accepted: Resolved[] = [];
  for (const m of mentions) {
    const r = resolve(m, context, g);
    if (r === null) continue;
    if (r.needsContext && !ancestry(r.code, g).slice(1).some((a) => context.has(a))) continue;
    if (!r.firm && judges.length > 0 && !judges.some((a) => compatible(a, r.code, g))) continue;
    accepted.push(r);
  }
  if (accepted.length === 0) return null;

  // A mention's support: the accepted mentions on its own line of descent, itself included.
  const support = accepted.map((r) => accepted.filter((o) => isWithin(r.code, o.code, g)).length);
  const best = Math.max(...support);
  const leaders = accepted.filter((_, i) => support[i] === best);
  const agree = leaders.every((a) => leaders.every((b) => compatible(a.code, b.code, g)));
  if (agree) {
    const r = leaders.reduce((x, y) => (rank(y.code, g) > rank(x.code, g) ? y : x));
    // A weak name under a firm one of the same text (上海嘉定…) is as good as firm.
    const firm = r.firm || accepted.some((o) => o.firm && o.code !== r.code && isWithin(r.code, o.code, g));
    return { code: r.code, matched: r.mention.matched, start: r.mention.start, end: r.mention.end, firm };
  }
  // Equal backing for regions that disagree (广州 and 佛山 both named): keep what they share.
  const shared = commonAncestor(leaders.map((r) => r.code), g);
  if (shared === null) return null;
  return {
    code: shared,
    matched: leaders.map((r) => r.mention.matched).join('、'),
    start: Math.min(...leaders.map((r) => r.mention.start)),
    end: Math.max(...leaders.map((r) => r.mention.end)),
    firm: leaders.every((r) => r.firm),
  };
}

/**
 * Where a run of full official region names opening the text ends (重庆市江津区鼎山街道办事处 → after
 * 江津区), or -1. A body so named is that region's own: the name gives its jurisdiction.
 */
function officialPrefixEnd(text: string, mentions: Mention[]): number {
  const opening = /^\s*(?:中国共产党|中共)?\s*/u.exec(text)![0].length;
  let end = -1;
  for (const m of mentions) {
    const from = end < 0 ? opening : end;
    if (!m.full || m.embedded || text.slice(from, m.start).trim() !== '') break;
    end = m.end;
  }
  return end;
}

/** An earlier candidate's text repeated inside a later one (the buyer's name in the project name) is not read twice. */
function withoutRepeats(text: string, earlier: string[]): string {
  let out = text;
  for (const e of earlier) {
    const words = e.trim();
    if (words.length < 4) continue;
    for (let at = out.indexOf(words); at >= 0; at = out.indexOf(words, at + words.length)) {
      out = out.slice(0, at) + '#'.repeat(words.length) + out.slice(at + words.length);
    }
  }
  return out;
}

interface Reading extends TextResult {
  source: string;
  /** Widened to another candidate's region above it, which it confirms but may not narrow. */
  capped: boolean;
  /** The text opens with this region's official name (see officialPrefixEnd). */
  official: boolean;
}

/** Each candidate's own reading, in candidate order. */
function readCandidates(usable: RegionCandidate[], g: Gazetteer): Reading[] {
  const texts = usable.map((c, i) => withoutRepeats(c.text as string, usable.slice(0, i).map((e) => e.text as string)));
  const mentions = texts.map((t) => scan(t, g.names));
  const anchors = mentions.flatMap((m) => firmCodes(m, g));
  const readings: Reading[] = [];
  usable.forEach((c, i) => {
    const decided = decideText(mentions[i], anchors, g);
    if (decided === null) return;
    const official = decided.end <= officialPrefixEnd(texts[i], mentions[i]);
    readings.push({ ...decided, source: c.source, capped: false, official });
  });
  // Readings that may confirm but not narrow: weak ones, and the office address of a body whose
  // name gives its jurisdiction. Each is widened to the most specific other reading above it;
  // shallow readings first, so that a reading widened to is settled.
  for (const r of [...readings].sort((a, b) => rank(a.code, g) - rank(b.code, g))) {
    const of = usable.find((c) => c.source === r.source)?.addressOf;
    const body = of === undefined ? undefined : readings.find((o) => o.source === of && o.official);
    const above = readings.filter((o) => o !== r && !o.capped && o.code !== r.code && isWithin(r.code, o.code, g));
    const limit = r.firm ? (body && above.includes(body) ? body : undefined)
      : above.reduce<Reading | undefined>((x, y) => (x === undefined || rank(y.code, g) > rank(x.code, g) ? y : x), undefined);
    if (limit !== undefined) {
      r.code = limit.code;
      r.capped = true;
    }
  }
  return readings;
}

function conflict(r: Reading, g: Gazetteer): RegionConflict {
  return { source: r.source, code: r.code, name: g.byCode.get(r.code)!.name, matched: r.matched };
}

/**
 * The region of a notice from its candidate texts (see the rules at the top of this file). The
 * region is null when no candidate names one with certainty or when the candidates disagree.
 */
export function inferRegion(candidates: RegionCandidate[]): RegionVerdict {
  const g = load();
  const usable = candidates.filter((c) => typeof c.text === 'string' && c.text.trim() !== '');
  const readings = readCandidates(usable, g);
  if (readings.length === 0) return { region: null, conflicts: [] };

  // A reading's backing: the readings at or above it, itself included.
  const backing = readings.map((r) => readings.filter((o) => isWithin(r.code, o.code, g)).length);
  const best = Math.max(...backing);
  const leaders = readings.filter((_, i) => backing[i] === best);
  let chosen: Reading | undefined;
  let setAside: Reading[];
  if (leaders.every((a) => leaders.every((b) => compatible(a.code, b.code, g)))) {
    const deepest = Math.max(...leaders.map((r) => rank(r.code, g)));
    const atDepth = leaders.filter((r) => rank(r.code, g) === deepest);
    chosen = atDepth.find((r) => !r.capped) ?? atDepth[0];
    setAside = readings.filter((r) => !compatible(r.code, chosen!.code, g));
  } else {
    // Equally backed and disagreeing: only a candidate that holds them all may decide.
    const shared = commonAncestor(leaders.map((r) => r.code), g);
    chosen = shared === null ? undefined : readings.find((r) => r.code === shared && !r.capped);
    setAside = chosen === undefined ? readings : leaders;
  }
  if (chosen === undefined) return { region: null, conflicts: setAside.map((r) => conflict(r, g)) };
  const region = g.byCode.get(chosen.code)!;
  return {
    region: {
      code: region.code,
      name: region.name,
      path: regionPath(region.code),
      source: chosen.source,
      matched: chosen.matched,
      start: chosen.start,
      end: chosen.end,
    },
    conflicts: setAside.map((r) => conflict(r, g)),
  };
}
