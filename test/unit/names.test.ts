import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  branchParentName,
  canonicalName,
  isPublicBody,
  looksLikeCompanyName,
  nameKey,
  partyKind,
} from '../../src/domain/names.ts';
import { sharedCorpus, skipUnlessShared } from '../support/shared-corpus.ts';

const corpus = sharedCorpus('real') ?? '';
const readNotice = (file: string): string => readFileSync(path.join(corpus, file), 'utf8');

const HIKVISION = '杭州海康威视数字技术股份有限公司';

test('canonicalName keeps brackets that belong to the name, as full-width （）', () => {
  assert.deepEqual(canonicalName('济南四建（集团）有限责任公司'), {
    name: '济南四建（集团）有限责任公司',
    role: null,
    notes: [],
  });
  assert.equal(canonicalName('济南四建(集团)有限责任公司').name, '济南四建（集团）有限责任公司');
  assert.equal(canonicalName('济南四建 ( 集团 ) 有限责任公司').name, '济南四建（集团）有限责任公司');
  assert.equal(canonicalName('中国铁建（北京）有限公司').name, '中国铁建（北京）有限公司');
});

test('canonicalName strips role notes and returns the role', () => {
  const cases: [string, 'lead' | 'member' | null][] = [
    [`${HIKVISION}（联合体牵头人）`, 'lead'],
    [`${HIKVISION}(牵头人)`, 'lead'],
    [`${HIKVISION}（主）`, 'lead'],
    [`${HIKVISION}（主办方）`, 'lead'],
    [`${HIKVISION}为联合体牵头人`, 'lead'],
    [`${HIKVISION} 联合体牵头人`, 'lead'],
    [`联合体牵头人：${HIKVISION}`, 'lead'],
    [`${HIKVISION}（联合体成员）`, 'member'],
    [`${HIKVISION}（成员）`, 'member'],
    [`${HIKVISION}(成员方)`, 'member'],
    [`${HIKVISION}系本项目联合体成员`, 'member'],
    [`成员：${HIKVISION}`, 'member'],
    [`${HIKVISION}（联合体）`, null],
  ];
  for (const [raw, role] of cases) {
    const c = canonicalName(raw);
    assert.equal(c.name, HIKVISION, raw);
    assert.equal(c.role, role, raw);
    assert.equal(c.notes.length, 1, raw);
  }
});

test('canonicalName strips a note of the supplier\'s trade (（原设备制造商）, （授权代理商）) and says so; a bracket of the name stays', () => {
  assert.deepEqual(canonicalName(`${HIKVISION}（原设备制造商）`), { name: HIKVISION, role: null, notes: ['trade note: 原设备制造商'] });
  assert.deepEqual(canonicalName(`${HIKVISION}(授权代理商)`), { name: HIKVISION, role: null, notes: ['trade note: 授权代理商'] });
  assert.equal(canonicalName('某某制造商（北京）有限公司').name, '某某制造商（北京）有限公司');
});

test('canonicalName removes labels, enumerations, quotes and trailing punctuation', () => {
  assert.deepEqual(canonicalName(' 名称：中国铁建（北京）有限公司。'), {
    name: '中国铁建（北京）有限公司',
    role: null,
    notes: ['label: 名称'],
  });
  assert.equal(canonicalName(`「${HIKVISION}」`).name, HIKVISION);
  assert.equal(canonicalName(`“${HIKVISION}”；`).name, HIKVISION);
  assert.equal(canonicalName(`1、${HIKVISION}`).name, HIKVISION);
  assert.equal(canonicalName(`①${HIKVISION}，`).name, HIKVISION);
  assert.equal(canonicalName(`（2）${HIKVISION}`).name, HIKVISION);
  assert.equal(canonicalName(`第一中标（选）候选人：${HIKVISION}`).name, HIKVISION);
  assert.equal(canonicalName('58同城信息技术有限公司').name, '58同城信息技术有限公司');
});

test('canonicalName converts traditional to simplified, before role notes are read', () => {
  const c = canonicalName('杭州海康威視數字技術股份有限公司（聯合體牽頭人）');
  assert.equal(c.name, HIKVISION);
  assert.equal(c.role, 'lead');
  assert.deepEqual(c.notes, ['traditional characters converted to simplified', 'role note: 联合体牵头人']);
  assert.equal(canonicalName('中國移動通信集團新疆有限公司').name, '中国移动通信集团新疆有限公司');
  // 乾 is a simplified character too: 乾县 must not become 干县.
  assert.equal(canonicalName('乾县人民医院').name, '乾县人民医院');
  assert.equal(canonicalName('河南乾坤路桥工程有限公司').name, '河南乾坤路桥工程有限公司');
});

test('canonicalName collapses whitespace: none between Chinese characters, one elsewhere', () => {
  assert.equal(canonicalName('浙江 大华\u3000技术 股份有限公司').name, '浙江大华技术股份有限公司');
  assert.equal(canonicalName('  Hangzhou   Hikvision Digital Technology Co., Ltd. ').name,
    'Hangzhou Hikvision Digital Technology Co., Ltd.');
  assert.equal(canonicalName('Hikvision (HK) Ltd').name, 'Hikvision (HK) Ltd');
});

