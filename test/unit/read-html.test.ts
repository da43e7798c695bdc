import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ReadError } from '../../ingest/read/document.ts';
import { htmlToText } from '../../ingest/read/html.ts';
import { pickReader, readDocument, readFile } from '../../ingest/read/index.ts';
import { sharedCorpus, skipUnlessShared } from '../support/shared-corpus.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.join(repoRoot, 'test/fixtures/read');
const corpus = sharedCorpus('real') ?? '';
const fixture = (name: string) => path.join(fixtures, name);

/** The text every notice-*.html fixture yields, with its supplier's name. */
function noticeText(supplier: string): string {
  return [
    '示例县视频监控设备采购项目中标公告', // <title>
    '示例县视频监控设备采购项目中标公告', // <h1>
    '项目名称：示例县视频监控设备采购项目',
    '项目编号：SLX-2016-018',
    '采购人：示例县公安局',
    '序号\t中标供应商\t中标金额',
    `1\t${supplier}\t￥1,200,000.00元`,
    '中标金额：人民币壹佰贰拾万元整',
    '联系人：张 先生 & 李女士',
    '发布日期：2016年11月30日',
  ].join('\n');
}

async function rejectsWith(promise: Promise<unknown>, file: string, reason: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof ReadError, `expected a ReadError, got ${String(error)}`);
    assert.equal(error.reason, reason);
    assert.equal(error.path, file);
    assert.equal(error.message, `${file}: ${reason}`);
    return true;
  });
}

describe('HTML reader: encodings', () => {
  it('decodes a GBK page declared with <meta charset="gbk">', async () => {
    const doc = await readFile(fixture('notice-gbk.html'));
    assert.equal(doc.mediaType, 'text/html');
    assert.equal(doc.encoding, 'gbk');
    assert.deepEqual(doc.warnings, []);
    assert.equal(doc.pages, null);
    assert.equal(doc.sha256, '3c8cb88d722d49bc60f95aa86d053ee7867ddea7ab4c3a312cdb138b34823f0a');
    assert.equal(doc.path, fixture('notice-gbk.html'));
    assert.equal(doc.text, noticeText('示例科技有限公司'));
    assert.ok(doc.html?.includes('<meta charset="gbk">\n<title>示例县视频监控设备采购项目中标公告</title>'));
  });

  it('decodes a page labelled gb2312 (http-equiv) as GB18030, keeping GBK-only characters such as 喆', async () => {
    const doc = await readFile(fixture('notice-gb2312.html'));
    assert.equal(doc.encoding, 'gb2312');
    assert.deepEqual(doc.warnings, []);
    assert.equal(doc.text, noticeText('示例喆成科技有限公司'));
  });

  it('takes UTF-8 from the byte order mark when there is no meta, and strips the mark', async () => {
    const doc = await readFile(fixture('notice-utf8-bom.html'));
    assert.equal(doc.encoding, 'utf-8');
    assert.deepEqual(doc.warnings, []);
    assert.ok(doc.html?.startsWith('<!DOCTYPE html>'));
    assert.equal(doc.text, noticeText('示例科技有限公司'));
  });

  it('detects a meta that says gbk over UTF-8 bytes, and warns', async () => {
    const doc = await readFile(fixture('notice-meta-lies.html'));
    assert.equal(doc.encoding, 'utf-8');
    assert.deepEqual(doc.warnings, ['page declares charset gbk but its bytes are valid UTF-8; decoded as utf-8']);
    assert.equal(doc.text, noticeText('示例科技有限公司'));
  });

  it('detects a meta that says utf-8 over GBK bytes, and warns', async () => {
    const doc = await readFile(fixture('notice-meta-utf8-but-gbk.html'));
    assert.equal(doc.encoding, 'gb18030');
    assert.deepEqual(doc.warnings, ['page declares charset utf-8 but its bytes are not valid utf-8; decoded as gb18030']);
    assert.equal(doc.text, noticeText('示例科技有限公司'));
  });

  it('reads GBK bytes under a Western charset label as Chinese, and warns', async () => {
    const bytes = readFileSync(fixture('notice-gbk.html'));
    const mislabelled = Buffer.from(bytes.toString('latin1').replace('charset="gbk"', 'charset="iso-8859-1"'), 'latin1');
    const doc = await readDocument('page.html', mislabelled);
    assert.equal(doc.encoding, 'gb18030');
    assert.deepEqual(doc.warnings, ['page declares charset iso-8859-1 but its bytes are Chinese gb18030; decoded as gb18030']);
    assert.equal(doc.text, noticeText('示例科技有限公司'));
  });

  it('keeps a page with a stray NUL byte as text', async () => {
    const bytes = Buffer.concat([readFileSync(fixture('notice-utf8-bom.html')), Buffer.from([0])]);
    const doc = await readDocument('page.html', bytes);
    assert.equal(doc.encoding, 'utf-8');
    assert.equal(doc.text, noticeText('示例科技有限公司'));
  });

  it('sniffs GB18030 when nothing is declared', async () => {
    const bytes = readFileSync(fixture('notice-gbk.html'));
    const undeclared = Buffer.from(bytes.toString('latin1').replace('<meta charset="gbk">', ''), 'latin1');
    const doc = await readDocument('page.html', undeclared);
    assert.equal(doc.encoding, 'gb18030');
    assert.deepEqual(doc.warnings, []);
    assert.equal(doc.text, noticeText('示例科技有限公司'));
  });

  it('warns when the byte order mark and the meta disagree, and follows the mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<meta charset="gb2312"><p>中标</p>')]);
    const doc = await readDocument('page.html', bytes);
    assert.equal(doc.encoding, 'utf-8');
    assert.deepEqual(doc.warnings, ['byte order mark says utf-8 but the page declares gb2312; used the byte order mark']);
    assert.equal(doc.text, '中标');
  });
});

