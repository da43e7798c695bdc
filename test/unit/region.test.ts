import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  allRegions,
  childrenOf,
  getRegion,
  inferRegion,
  regionPath,
  type RegionCandidate,
} from '../../src/domain/region.ts';
import { sharedCorpus, skipUnlessShared } from '../support/shared-corpus.ts';

const corpus = sharedCorpus('real') ?? '';

/** Infers from one text and returns the code, or null. */
const codeOf = (text: string): string | null => inferRegion([{ text, source: 'buyerName' }]).region?.code ?? null;
const regionOf = (candidates: RegionCandidate[]) => inferRegion(candidates).region;

test('getRegion and regionPath walk province → prefecture → county', () => {
  assert.deepEqual(getRegion('653222'), {
    code: '653222',
    name: '墨玉县',
    level: 'county',
    parent: '653200',
    status: 'current',
  });
  assert.deepEqual(regionPath('653222'), [
    { code: '650000', name: '新疆维吾尔自治区' },
    { code: '653200', name: '和田地区' },
    { code: '653222', name: '墨玉县' },
  ]);
  assert.equal(getRegion('65')?.name, '新疆维吾尔自治区');
  assert.equal(getRegion('6532')?.name, '和田地区');
  assert.equal(getRegion('999999'), null);
  assert.equal(getRegion('65322'), null);
  assert.deepEqual(regionPath('999999'), []);
});

test('municipalities and province-administered counties hang directly under the province', () => {
  assert.equal(getRegion('110105')?.parent, '110000');
  assert.equal(getRegion('500112')?.parent, '500000');
  assert.equal(getRegion('659001')?.name, '石河子市');
  assert.equal(getRegion('659001')?.parent, '650000');
  assert.equal(getRegion('110100'), null, '市辖区 is a grouping, not a place');
  assert.equal(getRegion('441900')?.level, 'prefecture');
});

test('historical and statistical units stay resolvable by code', () => {
  assert.deepEqual(getRegion('654223'), {
    code: '654223',
    name: '沙湾县',
    level: 'county',
    parent: '654200',
    status: 'historical',
  });
  assert.equal(getRegion('654203')?.status, 'current');
  assert.equal(getRegion('320576')?.name, '苏州工业园区');
  assert.equal(getRegion('320576')?.status, 'statistical');
});

test('allRegions and childrenOf', () => {
  const all = allRegions();
  assert.equal(all.filter((r) => r.level === 'province').length, 34);
  assert.equal(new Set(all.map((r) => r.code)).size, all.length);
  for (const r of all) if (r.parent !== null) assert.ok(getRegion(r.parent), `${r.code} parent`);
  assert.deepEqual(
    childrenOf('653200').map((r) => `${r.code} ${r.name}`),
    ['653201 和田市', '653221 和田县', '653222 墨玉县', '653223 皮山县', '653224 洛浦县', '653225 策勒县',
      '653226 于田县', '653227 民丰县'],
  );
  assert.deepEqual(childrenOf('999999'), []);
});

test('inferRegion: counties from buyer names', () => {
  const r = inferRegion([{ text: '墨玉县公安局', source: 'buyerName' }]);
  assert.deepEqual(r.conflicts, []);
  assert.deepEqual(r.region, {
    code: '653222',
    name: '墨玉县',
    path: [
      { code: '650000', name: '新疆维吾尔自治区' },
      { code: '653200', name: '和田地区' },
      { code: '653222', name: '墨玉县' },
    ],
    source: 'buyerName',
    matched: '墨玉县',
    start: 0,
    end: 3,
  });
  assert.equal(codeOf('皮山县人民政府'), '653223');
  assert.equal(codeOf('乌鲁木齐市新市区'), '650104');
  assert.equal(codeOf('莎车县教育局'), '653125');
  assert.equal(codeOf('巴林左旗农牧业局'), '150422');
  assert.equal(codeOf('和田地区墨玉县'), '653222');
});

