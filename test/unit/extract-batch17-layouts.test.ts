// Layouts of held-out batches 17 and 19 (test/eval/SOURCES.md): 2015 pages of 中国建设工程招标网 republishing notices of
// further publishers. Each page here keeps the wording and layout of one of them, with the names replaced.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractPage as extract } from '../support/extract-page.ts';

type Notice = Awaited<ReturnType<typeof extract>>;
const won = (n: Notice) => n.awards.map((a) => [a.lot, a.status, a.suppliers.map((s) => s.name), a.value?.fen ?? null]);

test('a title ending 的中标公示通知 or a bare 中标结果 is cut to the project the body repeats', async () => {
  const notice = await extract('某某区某某镇某某村森林抚育工程的中标公示通知\n发布日期：2015-03-30\n'
    + '某某区某某镇某某村森林抚育工程项目招标活动于2015-03-30 09:30:00在某某镇人民政府举行。\n');
  assert.equal(notice.project.name, '某某区某某镇某某村森林抚育工程');
  const bare = await extract('某某公园钢结构工程中标结果\n某某市工程建设项目中标结果\n'
    + '根据有关规定，某某市某某办公室 的 某某公园钢结构工程 的评标工作已经结束，中标人已经确定。现将中标结果公示如下：\n中标人名称：某某钢结构工程有限公司\n');
  assert.equal(bare.project.name, '某某公园钢结构工程');
  // the buyer before 的, spaced off as the 苏州 template writes it
  assert.equal(bare.buyer?.name, '某某市某某办公室');
});

test('a 失败公示 is a termination, and its sentence (本项目作废标处理) is the failed award of the whole call', async () => {
  const notice = await extract('某某-a2015026某某管理部办公室改造项目失败公示\n'
    + '由某某中心委托某某工程咨询有限公司采购的某某管理部办公室改造，因报名的投标单位不足三家，根据有关规定，本项目作废标处理。\n'
    + '招标人：某某住房公积金管理中心\n日 期：二〇一五年三月三十日\n');
  assert.equal(notice.noticeType, 'termination');
  assert.deepEqual(won(notice), [[null, 'unsuccessful', [], null]]);
  // a call stopped for another reason (终止) names no failed award
  const stopped = await extract('某某工程终止招标公告\n因项目调整，本工程终止招标。\n招标人：某某镇人民政府\n');
  assert.equal(stopped.noticeType, 'termination');
  assert.deepEqual(won(stopped), []);
});

test('under 四、中标（成交）供应商：, a one-row table of 包组 | 投标供应商 names the winner; the intro gives name and 编号', async () => {
  const page = '本中心组织实施的某某街道办事处水罐消防车（编号：nscg2015032695）已完成评审。现将项目评审的相关情况及结果公示如下：\n'
    + '一、 投标供应商及其报价：\na包\t投标供应商\t报价(万元)\n1\t某某消防车辆装备有限公司\t31.600000\n2\t某某消防设备有限公司\t31.800000\n'
    + '三、 候选中标（成交）供应商：\na包\t投标供应商\n1\t某某消防车辆装备有限公司\n2\t某某消防设备有限公司\n'
    + '四、 中标（成交）供应商：\n包组\t投标供应商\na\t某某消防车辆装备有限公司\n五、 项目评审专家：\n';
  const notice = await extract(page);
  assert.deepEqual(won(notice), [['A', 'active', ['某某消防车辆装备有限公司'], null]]);
  assert.equal(notice.project.name, '某某街道办事处水罐消防车');
  assert.equal(notice.project.code, 'nscg2015032695');
  // the same bidders' table under a heading of the result at large (四、评审结果) names no winner
  const loose = await extract(page.replace('四、 中标（成交）供应商：', '四、 中标结果：').replace('包组\t投标供应商\na\t某某消防车辆装备有限公司\n',
    '包组\t投标供应商\na\t某某消防车辆装备有限公司\na\t某某消防设备有限公司\n'));
  assert.deepEqual(won(loose), []);
});

test('two companies one a line in the 中标单位 cell are two winners, not one name', async () => {
  const html = '<html><body><p>2015年度某某面漆中标公告</p><table><tr><td>招标编号</td><td>zh15030052</td></tr>'
    + '<tr><td>中标单位</td><td><p>金刚某某(昆山)有限公司</p><p>上海某某涂料有限公司振华造漆厂</p></td></tr></table></body></html>';
  const notice = await extract(html, 'page.html');
  assert.deepEqual(won(notice).map((a) => a[2]), [['金刚某某（昆山）有限公司'], ['上海某某涂料有限公司振华造漆厂']]);
  // a company and its branch on the next line are one name
  const branch = await extract(html.replace('<p>上海某某涂料有限公司振华造漆厂</p>', '<p>上海分公司</p>'), 'page.html');
  assert.deepEqual(won(branch).map((a) => a[2]), [['金刚某某（昆山）有限公司上海分公司']]);
});

test('a date alone on a line closes the result: the filing log below it (操作人 / 报备与发布 / the agency) names no winner', async () => {
  const notice = await extract('某某公园钢结构工程中标结果\n编号：32050120141120060101\n'
    + '根据有关规定，某某办公室 的 某某公园钢结构工程 的评标工作已经结束，中标人已经确定。现将中标结果公示如下：\n'
    + '中标人名称：某某科星钢结构工程有限公司\n中标价：657.800077万元\n中标工期：120天\n2015/03/30 09:46:33\n操作\n操作人\n操作时间\n报备与发布\n'
    + '某某仁合工程咨询有限公司\n2015-03-30 09:44:37\n');
  assert.deepEqual(won(notice), [[null, 'active', ['某某科星钢结构工程有限公司'], 657_800_077]]);
});