test('canonicalName on names as they appear in the corpus', { skip: skipUnlessShared('real') }, () => {
  // Word-generated cell with a trailing ideographic space.
  const tongnan = /(重庆市潼南区城市建设投资（集团）有限公司　)</.exec(readNotice('cqggzy-9239de29.html'))?.[1];
  assert.equal(canonicalName(tongnan ?? '').name, '重庆市潼南区城市建设投资（集团）有限公司');
  const urumqi = /预中标单位：([^<]+)</.exec(readNotice('misc-test_data_19.html'))?.[1];
  assert.deepEqual(canonicalName(`预中标单位：${urumqi}`), {
    name: '乌鲁木齐市建工（集团）第一建筑工程有限责任公司',
    role: null,
    notes: ['label: 预中标单位'],
  });
  const labelled = (file: string): string[] =>
    [...readNotice(file).matchAll(/<p[^>]*>(中标供应商名称：[^<]+)<\/p>/g)].map((m) => canonicalName(m[1]).name);
  assert.deepEqual(labelled('ccgp-7658293.html'), ['北京派得伟业科技发展有限公司']);
  assert.deepEqual(labelled('misc-test_data_5.html'), ['安徽普尔美机电有限公司']);
  assert.deepEqual(labelled('misc-test_data_15.html'), ['定州市定海体育器材有限公司']);
});

test('canonicalName is idempotent', () => {
  for (const raw of ['济南四建 (集团) 有限责任公司', `${HIKVISION}（主）`, 'Hikvision (HK) Ltd', '「乾县人民医院」']) {
    const once = canonicalName(raw).name;
    assert.equal(canonicalName(once).name, once, raw);
  }
});

test('nameKey gives one key for the spellings of one company', () => {
  const key = nameKey('济南四建（集团）有限责任公司');
  for (const spelling of [
    '济南四建(集团)有限责任公司',
    '济南四建 （集团） 有限责任公司',
    '濟南四建（集團）有限責任公司',
    '济南四建（集团）有限责任公司（联合体牵头人）',
    '名称：济南四建（集团）有限责任公司。',
  ]) {
    assert.equal(nameKey(spelling), key, spelling);
  }
  assert.equal(nameKey('Hangzhou Hikvision Digital Technology Co., Ltd.'), nameKey('HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.'));
});

test('nameKey keeps different companies apart', () => {
  assert.notEqual(nameKey('中电海康集团有限公司'), nameKey('中电海康集团股份有限公司'));
  assert.notEqual(nameKey('浙江大华技术有限公司'), nameKey('浙江大华技术股份有限公司'));
  assert.notEqual(nameKey('中国移动通信集团新疆有限公司'), nameKey('中国移动通信集团新疆有限公司乌鲁木齐分公司'));
  assert.notEqual(nameKey('中国铁建（北京）有限公司'), nameKey('中国铁建有限公司'));
  assert.notEqual(nameKey('乾县人民医院'), nameKey('干县人民医院'));
});

test('branchParentName derives the parent of a branch', () => {
  assert.equal(branchParentName('中国移动通信集团新疆有限公司乌鲁木齐分公司'), '中国移动通信集团新疆有限公司');
  assert.equal(branchParentName('中国农业银行股份有限公司新疆维吾尔自治区分行墨玉县支行'), '中国农业银行股份有限公司新疆维吾尔自治区分行');
  assert.equal(branchParentName('中国工商银行股份有限公司乌鲁木齐分行'), '中国工商银行股份有限公司');
  assert.equal(branchParentName('国家开发银行新疆维吾尔自治区分行'), '国家开发银行');
  assert.equal(branchParentName('中国建筑科学研究院有限公司新疆分院'), '中国建筑科学研究院有限公司');
  assert.equal(branchParentName('信永中和会计师事务所（特殊普通合伙）乌鲁木齐分所'), '信永中和会计师事务所（特殊普通合伙）');
  assert.equal(branchParentName('中铁十局集团第三建设有限公司 新疆分公司'), '中铁十局集团第三建设有限公司');
});

test('branchParentName gives null when the parent cannot be read from the name', () => {
  assert.equal(branchParentName('中国移动通信集团新疆有限公司'), null);
  assert.equal(branchParentName('重庆市分公司'), null);
  assert.equal(branchParentName('新疆分公司'), null);
  assert.equal(branchParentName('墨玉县人民医院东院'), null);
});

test('partyKind: state-asset owners', () => {
  for (const name of [
    '国务院国有资产监督管理委员会',
    '新疆维吾尔自治区人民政府国有资产监督管理委员会',
    '杭州市人民政府国有资产监督管理委员会',
    '财政部',
    '中华人民共和国财政部',
    '浙江省财政厅',
    '乌鲁木齐市财政局',
    '全国社会保障基金理事会',
  ]) {
    assert.equal(partyKind(name), 'state', name);
    assert.equal(isPublicBody(name), true, name);
  }
});