test('inferRegion: short forms', () => {
  assert.equal(codeOf('新疆'), '650000');
  assert.equal(codeOf('内蒙古大学'), '150000');
  assert.equal(codeOf('广西财政信息管理办公室'), '450000');
  assert.equal(codeOf('和田'), '653200');
  assert.equal(codeOf('乌鲁木齐'), '650100');
  assert.equal(codeOf('墨玉公安局'), '653222');
  assert.equal(codeOf('木垒县'), '652328', '木垒哈萨克自治县 written as …县');
  assert.equal(codeOf('恩施州'), '422800');
  assert.equal(codeOf('吉林'), '220000', 'a province short name means the province');
  assert.equal(codeOf('吉林市'), '220200');
  assert.equal(codeOf('西安'), '610100', 'the prefecture, not one of the 西安区');
});

test('inferRegion: whitespace inside names and offsets into the original text', () => {
  const r = regionOf([{ text: '采购人：墨 玉 县公安局', source: 'buyerName' }]);
  assert.equal(r?.code, '653222');
  assert.equal(r?.matched, '墨 玉 县');
  assert.deepEqual([r?.start, r?.end], [4, 9]);
});

test('inferRegion: a county name found in several provinces needs a province or prefecture', () => {
  assert.equal(codeOf('朝阳区'), null);
  assert.equal(codeOf('朝阳区教育委员会'), null);
  assert.equal(codeOf('城关区'), null);
  assert.equal(codeOf('北京市朝阳区'), '110105');
  assert.equal(codeOf('长春市朝阳区'), '220104');
  const fromOtherCandidate = regionOf([
    { text: '朝阳区教育委员会', source: 'buyerName' },
    { text: '北京', source: 'regionField' },
  ]);
  assert.equal(fromOtherCandidate?.code, '110105');
  assert.equal(fromOtherCandidate?.source, 'buyerName');
  // Nothing picks one 朝阳区: fall back to what the text says with certainty.
  assert.equal(codeOf('广东省朝阳区'), '440000');
});

test('inferRegion: short names inside unrelated words are not places', () => {
  assert.equal(codeOf('华东区域'), null, '东区 of 攀枝花');
  assert.equal(codeOf('攀枝花市东区'), '510402');
  assert.equal(codeOf('和平饭店'), null, '和平区 ×2, 和平县');
  assert.equal(codeOf('中华人民共和国政府采购法'), null, '共和县');
  assert.equal(codeOf('政府和社会资本合作项目'), null, '合作市');
  assert.equal(codeOf('阿里巴巴'), null, '阿里地区');
  assert.equal(codeOf('大理石采购'), null);
  assert.equal(codeOf('云南省大理'), '532900');
  assert.equal(codeOf('最终的评定结果公告'), null, '定结县');
  assert.equal(codeOf('公共资源交易中心'), null, '资源县');
  assert.equal(codeOf('道路新建工程'), null, '新建区');
  assert.equal(codeOf('湖北省宜昌市枝江市友谊大道1号'), '420583', '友谊县 is a street here');
  assert.equal(codeOf('徐闻县下桥永顺实业发展有限公司'), '440825', '永顺县 contradicts 徐闻县');
  assert.equal(codeOf('乌鲁木齐市新市区北京南路'), '650104', '北京南路 is a street');
  assert.equal(codeOf('上海南京路'), '310000');
  assert.equal(codeOf('C包河南宝融生物科技有限公司'), '410000', '河南, not 包河区');
  assert.equal(codeOf('石河子市公安局交警支队车辆管理所郊区大队'), '659001');
});

test('inferRegion: development zones infer their prefecture, never themselves', () => {
  assert.equal(codeOf('苏州工业园区管理委员会'), '320500');
  assert.equal(codeOf('苏州工业园区'), '320500');
});

