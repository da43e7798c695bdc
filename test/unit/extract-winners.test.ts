// A winner must look like a party: names taken from real notices (shared corpus and the cases in the
// issue) that were stored as winners although they did not win, and real winners that must pass.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { notAWinner } from '../../ingest/extract/winners.ts';
import type { WinnerContext } from '../../ingest/extract/winners.ts';

const none: WinnerContext = { buyer: null, agency: null, rejections: [] };
const why = (name: string, ctx: WinnerContext = none) => notAWinner(name, name, ctx);

test('organisations with a legal or trading form pass, in simplified and traditional script', () => {
  for (const name of ['北京派得伟业科技发展有限公司', '济南四建（集团）有限责任公司', '浙江省河海测绘院', '中国医学科学院医学生物研究所',
    '广州华银医学检验中心有限公司', '山西迎泽宾馆', '中国电信股份有限公司延安分公司', '某某律师事务所（特殊普通合伙）',
    '墨玉县农民专业合作社', '太原太重宾馆（有限公司）', '香港某某工程顧問有限公司', '臺北某某醫院']) {
    assert.equal(why(name), null, name);
  }
});

test('a table header, a number, a sentence or a bare unit never is a winner', () => {
  assert.match(why('序号')!, /label or a table header/);
  assert.match(why('供应商名称')!, /label or a table header/);
  assert.match(why('中标（成交）金额')!, /label or a table header/);
  assert.match(why('999200')!, /number/);
  assert.match(why('接到并接受中标通知')!, /does not end like an organisation/);
  assert.match(why('与营业执照一致')!, /does not end like an organisation/);
  assert.match(why('办公室')!, /does not end like an organisation/);
});

test('the buyer, the agency and a department of the buyer (sign-off lines) are not winners', () => {
  const ctx: WinnerContext = { buyer: '和田地区墨玉县公安局', agency: '新疆智诚达项目管理咨询有限公司', rejections: [] };
  assert.match(why('和田地区墨玉县公安局', ctx)!, /buyer/);
  assert.match(why('新疆智诚达项目管理咨询有限公司', ctx)!, /agency/);
  assert.match(why('和田地区墨玉县公安局装备财务科', ctx)!, /department of the buyer/);
  // A unit of the buyer that runs a business (a training centre renting rooms) is not a department.
  assert.equal(why('山西省财政厅培训中心', { ...ctx, buyer: '山西省财政厅' }), null);
});

test('a bidder the notice says was rejected is not a winner', () => {
  const ctx: WinnerContext = { ...none, rejections: [{ line: 0, text: '长春长生生物科技有限公司资格审查未通过。有效投标人不足三家，予', lots: [] }] };
  assert.match(why('长春长生生物科技有限公司', ctx)!, /rejected/);
  assert.equal(why('辽宁成大生物股份有限公司', ctx), null);
});

test('a person is a winner only when the notice says so', () => {
  assert.equal(why('张三（自然人）'), null);
  assert.match(why('张三')!, /does not end like an organisation/);
});