test('partyKind: government units, schools, hospitals and public centres', () => {
  for (const name of [
    '墨玉县公安局',
    '墨玉县人民政府',
    '巴林左旗农牧业局',
    '重庆市市政管理委员会',
    '巴林左旗公共资源交易中心',
    '重庆市卫生信息中心',
    '广州市番禺区大龙街社区卫生服务中心',
    '枝江市公安消防大队',
    '重庆三峡学院',
    '四川外国语大学',
    '崇左市中医壮医医院',
    '梧州市博物馆',
    '乌鲁木齐市第十二中学',
    '北京市海淀区人民法院',
    '中共墨玉县委宣传部',
    '公安部',
    '中国科学院声学研究所',
    '石河子市公安局交警支队车辆管理所',
  ]) {
    assert.equal(partyKind(name), 'public', name);
    assert.equal(isPublicBody(name), true, name);
  }
});

test('partyKind: companies stay enterprises even with public-sounding words', () => {
  for (const name of [
    HIKVISION,
    '重庆卫生数据检测中心有限公司',
    '上海嘉定汽车客运场站管理有限公司',
    '南宁五象新区建设投资有限责任公司',
    '中国电子科技集团公司第五十二研究所',
    '义乌市新星电子商务中心（个人独资）',
    '信永中和会计师事务所（特殊普通合伙）',
    '广州市天河区天河路电脑经营部',
    '乌鲁木齐市沙依巴克区华联服务部',
    '中国工商银行股份有限公司乌鲁木齐分行',
    '山西省职工活动中心有限公司',
    '',
  ]) {
    assert.equal(partyKind(name), 'enterprise', name);
    assert.equal(isPublicBody(name), false, name);
  }
});

test('looksLikeCompanyName accepts organisation names', () => {
  for (const name of [
    HIKVISION,
    '济南四建（集团）有限责任公司',
    `${HIKVISION}（联合体牵头人）`,
    '海力控股集团',
    '中南大学',
    '国务院',
    '墨玉县公安局',
    'Hangzhou Hikvision Digital Technology Co., Ltd.',
    '云南天力土地勘测评估股有限公司',
    '见微科技有限公司',
    '北京派得伟业科技发展有限公司；',
  ]) {
    assert.equal(looksLikeCompanyName(name), true, name);
  }
});

// As printed among the 37 framework suppliers of misc-test_data_13 (hotels for government meetings).
const frameworkSuppliers = ['山西省水利大厦', '山西税务大厦', '山西三桥大厦', '山西汽车运输集团有限公司交通大厦', '太原太重宾馆(有限公司)',
  '山西迎泽宾馆', '山西大酒店', '太原并州饭店', '山西省职工活动中心', '山西通海商务会馆有限公司'];

test('the framework suppliers are printed so in misc-test_data_13', { skip: skipUnlessShared('real') }, () => {
  const page = readNotice('misc-test_data_13.html');
  for (const name of frameworkSuppliers) assert.ok(page.includes(name), `${name} is in misc-test_data_13`);
});

test('looksLikeCompanyName accepts hotels, buildings, shops and firms as suppliers', () => {
  for (const name of frameworkSuppliers) assert.equal(looksLikeCompanyName(name), true, name);
  for (const name of [
    '太原太重宾馆（有限公司）',
    '北京市金杜律师事务所（特殊普通合伙）',
    '某某会计师事务所',
    '墨玉县鑫源商行',
    '和田市顺达电脑经营部',
    '乌鲁木齐市华美五金门市部',
    '喀什市光影摄影工作室',
    '新疆维吾尔自治区建筑设计研究院',
    '中国电子科技集团公司第五十二研究所',
    '和田地区人民医院',
    '乌鲁木齐市天山区惠民超市',
    '济南四建（集团）',
  ]) {
    assert.equal(looksLikeCompanyName(name), true, name);
  }
});

test('looksLikeCompanyName rejects people and panels named by their role', () => {
  for (const text of ['项目经理', '采购人代表', '法定代表人', '项目负责人', '评审专家', '评标委员会', '谈判小组', '张三（项目负责人）']) {
    assert.equal(looksLikeCompanyName(text), false, text);
  }
});

test('looksLikeCompanyName rejects placeholders, numbers and sentences', () => {
  for (const text of [
    '见公告原文',
    '详见附件',
    '无',
    '/',
    '—',
    '',
    '123456',
    '￥584,800.00',
    '2016年11月30日',
    '第一中标候选人',
    '本项目中标供应商为杭州海康威视数字技术股份有限公司',
    '杭州海康威视数字技术股份有限公司，浙江大华技术股份有限公司',
    '现将中标结果公告如下：',
    '见下表',
    '中标人为杭州海康威视数字技术股份有限公司。联系电话：0571-88888888',
    '中国移动',
  ]) {
    assert.equal(looksLikeCompanyName(text), false, text);
  }
});
