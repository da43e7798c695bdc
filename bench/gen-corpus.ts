// A synthetic corpus of procurement notices for benchmarks: `npm run gen -- --notices N --out DIR`.
// Deterministic (a seeded generator), realistic enough for the extractor: the layouts of the golden
// cases (2020 result template, label：value paragraphs, 政采云 class markers, the ccgp summary table,
// candidate tables, terminations, corrections), counties from the gazetteer, valid USCCs, amounts in
// 元 and 万元, and a few thousand companies that win again and again (with spaced, traditional,
// role-annotated and branch spellings now and then).
//
// Output: DIR/notices/<000>/<n>.html (1,000 per folder) and DIR/manifest.jsonl ({path, url, retrievedAt}).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js/cn2t';
import { allRegions } from '../src/domain/region.ts';
import { normalizeUscc } from '../src/domain/uscc.ts';
import { random } from './support/random.ts';

// ------------------------------------------------------------------------------------ randomness

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const chance = (r: Rand, p: number): boolean => r() < p;

// ------------------------------------------------------------------------------------ vocabulary

const PLACES = ['新疆', '乌鲁木齐', '和田', '喀什', '浙江', '杭州', '北京', '上海', '广东', '深圳', '四川', '成都', '重庆', '湖北', '武汉', '江苏', '南京', '山东', '济南', '河南', '郑州', '陕西', '西安', '甘肃', '兰州', '广西', '南宁', '云南', '昆明'];
const BRANDS = ['天擎', '华信', '中科', '博远', '恒通', '金盾', '安泰', '鼎盛', '汇智', '联创', '瑞达', '宏图', '海纳', '凯德', '正泰', '立信', '智远', '昊天', '众诚', '新宇', '东方', '长城', '天山', '昆仑', '星辰', '蓝海', '银河', '翰林', '德赛', '卓越', '锦程', '华通', '泰和', '永安', '盛世', '信达', '天成', '国泰', '明德', '弘毅'];
const TRADES = ['信息技术', '网络科技', '电子科技', '建设工程', '安防技术', '智能科技', '通信工程', '医疗器械', '教育装备', '环保科技', '建筑安装', '物业服务', '软件技术', '数据科技', '机电设备', '交通设施', '水利工程', '测绘', '工程咨询', '办公设备'];
const FORMS = ['有限公司', '有限公司', '有限公司', '有限公司', '股份有限公司', '有限责任公司'];
const DEPARTMENTS = ['公安局', '教育局', '人民医院', '水利局', '卫生健康委员会', '自然资源局', '交通运输局', '财政局', '人民政府办公室', '第一中学', '城市管理局', '农业农村局', '住房和城乡建设局', '疾病预防控制中心'];
const TOPICS = ['视频监控建设', '信息化建设', '教学设备采购', '医疗设备采购', '办公设备采购', '道路维修工程', '安防系统升级', '数据中心建设', '物业服务', '网络设备采购', '灌区信息化建设', '便民警务站建设', '校园安全监控', '电子政务平台'];
const METHODS = ['公开招标', '公开招标', '竞争性磋商', '竞争性谈判', '询价', '单一来源'];
const AGENCY_WORDS = ['招标', '工程咨询', '项目管理', '建设咨询', '招标代理'];
const FAMOUS = [
  { name: '杭州海康威视数字技术股份有限公司', uscc: '91330000733796106P', address: '杭州市滨江区阡陌路555号' },
  { name: '浙江大华技术股份有限公司', uscc: '91330000727215176K', address: '杭州市滨江区滨安路1187号' },
];

// ------------------------------------------------------------------------------------ parties

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid USCC: 91 + the region code + 9 random characters + the check character. */
function makeUscc(r: Rand, region: string): string {
  let body = `91${region}`;
  for (let i = 0; i < 9; i++) body += USCC_ALPHABET[Math.floor(r() * USCC_ALPHABET.length)];
  for (const c of USCC_ALPHABET) if (normalizeUscc(body + c)) return body + c;
  throw new Error(`no check character for ${body}`);
}

