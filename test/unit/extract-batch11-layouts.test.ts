// Layouts of sites first met in the eleventh held-out batch (test/eval/SOURCES.md): a republished 新乡 result whose
// winner stands under 四、评标结果, a 怀化 portal's ranking with its footnote rule, a 2015 copy of a 四川 result form,
// a 西安 建设工程 中标公示. The notices carry no licence, so each case is a minimal page in the same wording.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractPage as extract } from '../support/extract-page.ts';

const won = (notice: Awaited<ReturnType<typeof extract>>) =>
  notice.awards.map((a) => [a.lot, a.suppliers.map((s) => s.name), a.value?.fen ?? null]);

test('a winner named under 四、评标结果 won; a price per person per month is no sum, nor a budget so given (新乡 WCF17012, 2017)', async () => {
  const notice = await extract('某某区人民检察院劳务服务项目(二次)结果公告\n一、招标项目名称及招标编号：\n项目名称：某某区人民检察院劳务服务项目（二次）\n'
    + '二、招标项目简要说明\n预算金额：财政资金，采购预算金额每人每月2500元。\n三、评标信息：\n评标日期：2017年10月12日\n四、评标结果：\n'
    + '中标人名称：新乡市某某人力资源开发服务有限公司\n地址：新乡市平原路1号\n中标金额：每人每月2474.00元\n五、本次招标项目联系事项：\n');
  assert.deepEqual(won(notice), [[null, ['新乡市某某人力资源开发服务有限公司'], null]]);
  assert.equal(notice.budget, null);
});

test('under 评标结果 a generic 供应商名称 beside scores names no winner', async () => {
  const notice = await extract('某某项目结果公告\n四、评标结果：\n供应商名称：甲某科技有限公司\n综合得分：90.5\n供应商名称：乙某科技有限公司\n综合得分：85\n');
  assert.deepEqual(won(notice), []);
});

const RANKING = (rule: string) => '<html><body><p>某某县城区户外全彩显示屏工程公开招标中标公告</p><p>二、中标结果</p><table>'
  + '<tr><td>中标项目</td><td>中标候选人名称</td><td>综合打分</td><td>最终报价</td><td>推荐排名</td></tr>'
  + '<tr><td rowspan="3">某某县城区户外全彩显示屏工程</td><td>怀化某某通讯技术有限公司</td><td>72.92</td><td>1908801.00</td><td>1</td></tr>'
  + '<tr><td>怀化某某电子科技有限公司</td><td>58.29</td><td>1916802.00</td><td>2</td></tr>'
  + '<tr><td>怀化某某科技有限公司</td><td>54.64</td><td>1914503.00</td><td>3</td></tr>'
  + `<tr><td></td><td colspan="4">${rule}</td></tr></table><p>三、评标委员会成员名单：</p></body></html>`;

test('a ranking\'s footnote that the first-ranked candidate wins makes it the winner, at its price; the footnote is no row (怀化, 2017)', async () => {
  const notice = await extract(RANKING('注：排位在第一的中标候选人为中标单位'), 'page.html');
  assert.deepEqual(won(notice), [[null, ['怀化某某通讯技术有限公司'], 190_880_100]]);
  assert.deepEqual(notice.candidates.map((c) => [c.rank, c.name]), [[1, '怀化某某通讯技术有限公司'], [2, '怀化某某电子科技有限公司'], [3, '怀化某某科技有限公司']]);
});

test('the law\'s rule (招标人应当确定排名第一的中标候选人为中标人) names no winner', async () => {
  const notice = await extract(RANKING('注：依法必须进行招标的项目，招标人应当确定排名第一的中标候选人为中标人'), 'page.html');
  assert.deepEqual(won(notice), []);
});

test('a result form\'s blank 更正公告 row does not make the result a correction (四川 0773-1541gnsc00134, 2015)', async () => {
  const notice = await extract('<html><body><p>四川省某某市公安局特巡警装备政府采购项目公开招标结果公告</p><table>'
    + '<tr><td>采购项目名称</td><td>四川省某某市公安局特巡警装备政府采购项目</td></tr><tr><td>公告类型</td><td>结果公告</td></tr>'
    + '<tr><td>采购人</td><td>四川省某某市公安局</td></tr><tr><td>更正公告</td><td></td></tr>'
    + '<tr><td>各包中标/成交供应商名称、地址及报价</td><td>第一包：单兵装备类。中标人：四川某某科技有限公司，中标金额：￥1,845,682.00元。</td></tr>'
    + '</table></body></html>', 'page.html');
  assert.equal(notice.noticeType, 'award');
  assert.deepEqual(won(notice), [['1', ['四川某某科技有限公司'], 184_568_200]]);
});

test('候选人1： is a candidate\'s label; the only price, far below the only winner, is its; 进场登记号 numbers the project (西安 FZ1220370, 2014)', async () => {
  const notice = await extract('某某工程中标公示\n中标公示进场登记号： FZ1220370\n工程名称： 某某工程\n中标单位： 榆林市某某建设有限公司\n项目经理或总监： 刘某\n'
    + '候选人1： 陕西某某工程有限公司\n候选人2： 榆林市某某建设工程有限公司\n中标公示期： 3天\n开工时间： 2014.05.05\n中标价格： 2548.186076万元\n');
  assert.deepEqual(won(notice), [[null, ['榆林市某某建设有限公司'], 2_548_186_076]]);
  assert.deepEqual(notice.candidates.map((c) => [c.rank, c.name]), [[1, '陕西某某工程有限公司'], [2, '榆林市某某建设工程有限公司']]);
  assert.equal(notice.project.code, 'FZ1220370');
});
