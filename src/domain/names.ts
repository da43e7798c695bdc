/**
 * Company and organisation names: the one place where bidgraph decides how a name is written
 * (canonicalName) and when two spellings are the same name (nameKey). The loader and the API both
 * use these, so a lookup canonicalises exactly as loading did.
 *
 * Bracket convention: names that contain Chinese characters use full-width （）; names written
 * only in Latin script keep ASCII ( ). NFKC would turn （） into ( ), so the full-width form is
 * restored after normalisation.
 */
import * as OpenCC from 'opencc-js/t2cn';

export type ConsortiumRole = 'lead' | 'member';

export interface CanonicalName {
  name: string;
  /** Role in a consortium when the raw text carried a note such as （联合体牵头人）. */
  role: ConsortiumRole | null;
  /** What was removed or changed, in words (role notes, labels, script conversion). */
  notes: string[];
}

export type OrganisationKind = 'enterprise' | 'public' | 'state';

const HAN = '\\p{Script=Han}';
const HAN_CHAR = /\p{Script=Han}/u;

// ---------------------------------------------------------------------------------------------
// Traditional → simplified

/**
 * Characters that are correct in simplified Chinese but that OpenCC's traditional→simplified
 * tables rewrite (乾县 would become 干县, 於潜 于潜). They are left untouched.
 */
const KEPT_CHARACTERS = '乾昇陞濛谿於';
const KEEP_AS_WRITTEN = new RegExp(`[${KEPT_CHARACTERS}]`, 'u');

let toSimplified: ((text: string) => string) | null = null;

/** Hong Kong and Taiwan variants → simplified; the dictionaries ship with opencc-js (offline). */
function simplify(text: string): string {
  const convert = (toSimplified ??= OpenCC.ConverterFactory(
    OpenCC.Locale.from.hk,
    OpenCC.Locale.from.tw,
    OpenCC.Locale.to.cn,
  ));
  if (!KEEP_AS_WRITTEN.test(text)) return convert(text);
  return text
    .split(new RegExp(`([${KEPT_CHARACTERS}])`, 'u'))
    .map((part) => (KEEP_AS_WRITTEN.test(part) ? part : convert(part)))
    .join('');
}

