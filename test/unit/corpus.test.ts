// The extractor over every real notice in the shared corpus: nothing throws, every evidence span is the
// text it claims to be, and an award notice names a winner or says why it does not.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../../src/config.ts';
import { extractNotice } from '../../ingest/extract/index.ts';
import { evidencePath, type Notice } from '../../ingest/extract/notice.ts';
import { readFile } from '../../ingest/read/index.ts';
import type { ReadDocument } from '../../ingest/read/index.ts';
import { sharedCorpus, skipUnlessShared } from '../support/shared-corpus.ts';

const corpusDir = sharedCorpus('real') ?? '';
const skip = skipUnlessShared('real');
const files = corpusDir === '' ? [] : fs.readdirSync(corpusDir).filter((f) => f.endsWith('.html')).sort();

const results = new Map<string, { doc: ReadDocument; notice: Notice }>();

test('the corpus is there', { skip }, () => {
  assert.equal(files.length, 55);
});

test('every corpus notice extracts without throwing', { skip }, async () => {
  for (const file of files) {
    const doc = await readFile(path.join(corpusDir, file));
    let notice: Notice;
    try {
      notice = extractNotice(doc);
    } catch (error) {
      assert.fail(`${file}: extractNotice threw ${String(error)}`);
    }
    results.set(file, { doc, notice });
  }
  assert.equal(results.size, files.length);
});

test('every evidence span is a slice of the document text', { skip }, () => {
  for (const [file, { doc, notice }] of results) {
    for (const e of notice.evidence) {
      assert.ok(e.start >= 0 && e.start <= e.end && e.end <= doc.text.length, `${file}: ${evidencePath(e)} offsets out of range`);
      assert.equal(doc.text.slice(e.start, e.end), e.text, `${file}: evidence for ${evidencePath(e)}`);
    }
  }
});

test('every extracted value has evidence', { skip }, () => {
  for (const [file, { notice }] of results) {
    const fields = new Set(notice.evidence.map(evidencePath));
    const expect = (present: boolean, field: string) => assert.ok(!present || fields.has(field), `${file}: ${field} has no evidence`);
    expect(notice.project.name !== null, 'project.name');
    expect(notice.project.code !== null, 'project.code');
    expect(notice.buyer !== null, 'buyer.name');
    expect(notice.agency !== null, 'agency.name');
    expect(notice.budget !== null, 'budget');
    notice.awards.forEach((a, i) => {
      expect(a.value !== null, `awards[${i}].value`);
      expect(a.rate !== null, `awards[${i}].rate`);
      a.suppliers.forEach((_, j) => expect(true, `awards[${i}].suppliers[${j}].name`));
    });
    notice.candidates.forEach((c, i) => {
      expect(true, `candidates[${i}].name`);
      expect(c.bid !== null, `candidates[${i}].bid`);
    });
  }
});

test('an award notice names a winner or says why not', { skip }, () => {
  for (const [file, { notice }] of results) {
    if (notice.noticeType !== 'award') continue;
    const winners = notice.awards.reduce((n, a) => n + a.suppliers.length, 0);
    const explained = notice.warnings.some((w) => /no winner/.test(w));
    assert.ok(winners > 0 || explained, `${file}: award notice with no supplier and no warning saying why`);
  }
});

test('no stored name is a placeholder', { skip }, () => {
  for (const [file, { notice }] of results) {
    const names = [
      ...notice.awards.flatMap((a) => a.suppliers.map((s) => s.name)),
      ...notice.candidates.map((c) => c.name),
      notice.buyer?.name, notice.agency?.name,
    ].filter((n): n is string => typeof n === 'string');
    for (const name of names) assert.doesNotMatch(name, /见公告原文|详见|^无$|^\/$/, `${file}: placeholder stored as a name`);
  }
});

test('candidate notices store no winners', { skip }, () => {
  for (const [file, { notice }] of results) {
    if (notice.noticeType === 'candidate') assert.equal(notice.awards.length, 0, `${file}: candidate notice with awards`);
  }
});

test('regions: a county inside the province the buyer is named after; a place-named institution is not proof', { skip }, () => {
  // Each checked against the page: the buyer's address or the project name gives the county.
  const expected: Record<string, string | null> = {
    'cqgp-376668332532920320.html': '500118', // 重庆文理学院, 采购人地址：重庆市永川区红河大道319号
    'cqgp-376668591300505600.html': '500118', // the same college
    'misc-test_5.html': '500101', // 重庆三峡学院, 地址：重庆市万州区沙龙路二段780号
    'cqggzy-c1b86a53.html': '500102', // 重庆市白涛化工园区开发（集团）有限公司, 涪陵区白涛至麻溪河公路路面改造工程
    'misc-test_4.html': '500113', // 重庆巴源建设投资有限公司, 巴南区箭滩河中学土石方工程
    'misc-test_data_23.html': '659001', // 新疆天富能源股份有限公司, 石河子市公安局…供暖管网改造工程
    'cqggzy-5109436b.html': '500116', // 重庆市江津区鼎山街道办事处; 鼎山城区 is no 山城区 of 鹤壁
    'cqgp-376676176682512384.html': '500000', // 重庆市卫生信息中心: its office in 渝北区 does not narrow it
    'misc-test_data_5.html': '340000', // 安徽省体育局训练基地管理中心: office in 合肥, the base at 太平湖
    'misc-test_data_7.html': '331000', // 台州市水利局: 椒江建闸 is named after the river
    // 重庆市地产集团 and 重庆临空都市…: the title says 重庆市渝北区工程建设项目中标（比选）结果公示表.
    'cqggzy-a146a640.html': '500112',
    'cqggzy-a2a67873.html': '500112',
    // 四川外国语大学 is in 沙坪坝区, 重庆: its address (and 配送区域) say so, its name does not.
    'cqgp-376669123628908544.html': '500106',
    'cqgp-376668808720433152.html': '500000',
    'cqgp-376671185720799232.html': null,
    'cqgp-376674268660068352.html': null,
  };
  for (const [file, code] of Object.entries(expected)) {
    const { notice } = results.get(file)!;
    assert.equal(notice.region?.code ?? null, code, file);
    const said = notice.warnings.filter((w) => w.startsWith('region:'));
    if (code === null) {
      assert.deepEqual(said, ['region: the notice disagrees with itself (buyerName 510000 四川省 (四川); buyerAddress 500106 沙坪坝区 (沙坪坝区)); left empty'], file);
    } else if (file === 'cqgp-376668808720433152.html' || file === 'cqgp-376669123628908544.html') {
      assert.deepEqual(said, [`region: buyerName 510000 四川省 (四川) is not within ${code} ${notice.region!.name}; set aside`], file);
    } else {
      assert.deepEqual(said, [], file);
    }
  }
});