test('inferRegion: the best-backed reading wins; disagreeing equals give no region', () => {
  // 莎车县 and 墨玉县 are equally backed (each by itself and 新疆): only 新疆, which holds both, is certain.
  const split = inferRegion([
    { text: '墨玉县公安局', source: 'buyerName' },
    { text: null, source: 'buyerAddress' },
    { text: '莎车县道路改造工程', source: 'projectName' },
    { text: '新疆', source: 'regionField' },
  ]);
  assert.equal(split.region?.code, '650000');
  assert.equal(split.region?.source, 'regionField');
  assert.deepEqual(split.conflicts, [
    { source: 'buyerName', code: '653222', name: '墨玉县', matched: '墨玉县' },
    { source: 'projectName', code: '653125', name: '莎车县', matched: '莎车县' },
  ]);

  // Two readings, no candidate above both: nothing is stored and both are reported.
  const none = inferRegion([
    { text: '四川外国语大学', source: 'buyerName' },
    { text: '沙坪坝区烈士墓四川外国语大学', source: 'buyerAddress', addressOf: 'buyerName' },
  ]);
  assert.equal(none.region, null);
  assert.deepEqual(none.conflicts, [
    { source: 'buyerName', code: '510000', name: '四川省', matched: '四川' },
    { source: 'buyerAddress', code: '500106', name: '沙坪坝区', matched: '沙坪坝区' },
  ]);

  // A third candidate that agrees with one side decides; the other is set aside.
  const outvoted = inferRegion([
    { text: '四川外国语大学', source: 'buyerName' },
    { text: '沙坪坝区烈士墓四川外国语大学', source: 'buyerAddress', addressOf: 'buyerName' },
    { text: '重庆市', source: 'regionField' },
  ]);
  assert.equal(outvoted.region?.code, '500106');
  assert.equal(outvoted.region?.source, 'buyerAddress');
  assert.deepEqual(outvoted.conflicts, [{ source: 'buyerName', code: '510000', name: '四川省', matched: '四川' }]);

  const fallback = regionOf([
    { text: '某某学院', source: 'buyerName' },
    { text: '皮山县固玛镇', source: 'buyerAddress' },
  ]);
  assert.equal(fallback?.code, '653223');
  assert.equal(fallback?.source, 'buyerAddress');
  assert.deepEqual(inferRegion([]), { region: null, conflicts: [] });
  assert.deepEqual(inferRegion([{ text: '', source: 'buyerName' }, { text: null, source: 'projectName' }]), { region: null, conflicts: [] });
});

test('inferRegion: a province or prefecture in the buyer name is narrowed by a county inside it', () => {
  // 重庆文理学院 is in 永川区 (cqgp-376668332532920320); 白涛化工园区 is in 涪陵区 (cqggzy-c1b86a53).
  const college = regionOf([
    { text: '重庆文理学院', source: 'buyerName' },
    { text: '重庆市永川区红河大道319号', source: 'buyerAddress', addressOf: 'buyerName' },
    { text: '重庆文理学院电力仿真及机电实训系统（第2次）', source: 'projectName' },
  ]);
  assert.deepEqual([college?.code, college?.source, college?.matched], ['500118', 'buyerAddress', '永川区']);
  const park = regionOf([
    { text: '重庆市白涛化工园区开发（集团）有限公司', source: 'buyerName' },
    { text: '涪陵区白涛至麻溪河公路路面改造工程', source: 'projectName' },
  ]);
  assert.deepEqual([park?.code, park?.source], ['500102', 'projectName']);
  // A prefecture narrowed by a county of its own, not by one elsewhere.
  assert.equal(regionOf([
    { text: '和田地区教育局', source: 'buyerName' },
    { text: '墨玉县第一中学教学楼建设项目', source: 'projectName' },
  ])?.code, '653222');
});