export interface GenCompany {
  name: string;
  uscc: string;
  address: string;
  /** A branch's parent name, when the company is a branch. */
  parent: string | null;
}

interface County { code: string; name: string; prefecture: string; province: string }

function counties(): County[] {
  const regions = allRegions();
  const byCode = new Map(regions.map((x) => [x.code, x]));
  return regions
    .filter((x) => x.level === 'county' && x.status === 'current' && !/市辖区|^其他/.test(x.name))
    .map((x) => {
      const pref = x.parent ? byCode.get(x.parent) : undefined;
      const prov = pref?.parent ? byCode.get(pref.parent) : pref;
      return { code: x.code, name: x.name, prefecture: pref?.name ?? '', province: prov?.name ?? '' };
    });
}

function makeCompanies(r: Rand, count: number, places: County[]): GenCompany[] {
  const seen = new Set<string>();
  const out: GenCompany[] = FAMOUS.map((f) => ({ ...f, parent: null }));
  for (const f of FAMOUS) seen.add(f.name);
  while (out.length < count) {
    const name = `${pick(r, PLACES)}${pick(r, BRANDS)}${pick(r, TRADES)}${pick(r, FORMS)}`;
    if (seen.has(name)) continue;
    seen.add(name);
    const place = pick(r, places);
    out.push({ name, uscc: makeUscc(r, place.code), address: `${place.province}${place.name}${pick(r, ['人民路', '解放路', '团结路', '友好路', '建设路'])}${1 + Math.floor(r() * 300)}号`, parent: null });
  }
  // Branches of a few companies: their own USCC, their own node.
  for (let i = 0; i < count / 20; i++) {
    const parent = out[1 + Math.floor(r() * (out.length - 1))];
    if (parent.parent || !parent.name.endsWith('公司')) continue;
    const city = pick(r, places);
    const name = `${parent.name}${city.name.replace(/(县|市|区)$/, '')}分公司`;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ name, uscc: makeUscc(r, city.code), address: `${city.province}${city.name}新华路${1 + Math.floor(r() * 99)}号`, parent: parent.name });
  }
  return out;
}

/** A heavy head: a few companies win a large share of the notices. */
function pickCompany(r: Rand, companies: GenCompany[]): GenCompany {
  return companies[Math.floor(companies.length * r() ** 2.5)];
}

let toTraditional: ((s: string) => string) | null = null;

/** How a notice prints a company name: mostly as registered, sometimes spaced or traditional. */
function printed(r: Rand, name: string): string {
  const u = r();
  if (u < 0.03) {
    const convert = (toTraditional ??= OpenCC.Converter({ from: 'cn', to: 'tw' }));
    return convert(name);
  }
  if (u < 0.06) return name.replace(/^(.{2})(.{2})(.+)$/u, '$1 $2 $3');
  return name;
}

// ------------------------------------------------------------------------------------ values

