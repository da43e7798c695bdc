import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fenFromYuan, formatYuan, parseAmount, parseCapitalAmount, parseRate, yuanFromFen } from '../../src/domain/amount.ts';

describe('parseAmount: the strings quoted in domain.md §3', () => {
  it('￥56.980000 万元（人民币）', () => {
    assert.deepEqual(parseAmount('￥56.980000 万元（人民币）'), { fen: 56980000, warnings: [], matched: '￥56.980000 万元' });
  });

  it('总价形式报价:569800.00(元)', () => {
    assert.deepEqual(parseAmount('总价形式报价:569800.00(元)'), { fen: 56980000, warnings: [], matched: '569800.00(元)' });
  });

  it('2837.861389万元', () => {
    assert.deepEqual(parseAmount('2837.861389万元'), { fen: 2837861389, warnings: [], matched: '2837.861389万元' });
  });

  it('￥584,800.00 (人民币伍拾捌万肆仟捌佰元整): capital and digits agree, no warning', () => {
    assert.deepEqual(parseAmount('￥584,800.00 (人民币伍拾捌万肆仟捌佰元整)'), { fen: 58480000, warnings: [], matched: '￥584,800.00' });
  });

  it('人民币玖万玖仟伍佰伍拾元整，￥:99，550.00元 (full-width comma inside the number)', () => {
    assert.deepEqual(parseAmount('人民币玖万玖仟伍佰伍拾元整，￥:99，550.00元'), { fen: 9955000, warnings: [], matched: '￥:99，550.00元' });
  });

  it('an unrendered <fmt:formatnumber> tag around the number', () => {
    const raw = '<fmt:formatnumber pattern="￥.000000#" type="currency">9.955</fmt:formatnumber> 万元';
    assert.deepEqual(parseAmount(raw), { fen: 9955000, warnings: [], matched: '9.955</fmt:formatnumber> 万元' });
  });

  it('￥４６，０００．００ (full-width digits, comma and point)', () => {
    assert.deepEqual(parseAmount('￥４６，０００．００'), { fen: 4600000, warnings: [], matched: '￥４６，０００．００' });
  });
});

describe('parseAmount: units', () => {
  it('亿元, with decimals', () => {
    assert.deepEqual(parseAmount('项目总投资：1.5亿元'), { fen: 15000000000, warnings: [], matched: '1.5亿元' });
    assert.deepEqual(parseAmount('12.3456789亿元'), { fen: 123456789000, warnings: [], matched: '12.3456789亿元' });
  });

  it('takes the unit from a column header when the cell has none', () => {
    assert.deepEqual(parseAmount('58.48', { unit: '万元' }), { fen: 58480000, warnings: [], matched: '58.48' });
    assert.deepEqual(parseAmount('¥58.48', { unit: '万元' }), { fen: 58480000, warnings: [], matched: '¥58.48' });
    assert.deepEqual(parseAmount('349.035762', { unit: '万元' }), { fen: 349035762, warnings: [], matched: '349.035762' });
  });

  it('takes the unit from a bracket that ends the label just before the number', () => {
    assert.deepEqual(parseAmount('投标报价（万元）： 890.068859'), { fen: 890068859, warnings: [], matched: '890.068859' });
    assert.deepEqual(parseAmount('拟 中 标 人\t重庆市北恒建筑工程有限公司\t中标金额(万元)\t349.035762\t'),
      { fen: 349035762, warnings: [], matched: '349.035762' });
  });

  it('lets a unit written in the text win over the header, and says so', () => {
    assert.deepEqual(parseAmount('100万元', { unit: '元' }), {
      fen: 100000000, warnings: ['unit 万元 in "100万元" overrides the given unit 元'], matched: '100万元',
    });
  });

  it('reads (元) and (万元) suffixes and RMB/人民币 prefixes', () => {
    assert.deepEqual(parseAmount('RMB 1,200,000.00'), { fen: 120000000, warnings: [], matched: 'RMB 1,200,000.00' });
    assert.deepEqual(parseAmount('人民币 84.8651 (万元)'), { fen: 84865100, warnings: [], matched: '人民币 84.8651 (万元)' });
  });

  it('assumes 元 for a bare number with no unit anywhere, with a warning', () => {
    assert.deepEqual(parseAmount('569800.00'), { fen: 56980000, warnings: ['no unit given for "569800.00"; assumed 元'], matched: '569800.00' });
  });

  it('joins thousands groups separated by spaces, with a warning', () => {
    assert.deepEqual(parseAmount('569 800.00元'), {
      fen: 56980000, warnings: ['digits separated by spaces were joined in "569 800.00元"'], matched: '569 800.00元',
    });
  });

  it('rounds to the fen and says so', () => {
    assert.deepEqual(parseAmount('1.2345678万元'), { fen: 1234568, warnings: ['"1.2345678万元" rounded to the fen'], matched: '1.2345678万元' });
  });

  it('flags a zero amount', () => {
    assert.deepEqual(parseAmount('总中标金额：0.00 元'), { fen: 0, warnings: ['amount is zero'], matched: '0.00 元' });
  });

  it('uses the first of several different amounts, and warns', () => {
    assert.deepEqual(parseAmount('第一包：100万元；第二包：80万元'), {
      fen: 100000000, warnings: ['2 different amounts in the text; used the first, "100万元"'], matched: '100万元',
    });
  });
});