// ---------------------------------------------------------------------------------------------
// canonicalName

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const LEADING_CIRCLED_NUMBER = /^\s*[\u2460-\u2473\u2776-\u277F]\s*/u;
const LEADING_ENUMERATION = /^\s*(?:\(\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*\)|(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[、.](?!\d))\s*/u;
// Whitespace next to a Chinese character or bracket carries no meaning in a Chinese name.
const SPACE_NEAR_HAN = new RegExp(`\\s+(?=[${HAN}()])|(?<=[${HAN}()])\\s+`, 'gu');

const LEAD_WORDS = '联合体牵头人|联合体牵头方|联合体主办方|联合体主办人|联合体主体|牵头人|牵头方|牵头单位|主办方|主办人';
const MEMBER_WORDS = '联合体成员单位|联合体成员方|联合体成员|联合体参与方|成员单位|成员方|成员|参与方';
const IS_LEAD = new RegExp(`^(?:${LEAD_WORDS}|主)$`, 'u');
const IS_MEMBER = new RegExp(`^(?:${MEMBER_WORDS})$`, 'u');
// （主） means lead only inside brackets; bare 联合体 notes a consortium without saying the role.
const ROLE_IN_BRACKETS = new RegExp(`[(\\[【]\\s*(${LEAD_WORDS}|${MEMBER_WORDS}|主|联合体)\\s*[)\\]】]`, 'gu');
// 「X公司为联合体牵头人」, 「X公司系本项目联合体成员」, 「X公司 联合体牵头人」.
const ROLE_SENTENCE = new RegExp(`[,，、]?\\s*(?:为|系|是)(?:本项目)?(?:本)?(${LEAD_WORDS}|${MEMBER_WORDS})$`, 'u');
const ROLE_TRAILER = /(?<=(?:公司|集团|院|所|厂|中心|局))\s*(联合体牵头人|联合体成员|牵头人)$/u;

/** A note of the supplier's trade after its name (某某公司（原设备制造商）, （授权代理商）): no part of the name. */
const TRADE_IN_BRACKETS = /[(\[【]\s*((?:原)?(?:设备)?(?:制造商|生产厂家|生产商|厂家|原厂)|(?:授权|总|一级)?(?:代理商|经销商|代理))\s*[)\]】]$/u;

const LABEL = /^\s*([^:]{1,16}?)\s*:\s*/u;
const LABEL_END = /(?:名称|人|方|单位|供应商|机构|股东|成员|候选人|中标|成交)$/u;

const QUOTES = '"\'“”‘’「」『』《》〈〉';
const EDGE_QUOTES = new RegExp(`^[${QUOTES}\\s]+|[${QUOTES}\\s]+$`, 'gu');
const TRAILING_PUNCTUATION_HAN = /[\s,，。.;；、:：!！?？·]+$/u;
const TRAILING_PUNCTUATION_LATIN = /[\s,，;；、:：!！?？]+$/u;
const LEADING_PUNCTUATION = /^[\s,，。.;；、:：!！?？·\-—_*#]+/u;

function roleOf(word: string): ConsortiumRole | null {
  if (IS_LEAD.test(word)) return 'lead';
  if (IS_MEMBER.test(word)) return 'member';
  return null;
}

function normaliseSpace(text: string): string {
  const collapsed = text.replace(/\s+/gu, ' ').trim();
  return HAN_CHAR.test(collapsed) ? collapsed.replace(SPACE_NEAR_HAN, '') : collapsed;
}

/**
 * The canonical spelling of an organisation name, plus the consortium role noted beside it.
 * Never throws; an empty or unusable input gives an empty name.
 */
export function canonicalName(raw: string): CanonicalName {
  const notes: string[] = [];
  let role: ConsortiumRole | null = null;
  const noteRole = (word: string): void => {
    const r = roleOf(word);
    if (r !== null) role = r;
    notes.push(`role note: ${word}`);
  };

  let s = String(raw ?? '').replace(LEADING_CIRCLED_NUMBER, '').normalize('NFKC').replace(INVISIBLE, '');
  s = normaliseSpace(s);
  if (HAN_CHAR.test(s)) {
    // Before anything else, so that role notes and labels written in traditional script match too.
    const simplified = simplify(s);
    if (simplified !== s) notes.push('traditional characters converted to simplified');
    s = simplified;
  }

  const label = LABEL.exec(s);
  if (label && LABEL_END.test(label[1]) && s.length > label[0].length) {
    s = s.slice(label[0].length);
    if (roleOf(label[1]) !== null) noteRole(label[1]);
    else notes.push(`label: ${label[1]}`);
  }

  // Quotes, punctuation and role notes can wrap each other: peel until nothing changes.
  for (let previous = ''; previous !== s; ) {
    previous = s;
    s = s.replace(LEADING_ENUMERATION, '').replace(LEADING_PUNCTUATION, '').replace(EDGE_QUOTES, '');
    s = s.replace(HAN_CHAR.test(s) ? TRAILING_PUNCTUATION_HAN : TRAILING_PUNCTUATION_LATIN, '');
    s = s.replace(ROLE_IN_BRACKETS, (_m, word: string) => {
      noteRole(word);
      return '';
    });
    s = s.replace(TRADE_IN_BRACKETS, (_m, word: string) => {
      notes.push(`trade note: ${word}`);
      return '';
    });
    const suffix = ROLE_SENTENCE.exec(s) ?? ROLE_TRAILER.exec(s);
    if (suffix && suffix.index > 0) {
      noteRole(suffix[1]);
      s = s.slice(0, suffix.index);
    }
    s = s.trim();
  }

  if (HAN_CHAR.test(s)) s = s.replace(/\(/g, '（').replace(/\)/g, '）');
  return { name: s, role, notes };
}

// ---------------------------------------------------------------------------------------------
// nameKey

/**
 * The identity key of a name: canonical, no spaces, brackets unified, simplified, Latin letters
 * lower-cased. Legal forms are kept (有限公司 ≠ 股份有限公司) and a branch keeps its own key.
 */
export function nameKey(name: string): string {
  return canonicalName(name).name.replace(/\s+/gu, '').toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Branches

/** Branch suffix → what the parent's name may end with. */
const BRANCHES: { suffix: string; parentEnds: RegExp }[] = [
  { suffix: '分公司', parentEnds: /公司(?:（[^（）]*）)?$/u },
  { suffix: '分行', parentEnds: /(?:公司|银行)$/u },
  { suffix: '支行', parentEnds: /(?:公司|银行|分行)$/u },
  { suffix: '分理处', parentEnds: /(?:公司|银行|分行|支行)$/u },
  { suffix: '营业部', parentEnds: /(?:公司|银行|分行|支行)$/u },
  { suffix: '分院', parentEnds: /(?:公司|院)$/u },
  { suffix: '分所', parentEnds: /(?:公司|所)(?:（[^（）]*）)?$/u },
  { suffix: '分厂', parentEnds: /(?:公司|厂)$/u },
  { suffix: '分店', parentEnds: /(?:公司|店)$/u },
];

/**
 * For a branch name (…分公司, …分院, …分行, …支行), the name of the unit it belongs to, when the
 * text shows it: 中国移动通信集团新疆有限公司乌鲁木齐分公司 → 中国移动通信集团新疆有限公司.
 * The branch label between parent and suffix (乌鲁木齐, 第三, 墨玉县) must be short and must not
 * name another company; otherwise null.
 */
export function branchParentName(name: string): string | null {
  const n = canonicalName(name).name;
  for (const { suffix, parentEnds } of BRANCHES) {
    if (!n.endsWith(suffix)) continue;
    const body = n.slice(0, -suffix.length);
    // The parent is the longest prefix of body that ends like a parent and leaves a label.
    for (let end = body.length - 1; end >= 2; end--) {
      const parent = body.slice(0, end);
      const label = body.slice(end);
      if (!parentEnds.test(parent)) continue;
      if (label.length > 20 || /公司|银行/u.test(label)) return null;
      return parent;
    }
    return null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Kinds of organisation

const STATE_OWNER =
  /(?:国有资产监督管理委员会|国有资产监督管理局|国有资产监督管理办公室|国有资产管理委员会|国有资产管理局|国有资产管理办公室|国资委|国资局|国资办|^(?:中华人民共和国)?财政部|财政厅|财政局|^(?:中华人民共和国)?国务院|社会保障基金理事会)$/u;
const ENTERPRISE_MARK = /公司|企业|有限合伙|普通合伙|个人独资|个体工商户|合作社|商行|经营部|门市部|工作室|事务所|酒店|宾馆|饭店/u;
const PUBLIC_BODY = new RegExp(
  '(?:'
    + [
      '人民政府', '政府', '人民代表大会常务委员会', '人大常委会', '委员会', '管委会', '委', '局', '厅', '署',
      '办公室', '办事处', '部', '处', '科', '院', '所', '大队', '支队', '总队', '中队', '监狱', '军区', '部队',
      '学校', '大学', '学院', '中学', '小学', '幼儿园', '党校', '中心', '博物馆', '图书馆', '文化馆', '纪念馆',
      '美术馆', '科技馆', '档案馆', '推广站', '监测站', '管理站', '工作站', '防治站', '检疫站', '气象站', '水文站',
    ].join('|')
    + ')$',
  'u',
);
// A bare 院/所/部/处/科 ending is public only in the words government uses (人民检察院, 研究所,
// 派出所, 公安部, 县委宣传部, 财政局预算科); 经营部 or 服务部 stay enterprises.
const BARE_SUFFIX = /(?:院|所|部|处|科)$/u;
const GOVERNMENT_BARE = new RegExp(
  '(?:'
    + [
      '研究院', '设计院', '科学院', '医院', '卫生院', '保健院', '检察院', '法院', '学院', '书院', '国务院',
      '研究所', '派出所', '看守所', '戒毒所', '司法所', '财政所', '税务所', '工商所', '监督所', '监测所', '防治所',
      '^中华人民共和国\\p{Script=Han}{1,10}部', '^(?:中共|中国共产党).*部',
      '(?:委员会|委)\\p{Script=Han}{1,6}部',
      '^(?:外交|国防|教育|科学技术|工业和信息化|公安|国家安全|民政|司法|财政|人力资源和社会保障|自然资源|生态环境|住房和城乡建设|交通运输|水利|农业农村|商务|文化和旅游|应急管理|退役军人事务|国土资源|环境保护|农业|文化|卫生|铁道)部',
      // A unit inside a government body: …公安局交警支队车辆管理所, …财政局预算科.
      '(?:人民政府|局|厅|委员会|委|支队|大队|总队)\\p{Script=Han}{1,10}[所处科]',
    ].join('|')
    + ')$',
  'u',
);

/**
 * 'state' for owners of state assets (SASAC at any level, 财政部/厅/局, 国务院, the social security
 * fund); 'public' for government units, schools, hospitals, public centres; everything else —
 * companies, and any name with a company form even if it contains 中心 or 学校 — is 'enterprise'.
 */
export function partyKind(name: string): OrganisationKind {
  const n = canonicalName(name).name;
  if (n === '') return 'enterprise';
  if (ENTERPRISE_MARK.test(n)) return 'enterprise';
  if (STATE_OWNER.test(n)) return 'state';
  if (/^中国人民银行/u.test(n)) return 'public';
  if (!PUBLIC_BODY.test(n)) return 'enterprise';
  if (BARE_SUFFIX.test(n) && !GOVERNMENT_BARE.test(n)) return 'enterprise';
  return 'public';
}

/** True for government units and state-asset owners. */
export function isPublicBody(name: string): boolean {
  return partyKind(name) !== 'enterprise';
}

// ---------------------------------------------------------------------------------------------
// Sanity check for extracted names

const PLACEHOLDER = /^(?:无|空|略|同上|暂无|待定|不详|未知|其他|其它|n\/?a|null|none|undefined)$/iu;
const NOT_A_NAME = /公告|原文|附件|详见|见下|如下|本项目|本次|联系人|联系电话|地址|日期|金额|报价|得分|排名|第[一二三四五六七八九十\d]+名|废标|流标|候选人|中标人|成交人|负责人|代表人|经办人|法人代表|项目经理|评审专家|评标专家|(?:评标|评审|谈判|磋商|询价)(?:委员会|小组)/u;
/**
 * How an organisation's name ends: legal forms, public bodies, and the trading names of shops,
 * hotels and firms (山西迎泽宾馆, 山西省水利大厦, 某某经营部, 某某律师事务所).
 */
const ORGANISATION_END = new RegExp(
  '(?:'
    + [
      '公司', '集团', '厂', '院', '所', '局', '厅', '委员会', '委', '中心', '学校', '大学', '学院', '中学', '小学',
      '幼儿园', '医院', '政府', '办公室', '站', '队', '行', '社', '部', '处', '馆', '会', '店', '室', '园', '圃', '场', '矿',
      '社区', '大厦', '大楼', '酒楼', '茶楼', '山庄', '饭庄', '度假村', '公寓', '超市', '药房', '电视台', '电台',
      // highway and railway units (开鲁县地方公路管理段, 某某工务段)
      '管理段', '公路段', '养护段', '工务段', '电务段', '机务段', '车务段', '供电段',
    ].join('|')
    + ')$',
  'u',
);
/** A legal form in brackets after a trading name: 太原太重宾馆（有限公司）, 某某律师事务所（特殊普通合伙）. */
const LEGAL_FORM_IN_BRACKETS = /（(?:有限公司|有限责任公司|股份有限公司|集团|集团有限公司|普通合伙|特殊普通合伙|有限合伙|个人独资企业|个体工商户)）$/u;
const LATIN_COMPANY = /\b(?:co|corp|corporation|company|inc|incorporated|ltd|limited|llc|plc|gmbh|ag|sa|bv|nv|kg|group|holdings?)\b\.?\)?$/iu;

/**
 * Heuristic for extractor sanity checks: does this look like an organisation's name rather than
 * a placeholder (见公告原文, 无, /), a number or a sentence? Judged on the canonical form.
 */
export function looksLikeCompanyName(s: string): boolean {
  const n = canonicalName(String(s ?? '')).name;
  if (n === '' || PLACEHOLDER.test(n) || /[。；;！!？?]/u.test(n)) return false;
  if (/:|：/u.test(n) || /\d+(?:\.\d+)?\s*(?:元|万元|亿元|%)/u.test(n)) return false;
  if (!/\p{L}{2}/u.test(n)) return false;
  const han = n.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (han === 0) return n.length <= 120 && LATIN_COMPANY.test(n);
  if (/[,，]/u.test(n) || han < 3 || n.length > 60) return false;
  if (NOT_A_NAME.test(n)) return false;
  if (ORGANISATION_END.test(n) || LEGAL_FORM_IN_BRACKETS.test(n)) return true;
  // A company with its other (former) name in brackets: 山西运城建工集团有限公司（山西运城市建筑工程有限公司）.
  const alias = /^(.+?)[(（]([^()（）]+)[)）]$/u.exec(n);
  return alias !== null && looksLikeCompanyName(alias[1]) && looksLikeCompanyName(alias[2]);
}

// ---------------------------------------------------------------------------------------------
// Names on restriction lists (Latin script)

/** Legal-form words at the end of a Latin-script name: "Co., Ltd.", "Company Limited", "Corp.", "Inc."… */
const LATIN_LEGAL_FORM = new Set(['co', 'ltd', 'limited', 'company', 'corp', 'corporation', 'inc', 'incorporated', 'llc', 'plc', 'jsc', 'pte', 'gmbh']);

/**
 * The matching key of a Latin-script name as the US lists and annual reports write it: NFKC, lower
 * case, punctuation and apostrophes dropped (Xin'an → xinan), and legal-form endings removed, so
 * "Hangzhou Hikvision Digital Technology Co., Ltd." and "HANGZHOU HIKVISION DIGITAL TECHNOLOGY
 * CO. LTD" agree. Words that carry meaning (Group, Technology, Holdings) stay.
 */
export function latinNameKey(name: string): string {
  const tokens = String(name ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  if (tokens[0] === 'the' && tokens.length > 1) tokens.shift();
  for (;;) {
    const last = tokens.at(-1);
    if (tokens.length > 1 && last && LATIN_LEGAL_FORM.has(last)) tokens.pop();
    else if (tokens.length > 2 && last === 'stock' && tokens.at(-2) === 'joint') tokens.splice(-2);
    else break;
  }
  return tokens.join(' ');
}

/** The key a list name is matched on: nameKey for a name with Chinese characters, latinNameKey otherwise. */
export function listNameKey(name: string): string {
  return HAN_CHAR.test(name) ? nameKey(name) : latinNameKey(name);
}

// Signs that a name was decoded with the wrong charset or from broken bytes: U+FFFD for bytes the
// decoder could not map, private-use characters (GBK's user-defined area), control characters,
// and UTF-8 read as Latin-1 ("Ã¤"-style pairs).
const GARBLED: readonly [RegExp, string][] = [
  [/\ufffd/, 'replacement characters (bytes that could not be decoded)'],
  [/[\ue000-\uf8ff]/, 'private-use characters (bytes outside the charset, mapped to its user-defined area)'],
  [/[\u0000-\u001f\u007f-\u009f]/, 'control characters'],
  [/[\u00c2-\u00ef][\u0080-\u00bf]/, 'UTF-8 read as Latin-1 (mojibake)'],
];

/** Why a name cannot be a party's name as it stands (it is garbled), or null when it can. */
export function garbledName(name: string): string | null {
  for (const [re, why] of GARBLED) if (re.test(name)) return `the name holds ${why}`;
  return null;
}