describe('HTML reader: unreadable input', () => {
  it('refuses an empty file', async () => {
    await rejectsWith(readFile(fixture('empty.html')), fixture('empty.html'), 'empty file');
  });

  it('refuses binary garbage named .html', async () => {
    await rejectsWith(readFile(fixture('garbage.html')), fixture('garbage.html'), 'not a text document (binary content)');
  });

  it('refuses a 50 MB page before parsing it (the limit is 20 MB by default)', async () => {
    const page = Buffer.alloc(50 * 1024 * 1024, 'x');
    page.write('<html><body><p>', 0);
    await rejectsWith(readDocument('big.html', page), 'big.html', 'file too large (50 MB > 20 MB limit)');
  });

  it('takes a configured limit', async () => {
    await rejectsWith(readFile(fixture('notice-gbk.html'), { maxTextBytes: 512 }), fixture('notice-gbk.html'),
      'file too large (695 bytes > 512 bytes limit)');
  });

  it('names the problem when the file cannot be opened', async () => {
    await rejectsWith(readFile(fixture('missing.html')), fixture('missing.html'), 'cannot open file (ENOENT)');
    await rejectsWith(readFile(fixtures), fixtures, 'not a regular file');
  });
});

describe('reader choice', () => {
  const pdf = readFileSync(fixture('cid-ucs2.pdf'));
  const html = Buffer.from('<div><p>中标公告</p></div>');
  it('sniffs the content before looking at the extension', () => {
    assert.equal(pickReader(pdf, 'notice.html').name, 'pdf');
    assert.equal(pickReader(html, 'notice.pdf').name, 'html');
    assert.equal(pickReader(html, 'notice.txt').name, 'html');
    assert.equal(pickReader(html, 'notice').name, 'html');
  });
  it('uses the extension as a hint when the content says nothing', () => {
    assert.equal(pickReader(Buffer.from('中标公告'), 'notice.htm').name, 'html');
    assert.equal(pickReader(Buffer.from('中标公告'), 'notice.pdf').name, 'pdf');
    assert.equal(pickReader(Buffer.from('中标公告'), 'notice.txt').name, 'text');
    assert.equal(pickReader(Buffer.from('中标公告'), 'notice').name, 'text');
  });
});

describe('htmlToText', () => {
  it('starts a line at each block element and at <br>, and keeps inline runs together', () => {
    assert.equal(htmlToText('<div>项目<b>名称</b>：<span>甲</span><br>采购人：乙<p>丙</p>丁</div><h2>结果</h2><ul><li>一</li><li>二</li></ul>'),
      '项目名称：甲\n采购人：乙\n丙\n丁\n结果\n一\n二');
  });

  it('collapses runs of spaces, no-break and ideographic spaces, but keeps single spaces inside labels', () => {
    assert.equal(htmlToText('<p>　　项 目  名\n称：&nbsp;&nbsp;示例项目 </p><p> \t </p><p>总中标金&nbsp;额：1元</p>'),
      '项 目 名 称： 示例项目\n总中标金 额：1元');
  });

  it('removes zero-width characters instead of turning them into spaces', () => {
    assert.equal(htmlToText('<p>示例&#8203;科技\ufeff有限公司</p>'), '示例科技有限公司');
  });

  it('drops scripts, styles, comments and decodes entities', () => {
    assert.equal(htmlToText('<style>p{}</style><script>var a="<p>x</p>";</script><!-- 注释 --><p>A&amp;B &lt;C&gt; &#x4E2D;&#26631; &yen;5</p>'),
      'A&B <C> 中标 ¥5');
  });

  it('puts a data row on one line with cells separated by tabs, keeping empty cells', () => {
    const table = '<table><thead><tr><th>序号</th><th>供应商名称</th><th>中标金额(万元)</th></tr></thead>'
      + '<tbody><tr><td>1</td><td><p>示例</p><p>科技有限公司</p></td><td></td></tr>'
      + '<tr><td></td><td> </td><td></td></tr></tbody></table><p>以上</p>';
    assert.equal(htmlToText(table), '序号\t供应商名称\t中标金额(万元)\n1\t示例 科技有限公司\t\n以上');
  });

  it('keeps the lines of a layout table (one cell, or a cell holding a table)', () => {
    assert.equal(htmlToText('<table><tr><td><p>一、项目名称：甲</p><p>二、采购人：乙</p></td></tr></table>'),
      '一、项目名称：甲\n二、采购人：乙');
    assert.equal(htmlToText('<table><tr><td>左</td><td><table><tr><td>名称</td><td>甲</td></tr></table></td></tr></table>'),
      '左\n名称\t甲');
  });

  it('treats a very long cell as layout, not as one line', () => {
    const long = '很长的正文。'.repeat(60);
    assert.equal(htmlToText(`<table><tr><td>附件</td><td><p>${long}</p><p>第二段</p></td></tr></table>`),
      `附件\n${long}\n第二段`);
  });

  it('keeps the text of unknown tags such as unrendered JSP tags', () => {
    assert.equal(htmlToText('<p>总成交金额：<fmt:formatnumber pattern="￥.000000#" type="currency">9.955</fmt:formatnumber> 万元（人民币）</p>'),
      '总成交金额：9.955 万元（人民币）');
  });

  it('returns an empty string for markup without text', () => {
    assert.equal(htmlToText('<html><head><script>x()</script></head><body><p> </p></body></html>'), '');
  });
});

