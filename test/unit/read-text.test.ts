import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { ReadError } from '../../ingest/read/document.ts';
import { readDocument, readFile } from '../../ingest/read/index.ts';
import { readText } from '../../ingest/read/text.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/read');
const fixture = (name: string) => path.join(fixtures, name);

// The fixtures were written with CRLF line endings; the reader hands out LF only.
const notice = '示例县视频监控设备采购项目中标公告\n采购人：示例县公安局\n中标供应商：示例科技有限公司\n中标金额：1,200,000.00元\n';

describe('text reader', () => {
  it('reads UTF-8 text and normalises line endings', async () => {
    const doc = await readFile(fixture('notice-utf8.txt'));
    assert.equal(doc.mediaType, 'text/plain');
    assert.equal(doc.encoding, 'utf-8');
    assert.equal(doc.text, notice);
    assert.equal(doc.html, null);
    assert.equal(doc.pages, null);
    assert.deepEqual(doc.warnings, []);
    assert.equal(doc.sha256, '9b4ef282e0be3f54d6e1be598a431715a622ee0c07a3f4840d43e700dec5b783');
  });

  it('sniffs GB18030 when the bytes are not UTF-8', async () => {
    const doc = await readFile(fixture('notice-gb18030.txt'));
    assert.equal(doc.encoding, 'gb18030');
    assert.equal(doc.text, notice);
    assert.deepEqual(doc.warnings, []);
  });

  it('reports ASCII as utf-8', async () => {
    const doc = await readDocument('a.txt', Buffer.from('Award 2016\r\nend'));
    assert.equal(doc.encoding, 'utf-8');
    assert.equal(doc.text, 'Award 2016\nend');
  });

  it('honours a UTF-16 byte order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('中标公告', 'utf16-le')]);
    const doc = await readDocument('a.txt', bytes);
    assert.equal(doc.encoding, 'utf-16le');
    assert.equal(doc.text, '中标公告');
  });

  it('replaces bytes that are invalid in every encoding and says how many', async () => {
    // Valid GBK with one stray lead byte (0x81) before an ASCII character.
    const bytes = Buffer.concat([iconv.encode('中标公告', 'gbk'), Buffer.from([0x81, 0x20]), iconv.encode('采购人：示例县公安局', 'gbk')]);
    const doc = await readDocument('a.txt', bytes);
    assert.equal(doc.encoding, 'gb18030');
    assert.equal(doc.text, '中标公告\uFFFD 采购人：示例县公安局');
    assert.deepEqual(doc.warnings, ['1 invalid byte sequence(s) for gb18030 replaced with U+FFFD (not valid UTF-8 either)']);
  });

  it('refuses binary content and files over the limit', async () => {
    await assert.rejects(readText(Buffer.from([0x00, 0x01, 0x02, 0x41]), 'x.txt'),
      (e: unknown) => e instanceof ReadError && e.reason === 'not a text document (binary content)');
    await assert.rejects(readText(Buffer.from('abcdef'), 'x.txt', { maxTextBytes: 4 }),
      (e: unknown) => e instanceof ReadError && e.reason === 'file too large (6 bytes > 4 bytes limit)');
  });
});

describe('text stored by crawlers in an escaped form', () => {
  // 中央国家机关政府采购中心 GC-FG151053 (2015), kept in a site's SQL backup with its markup escaped twice.
  it('reads markup stored escaped (&lt;span…&gt;) as the page it is, and says so', async () => {
    const escaped = '&lt;span style=&quot;color:#333333;&quot;&gt;1、项目名称：某某证书采购项目&lt;/span&gt;&lt;br /&gt;\n'
      + '&lt;span style=&quot;color:#333333;&quot;&gt;2、项目编号：GC-FG151053&lt;/span&gt;&lt;br /&gt;\n'
      + '&lt;span&gt;（1）中标供应商名称：北京某某印务公司&lt;/span&gt;&lt;br /&gt;\n';
    const doc = await readDocument('notice.txt', Buffer.from(escaped, 'utf-8'));
    assert.equal(doc.mediaType, 'text/html');
    assert.equal(doc.text, '1、项目名称：某某证书采购项目\n2、项目编号：GC-FG151053\n（1）中标供应商名称：北京某某印务公司');
    assert.deepEqual(doc.warnings, ['markup stored escaped as text (&lt;span…&gt;): read as HTML']);
  });

  // 乌鲁木齐市达坂城区西沟乡 网上超市 1878427000019949100 (2022): a crawler's string with its breaks written as \n.
  it('gives a one-line text its line breaks back when they were written as backslash-n', async () => {
    const stored = String.raw`\n\n 一、项目信息\n 项目名称:某某采购项目\n 项目编号:1878427000019949100&nbsp;\n 二、采购单位信息\n 采购单位名称:某某乡&nbsp;\n`;
    const doc = await readDocument('notice.txt', Buffer.from(stored, 'utf-8'));
    assert.equal(doc.text, '\n\n 一、项目信息\n 项目名称:某某采购项目\n 项目编号:1878427000019949100 \n 二、采购单位信息\n 采购单位名称:某某乡 \n');
    // A text with real line breaks keeps a backslash-n it quotes.
    const quoted = await readDocument('notice.txt', Buffer.from(String.raw`路径\n1\n2\n3\n4\n5` + '\n第二行\n', 'utf-8'));
    assert.equal(quoted.text, String.raw`路径\n1\n2\n3\n4\n5` + '\n第二行\n');
  });
});

describe('escaped markup with line breaks of its own', () => {
  it('keeps the text\'s own line breaks when it reads escaped markup as HTML', async () => {
    const text = '某某采购中标公告\n三、中标结果 &lt;br&gt;\n中标供应商：甲科技有限公司&lt;b&gt;\n中标金额：100万元 &lt;br&gt;\n四、其他说明\n';
    const doc = await readDocument('notice.txt', Buffer.from(text, 'utf-8'));
    assert.equal(doc.mediaType, 'text/html');
    assert.deepEqual(doc.text.split('\n').filter((l) => l.trim() !== '').map((l) => l.trim()),
      ['某某采购中标公告', '三、中标结果', '中标供应商：甲科技有限公司', '中标金额：100万元', '四、其他说明']);
  });
});
