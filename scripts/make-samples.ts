// Writes samples/: a reconstruction of the Xinjiang case in several formats (see samples/README.md).
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { repoRoot } from '../src/config.ts';
import { buildPdf, textPage } from '../test/fixtures/make/pdf-writer.ts';

const out = path.join(repoRoot, 'samples');

const moyuTender = `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta name="ArticleTitle" content="墨玉县公共安全视频监控建设PPP项目招标公告">
<meta name="PubDate" content="2017-03-02 10:30">
<title>墨玉县公共安全视频监控建设PPP项目招标公告</title></head>
<body><div class="vF_detail_content">
<h2>墨玉县公共安全视频监控建设PPP项目招标公告</h2>
<p>墨玉县公共资源交易中心受墨玉县公安局委托，就墨玉县公共安全视频监控建设PPP项目进行公开招标，欢迎合格的社会资本方参加。</p>
<p>一、项目基本情况</p>
<p>项目名称：墨玉县公共安全视频监控建设PPP项目</p>
<p>项目编号：MYX-PPP-2017-01</p>
<p>采购方式：公开招标</p>
<p>运作方式：BOT（建设—运营—移交），合作期限15年，其中建设期1年，运营期14年</p>
<p>预算金额：58,000.00万元</p>
<p>二、采购人信息</p>
<p>采购人：墨玉县公安局</p>
<p>地址：新疆维吾尔自治区和田地区墨玉县</p>
<p>三、采购代理机构信息</p>
<p>采购代理机构：墨玉县公共资源交易中心</p>
<p>地址：新疆维吾尔自治区和田地区墨玉县</p>
<p>四、获取招标文件时间：2017年03月02日至2017年03月09日</p>
</div></body></html>
`;

const moyuAward = `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta name="ArticleTitle" content="墨玉县公共安全视频监控建设PPP项目中标公告">
<meta name="PubDate" content="2017-04-18 16:05">
<title>墨玉县公共安全视频监控建设PPP项目中标公告</title></head>
<body><div class="vF_detail_content">
<h2>墨玉县公共安全视频监控建设PPP项目中标公告</h2>
<p>一、项目编号：MYX-PPP-2017-01</p>
<p>二、项目名称：墨玉县公共安全视频监控建设PPP项目</p>
<p>三、中标（成交）信息</p>
<table border="1">
<tr><th>序号</th><th>供应商名称</th><th>供应商地址</th><th>统一社会信用代码</th><th>中标（成交）金额</th></tr>
<tr><td>1</td><td>杭州海康威视数字技术股份有限公司</td><td>杭州市滨江区阡陌路555号</td><td>91330000733796106P</td><td>56,980.00万元</td></tr>
</table>
<p>四、主要标的信息</p>
<p>运作方式：BOT，合作期限15年。建设内容：县域公共安全视频监控前端点位、传输网络及监控中心。</p>
<p>五、评审专家名单：略</p>
<p>六、代理服务收费标准及金额：代理服务费 36.50万元</p>
<p>七、公告期限：自本公告发布之日起1个工作日。</p>
<p>九、凡对本次公告内容提出询问，请按以下方式联系。</p>
<p>1.采购人信息</p>
<p>名称：墨玉县公安局</p>
<p>地址：新疆维吾尔自治区和田地区墨玉县</p>
<p>2.采购代理机构信息</p>
<p>名称：墨玉县公共资源交易中心</p>
<p>地址：新疆维吾尔自治区和田地区墨玉县</p>
</div></body></html>
`;

