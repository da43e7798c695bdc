// The label vocabulary: what a "label：value" pair or a table header means. Labels are compared after
// whitespace is removed (Word splits them: 项 目 名 称), brackets made ASCII and the list number dropped.
import type { AmountUnit } from '../../src/domain/amount.ts';

export type FieldKey =
  | 'projectName' | 'projectCode' | 'method' | 'contractModel' | 'region' | 'publishedAt'
  | 'decisionDate' | 'publicityPeriod' | 'publicityStart' | 'publicityEnd'
  | 'buyerName' | 'buyerAddress' | 'agencyName' | 'agencyAddress'
  | 'partyName' | 'address'
  | 'winnerName' | 'winnerAddress' | 'uscc' | 'consortiumLead' | 'consortiumMember'
  | 'awardValue' | 'totalValue' | 'rate' | 'lot' | 'failReason' | 'resultIntro'
  | 'candidate' | 'proposedWinner' | 'bid' | 'unitName'
  | 'budget' | 'ceiling' | 'agencyFee' | 'deposit' | 'title' | 'lotName' | 'lotCode'
  // a date label after a correction's words (更正公告发布日期): its own date only in a correction
  | 'changeNoticeDate'
  | 'other';

export type { AmountUnit };

export interface LabelInfo {
  key: FieldKey;
  /** The normalised label. */
  norm: string;
  /** Unit written in the label, e.g. 中标金额(万元). 'per' when it is a unit price (元/亩). */
  unit: AmountUnit | 'per' | null;
  /** Rank of a candidate label (第一中标候选人 → 1). */
  rank: number | null;
}