describe('HTML reader on the real corpus', { skip: skipUnlessShared('real') }, () => {
  const files = corpus === '' ? [] : readdirSync(corpus).filter((f) => f.endsWith('.html')).sort();

  it('finds the 55 real notices', () => {
    assert.equal(files.length, 55);
  });

  // Two real pages are exceptions, checked below: one stored as UTF-8 but still declaring gb2312,
  // and one whose notice is a single image.
  const exceptions = new Set(['misc-test_data_12.html', 'misc-test_data_18.html']);

  it('reads every other real notice as UTF-8 HTML with text and no warnings', async () => {
    for (const file of files.filter((f) => !exceptions.has(f))) {
      const doc = await readFile(path.join(corpus, file));
      assert.equal(doc.mediaType, 'text/html', file);
      assert.equal(doc.encoding, 'utf-8', file);
      assert.deepEqual(doc.warnings, [], file);
      assert.notEqual(doc.text, '', file);
    }
  });

  it('sees through the gb2312 meta of a page saved as UTF-8 (misc-test_data_12)', async () => {
    const doc = await readFile(path.join(corpus, 'misc-test_data_12.html'));
    assert.equal(doc.encoding, 'utf-8');
    assert.deepEqual(doc.warnings, ['page declares charset gb2312 but its bytes are valid UTF-8; decoded as utf-8']);
    const lines = doc.text.split('\n');
    assert.ok(lines.includes('中标人：青岛迈瑞办公设备有限公司'));
    assert.ok(lines.includes('中标金额：84.8651万元（大写：捌拾肆万捌仟陆佰伍拾壹元整）'));
    assert.ok(lines.includes('序号\t货物名称\t品牌\t产地\t规格型号\t数量及单位\t单价（元）'));
  });

  it('reads an image-only notice without failing, and says why the text is empty (misc-test_data_18)', async () => {
    const doc = await readFile(path.join(corpus, 'misc-test_data_18.html'));
    assert.equal(doc.text, '');
    assert.deepEqual(doc.warnings, ['page has no readable text, only 1 image(s) (a scanned notice?)']);
  });

  it('drops commented-out markup: misc-test_3 has a single line of real text', async () => {
    const doc = await readFile(path.join(corpus, 'misc-test_3.html'));
    assert.equal(doc.text, '来源：中国政府采购网');
  });

  it('keeps the amounts of ccgp-7658293 as they read on the page', async () => {
    const doc = await readFile(path.join(corpus, 'ccgp-7658293.html'));
    const lines = doc.text.split('\n');
    assert.ok(lines.includes('总成交金额：9.955 万元（人民币）'));
    assert.ok(lines.includes('中标价格为：人民币玖万玖仟伍佰伍拾元整，￥:99，550.00元 。'));
    assert.ok(lines.includes('中标供应商名称：北京派得伟业科技发展有限公司'));
  });

  it('puts each row of the cqggzy-482f0da6 result table on one line', async () => {
    const doc = await readFile(path.join(corpus, 'cqggzy-482f0da6.html'));
    const lines = doc.text.split('\n');
    assert.ok(lines.includes('拟 中 标 人\t重庆市北恒建筑工程有限公司\t中标金额(万元)\t349.035762\t'));
    assert.ok(lines.includes('第二中标候选人\t重庆市黔江区腾扬建筑工程有限责任公司\t'));
  });
});