test('inferRegion: what may not narrow', () => {
  // A body named with its region's official name has that region as jurisdiction; its office address
  // does not narrow it (安徽省体育局… works at a base in 黄山, its office is in 合肥).
  const office = inferRegion([
    { text: '安徽省体育局训练基地管理中心', source: 'buyerName' },
    { text: '合肥市芜湖路97号', source: 'buyerAddress', addressOf: 'buyerName' },
  ]);
  assert.deepEqual([office.region?.code, office.region?.source, office.conflicts], ['340000', 'buyerName', []]);
  assert.equal(regionOf([
    { text: '重庆市卫生信息中心', source: 'buyerName' },
    { text: '重庆市渝北区宝环路420号', source: 'buyerAddress', addressOf: 'buyerName' },
  ])?.code, '500000');
  // ...but the project name may (it says where the project is).
  assert.equal(regionOf([
    { text: '新疆维吾尔自治区公安厅', source: 'buyerName' },
    { text: '乌鲁木齐市新市区北京南路', source: 'buyerAddress', addressOf: 'buyerName' },
    { text: '和田地区墨玉县视频监控项目', source: 'projectName' },
  ])?.code, '653222');
  // A short county name in another text confirms but does not narrow: 椒江 is the river here.
  const river = inferRegion([
    { text: '台州市水利局', source: 'buyerName' },
    { text: '椒江建闸工程二期基础地形测量及水文测验采购', source: 'projectName' },
  ]);
  assert.deepEqual([river.region?.code, river.region?.source, river.conflicts], ['331000', 'buyerName', []]);
  const withProvince = inferRegion([
    { text: '台州市水利局', source: 'buyerName' },
    { text: '椒江建闸工程二期基础地形测量及水文测验采购', source: 'projectName' },
    { text: '浙江省', source: 'regionField' },
  ]);
  assert.deepEqual([withProvince.region?.code, withProvince.region?.source], ['331000', 'buyerName']);
  // Alone, or under a firm name of its own text, a short county name still counts.
  assert.equal(regionOf([{ text: '台州市椒江建闸工程', source: 'projectName' }])?.code, '331002');
  // The buyer's name repeated in its address or project name is not read twice.
  assert.equal(regionOf([
    { text: '四川外国语大学', source: 'buyerName' },
    { text: '四川外国语大学商学院设备一批', source: 'projectName' },
    { text: '重庆市', source: 'regionField' },
  ]), null);
});

test('inferRegion: a county name run into the word before it needs its province or prefecture', () => {
  // 鼎山城区 (cqggzy-5109436b): 鼎山 is a street of 江津区, 山城区 is in 鹤壁.
  const dingshan = inferRegion([
    { text: '重庆市江津区鼎山街道办事处', source: 'buyerName' },
    { text: '鼎山城区老旧楼院综合整治及公厕改造项目（公厕改造项目）', source: 'projectName' },
  ]);
  assert.deepEqual([dingshan.region?.code, dingshan.conflicts], ['500116', []]);
  assert.equal(codeOf('鼎山城区老旧楼院综合整治'), null);
  assert.equal(codeOf('鹤壁市鼎山城区'), '410603', 'the prefecture holds it');
  assert.equal(codeOf('河南省山城区'), '410603', 'the province holds it');
  // Run in after a function word, a region or an organisation: still the county.
  assert.equal(codeOf('中共墨玉县委'), '653222');
  assert.equal(codeOf('国家税务总局墨玉县税务局'), '653222');
  assert.equal(codeOf('关于皮山县道路建设'), '653223');
  assert.equal(codeOf('2016年墨玉县视频监控建设项目'), '653222');
  assert.equal(codeOf('新疆生产建设兵团第一师阿拉尔市'), '659002', '师 runs in, but 新疆 holds 阿拉尔市');
  assert.equal(codeOf('嵩县田湖至九皋段公路'), '410325');
  assert.equal(codeOf('新疆和田墨玉县'), '653222');
});