const VOCABULARY: Record<Exclude<FieldKey, 'other' | 'candidate' | 'changeNoticeDate'>, string[]> = {
  projectName: ['项目名称', '采购项目名称', '工程名称', '招标项目名称', '项目名', '项目名称及编号', '采购项目名称及编号',
    '项目名称及项目编号', '工程项目名称', '招标工程名称',
    // the project and its lot in one field (Sichuan's and Chongqing's result tables)
    '项目及标段名称', '项目标段名称', '项目和标段名称', '工程及标段名称', '招标项目及标段名称'],
  projectCode: ['项目编号', '采购项目编号', '招标编号', '采购编号', '招标文件编号', '项目号', '项目编码', '招标公告编号',
    '项目招标编号', '招标项目编号', '工程编号', '工程编码', '招投标编码', '招投标编号', '中标编号', '竞价编号', '招标代码', '采购计划编号', '政府采购编号', '招标(采购)编号', '采购文件编号', '采购公告编号', '采购公告/邀请书编号', '邀请书编号', '标书编号', '采购项目标书编号', '招标书编号', '比选编号', '比选项目编号', '采购项目编号/包号', '项目编号/包号',
    // the national investment project code (全国投资项目在线审批监管平台): 2509-360733-04-01-370085
    '投资项目代码', '项目代码', '投资项目统一代码', '项目统一代码',
    // the agency's own number for the project
    '招标代理机构编号', '代理机构编号', '采购代理机构编号', '采购代理编号', '委托代理编号', '代理编号',
    // the trading centre's own number for the deal
    '公共资源编号', '公共资源交易编号', '交易编号', '进场登记号', '进场登记编号', '进场交易编号', '交易登记号', '交易登记编号'],
  // the notice's own title as a field of the page (公示名称 | …成交结果公示)
  // A lot's own name and number: the project's only name and number on a page that gives no other.
  lotName: ['标段名称', '分包名称', '标段(包)名称', '标包名称'],
  lotCode: ['标段编号', '标段(包)编号'],
  title: ['公告名称', '公告标题', '公示名称', '公示标题', '信息标题', '公告题目', '标题'],
  method: ['采购方式', '招标方式', '招标(采购)方式', '发包方式', '采购方式及采购组织形式', '采购类型'],
  contractModel: ['运作方式', '项目运作方式', '合作模式', '运作模式'],
  region: ['行政区域', '行政区划', '所属地区', '所属区域', '项目所在地区', '配送区域'],
  publishedAt: ['发布时间', '发布日期', '公告时间', '公告日期', '首次公告时间', '首次发布时间', '信息发布时间', '公告发布时间', '发布于', '公告发布日期',
    '信息时间', '信息发布日期', '发布日', '公示发布时间', '公示发布日期', '结果发布时间', '结果公告日期', '报送时间'],
  decisionDate: ['成交日期', '中标日期', '定标日期', '定标时间', '定标/成交日期', '中标(成交)日期', '中标/成交日期', '成交时间',
    '中标时间', '确定日期', '中标确定日期', '成交确定日期', '中标(成交)确定日期', '定标确认日期', '决标日期', '中选日期',
    '评定日期', '成交确认日期', '中标结果确定日期', '成交结果确定日期', '采购结果确定日期', '中标通知书发出日期',
    '中标通知书发放日期', '中标通知书签发日期', '成交通知书发出日期'],
  publicityPeriod: ['公示期', '公示时间', '公示期限', '公告期限', '公示日期', '公告期', '公示起止时间', '公示起止日期', '公示期间',
    '公示时限', '公告期间', '公示期为', '公告期限为', '中标公示期', '公示起讫时间', '结果公示期'],
  publicityStart: ['公示开始时间', '公示开始日期', '公示起始时间', '公示起始日期', '公告开始时间', '公示起始日'],
  publicityEnd: ['公示截止时间', '公示结束时间', '公示截止日期', '公示结束日期', '公示截止日', '公告截止时间', '公告结束时间'],
  buyerName: ['采购人', '采购单位', '采购人名称', '采购单位名称', '招标人', '建设单位', '业主', '业主单位', '招标人名称',
    '招标单位', '采购执行方', '项目法人', '招标(采购)人名称', '招标(采购)人', '采购方', '采购人全称', '采购单位全称',
    '建设单位名称', '招标单位名称', '采购机关', '项目业主',
    // a framework's call for partners (招募) or a comparison (比选) names its buyer so
    '招募人', '招募单位', '比选人', '比选单位',
    // …and a panel of service firms drawn by lot (中介机构选聘) its client
    '选聘人', '选聘单位',
    // a works contract let (发包) by its client
    '发包单位', '发包人', '发包方', '发包单位名称',
    // the client named as such, the party the contract is made with, the unit that started the purchase (not 委托人:
    // in a tender's forms it is the bidder granting a power of attorney)
    '建设(招标)单位', '招标(建设)单位', '合同主体单位', '发起单位'],
  buyerAddress: ['采购人地址', '采购单位地址', '招标人地址', '招标单位地址', '建设单位地址', '采购方地址',
    '招标(采购)人地址', '业主地址'],
  agencyName: ['采购代理机构', '代理机构名称', '采购代理机构全称', '招标代理机构', '采购代理机构名称', '代理机构',
    '集中采购机构', '集中招标(采购)机构名称', '招标代理机构名称', '政府采购代理机构', '招标代理', '招标代理单位',
    '采购代理机构名称全称', '集中采购机构名称', '代理单位', '招募代理机构', '比选代理机构', '发包代理单位', '发包代理机构', '发包代理人'],
  agencyAddress: ['采购代理机构地址', '代理机构地址', '招标代理机构地址', '集中采购机构地址', '采购代理机构地点',
    '代理单位地址'],
  partyName: ['名称', '单位名称'],
  address: ['地址', '联系地址', '详细地址', '通讯地址', '办公地址'],
  winnerName: ['中标(成交)供应商名称', '中标供应商', '成交供应商', '中标人', '中标单位', '供应商名称', '供应商', '中标供应商名称',
    '成交供应商名称', '成交单位名称', '成交单位', '中标(成交)供应商', '中标结果', '中标(选)人', '中标人名称', '中选供应商',
    '中选单位', '成交人', '中标单位名称', '中标(成交)人', '成交人名称', '中标商', '成交商', '中标(成交)单位',
    '中标(成交)人名称', '成交供应商全称', '中标供应商全称', '入围供应商', '成交社会资本方', '中标社会资本方', '中选社会资本方',
    '成交社会资本', '中标社会资本', '社会资本方', '中选社会资本', '中标公司', '中标公司名称', '成交公司', '成交公司名称',
    '中标企业', '中标企业名称', '成交企业', '成交企业名称', '中选人', '中选人名称', '中标投标人名称', '中标投标人', '中标/成交供应商名称', '中标/成交供应商',
    // the firm drawn by lot from a panel (定点资源库 … 随机抽签): 中签 is its win
    '中签单位', '中签人', '中签供应商', '中签单位名称', '中签人名称', '中签企业',
    // the contractor a works contract was let to (承包商, 承包价)
    '承包商', '承包人', '承包单位', '承包商名称', '承包人名称', '承包单位名称'],
  winnerAddress: ['中标供应商地址', '成交供应商地址', '中标供应商联系地址', '成交供应商联系地址', '中标人地址',
    '供应商地址', '中标单位地址', '成交单位地址', '中标(成交)供应商地址', '中标(成交)供应商联系地址', '成交人地址',
    '供应商联系地址', '中标人住所', '中标公司地址', '成交公司地址', '中标企业地址', '成交企业地址', '中选人地址', '中标投标人地址'],
  uscc: ['统一社会信用代码', '社会信用代码', '信用代码', '统一社会信用代码证号'],
  consortiumLead: ['联合体牵头人', '牵头人', '联合体主办方', '联合体牵头单位', '牵头单位', '牵头供应商', '联合体牵头供应商'],
  consortiumMember: ['联合体成员', '成员', '联合体成员单位', '成员单位', '联合体其他成员',
    // 联合体：A（牵头）、B — the whole consortium after one label, roles in brackets
    '联合体', '联合体单位', '联合体名称', '联合体各方', '投标联合体'],
  awardValue: ['中标(成交)金额', '中标金额', '成交金额', '中标价', '中标价格', '成交价格', '成交价', '中标(选)价',
    '中标供货商金额', '中标价格为', '中标(成交)价格', '合同金额', '中标(成交)价', '中标总价', '成交总价', '中标报价',
    '成交报价', '中选金额', '中标(成交)金额(可填写下浮率、折扣率或费率)', '中标金额(可填写下浮率、折扣率或费率)',
    '成交金额(可填写下浮率、折扣率或费率)', '承包价', '承包标价', '承包金额', '承包合同价', '承包价格',
    // 中 标 标 价：13778517元 (标价: the price bid)
    '中标标价', '成交标价', '中标造价', '成交造价',
    // 中标值 (东莞's works results) and the fee a services contract was won at (中标监理费：77.86万元); never 中标服务费,
    // which is the agency's fee the winner pays
    '中标值', '成交值', '中标监理费', '中标设计费', '中标勘察费', '中标勘察设计费', '中标咨询费'],
  totalValue: ['总中标金额', '总成交金额', '中标总金额', '成交总金额', '金额汇总', '中标(成交)总金额', '总中标(成交)金额',
    '总中标金额合计', '总成交金额合计', '中标金额合计', '成交金额合计', '中标总金额合计', '合计中标金额', '合计成交金额',
    '中标(成交)金额合计'],
  rate: ['下浮率', '折扣率', '费率', '优惠率', '下浮系数', '成交下浮系数', '中标下浮率', '成交下浮率', '中标降点数', '降点数',
    '中标费率', '成交费率', '中标折扣率', '成交折扣率', '下浮比例', '中标优惠率', '成交优惠率'],
  lot: ['分包号', '包号', '标包号', '标段号', '分包', '标包', '标段', '标项', '包件', '包件号', '合同包', '采购包',
    '项目分包(标段)', '包别', '标段(包)', '包组', '分标', '包件编号', '分包编号', '标包编号', '包编号', '包组编号', '标项号',
    '标项编号', '合同包号'],
  failReason: ['废标原因', '流标原因', '终止原因', '废标理由', '失败原因', '废标(终止)原因', '终止(废标)原因', '流标(终止)原因',
    '废标(流标)原因', '废标情形', '流标情形', '终止情形', '废标(终止)情形', '招标失败原因', '采购失败原因', '项目失败原因'],
  resultIntro: ['成交供应商名称、地址及成交金额', '中标供应商名称、联系地址及中标金额', '中标供应商名称、地址及中标金额',
    '成交供应商名称、联系地址及成交金额', '中标(成交)供应商名称、地址及中标(成交)金额', '中标单位名称、地址、和中标金额',
    '中标单位名称、地址和中标金额', '中标(成交)信息', '中标信息', '成交信息', '成交结果', '中标/成交结果',
    '成交情况', '中标情况', '中标(成交)结果', '中标、成交结果',
    // …the name and the sum under one heading, written with 及 (5、中标供应商名称及中标金额： / X为中标人 / 中标总金额：…)
    '中标供应商名称及中标金额', '成交供应商名称及成交金额', '中标(成交)供应商名称及中标(成交)金额', '中标人名称及中标金额',
    '中标单位名称及中标金额', '中标人及中标金额', '中标单位及中标金额', '成交供应商及成交金额',
    // 四川's result form: 各包中标/成交供应商名称、地址及报价 | X公司163000元
    '各包中标/成交供应商名称、地址及报价', '中标/成交供应商名称、地址及报价', '各包中标(成交)供应商名称、地址及报价'],
  proposedWinner: ['拟中标人', '拟中标单位', '预中标人', '预中标单位', '拟中标供应商', '拟成交供应商', '预成交供应商',
    '拟中标(成交)供应商', '拟中标(成交)人', '预中标供应商', '拟定中标人', '拟中选人', '拟成交人', '中标候选单位名称',
    '中标候选单位', '中标候选供应商名称', '中标候选供应商', '成交候选供应商', '成交候选人名称'],
  bid: ['投标报价', '最终报价', '报价', '投标价', '投标总价', '谈判报价', '磋商报价', '拟中标金额', '预中标金额', '投标金额',
    '评标价', '拟中标价', '预中标价', '拟成交金额', '预成交金额'],
  unitName: ['投标人名称', '报价人名称', '投标单位名称', '投标人', '候选人名称', '中标候选人名称'],
  budget: ['预算金额', '项目预算', '采购预算', '预算', '采购项目预算金额', '项目总预算', '预算价', '采购预算金额',
    '项目预算金额', '预算金额(元)', '采购预算价', '财政预算', '项目概算', '投资概算',
    // a budget checked by the finance or audit office: still the budget, never the award
    '预算审核价', '预算审核金额', '审核预算价', '审核预算金额', '预算审定价', '审定预算价', '财政审核价', '财政评审价',
    '采购预算控制额度', '预算控制额度', '预算控制金额'],
  ceiling: ['最高限价', '招标控制价', '控制价', '最高投标限价', '拦标价', '最高限价金额', '采购最高限价', '投标最高限价'],
  agencyFee: ['代理服务费', '代理费', '招标代理服务费', '代理服务收费标准及金额', '代理服务收费', '采购代理服务费',
    '代理服务费收费标准', '收费标准'],
  deposit: ['投标保证金', '保证金', '履约保证金', '响应保证金', '磋商保证金'],
};