const pishanAward = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
<meta name="ArticleTitle" content="皮山县公共安全视频监控建设PPP项目成交公告">
<meta name="PubDate" content="2017-06-20 11:12">
<title>皮山县公共安全视频监控建设PPP项目成交公告</title></head>
<body><div class="vF_detail_content">
<p>一、项目信息</p>
<p>项目名称：皮山县公共安全视频监控建设PPP项目</p>
<p>项目编号：PSX-PPP-2017-03</p>
<p>采购方式：竞争性磋商</p>
<p>二、采购单位信息</p>
<p>采购单位名称：皮山县公安局</p>
<p>地址：新疆维吾尔自治区和田地区皮山县</p>
<p>三、采购代理机构信息</p>
<p>代理机构名称：皮山县公共资源交易中心</p>
<p>四、成交信息</p>
<p>成交供应商：杭州海康威視數字技術股份有限公司</p>
<p>成交供应商地址：杭州市滨江区阡陌路555号</p>
<p>成交金额：人民币叁亿壹仟贰佰万元整（￥312,000,000.00）</p>
</div></body></html>
`;

const urumqiLines = [
  '乌鲁木齐市平安城市视频监控系统建设项目（第二包）中标公告',
  '发布时间：2017年08月15日',
  '项目名称：乌鲁木齐市平安城市视频监控系统建设项目',
  '项目编号：WLMQ-AQCS-2017-08',
  '采购人：乌鲁木齐市公安局新市区分局',
  '采购人地址：乌鲁木齐市新市区（高新区）',
  '采购方式：公开招标',
  '第二包：新市区前端视频监控点位',
  '中标供应商：浙江大华技术股份有限公司',
  '统一社会信用代码：91330000727215176K',
  '供应商地址：杭州市滨江区滨安路1187号',
  '中标金额：￥98,650,000.00元',
];

const ownershipCsv = `owner,owned,share,as_of,source,owner_uscc,owned_uscc
国务院国有资产监督管理委员会,中国电子科技集团有限公司,100,2021-12-31,sample reconstruction,,
中国电子科技集团有限公司,中电海康集团有限公司,100,2021-12-31,sample reconstruction,,
中国电子科技集团有限公司,中电科投资控股有限公司,100,2021-12-31,sample reconstruction,,
中国电子科技集团有限公司,中国电子科技集团公司第五十二研究所,100,2021-12-31,sample reconstruction,,
中电海康集团有限公司,杭州海康威视数字技术股份有限公司,36.35,2021-12-31,sample reconstruction,,91330000733796106P
中电科投资控股有限公司,杭州海康威视数字技术股份有限公司,2.63,2021-12-31,sample reconstruction,,91330000733796106P
中国电子科技集团公司第五十二研究所,杭州海康威视数字技术股份有限公司,1.96,2021-12-31,sample reconstruction,,91330000733796106P
`;

// Illustrative: the Moyu and Pishan project companies as Hikvision subsidiaries (the Entity List says
// they are; the Chinese names and the shares are illustrative). Pishan shows aggregation: Hikvision's
// 45% and the caught Moyu company's 10% add up to 55%.
const projectCompaniesCsv = `owner,owned,share,as_of,source,owner_uscc,owned_uscc
杭州海康威视数字技术股份有限公司,墨玉海视电子科技有限公司,100,2021-12-31,sample reconstruction (illustrative share),91330000733796106P,
杭州海康威视数字技术股份有限公司,皮山海视永安电子科技有限公司,45,2021-12-31,sample reconstruction (illustrative share),91330000733796106P,
墨玉海视电子科技有限公司,皮山海视永安电子科技有限公司,10,2021-12-31,sample reconstruction (illustrative share),,
`;

// Restriction lists, public facts only: the Entity List entries of 2019-10-09 (FR Doc 2019-22210) and
// 2023-03-28 in the Consolidated Screening List's JSON shape (record ids illustrative), and the
// NS-CMIC rows of OFAC's cons_prim.csv (entities 30946 and 30936, USCCs in the remarks).
const entityListJson = {
  total: 3,
  sources_used: [{ source_name: 'Entity List (EL) - Bureau of Industry and Security', source_last_updated: null, import_rate: 'Daily' }],
  results: [
    {
      id: 'sample-el-hikvision', source: 'Entity List (EL) - Bureau of Industry and Security', entity_number: null, type: null, programs: [],
      name: 'Hangzhou Hikvision Digital Technology Co. Ltd.', addresses: [{ address: null, city: 'Hangzhou', state: 'Zhejiang', postal_code: null, country: 'CN' }],
      federal_register_notice: 'FR Doc 2019-22210', start_date: '2019-10-09', end_date: null, alt_names: [], remarks: null, ids: [],
    },
    {
      id: 'sample-el-dahua', source: 'Entity List (EL) - Bureau of Industry and Security', entity_number: null, type: null, programs: [],
      name: 'Zhejiang Dahua Technology Co. Ltd.', addresses: [{ address: null, city: 'Hangzhou', state: 'Zhejiang', postal_code: null, country: 'CN' }],
      federal_register_notice: 'FR Doc 2019-22210', start_date: '2019-10-09', end_date: null, alt_names: [], remarks: null, ids: [],
    },
    {
      id: 'sample-el-moyu-haishi', source: 'Entity List (EL) - Bureau of Industry and Security', entity_number: null, type: null, programs: [],
      name: 'Moyu Haishi Electronic Technology Co.', addresses: [{ address: null, city: 'Moyu', state: 'Xinjiang', postal_code: null, country: 'CN' }],
      federal_register_notice: null, start_date: '2023-03-28', end_date: null, alt_names: [], remarks: null, ids: [],
    },
  ],
};

const consPrimCsv = [
  '30936,"CHINA ELECTRONICS TECHNOLOGY GROUP CORPORATION",-0- ,"[CMIC-EO13959]",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Listing Date (CMIC) 03 Jun 2021; Unified Social Credit Code (USCC) 91110000710929498G (China)."',
  '30946,"HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.",-0- ,"[CMIC-EO13959]",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"Equity Ticker 002415 CN; ISIN CNE100000PM8; Listing Date (CMIC) 03 Jun 2021; Unified Social Credit Code (USCC) 91330000733796106P (China)."',
].join('\r\n') + '\r\n';

const consAltCsv = '30936,1,"aka","CETC",-0- \r\n';

// Hikvision's English name as its own annual reports give it.
const nameLinksCsv = `name,alias,source
杭州海康威视数字技术股份有限公司,"Hangzhou Hikvision Digital Technology Co., Ltd.",Hikvision annual report (English edition)
浙江大华技术股份有限公司,"Zhejiang Dahua Technology Co., Ltd.",Dahua annual report (English edition)
`;

const dahuaBods = [
  {
    statementId: 'sample-dahua-entity',
    declarationSubject: 'sample-dahua-entity',
    statementDate: '2021-12-31',
    recordId: 'dahua',
    recordType: 'entity',
    recordDetails: {
      isComponent: false,
      entityType: { type: 'registeredEntity' },
      name: '浙江大华技术股份有限公司',
      identifiers: [{ id: '91330000727215176K', scheme: 'CN-USCC' }],
      addresses: [{ type: 'registered', address: '杭州市滨江区滨安路1187号', country: { name: 'China', code: 'CN' } }],
    },
  },
  {
    statementId: 'sample-fu-liquan',
    declarationSubject: 'sample-dahua-entity',
    statementDate: '2021-12-31',
    recordId: 'fu-liquan',
    recordType: 'person',
    recordDetails: { isComponent: false, personType: 'knownPerson', names: [{ type: 'legal', fullName: '傅利泉' }] },
  },
  {
    statementId: 'sample-fu-liquan-owns-dahua',
    declarationSubject: 'sample-dahua-entity',
    statementDate: '2021-12-31',
    recordId: 'fu-liquan-dahua',
    recordType: 'relationship',
    recordDetails: {
      isComponent: false,
      subject: 'dahua',
      interestedParty: 'fu-liquan',
      interests: [{ type: 'shareholding', directOrIndirect: 'direct', beneficialOwnershipOrControl: true, share: { minimum: 25, maximum: 50 } }],
    },
  },
];

function ucs2(s: string): Buffer {
  const b = Buffer.alloc(s.length * 2);
  for (let i = 0; i < s.length; i++) b.writeUInt16BE(s.charCodeAt(i), i * 2);
  return b;
}

fs.mkdirSync(path.join(out, 'ownership'), { recursive: true });
fs.writeFileSync(path.join(out, 'moyu-ppp-tender.html'), moyuTender);
fs.writeFileSync(path.join(out, 'moyu-ppp-award.html'), moyuAward);
fs.writeFileSync(path.join(out, 'pishan-ppp-award.html'), iconv.encode(pishanAward, 'gbk'));
fs.writeFileSync(path.join(out, 'urumqi-safe-city-award.pdf'), buildPdf([textPage(urumqiLines, ucs2)], 'UniGB-UCS2-H'));
fs.writeFileSync(path.join(out, 'ownership', 'cetc-hikvision.csv'), ownershipCsv);
fs.writeFileSync(path.join(out, 'ownership', 'dahua.bods.json'), JSON.stringify(dahuaBods, null, 2) + '\n');
fs.writeFileSync(path.join(out, 'ownership', 'hikvision-project-companies.csv'), projectCompaniesCsv);
fs.mkdirSync(path.join(out, 'lists'), { recursive: true });
fs.writeFileSync(path.join(out, 'lists', 'entity-list.csl.json'), JSON.stringify(entityListJson, null, 2) + '\n');
fs.writeFileSync(path.join(out, 'lists', 'cons_prim.csv'), consPrimCsv);
fs.writeFileSync(path.join(out, 'lists', 'cons_alt.csv'), consAltCsv);
fs.writeFileSync(path.join(out, 'lists', 'name-links.csv'), nameLinksCsv);
console.log(`samples written to ${out}`);