test('inferRegion over the corpus purchaser names in index.json', { skip: skipUnlessShared('real') }, () => {
  interface Entry { file: string; purchaser_name?: string; purchaser_address?: string; project_name?: string; region?: string }
  const index = JSON.parse(readFileSync(path.join(corpus, 'index.json'), 'utf8')) as Entry[];
  assert.equal(index.length, 55);
  const inferred = new Map<string, ReturnType<typeof inferRegion>>();
  let withText = 0;
  for (const e of index) {
    const candidates: RegionCandidate[] = [
      { text: e.purchaser_name ?? null, source: 'buyerName' },
      { text: e.purchaser_address ?? null, source: 'buyerAddress' },
      { text: e.project_name ?? null, source: 'projectName' },
      { text: e.region ?? null, source: 'regionField' },
    ];
    if (candidates.some((c) => c.text)) withText++;
    inferred.set(e.file, inferRegion(candidates));
  }
  const hits = [...inferred.values()].filter((r) => r?.region).length;
  assert.equal(withText, 30);
  assert.equal(hits, 26, 'every notice that names a buyer or a region gets one, but the four of 四川外国语大学');

  const expected: Record<string, [code: string, source: string]> = {
    'ccgp-7658293.html': ['150422', 'buyerName'], // 巴林左旗农牧业局
    'ccgp-7658309.html': ['450100', 'buyerName'], // 南宁五象新区建设投资有限责任公司
    'ccgp-7658360.html': ['310114', 'buyerName'], // 上海嘉定汽车客运场站管理有限公司
    'ccgp-7658375.html': ['451100', 'buyerName'], // 贺州学院
    'ccgp-7658425.html': ['420583', 'buyerName'], // 枝江市公安消防大队
    'ccgp-7658427.html': ['450400', 'buyerName'], // 梧州市博物馆
    'ccgp-7658588.html': ['440825', 'buyerName'], // 徐闻县下桥永顺实业发展有限公司
    'cqgp-376675703342723072.html': ['500111', 'buyerName'], // 重庆市大足区公路局
    'cqgp-376676176682512384.html': ['500000', 'buyerName'], // 重庆市卫生信息中心
    'cqggzy-482f0da6.html': ['500242', 'regionField'], // 重庆>>酉阳县
    'cqggzy-e94779a6.html': ['500103', 'regionField'], // 重庆>>渝中区
    'misc-test_3.html': ['340000', 'regionField'], // 安徽省
  };
  for (const [file, [code, source]] of Object.entries(expected)) {
    const r = inferred.get(file);
    assert.equal(r?.region?.code, code, file);
    assert.equal(r?.region?.source, source, file);
    assert.deepEqual(r?.conflicts, [], file);
  }
  // 四川外国语大学 sits in 重庆: the name says 四川, the site says 重庆; neither is taken as fact.
  const sisu = inferred.get('cqgp-376668808720433152.html');
  assert.equal(sisu?.region, null);
  assert.deepEqual(sisu?.conflicts, [
    { source: 'buyerName', code: '510000', name: '四川省', matched: '四川' },
    { source: 'regionField', code: '500000', name: '重庆市', matched: '重庆' },
  ]);
});

test('inferRegion on buyer names as printed in the corpus pages', { skip: skipUnlessShared('real') }, () => {
  const cases: [file: string, buyer: string, code: string][] = [
    ['misc-test_data_19.html', '乌鲁木齐市第十二中学', '650100'],
    ['misc-test_data_4.html', '鄯善县康鑫投资建设有限公司', '650421'],
    ['misc-test_data_23.html', '新疆天富能源股份有限公司', '650000'],
    ['misc-test_data_7.html', '台州市水利局', '331000'],
    ['cqggzy-482f0da6.html', '酉阳土家族苗族自治县偏柏乡中心小学校', '500242'],
    ['cqggzy-e94779a6.html', '重庆解放碑中央商务区管理委员会', '500000'],
    ['misc-test_data_11.html', '中华人民共和国潮州海关', '445100'],
  ];
  for (const [file, buyer, code] of cases) {
    assert.ok(readFileSync(path.join(corpus, file), 'utf8').includes(buyer), `${buyer} is in ${file}`);
    assert.equal(codeOf(buyer), code, buyer);
  }
});