/** The labels (normalised) that name one field: a pattern built from them stays in step with this vocabulary. */
export function labelsOf(key: keyof typeof VOCABULARY): readonly string[] {
  return VOCABULARY[key];
}

/** Labels the extractor does not use but must recognise, so their values do not run into others. */
const KNOWN_OTHER = [
  '联系人', '联系电话', '电话', '传真', '联系方式', '联系方法', '邮编', '邮政编码', '项目联系人', '项目联系电话', '评审日期',
  '开标时间', '评审专家名单', '品目', '备注', '工期', '质量标准', '项目经理',
  '注册证号', '邮箱', '电子邮箱', 'E-mail', '网址', '开户银行', '开户帐号', '账号', '收款人', '评标委员会成员', '谈判小组成员',
  '监督电话', '投诉电话', '采购人联系方式', '采购单位联系方式', '采购代理机构联系方式', '代理机构联系方式', '联系人电话',
  '采购人经办人', '采购人电话', '代理机构经办人', '代理机构电话', '项目负责人', '技术负责人', '法人代表', '法定代表人',
  '评审地点', '开标地点', '评标地点', '合同履行日期', '交货期', '服务期限', '采购数量', '评审委员会成员名单',
  '工商注册号', '组织机构代码', '注册号', '营业执照号', '投诉受理部门', '投诉受理电话',
  '合同编号', '财政编号', '采购执行编号', '采购形式', '详见', '评审专家', '专业评委', '本项目招标公告日期',
  '招标公告日期', '采购公告发布日期', '采购组织类型', '公告类型', '公告流水号', '访问次数', '来源',
  '本项目采购公告日期', '采购公告日期', '招标(采购)公告发布日期', '采购公告发布日期', '招标公告发布日期', '招标公告发布时间',
  '采购公告发布时间', '公告发布媒体及日期', '公告媒体及日期', '招标公告媒体及日期', '公示开标时间', '开标(采购)日期', '评标时间', '开标日期',
  '单价', '中标单价', '成交单价', '投标单价', '协议价', '中标协议价',
  '主要标的信息', '评审专家名单及评审意见', '评审委员会成员', '评标委员会成员名单', '磋商小组成员', '询价小组成员',
  '评审小组成员', '评审委员会', '评标委员会', '谈判小组成员名单', '评审小组成员名单', '磋商小组成员名单', '专家成员',
  '评标委员会专家成员', '评审专家成员', '项目组成员', '小组成员', '采购人代表', '签订合同联系人', '中标(选)范围', '中标工程范围', '招标范围',
];