describe('parseAmount: capital numerals', () => {
  it('reads capitals alone, with 角 and 分', () => {
    assert.deepEqual(parseAmount('人民币贰拾万零伍佰元伍角陆分'), { fen: 20050056, warnings: [], matched: '贰拾万零伍佰元伍角陆分' });
    assert.deepEqual(parseAmount('壹元伍角陆分'), { fen: 156, warnings: [], matched: '壹元伍角陆分' });
  });

  it('reads 亿 and 万 together', () => {
    assert.deepEqual(parseAmount('大写：壹亿贰仟叁佰万元整'), { fen: 12300000000, warnings: [], matched: '壹亿贰仟叁佰万元整' });
  });

  it('reads both zero forms 〇 (U+3007) and ○ (U+25CB)', () => {
    assert.equal(parseAmount('壹仟〇伍元整')?.fen, 100500);
    assert.equal(parseAmount('壹万○伍拾圆正')?.fen, 1005000);
  });

  it('returns the digits and quotes both forms when capital and digits disagree', () => {
    assert.deepEqual(parseAmount('￥584,800.00 (人民币伍拾捌万肆仟元整)'), {
      fen: 58480000,
      warnings: ['capital amount "伍拾捌万肆仟元整" (584,000.00 元) disagrees with "￥584,800.00" (584,800.00 元); used the digits'],
      matched: '￥584,800.00',
    });
  });

  it('ignores a malformed capital amount and says so (misc-test_data_1 writes 万万)', () => {
    assert.deepEqual(parseAmount('中标金额：人民币壹佰玖拾伍万万元整（￥195万元）'), {
      fen: 195000000, warnings: ['capital amount "壹佰玖拾伍万万元整" is malformed; ignored'], matched: '￥195万元',
    });
  });

  it('agrees with real lines from the corpus', () => {
    assert.deepEqual(parseAmount('预中标金额： RMB1256772.03元 (大写：壹佰贰拾伍万陆仟柒佰柒拾贰元叁分 )'),
      { fen: 125677203, warnings: [], matched: 'RMB1256772.03元' });
    assert.deepEqual(parseAmount('投标报价\t贰仟捌佰贰拾玖万叁仟零柒拾陆元肆角陆分（¥28293076.46）'),
      { fen: 2829307646, warnings: [], matched: '¥28293076.46' });
    assert.deepEqual(parseAmount('中标金额：84.8651万元（大写：捌拾肆万捌仟陆佰伍拾壹元整）'), { fen: 84865100, warnings: [], matched: '84.8651万元' });
  });
});

describe('parseAmount: no amount', () => {
  it('returns null for text without an amount', () => {
    assert.equal(parseAmount('见公告原文'), null);
    assert.equal(parseAmount(''), null);
    assert.equal(parseAmount('第1包'), null);
    assert.equal(parseAmount('联系电话：0476-7866605'), null);
    assert.equal(parseAmount('北京喆成科技有限公司新疆分公司'), null);
  });

  it('does not take a rate for money', () => {
    assert.equal(parseAmount('下浮率8.5%'), null);
    assert.equal(parseAmount('折扣率：95％'), null);
  });

  it('does not take malformed capitals for money', () => {
    assert.equal(parseAmount('伍伍元'), null);
    assert.equal(parseAmount('贰〇〇万元'), null);
  });
});

