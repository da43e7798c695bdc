import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDates, findPeriod, parseDate } from '../../src/domain/date.ts';

describe('parseDate: the forms quoted in domain.md §4', () => {
  it('2025年06月27日 17:52', () => assert.equal(parseDate('2025年06月27日 17:52'), '2025-06-27'));
  it('2016-11-30 15:58:59', () => assert.equal(parseDate('2016-11-30 15:58:59'), '2016-11-30'));
  it('2016年11月30日', () => assert.equal(parseDate('2016年11月30日'), '2016-11-30'));
  it('二○一六年11月 14 日', () => assert.equal(parseDate('二○一六年11月 14 日'), '2016-11-14'));
  it('二○一七年八月十五日', () => assert.equal(parseDate('二○一七年八月十五日'), '2017-08-15'));
});

describe('parseDate: other forms', () => {
  it('slashes and dots', () => {
    assert.equal(parseDate('2016/11/30'), '2016-11-30');
    assert.equal(parseDate('2016.11.30'), '2016-11-30');
    assert.equal(parseDate('2016/1/6'), '2016-01-06');
  });

  it('full-width digits and separators', () => {
    assert.equal(parseDate('２０１６年１１月３０日'), '2016-11-30');
    assert.equal(parseDate('２０１６－１１－３０'), '2016-11-30');
  });

  it('Chinese numerals for month and day, with 〇 or ○ in the year', () => {
    assert.equal(parseDate('二〇一六年十二月三十一日'), '2016-12-31');
    assert.equal(parseDate('二〇一六年十月一日'), '2016-10-01');
    assert.equal(parseDate('二〇一六年二月廿九日'), '2016-02-29');
  });

  it('spaces between the parts, 号 for 日, and a missing 日', () => {
    assert.equal(parseDate('2016年 1 月 6日（单位公章）'), '2016-01-06');
    assert.equal(parseDate('2016年11月30号'), '2016-11-30');
    assert.equal(parseDate('成交日期：2016年11月30'), '2016-11-30');
  });

  it('rejects dates that are not on the calendar', () => {
    assert.equal(parseDate('2016年2月30日'), null);
    assert.equal(parseDate('2017-02-29'), null);
    assert.equal(parseDate('2016-13-01'), null);
    assert.equal(parseDate('2016年11月0日'), null);
    assert.equal(parseDate('1016-11-30'), null);
  });

  it('rejects partial dates, mixed separators and other numbers', () => {
    assert.equal(parseDate('2016年11月'), null);
    assert.equal(parseDate('2016-11/30'), null);
    assert.equal(parseDate('20161130'), null);
    assert.equal(parseDate('联系电话：0476-7866605'), null);
    assert.equal(parseDate('见公告原文'), null);
  });

  it('returns the first valid date', () => {
    assert.equal(parseDate('2016年2月30日或2016年3月1日'), '2016-03-01');
  });
});

describe('findDates', () => {
  it('gives every date with offsets into the text', () => {
    const text = '(公示期：2017年1月 9 日——2017年 1 月 11 日)';
    assert.deepEqual(findDates(text), [
      { date: '2017-01-09', start: 5, end: 16, raw: '2017年1月 9 日' },
      { date: '2017-01-11', start: 18, end: 32, raw: '2017年 1 月 11 日' },
    ]);
    for (const found of findDates(text)) assert.equal(text.slice(found.start, found.end), found.raw);
  });

  it('keeps offsets exact over full-width text', () => {
    const text = '发布时间：２０１６－１１－３０　１５：５８';
    assert.deepEqual(findDates(text), [{ date: '2016-11-30', start: 5, end: 15, raw: '２０１６－１１－３０' }]);
  });

  it('stops before the time', () => {
    assert.deepEqual(findDates('2016-11-30 15:58:59'), [{ date: '2016-11-30', start: 0, end: 10, raw: '2016-11-30' }]);
  });

  it('finds nothing in text without dates', () => {
    assert.deepEqual(findDates('项目编号：2016ZQHW-154XJ'), []);
  });
});

describe('findPeriod: publicity periods as notices write them', () => {
  const period = (s: string) => {
    const p = findPeriod(s);
    return p ? [p.start.date, p.end.date, s.slice(p.start.start, p.end.end)] : null;
  };
  it('自2020年5月6日至2020年5月8日', () => assert.deepEqual(period('公示期：自2020年5月6日至2020年5月8日'),
    ['2020-05-06', '2020-05-08', '2020年5月6日至2020年5月8日']));
  it('a dash run with spaces (cqggzy: 2017年1月9日—— 2017年1月11日)', () =>
    assert.deepEqual(period('(公示期：2017年1月9日—— 2017年1月11日)')?.slice(0, 2), ['2017-01-09', '2017-01-11']));
  it('起至…止, with spaces inside the dates (ccgp)', () =>
    assert.deepEqual(period('本公告期限（3个工作日）自2016年 11月 14 日起至2016年 11月16 日止。')?.slice(0, 2), ['2016-11-14', '2016-11-16']));
  it('times of day between the dates', () => {
    assert.deepEqual(period('2020年5月6日9:00至2020年5月8日17:00')?.slice(0, 2), ['2020-05-06', '2020-05-08']);
    assert.deepEqual(period('2016-11-15 09:00:00 至 2016-11-21 17:00')?.slice(0, 2), ['2016-11-15', '2016-11-21']);
  });
  it('an end without its year takes the start\'s (2016年11月15日至11月21日, 至21日)', () => {
    assert.deepEqual(period('公示时间：2016年11月15日至11月21日'), ['2016-11-15', '2016-11-21', '2016年11月15日至11月21日']);
    assert.deepEqual(period('2016年11月15日至21日')?.slice(0, 2), ['2016-11-15', '2016-11-21']);
  });
  it('full-width dates and a tilde', () => assert.deepEqual(period('２０２０年５月６日～２０２０年５月８日')?.slice(0, 2), ['2020-05-06', '2020-05-08']));
  it('two dates that are no period, or an end before the start, give nothing', () => {
    assert.equal(period('开标时间：2020年5月6日，评标时间：2020年5月8日'), null);
    assert.equal(period('2020年5月8日至2020年5月6日'), null);
    assert.equal(period('2020年5月6日'), null);
  });
});

describe('findDates: a date split across lines or spread by a PDF', () => {
  it('2020年5月\\n6日', () => assert.equal(findDates('发布时间：2020年5月\n6日')[0]?.date, '2020-05-06'));
  it('2026 \\t年 \\t1 \\t月 \\t20 \\t日', () => assert.equal(findDates('发布时间：2026 \t年 \t1 \t月 \t20 \t日')[0]?.date, '2026-01-20'));
});

describe('findDates: a time of day glued to the day (page text run together)', () => {
  it('2020-11-2318:40', () => assert.equal(parseDate('发布时间：2020-11-2318:40信息来源'), '2020-11-23'));
  it('but not a longer number', () => assert.equal(parseDate('2020-11-2318'), null));
});