// Contact labels named after a party (采购代理机构联系人): known, so the party name is not split off.
const PARTY_PREFIXES = ['采购人', '采购单位', '采购代理机构', '代理机构', '招标人', '招标代理机构', '招标单位', '建设单位',
  '采购单位项目', '采购代理机构项目', '项目', '采购中心', '采购方', '中标人', '中标供应商', '成交供应商', '供应商'];
const CONTACT_SUFFIXES = ['联系人', '联系电话', '电话', '联系方式', '联系方法', '传真', '邮编', '经办人', '联系人及电话', '联系人电话',
  '负责人', '法定代表人', '法人代表', '邮箱', '联系人姓名', '联系人姓名和电话'];
for (const p of PARTY_PREFIXES) for (const s of CONTACT_SUFFIXES) KNOWN_OTHER.push(p + s);

const ENUMERATOR = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）][、.．]?|\d{1,2}(?:[、.．)）]|\s)(?!\d)|[①-⑳]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+[、.．]?)\s*/;
const UNIT_SUFFIX = /[(\[]?(?:人民币)?(万元|亿元|元)(?:人民币)?[)\]]?$/;
const PER_UNIT_SUFFIX = /\(元\/[^)]{1,4}\)$/;
const LOT_LABEL = /^第([一二三四五六七八九十\d]{1,3})(?:标包|包|标段|分包|标项|合同包|包件)(?:入围)?$/;
/** Words before a colon that annotate a value instead of starting a new field: （大写：…）. */
const NOT_A_LABEL = /^(大写|小写|金额大写|大写金额|小写金额|人民币|币种|单位)$/;
const CANDIDATE_LABEL = /^(?:推荐)?第([一二三四五六七八九十\d]{1,3})(?:名|(?:中标|成交|中选)?(?:\(选\))?(?:候选|排序)(?:人|单位|供应商)?(?:名称)?)$/;

/** 中标候选人1单位名称, 成交候选人2: the rank written after the word. */
const NUMBERED_CANDIDATE_LABEL = /^(?:中标|成交|中选)?候选(?:人|单位|供应商)([一二三四五六七八九十\d]{1,2})(?:单位)?(?:名称)?$/;

/** 中标候选人（排名不分先后）, 中标候选人名单: a list of candidates without ranks (rank null). */
const CANDIDATE_LIST_LABEL = /^(?:中标|成交|中选|竞标)候选(?:人|单位|供应商)(?:名单)?(?:\((?:排名|排序|名次)?(?:不分先后|无先后)(?:顺序)?\))?$/;

/** A party's label with its contact details after it (采购单位及联系方式, 采购人名称、地址和联系方式). */
const CONTACT_TAIL = /(?:名称)?(?:(?:及|和|、)(?:其)?(?:地址|联系方式|联系人|联系电话))+$/;
const CONTACT_TAILED = new Set<FieldKey>(['buyerName', 'agencyName']);