function yuan(amount: number): string {
  return amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

function money(r: Rand, amount: number): string {
  const u = r();
  if (u < 0.35) return `${yuan(amount / 10_000)}万元`;
  if (u < 0.55) return `￥${yuan(amount)}元`;
  if (u < 0.7) return `总价形式报价:${amount.toFixed(2)}(元)`;
  return `${yuan(amount)}元`;
}

function isoDate(day: number): string {
  return new Date(Date.UTC(2015, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

function cnDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${m}月${d}日`;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function page(title: string, publishedIso: string, body: string, meta: boolean): string {
  const head = meta
    ? `<meta name="ArticleTitle" content="${esc(title)}">\n<meta name="PubDate" content="${publishedIso} 10:30">\n`
    : '';
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8">\n${head}<title>${esc(title)}</title></head>\n<body><div class="vF_detail_content">\n${body}\n</div></body></html>\n`;
}

// ------------------------------------------------------------------------------------ projects

export interface GenProject {
  code: string;
  name: string;
  buyer: string;
  buyerAddress: string;
  agency: string;
  method: string;
  budget: number;
  lots: { winners: GenCompany[]; amount: number; failed: boolean; consortium: boolean }[];
  tenderDay: number;
}

export interface GenNotice {
  type: 'tender' | 'award' | 'candidate' | 'termination' | 'correction';
  layout: string;
  publishedAt: string;
  html: string;
  project: GenProject;
}

function makeProject(r: Rand, seq: number, places: County[], companies: GenCompany[]): GenProject {
  const county = pick(r, places);
  const buyer = `${county.name}${pick(r, DEPARTMENTS)}`;
  const year = 2015 + Math.floor(r() * 9);
  const tenderDay = (year - 2015) * 365 + Math.floor(r() * 330);
  const budget = Math.round(10 ** (4.7 + r() * 4) / 100) * 100;
  const lotCount = chance(r, 0.1) ? 2 : 1;
  const lots = Array.from({ length: lotCount }, () => {
    const failed = lotCount > 1 && chance(r, 0.2);
    const consortium = !failed && chance(r, 0.04);
    const winners = failed ? [] : consortium ? [pickCompany(r, companies), pickCompany(r, companies)] : [pickCompany(r, companies)];
    const amount = Math.round(((budget / lotCount) * (0.85 + r() * 0.14)) / 100) * 100;
    return { winners: consortium && winners[0] === winners[1] ? [winners[0]] : winners, amount, failed, consortium: consortium && winners[0] !== winners[1] };
  });
  const agencyPlace = pick(r, PLACES);
  return {
    code: `${county.code.slice(0, 4)}ZC${year}-${String(seq).padStart(6, '0')}`,
    name: `${county.name}${pick(r, TOPICS)}项目`,
    buyer,
    buyerAddress: `${county.province}${county.prefecture === county.province ? '' : county.prefecture}${county.name}`,
    agency: `${agencyPlace}${pick(r, BRANDS)}${pick(r, AGENCY_WORDS)}有限公司`,
    method: pick(r, METHODS),
    budget,
    lots,
    tenderDay,
  };
}

function contacts(p: GenProject): string {
  return [
    '<p>九、凡对本次公告内容提出询问，请按以下方式联系。</p>',
    '<p>1.采购人信息</p>',
    `<p>名称：${p.buyer}</p>`,
    `<p>地址：${p.buyerAddress}</p>`,
    '<p>2.采购代理机构信息</p>',
    `<p>名称：${p.agency}</p>`,
  ].join('\n');
}

function winnerName(r: Rand, lot: GenProject['lots'][number], i: number): string {
  const name = printed(r, lot.winners[i].name);
  return lot.consortium ? `${name}（${i === 0 ? '联合体牵头人' : '联合体成员'}）` : name;
}

function awardTemplate2020(r: Rand, p: GenProject, day: string): string {
  const rows: string[] = [];
  p.lots.forEach((lot, li) => {
    if (p.lots.length > 1) rows.push(`<p>合同包${li + 1}：</p>`);
    if (lot.failed) {
      rows.push('<p>废标原因：有效投标人不足三家</p>');
      return;
    }
    rows.push('<table border="1">', '<tr><th>序号</th><th>供应商名称</th><th>供应商地址</th><th>统一社会信用代码</th><th>中标（成交）金额</th></tr>');
    lot.winners.forEach((w, i) => {
      rows.push(`<tr><td>${i + 1}</td><td>${winnerName(r, lot, i)}</td><td>${w.address}</td><td>${w.uscc}</td><td>${i === 0 ? money(r, lot.amount) : '/'}</td></tr>`);
    });
    rows.push('</table>');
  });
  return [
    `<h2>${p.name}中标（成交）结果公告</h2>`,
    `<p>一、项目编号：${p.code}</p>`,
    `<p>二、项目名称：${p.name}</p>`,
    '<p>三、中标（成交）信息</p>',
    ...rows,
    '<p>四、主要标的信息</p><p>详见采购文件</p>',
    '<p>五、评审专家名单：略</p>',
    '<p>七、公告期限：自本公告发布之日起1个工作日。</p>',
    contacts(p),
    `<p>${cnDate(day)}</p>`,
  ].join('\n');
}

function awardLabelValue(r: Rand, p: GenProject, day: string): string {
  const lot = p.lots.find((l) => !l.failed) ?? p.lots[0];
  const w = lot.winners[0];
  return [
    `<h3>${p.name}中标公告</h3>`,
    `<p>项目名称：${p.name}</p>`,
    `<p>项目编号：${p.code}</p>`,
    `<p>采购人：${p.buyer}</p>`,
    `<p>采购代理机构：${p.agency}</p>`,
    `<p>采购方式：${p.method}</p>`,
    '<p>一、中标信息</p>',
    `<p>中标供应商：${printed(r, w.name)}</p>`,
    `<p>中标供应商地址：${w.address}</p>`,
    `<p>统一社会信用代码：${w.uscc}</p>`,
    `<p>中标金额：${money(r, lot.amount)}</p>`,
    '<p>二、联系方式</p>',
    `<p>采购人地址：${p.buyerAddress}</p>`,
    `<p>发布日期：${cnDate(day)}</p>`,
  ].join('\n');
}

function awardMarkers(r: Rand, p: GenProject, day: string): string {
  const lot = p.lots.find((l) => !l.failed) ?? p.lots[0];
  const w = lot.winners[0];
  return [
    `<p style="text-align:center"><strong>${p.name}中标结果公告</strong></p>`,
    `<p><strong>一、项目编号：</strong><span class="code-00004">${p.code}</span></p>`,
    `<p><strong>二、项目名称：</strong><span class="code-00003">${p.name}</span></p>`,
    '<p><strong>三、中标（成交）信息</strong></p>',
    '<table class="form-panel-input-cls">',
    '<thead><tr><th>序号</th><th>标项</th><th>中标供应商名称</th><th>中标供应商地址</th><th>中标（成交）金额</th></tr></thead>',
    `<tbody><tr><td>1</td><td class="code-sectionNo">1</td><td class="code-winningSupplierName">${printed(r, w.name)}</td>`,
    `<td class="code-winningSupplierAddr">${w.address}</td><td class="code-summaryPrice">${money(r, lot.amount)}</td></tr></tbody></table>`,
    '<p><strong>九、凡对本次公告内容提出询问，请按以下方式联系。</strong></p>',
    '<p>1.采购人信息</p>',
    `<p>名 称：<span class="code-00014">${p.buyer}</span></p>`,
    `<p>地 址：${p.buyerAddress}</p>`,
    '<p>2.采购代理机构信息</p>',
    `<p>名 称：<span class="code-00009">${p.agency}</span></p>`,
    `<p>${cnDate(day)}</p>`,
  ].join('\n');
}

function awardSummaryTable(r: Rand, p: GenProject, day: string): string {
  const lot = p.lots.find((l) => !l.failed) ?? p.lots[0];
  const w = lot.winners[0];
  const amount = money(r, lot.amount);
  return [
    `<div class="vF_detail_header"><h2 class="tc">${p.name}中标公告</h2>`,
    `<p class="tc"><span id="pubTime">${cnDate(day)} 16:40</span></p></div>`,
    '<table border="0">',
    '<tr><td colspan="4" class="title"><b>公告概要：</b></td></tr>',
    `<tr><td class="title">采购项目名称</td><td colspan="3">${p.name}</td></tr>`,
    `<tr><td class="title">采购单位</td><td colspan="3">${p.buyer}</td></tr>`,
    `<tr><td class="title">总中标金额</td><td colspan="3">${amount}</td></tr>`,
    `<tr><td class="title">代理机构名称</td><td colspan="3">${p.agency}</td></tr>`,
    '</table>',
    `<p>一、项目编号：${p.code}</p>`,
    `<p>二、项目名称：${p.name}</p>`,
    '<p>三、中标信息</p>',
    `<p>供应商名称：${printed(r, w.name)}</p>`,
    `<p>供应商地址：${w.address}</p>`,
    `<p>中标金额：${amount}</p>`,
    `<p>四、采购方式：${p.method}</p>`,
    '<p>五、联系方式</p>',
    `<p>采购人：${p.buyer}</p>`,
    `<p>地址：${p.buyerAddress}</p>`,
  ].join('\n');
}

function tender(r: Rand, p: GenProject, day: string): string {
  return [
    `<h2>${p.name}招标公告</h2>`,
    `<p>${p.agency}受${p.buyer}委托，就${p.name}进行${p.method}，欢迎合格的供应商参加。</p>`,
    '<p>一、项目基本情况</p>',
    `<p>项目名称：${p.name}</p>`,
    `<p>项目编号：${p.code}</p>`,
    `<p>采购方式：${p.method}</p>`,
    `<p>预算金额：${money(r, p.budget)}</p>`,
    '<p>二、采购人信息</p>',
    `<p>采购人：${p.buyer}</p>`,
    `<p>地址：${p.buyerAddress}</p>`,
    '<p>三、采购代理机构信息</p>',
    `<p>采购代理机构：${p.agency}</p>`,
    `<p>发布日期：${cnDate(day)}</p>`,
  ].join('\n');
}

function candidates(r: Rand, p: GenProject, companies: GenCompany[], day: string): string {
  const first = p.lots.find((l) => !l.failed)?.winners[0] ?? pickCompany(r, companies);
  let second = pickCompany(r, companies);
  if (second === first) second = companies[(companies.indexOf(first) + 1) % companies.length];
  return [
    `<h3>${p.name}中标候选人公示</h3>`,
    '<table border="1">',
    `<tr><td>招 标 人</td><td>${p.buyer}</td><td>招标代理机构</td><td>${p.agency}</td></tr>`,
    `<tr><td>项目名称</td><td colspan="3">${p.name}</td></tr>`,
    `<tr><td>项目编号</td><td colspan="3">${p.code}</td></tr>`,
    `<tr><td>第一中标候选人</td><td colspan="3">${printed(r, first.name)}</td></tr>`,
    `<tr><td>投标报价（万元）</td><td colspan="3">${yuan(p.budget * 0.93 / 10_000)}</td></tr>`,
    `<tr><td>第二中标候选人</td><td colspan="3">${printed(r, second.name)}</td></tr>`,
    `<tr><td>投标报价（万元）</td><td colspan="3">${yuan(p.budget * 0.96 / 10_000)}</td></tr>`,
    '</table>',
    `<p>公示期：${cnDate(day)}起三日。</p>`,
    `<p>${cnDate(day)}</p>`,
  ].join('\n');
}

function termination(r: Rand, p: GenProject, companies: GenCompany[], day: string): string {
  return [
    `<h3>${p.name}终止公告</h3>`,
    `<p>一、项目编号：${p.code}</p>`,
    `<p>二、项目名称：${p.name}</p>`,
    '<p>三、项目终止的原因：因采购需求发生重大变化，经采购人研究决定终止本项目。</p>',
    `<p>已购买招标文件的供应商${pickCompany(r, companies).name}请持购买凭证办理退款手续。</p>`,
    '<p>四、联系方式</p>',
    `<p>采购人：${p.buyer}</p>`,
    `<p>采购代理机构：${p.agency}</p>`,
    `<p>${cnDate(day)}</p>`,
  ].join('\n');
}

function correction(p: GenProject, day: string): string {
  return [
    `<h3>${p.name}更正公告</h3>`,
    '<p>一、项目基本情况</p>',
    `<p>原公告的采购项目编号：${p.code}</p>`,
    `<p>原公告的采购项目名称：${p.name}</p>`,
    '<p>二、更正信息</p>',
    '<p>更正事项：采购文件</p>',
    '<p>更正内容：投标截止时间顺延七日。</p>',
    '<p>三、凡对本次公告内容提出询问，请按以下方式联系</p>',
    '<p>1.采购人信息</p>',
    `<p>名称：${p.buyer}</p>`,
    `<p>${cnDate(day)}</p>`,
  ].join('\n');
}

/** The notices of one project, in publication order. */
function projectNotices(r: Rand, p: GenProject, companies: GenCompany[]): GenNotice[] {
  const out: GenNotice[] = [];
  const at = (offset: number) => isoDate(p.tenderDay + offset);
  const add = (type: GenNotice['type'], layout: string, day: string, body: string, meta: boolean) => {
    const title = /<h[23][^>]*>([^<]+)</.exec(body)?.[1] ?? /<strong>([^<]+)<\/strong><\/p>/.exec(body)?.[1] ?? p.name;
    out.push({ type, layout, publishedAt: day, html: page(title, day, body, meta), project: p });
  };
  if (chance(r, 0.5)) add('tender', 'tender', at(0), tender(r, p, at(0)), true);
  if (chance(r, 0.05)) add('correction', 'correction', at(5), correction(p, at(5)), false);
  if (chance(r, 0.06)) {
    add('termination', 'termination', at(20), termination(r, p, companies, at(20)), false);
    return out;
  }
  if (chance(r, 0.15)) add('candidate', 'candidate', at(25), candidates(r, p, companies, at(25)), false);
  const day = at(30 + Math.floor(r() * 20));
  const u = r();
  const multi = p.lots.length > 1 || p.lots.some((l) => l.consortium);
  if (multi || u < 0.4) add('award', 'template-2020', day, awardTemplate2020(r, p, day), true);
  else if (u < 0.65) add('award', 'label-value', day, awardLabelValue(r, p, day), false);
  else if (u < 0.85) add('award', 'code-markers', day, awardMarkers(r, p, day), false);
  else add('award', 'summary-table', day, awardSummaryTable(r, p, day), true);
  return out;
}

// ------------------------------------------------------------------------------------ corpus

export interface CorpusOptions {
  notices: number;
  seed?: number;
  /** Distinct companies; default: one per 25 notices, at least 200. */
  companies?: number;
}

/** Yields notices one by one (constant memory for any size). */
export function* generateNotices(opts: CorpusOptions): Generator<GenNotice> {
  const r = random(opts.seed ?? 20170418);
  const places = counties();
  const companies = makeCompanies(r, opts.companies ?? Math.max(200, Math.round(opts.notices / 25)), places);
  let produced = 0;
  for (let seq = 1; produced < opts.notices; seq++) {
    for (const n of projectNotices(r, makeProject(r, seq, places, companies), companies)) {
      if (produced >= opts.notices) return;
      produced++;
      yield n;
    }
  }
}

export interface CorpusFiles {
  dir: string;
  manifest: string;
  count: number;
}

/** Writes the corpus under `out` (notices/ and manifest.jsonl). */
export function writeCorpus(out: string, opts: CorpusOptions): CorpusFiles {
  const dir = path.join(out, 'notices');
  fs.mkdirSync(dir, { recursive: true });
  const manifest = path.join(out, 'manifest.jsonl');
  const lines: string[] = [];
  let i = 0;
  for (const n of generateNotices(opts)) {
    const folder = String(Math.floor(i / 1000)).padStart(3, '0');
    if (i % 1000 === 0) fs.mkdirSync(path.join(dir, folder), { recursive: true });
    const rel = path.join('notices', folder, `${String(i).padStart(7, '0')}.html`);
    fs.writeFileSync(path.join(out, rel), n.html);
    const ym = n.publishedAt.slice(0, 7).replace('-', '');
    lines.push(JSON.stringify({ path: rel, url: `http://www.ccgp.gov.cn/cggg/dfgg/${n.type}/${ym}/t${n.publishedAt.replace(/-/g, '')}_${i}.htm`, retrievedAt: `${n.publishedAt}T12:00:00Z` }));
    i++;
  }
  fs.writeFileSync(manifest, lines.join('\n') + '\n');
  return { dir, manifest, count: i };
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const notices = Number(argValue(args, '--notices') ?? '1000');
  const out = argValue(args, '--out');
  const seed = argValue(args, '--seed');
  if (!out || !Number.isInteger(notices) || notices < 1) {
    process.stderr.write('usage: npm run gen -- --notices N --out DIR [--seed S]\n');
    process.exit(1);
  }
  const t0 = performance.now();
  const res = writeCorpus(out, { notices, seed: seed === undefined ? undefined : Number(seed) });
  process.stdout.write(`${res.count} notices in ${res.dir}, manifest ${res.manifest} (${((performance.now() - t0) / 1000).toFixed(1)}s)\n`);
}
