// Matching never guesses: identifiers and exact normalised names on cited sources link; pinyin and
// partial names only ever give candidates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { latinNameKey, listNameKey, nameKey } from '../../src/domain/names.ts';
import { matchEntries, partialNameCandidate, pinyinCandidate, pinyinHead, pinyinKey, type NameLinkFact } from '../../ingest/lists/match.ts';

const HIK = '杭州海康威视数字技术股份有限公司';
const MOYU = '墨玉海视电子科技有限公司';

test('latinNameKey: case, punctuation and legal-form endings normalised; meaningful words kept', () => {
  assert.equal(latinNameKey('Hangzhou Hikvision Digital Technology Co., Ltd.'), 'hangzhou hikvision digital technology');
  assert.equal(latinNameKey('HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO. LTD'), 'hangzhou hikvision digital technology');
  assert.equal(latinNameKey('Hangzhou Hikvision Digital Technology Company Limited'), 'hangzhou hikvision digital technology');
  assert.equal(latinNameKey("Urumqi Haishi Xin'an Electronic Technology Co."), 'urumqi haishi xinan electronic technology');
  assert.equal(latinNameKey('China Electronics Technology Group Corporation'), 'china electronics technology group');
  assert.equal(listNameKey(HIK), nameKey(HIK));
});

test('pinyin: the pinyin-looking head of a list name, and a company name in pinyin', () => {
  assert.equal(pinyinHead('Moyu Haishi Electronic Technology Co.'), 'moyuhaishi');
  assert.equal(pinyinHead('Hangzhou Hikvision Digital Technology Co., Ltd.'), 'hangzhou');
  assert.equal(pinyinHead('Urumqi Haishi Xin\'an Electronic Technology Co.'), null);
  assert.equal(pinyinKey(MOYU), 'moyuhaishidianzikejiyouxiangongsi');
});

const base = { companyByUscc: new Map<string, string>(), companiesByKey: new Map<string, string[]>(), nameLinks: [] as NameLinkFact[], confirmed: [] };

test('only a pinyin match: a candidate with score and reasons, and no link', () => {
  const entries = [{ id: 'csl:el-moyu', names: ['Moyu Haishi Electronic Technology Co.'], usccs: [] }];
  const companiesByKey = new Map([[nameKey(MOYU), ['c:moyu']]]);
  const result = matchEntries({ ...base, entries, companiesByKey });
  assert.deepEqual(result, { links: [], candidates: [] });
  const candidate = pinyinCandidate('csl:el-moyu', entries[0].names[0], 'c:moyu', MOYU);
  assert.ok(candidate);
  assert.equal(candidate.companyId, 'c:moyu');
  assert.ok(candidate.score > 0 && candidate.score < 1);
  assert.match(candidate.reasons.join(' '), /pinyin alone is no evidence/);
  assert.equal(pinyinCandidate('csl:el-moyu', entries[0].names[0], 'c:other', '皮山海视永安电子科技有限公司'), null);
});

test('only a partial name: a candidate and no link', () => {
  const entries = [{ id: 'os:1', names: ['海康威视'], usccs: [] }];
  const companiesByKey = new Map([[nameKey(HIK), ['c:hik']]]);
  assert.deepEqual(matchEntries({ ...base, entries, companiesByKey }), { links: [], candidates: [] });
  const candidate = partialNameCandidate('os:1', '海康威视', 'c:hik', HIK);
  assert.ok(candidate);
  assert.match(candidate.reasons.join(' '), /one name contains the other/);
});

test('links on evidence: USCC, exact Chinese name, a cited name link, then a name of a linked entry', () => {
  const entries = [
    { id: 'ofac:30946', names: ['HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.', 'HIKVISION'], usccs: ['91330000733796106P'] },
    { id: 'os:hik', names: [HIK], usccs: [] },
    { id: 'csl:el-hik', names: ['Hangzhou Hikvision Digital Technology Co. Ltd.'], usccs: [] },
    { id: 'csl:el-x', names: ['Hikvision'], usccs: [] },
  ];
  const nameLinks: NameLinkFact[] = [{ id: 'nl:f:2', name: HIK, alias: 'Hangzhou Hikvision Digital Technology Co., Ltd.', nameKey: nameKey(HIK), aliasKey: listNameKey('Hangzhou Hikvision Digital Technology Co., Ltd.'), sha256: 'f', line: 2, source: 'annual report' }];
  const result = matchEntries({
    ...base,
    entries,
    companyByUscc: new Map([['91330000733796106P', 'c:hik']]),
    companiesByKey: new Map([[nameKey(HIK), ['c:hik']]]),
    nameLinks,
  });
  assert.deepEqual(result.links.map((l) => [l.entryId, l.companyId, l.matchedBy]), [
    ['ofac:30946', 'c:hik', 'uscc'],
    ['os:hik', 'c:hik', 'name'],
    ['csl:el-hik', 'c:hik', 'name-link'],
    ['csl:el-x', 'c:hik', 'linked-entry'],
  ]);
  assert.equal(result.links[2].source, 'f');
  assert.equal(result.links[3].source, 'ofac:30946');
});

test('a name two companies share is no link: both become candidates', () => {
  const entries = [{ id: 'os:1', names: ['某某科技有限公司'], usccs: [] }];
  const result = matchEntries({ ...base, entries, companiesByKey: new Map([[nameKey('某某科技有限公司'), ['c:a', 'c:b']]]) });
  assert.deepEqual(result.links, []);
  assert.deepEqual(result.candidates.map((c) => c.companyId), ['c:a', 'c:b']);
});