/** A note in brackets after an amount label (中标价(报价承诺), 中标金额(含税)): the label before it decides. */
/** A note after an amount's label, bracketed (中标金额(大写)) or not (中标金额大写, 成交价小写). */
const LABEL_NOTE = /\([^()]{1,8}\)$|(?:大写|小写)$/;
const NOTED_KEYS = new Set<FieldKey>(['awardValue', 'totalValue', 'bid', 'budget', 'ceiling']);
const PARTY_BLOCK_FIELD = /^(.{2,8})信息(名称|地址)$/;
const PARTY_BLOCK_KEYS: Partial<Record<FieldKey, [FieldKey, FieldKey]>> = {
  buyerName: ['buyerName', 'buyerAddress'], agencyName: ['agencyName', 'agencyAddress'],
};
const DATE_KEYS = new Set<FieldKey>(['publishedAt', 'decisionDate', 'publicityPeriod', 'publicityStart', 'publicityEnd']);
const SEAL_NOTE = /\((?:公章|盖章|签章|印章|章|签字|签字盖章|盖公章)\)$/;
const SEALED_KEYS = new Set<FieldKey>(['buyerName', 'agencyName']);
/** Party labels a form may write with a synonym in brackets (项目业主（招标人）). */
const SYNONYM_NOTED_KEYS = new Set<FieldKey>(['buyerName', 'agencyName']);

const TABLE = new Map<string, FieldKey>();
for (const [key, labels] of Object.entries(VOCABULARY) as [FieldKey, string[]][]) {
  for (const label of labels) if (!TABLE.has(label)) TABLE.set(label, key);
}
for (const label of KNOWN_OTHER) if (!TABLE.has(label)) TABLE.set(label, 'other');