describe('parseCapitalAmount', () => {
  it('decodes 角 and 分 as fractions of the yuan (壹元伍角陆分 is 156 fen, 1.56 yuan)', () => {
    assert.equal(parseCapitalAmount('壹元伍角陆分'), 156);
    assert.equal(parseCapitalAmount('壹元零伍分'), 105);
    assert.equal(parseCapitalAmount('伍角'), 50);
  });

  it('decodes 亿 and 万 combinations', () => {
    assert.equal(parseCapitalAmount('壹亿贰仟叁佰万元整'), 12300000000);
    assert.equal(parseCapitalAmount('壹亿零伍万元'), 10005000000);
    assert.equal(parseCapitalAmount('壹万亿元'), 100000000000000);
    assert.equal(parseCapitalAmount('人民币伍拾捌万肆仟捌佰元整'), 58480000);
    assert.equal(parseCapitalAmount('拾万元'), 10000000);
  });

  it('accepts ordinary numerals and amounts without 元', () => {
    assert.equal(parseCapitalAmount('一百二十万元'), 120000000);
    assert.equal(parseCapitalAmount('一、伍拾万'), 50000000);
  });

  it('rejects what is not a well-formed amount', () => {
    assert.equal(parseCapitalAmount('见公告原文'), null);
    assert.equal(parseCapitalAmount('伍伍元'), null);
    assert.equal(parseCapitalAmount('佰元'), null);
    assert.equal(parseCapitalAmount('壹拾佰元'), null);
    assert.equal(parseCapitalAmount('二○一六'), null);
  });
});

describe('parseRate', () => {
  it('reads the rate kinds with or without a colon', () => {
    assert.deepEqual(parseRate('下浮率8.5%'), { kind: '下浮率', percent: 8.5 });
    assert.deepEqual(parseRate('下浮率：8.5%'), { kind: '下浮率', percent: 8.5 });
    assert.deepEqual(parseRate('折扣率 95%'), { kind: '折扣率', percent: 95 });
    assert.deepEqual(parseRate('优惠率为3％'), { kind: '优惠率', percent: 3 });
    assert.deepEqual(parseRate('费率(%)：1.2'), { kind: '费率', percent: 1.2 });
    assert.deepEqual(parseRate('8.5%（下浮率）'), { kind: '下浮率', percent: 8.5 });
  });

  it('returns null for the label alone, a number without %, or money', () => {
    assert.equal(parseRate('（可填写下浮率、折扣率或费率）'), null);
    assert.equal(parseRate('下浮率：8.5'), null);
    assert.equal(parseRate('584,800.00元'), null);
    assert.equal(parseRate('下浮率120%'), null);
  });
});

describe('formatYuan', () => {
  it('writes fen as yuan with separators', () => {
    assert.equal(formatYuan(58480000), '584,800.00 元');
    assert.equal(formatYuan(156), '1.56 元');
    assert.equal(formatYuan(5), '0.05 元');
  });
});

describe('fenFromYuan: a number of yuan from another source (OCDS), as fen', () => {
  it('rounds half up on the decimal the number prints as, not on its binary value', () => {
    assert.deepEqual(fenFromYuan(0.285), { fen: 29, rounded: true }); // 0.285 * 100 is 28.499999999999996
    assert.deepEqual(fenFromYuan(5680000.5), { fen: 568000050, rounded: false });
    assert.deepEqual(fenFromYuan(12.3449), { fen: 1234, rounded: true });
  });

  it('refuses what is no amount', () => {
    assert.equal(fenFromYuan(-1), null);
    assert.equal(fenFromYuan(Number.NaN), null);
    assert.equal(fenFromYuan(1e21), null);
  });

  it('gives the yuan back at the edges that show them', () => {
    assert.equal(yuanFromFen(568000050), 5680000.5);
  });
});