/** The comparable form of a label: no whitespace, ASCII brackets, no list number, no colon. */
export function normaliseLabel(raw: string): string {
  let s = raw.replace(/[\s\u00a0\u3000]+/g, '');
  s = s.replace(/（/g, '(').replace(/）/g, ')').replace(/【/g, '[').replace(/】/g, ']').replace(/：/g, ':');
  s = s.replace(/:+$/, '');
  const m = ENUMERATOR.exec(s);
  if (m && m[0].length < s.length) s = s.slice(m[0].length);
  return s;
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 1–99 written in digits or Chinese numerals (三, 十二, 二十一), or 1–12 as one Roman numeral character (Ⅲ, ⅲ). */
export function smallNumber(s: string): number | null {
  if (/^\d{1,3}$/.test(s)) return Number(s);
  if (/^[\u2160-\u216b\u2170-\u217b]$/.test(s)) return (s.charCodeAt(0) & 0x0f) + 1;
  if (!/^[一二三四五六七八九十]{1,3}$/.test(s)) return null;
  if (s === '十') return 10;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? CHINESE_DIGITS[s] : null;
  const tens = ten === 0 ? 1 : CHINESE_DIGITS[s[0]];
  const ones = ten === s.length - 1 ? 0 : CHINESE_DIGITS[s[s.length - 1]];
  return tens * 10 + ones;
}

/** An annotation inside a value (大写：…) rather than a label. */
export function isNotALabel(raw: string): boolean {
  return NOT_A_LABEL.test(normaliseLabel(raw));
}

/** What a label means, or null when the text is not a label at all. */
export function classifyLabel(raw: string): LabelInfo | null {
  const norm = normaliseLabel(raw);
  if (norm === '' || norm.length > 40) return null;
  const direct = TABLE.get(norm);
  if (direct) return { key: direct, norm, unit: null, rank: null };
  // 成交价为：196000.00 元, 公示发布日期为：…: an amount's or a date's label with 为 before the colon (not 牵头单位为…,
  // a sentence's clause)
  const stem = norm.endsWith('为') ? TABLE.get(norm.slice(0, -1)) : undefined;
  if (stem && (NOTED_KEYS.has(stem) || DATE_KEYS.has(stem))) return { key: stem, norm, unit: null, rank: null };
  // 1.采购人信息名称：X — a party's heading run into the 名称 (or 地址) under it, where a page's lines were joined
  const block = PARTY_BLOCK_FIELD.exec(norm);
  const blockParty = block ? TABLE.get(block[1]) : undefined;
  if (block && blockParty && PARTY_BLOCK_KEYS[blockParty]) {
    return { key: PARTY_BLOCK_KEYS[blockParty]![block[2] === '名称' ? 0 : 1], norm, unit: null, rank: null };
  }
  // 采购单位及联系方式 | 某某医院 联系人：…: the party, its contact after its name
  const withContact = CONTACT_TAIL.exec(norm);
  const party = withContact ? TABLE.get(norm.slice(0, withContact.index)) : undefined;
  if (party && CONTACT_TAILED.has(party)) return { key: party, norm, unit: null, rank: null };
  if (LOT_LABEL.test(norm)) return { key: 'lot', norm, unit: null, rank: null };
  const cand = CANDIDATE_LABEL.exec(norm) ?? NUMBERED_CANDIDATE_LABEL.exec(norm);
  if (cand) return { key: 'candidate', norm, unit: null, rank: smallNumber(cand[1]) };
  if (CANDIDATE_LIST_LABEL.test(norm)) return { key: 'candidate', norm, unit: null, rank: null };
  if (PER_UNIT_SUFFIX.test(norm)) {
    const key = TABLE.get(norm.replace(PER_UNIT_SUFFIX, ''));
    if (key) return { key, norm, unit: 'per', rank: null };
  }
  const unit = UNIT_SUFFIX.exec(norm);
  if (unit && unit.index > 0) {
    const key = TABLE.get(norm.slice(0, unit.index));
    if (key) return { key, norm, unit: unit[1] as AmountUnit, rank: null };
  }
  // 建设单位（公章）: the seal the form asks for beside the party's name
  const sealed = SEAL_NOTE.exec(norm);
  const signer = sealed && sealed.index > 0 ? TABLE.get(norm.slice(0, sealed.index)) : undefined;
  if (signer && SEALED_KEYS.has(signer)) return { key: signer, norm, unit: null, rank: null };
  const note = LABEL_NOTE.exec(norm);
  if (note && note.index > 0) {
    const key = TABLE.get(norm.slice(0, note.index));
    if (key && NOTED_KEYS.has(key)) return { key, norm, unit: null, rank: null };
    // 项目业主（招标人）, 建设单位(招标人): a party's label with its synonym in brackets
    if (key && SYNONYM_NOTED_KEYS.has(key) && TABLE.get(norm.slice(note.index + 1, -1)) === key) return { key, norm, unit: null, rank: null };
  }
  return null;
}

/** Keys whose value may sit alone on the next line when the label line ends with a colon. */
export const VALUE_MAY_FOLLOW = new Set<FieldKey>([
  'projectName', 'projectCode', 'method', 'buyerName', 'buyerAddress', 'agencyName', 'agencyAddress', 'winnerName',
  'winnerAddress', 'awardValue', 'totalValue', 'budget', 'publishedAt', 'decisionDate', 'publicityPeriod', 'publicityStart',
  'publicityEnd', 'partyName', 'address', 'proposedWinner',
  'candidate', 'bid', 'region', 'contractModel', 'rate', 'uscc', 'unitName',
]);

// ---------------------------------------------------------------------------------------------
// Column headers: what a table column holds. Tried in order; the first match wins. A new site's
// header wording is one more alternative here.

export type ColumnRole =
  | 'lot' | 'winner' | 'supplier' | 'bidder' | 'address' | 'amount' | 'unitPrice' | 'rank' | 'failReason'
  | 'uscc' | 'candidateMark' | 'wonMark' | 'other';

export const COLUMN_HEADERS: [ColumnRole, RegExp][] = [
  // (价格部分 and 报价分 beside 技术部分 / 商务部分 score the price: they are no amount)
  ['other', /得分|分值|评分|分数|比例|权重|审查结果|评审结果|^评标价$|^(?:价格|报价)(?:部分|分)$|(?:资格性?|符合性)审查$|^(?:评审|评标|开标|定标)日期$|情况说明$|^备注$/],
  // 是否中标候选人 | 是 / 否: which of the ranked bidders the panel put forward (湖南省政府采购网 results)
  ['candidateMark', /^是否(为)?(中标|成交|中选)?候选(人|供应商|单位)$/],
  // 是否成交 | 是 / 否, 中标结果 | 中标 / 未中标: which rows of a bidders' table won
  // (是否入围 is not one: 入围 may mean going on to the next round)
  ['wonMark', /^是否(为)?(中标|成交|中选)(供应商|人|单位)?$|^(中标|成交|中选)与否$/],
  // 是否价格扣除 | 否: a yes/no column about something else than the result;
  // a party's phone or contact is no amount or name
  ['other', /^是否(?!.*(中标|成交|中选|入围|候选))|电话|联系人|联系方式/],
  ['failReason', /(废标|流标|失败|终止)(原因|理由)/],
  ['rank', /^(推荐)?(排名|排序|名次|顺序|排序号|名次排序)$|^(中标)?候选人排序$/],
  ['lot', /^(包号|分包号|包|标包|标段|标项|分包|包别|合同包|标段号|包件号?|采购包|包组|标包号|分标|包号\/标段|包段)$/],
  // a column headed 组织机构代码 holds the USCC since 2015 (the code is read only if it checks out)
  // …and so does 供应商编码 beside a winner's name and address (河北省政府采购网 results)
  ['uscc', /信用代码|组织机构代码|^供应商编码$/],
  ['bidder', /^(投标人|报价人|投标单位|候选人|中标候选人|成交候选人|中选候选人|响应人|响应供应商|投标供应商|参与供应商|候选中标供应商|中标候选供应商|成交候选供应商)(名称|全称)?$/],
  // …and 中标入围供应商名称: those a framework admits
  ['winner', /^(?:(?:中标|成交|中选)(?:\((?:成交|选)\))?(?:入围)?|入围)(供应商|人|单位|商|公司|企业)(名称|全称)?$/],
  // what a lot or project is (包名称, 标段名称, 采购内容): a column of the table, holding no party
  ['other', /^(?:包|分包|标包|包件|标段|标项|项目|品目|采购(?:项目|品目)?|货物|服务|工程|标的)(?:名称|内容)$/],
  ['supplier', /^(供应商|单位|公司|企业)?(名称|全称)$|^供应商(信息)?$/],
  ['address', /地址|住所/],
  ['unitPrice', /单价|\(元\/[^)]+\)/],
  ['amount', /金额|价格|报价|总价|价款|中标价|成交价|合同价|投标价|费用|^价$/],
];

/**
 * The cells of a result table's header as page text keeps them with nothing between them (the national template
 * as crawled: 序号中标（成交）金额(元)中标供应商名称中标供应商地址评审总得分1磋商报价：667113（元）…), each with the
 * kind of value its column holds, so that the glued header and its rows can be cut. Longest first where one holds
 * another. A new site's header cell is one more entry here.
 */
export type GluedCellKind = 'serial' | 'name' | 'text' | 'amount' | 'score' | 'uscc';
export const GLUED_TABLE_HEADERS: [string, GluedCellKind][] = [
  ['序号', 'serial'],
  ['中标（成交）供应商名称', 'name'], ['中标供应商名称', 'name'], ['成交供应商名称', 'name'], ['中标人名称', 'name'],
  ['中标单位名称', 'name'], ['供应商名称', 'name'],
  ['中标（成交）供应商地址', 'text'], ['中标供应商地址', 'text'], ['成交供应商地址', 'text'], ['供应商地址', 'text'],
  ['中标人地址', 'text'], ['标项名称', 'text'], ['备注', 'text'],
  ['中标（成交）金额(元)', 'amount'], ['中标（成交）金额', 'amount'], ['中标金额(元)', 'amount'], ['中标金额', 'amount'],
  ['成交金额(元)', 'amount'], ['成交金额', 'amount'],
  ['评审总得分', 'score'], ['综合得分', 'score'], ['评审得分', 'score'], ['最终得分', 'score'],
  ['统一社会信用代码', 'uscc'],
];

/** A cell under a wonMark column that says the row won, or that it did not. */
export const WON_MARK_YES = /^(是|√|✓|✔|中标|成交|中选|已中标|已成交|中标人|成交人|中标单位|中标供应商|成交供应商)$/;
export const WON_MARK_NO = /^(否|×|✗|✘|未中标|未成交|不成交|未中选|落选|不中标|放弃中标|放弃成交|放弃|弃标|\/|-|—)$/;

/** Headers of columns the extractor does not read, recognised so that a row of them is a header row. */
export const OTHER_COLUMN_HEADER = /^(序号|物料|物资|材料|产品|工厂|下浮|费率|优惠|折扣|编号|备注|规格|型号|数量|服务|分包内容|分包名称|货物|得分|评审|服务响应|报价时间|品牌|产地|单位|比例|其他|标的|项目|工期|质量|技术|商务|综合|交货|联系|电话|内容|采购内容|主要|资质|项目经理|建造师|说明|时间|日期|计量|规格型号|品目|描述|名称)/;

// ---------------------------------------------------------------------------------------------
// Section headings: what a block of the notice is about. Only a 'result' block names winners;
// bidders', candidates', rejected bidders' and reviewers' blocks never do. Tried in order.

export type SectionKind = 'result' | 'candidates' | 'bidders' | 'rejected' | 'review' | 'reviewResult' | 'buyer' | 'agency' | 'contact' | 'project' | 'other';

export const SECTION_HEADINGS: [SectionKind, RegExp][] = [
  ['rejected', /未通过|不通过|无效(投标|响应)|投标无效|否决|不合格|被拒绝|淘汰|未进入/],
  // 九、未中标（成交）供应商的未中标（成交）原因 (the 2020 national template) names the losers, never a winner;
  // a result heading with a note on what failed (成交信息（第2包未成交）) stays a result.
  ['rejected', /^(?=.*(未(中标|成交|中选)|落选|落标))(未(中标|成交|中选)(（成交）|\(成交\))?|(?!中标|成交|中选).)*$/],
  ['candidates', /候选|排序|推荐/],
  ['other', /标的|用途|公告期限|质疑|投诉|补充|附件|需求|概况|概要|说明|媒体|日期|时间|地点/],
  // 四、评标结果 gives the review's outcome: a winner its labels name (中标人名称：X), never one a bare list or scores imply.
  ['reviewResult', /^(评标|评审)结果$/],
  ['review', /评审|评标|得分|专家|评委|谈判小组|磋商小组|询价小组|委员会/],
  ['bidders', /^(?!.*(中标|成交|中选))(.*(投标|报价|响应|参与|参加|递交|开标).*(人|单位|供应商|名单|情况|记录)|投标(人|单位|供应商).*|开标记录|报价(情况|一览|记录).*)$/],
  ['buyer', /^(采购人|采购单位|招标人|建设单位|业主|采购方)(信息|名称|情况)?$/],
  ['result', /(中标|成交|中选|入围|采购|比选)(\(成交\)|（成交）|\/成交|、成交)?(结果|信息|情况|供应商|人|单位)|^结果|^(中标|成交)$/],
  ['agency', /代理机构|集中采购机构|代理单位/],
  ['contact', /联系/],
  ['project', /项目/],
];

/** Sections whose names are never winners, whatever their labels say. */
export const NOT_RESULT_SECTIONS = new Set<SectionKind>(['candidates', 'bidders', 'rejected', 'review']);

/** Winner labels so generic that they name a winner only inside the result section (供应商名称 also heads bidders' lists). */
export const GENERIC_WINNER_LABELS = new Set(['供应商名称', '供应商']);
/** …and of those, the ones that name a winner only under a result heading, even on a page that has none (供应商：X). */
export const RESULT_ONLY_WINNER_LABELS = new Set(['供应商']);

/** Words that say a bidder was turned down: its name beside them is never a winner. */
export const REJECTION_WORDS = /未通过|不通过|无效投标|无效响应|投标无效|响应无效|被否决|否决(其)?投标|被拒绝|不合格|被淘汰|未进入|资格审查不合格|废标的?(供应商|投标人)/;

/**
 * The method written after the project's name, in an intro (…存储备份一体机国内竞争性磋商项目) or a title (…工程项目竞争性
 * 谈判采购的中标公告, …审核的定点采购的中标公告): not the project's name.
 */
export const METHOD_AFTER_NAME = /(?:进行了?|的)?(?:国内|国际)?(?:公开招标|邀请招标|竞争性谈判|竞争性磋商|询价|单一来源|定点)(?:招标)?(?:采购)?$/;

// ---------------------------------------------------------------------------------------------
// How a notice says that nobody won: a winner's cell, a lot, the whole call. Read by the awards
// (awards.ts, flat.ts); the notice's type (notice-type.ts) reads CALL_FAILED_TITLE too.

/** A winner's cell or column that names nobody (无供应商, 流标, 未成交). */
export const NO_WINNER = /无供应商|无人?投标|流标|废标|无效|无成交|未成交|无中标|失败/;
/** A winner's value that says none won. */
export const NONE_WON = /^(?:无|空缺|废标|流标|无中标人|无成交供应商|无中标供应商)[。.]?$/;
/** A sentence that says the lot under its heading failed (the lot's own result, not a tender's rule). */
export const LOT_FAILED = /予以废标|作废标处理|做废标处理|(?:宣布|予以|作)流标|(?:本|该)(?:包|标段|标包|品目|标项|分包)(?:废标|流标)|未收到(?:任何)?(?:投标人|供应商)?(?:递交的)?(?:投标|响应)文件|无(?:供应商|投标人)(?:投标|响应|报名)|^(?:废标|流标)[。.]?$/;
/** A statement that ends in the lot's failing: …不足三家，流标。 */
export const ENDS_FAILED = /(?:^|[，,；;]\s*)(?:废标|流标)[。.]?$/;
/**
 * Words that say the whole call failed: in the title (…项目失败公示, …废标公告) or a sentence about the project (本项目作废标
 * 处理, 本次招标失败, 不足三家，故废标). A call stopped for other reasons (终止, 取消) did not fail: it names no failed award.
 */
export const CALL_FAILED_TITLE = /(?:废标|流标|失败|不成功)的?(?:公告|公示|通知|结果)/;
export const CALL_FAILED_SENTENCE = /(?:本|该)(?:项目|次采购|次招标|次谈判|次磋商|次询价|次比选)[^，,。；;]{0,12}?(?:废标|流标|失败)|(?:招标|采购|谈判|磋商|询价|比选)失败|(?:不足|少于)(?:三|3)家[，,]\s*(?:故|因此|所以|现)?(?:予以|做|作)?(?:废标|流标)/;

// ---------------------------------------------------------------------------------------------
// What a winner's name ends with: the legal or trading forms of organisations that take contracts
// (simplified and traditional script). A name that ends otherwise (a department 办公室/设备科, a
// government unit, a header, a sentence) is not stored as a winner.

export const PARTY_FORMS: string[] = [
  '公司', '有限责任公司', '股份有限公司', '分公司', '集团', '企业', '合伙', '合作社', '联社', '经济联合社',
  '研究所', '研究院', '设计院', '设计所', '勘察院', '勘测院', '规划院', '测绘院', '检测院', '检验院', '评估院', '科学院',
  '技术院', '建筑院', '医院', '卫生院', '保健院', '学校', '大学', '学院', '中学', '小学', '幼儿园', '事务所', '中心',
  '厂', '分厂', '商行', '银行', '分行', '支行', '店', '分店', '经营部', '门市部', '服务部', '销售部', '营业部', '工作室',
  '宾馆', '酒店', '饭店', '大厦', '会馆', '出版社', '报社', '旅行社', '杂志社', '印刷社', '书店', '加油站', '服务站', '农场',
  '林场', '牧场', '苗圃', '矿', '电视台',
  // construction teams (偏关县某某绿化工程队)
  '工程队', '施工队', '建筑队', '安装队', '绿化队', '装饰队', '维修队',
  // traditional script
  '公司', '廠', '醫院', '學校', '學院', '研究院', '事務所', '合作社', '銀行', '中心', '商行',
];

/**
 * The common Chinese surnames, single and compound: a name of two to four characters that starts with one, under the
 * award's own label (中标人名称：郑某某), is a natural person who won (a village's small works, a single-person firm).
 */
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝';
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木'];
export const PERSON_NAME = new RegExp(`^(?:${COMPOUND_SURNAMES.join('|')}|[${SURNAMES}])[\\u4e00-\\u9fff]{1,2}$`, 'u');

/** A natural person named as the supplier: 张三（自然人）. */
export const PERSON_NOTE = /[（(](自然人|个人|個人)[)）]$/;
