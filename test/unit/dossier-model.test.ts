// The dossier's report model and page, from hand-built graph rows: totals in fen, years and
// prefectures, roles, citation numbering in page order, effective shares over the links drawn,
// and a hostile company name that must stay text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DossierAwardRow, OwnershipLinkRow } from '../../src/graph/dossier.ts';
import type { CompanyRow, DocumentRow, PartyRow } from '../../src/graph/rows.ts';
import { buildDossier, type DossierFacts } from '../../src/dossier/model.ts';
import { dossierHtml } from '../../src/dossier/html.ts';
import { originalFileName } from '../../src/dossier/folder.ts';

const SHA = (c: string) => c.repeat(64);

function company(id: string, name: string, extra: Partial<CompanyRow> = {}): CompanyRow {
  return { id, name, names: [name], uscc: null, address: null, kind: 'enterprise', isBranch: false, ...extra };
}

const party = (c: CompanyRow): PartyRow => ({ ...c, person: false });

const HIK = company('c:hik', '杭州海康威视数字技术股份有限公司', { uscc: '91330000733796106P', names: ['杭州海康威视数字技术股份有限公司', '杭州海康威視數字技術股份有限公司'] });
const CETHIK = company('c:cethik', '中电海康集团有限公司');
const CETC = company('c:cetc', '中国电子科技集团有限公司');
const SASAC = company('c:sasac', '国务院国有资产监督管理委员会', { kind: 'state' });
const SUB = company('c:sub', '海康威视某子公司');

function award(key: string, id: string, opts: { date: string | null; fen: number | null; status?: string; role: string; region: string; prefecture: string | null; sha: string; lot?: string | null }): DossierAwardRow {
  return {
    key,
    award: {
      id,
      lot: opts.lot ?? null,
      status: opts.status ?? 'active',
      amountFen: opts.fen,
      currency: opts.fen === null ? null : 'CNY',
      rateKind: null,
      ratePercent: null,
      date: opts.date,
      dateKind: 'decision',
      sha256: opts.sha,
      snippet: `中标金额 ${opts.fen}`,
    },
    role: opts.role,
    winnerSha256: opts.sha,
    winnerSnippet: `中标人：${key}`,
    project: { id: `j:${id}`, code: null, name: `项目${id}`, method: null, contractModel: null, budgetFen: null, status: 'awarded' },
    buyer: { name: '墨玉县公安局', sha256: opts.sha, snippet: '采购人：墨玉县公安局' },
    region: { code: '653222', name: opts.region, level: 'county' },
    prefecture: opts.prefecture === null ? null : { code: '653200', name: opts.prefecture, level: 'prefecture' },
  };
}

function link(owner: CompanyRow, owned: CompanyRow, share: number | null, sha: string, range?: [number, number]): OwnershipLinkRow {
  return { owner: party(owner), owned, share, shareMin: range?.[0] ?? null, shareMax: range?.[1] ?? null, asOf: '2021-12-31', sha256: sha, snippet: `${owner.name},${owned.name},${share}` };
}

function doc(sha: string, title: string): DocumentRow {
  return { sha256: sha, path: `samples/${title}`, url: null, retrievedAt: null, title, publishedAt: '2017-08-01', mediaType: 'text/html', noticeType: 'award' };
}

function facts(overrides: Partial<DossierFacts> = {}): DossierFacts {
  const shas = ['a', 'b', 'c', 'd'].map(SHA);
  return {
    company: HIK,
    asOf: '2026-01-01',
    regionCode: null,
    generatedAt: '2026-01-01T00:00:00Z',
    parents: [],
    branches: [],
    nameLinks: [],
    links: [link(CETHIK, HIK, 36.35, shas[3]), link(CETC, CETHIK, 100, shas[3]), link(SASAC, CETC, 100, shas[3]), link(CETC, HIK, null, shas[3], [1, 3])],
    linksTruncated: false,
    ultimateOwners: [],
    stateShare: { key: HIK.id, isState: false, hasOwners: true, paths: 2, share: null, min: 37.35, max: 39.35 },
    listings: [],
    restrictions: [],
    companyNames: new Map(),
    awards: [
      award(HIK.id, 'a1', { date: '2017-08-20', fen: 569_800_000_00, role: 'lead', region: '墨玉县', prefecture: '和田地区', sha: shas[0] }),
      award(HIK.id, 'a2', { date: '2017-04-18', fen: 312_000_000_00, role: 'sole', region: '皮山县', prefecture: '和田地区', sha: shas[1] }),
      award(HIK.id, 'a3', { date: '2018-01-02', fen: 1_000_01, role: 'member', region: '天山区', prefecture: '乌鲁木齐市', sha: shas[2] }),
      award(HIK.id, 'a4', { date: '2018-03-02', fen: null, status: 'unsuccessful', role: 'sole', region: '天山区', prefecture: '乌鲁木齐市', sha: shas[2] }),
      award(HIK.id, 'a5', { date: null, fen: 5_00, role: 'sole', region: '某省', prefecture: null, sha: shas[2] }),
    ],
    awardsTruncated: false,
    controlled: [{ member: SUB, share: 100 }],
    controlledAwards: [award(SUB.id, 'b1', { date: '2019-05-05', fen: 7_00, role: 'sole', region: '墨玉县', prefecture: '和田地区', sha: shas[0] })],
    controlledAwardsTruncated: false,
    matchCandidates: [],
    documents: new Map(shas.map((s, i) => [s, doc(s, `doc${i}`)])),
    holdings: { documents: 12, otherDocuments: 1 },
    ...overrides,
  };
}

test('totals add the active awards in yuan, in fen, by year and by prefecture; others are listed but not added', () => {
  const d = buildDossier(facts());
  assert.equal(d.totals.fen, 569_800_000_00 + 312_000_000_00 + 1_000_01 + 5_00);
  assert.equal(d.totals.counted, 4);
  assert.equal(d.totals.notCounted, 1);
  assert.deepEqual(
    d.totals.byYear.map((t) => [t.label, t.fen, t.awards]),
    [
      ['2017', 881_800_000_00, 2],
      ['2018', 1_000_01, 1],
      ['undated', 5_00, 1],
    ],
  );
  assert.deepEqual(
    d.totals.byPrefecture.map((t) => [t.label, t.fen, t.awards]),
    [
      ['和田地区', 881_800_000_00, 2],
      ['乌鲁木齐市', 1_000_01, 1],
      ['某省', 5_00, 1],
    ],
  );
  assert.equal(d.method.unsuccessful, 1);
  assert.equal(d.method.undated, 1);
});

test('each award keeps its role, lot, buyer and region; controlled companies are totalled apart', () => {
  const d = buildDossier(facts());
  assert.deepEqual(
    d.awards.map((a) => [a.awardId, a.role, a.region, a.prefecture, a.counted]),
    [
      ['a1', 'lead', '墨玉县', '和田地区', true],
      ['a2', 'sole', '皮山县', '和田地区', true],
      ['a3', 'member', '天山区', '乌鲁木齐市', true],
      ['a4', 'sole', '天山区', '乌鲁木齐市', false],
      ['a5', 'sole', '某省', null, true],
    ],
  );
  assert.deepEqual(d.controlled, [{ name: SUB.name, uscc: null, share: 100, awards: 1, fen: 7_00 }]);
  assert.equal(d.controlledAwards[0].winner, SUB.name);
});

test('citations are numbered in page order, one number per document and snippet', () => {
  const d = buildDossier(facts());
  // Ownership comes first on the page: four links, one source file, four rows quoted.
  assert.deepEqual(
    d.ownership.links.map((l) => l.cite),
    [1, 2, 3, 4],
  );
  const a1 = d.awards[0];
  // Then the awards: buyer, amount and winner of the first award, in that order.
  assert.deepEqual([a1.buyerCite, a1.amountCite, a1.winnerCite], [5, 6, 7]);
  // The second award's buyer is quoted with the same words but from another document: a new number.
  assert.equal(d.awards[1].buyerCite, 8);
  // a3 and a4 share a document and a buyer snippet: one citation.
  assert.equal(d.awards[2].buyerCite, d.awards[3].buyerCite);
  assert.deepEqual(
    d.citations.map((c) => c.n),
    d.citations.map((_, i) => i + 1),
  );
  assert.equal(d.citations[4].snippet, '采购人：墨玉县公安局');
  assert.equal(d.citations[4].document?.title, 'doc0');
  // A failed lot states no amount: nothing to cite for it.
  assert.equal(d.awards[3].amountCite, null);
});

test('effective shares over the links drawn come from the reference ownership maths, ranges as ranges', () => {
  const d = buildDossier(facts());
  const byName = new Map(d.ownership.parties.map((p) => [p.name, p]));
  assert.deepEqual(byName.get(CETHIK.name)?.effective, { share: 36.35, min: 36.35, max: 36.35 });
  // CETC: 100% of CETHIK's 36.35 plus its own 1–3% directly.
  assert.deepEqual(byName.get(CETC.name)?.effective, { share: null, min: 37.35, max: 39.35 });
  assert.equal(byName.get(HIK.name)?.effective, null);
  assert.deepEqual(d.ownership.stateShare, { share: null, min: 37.35, max: 39.35, isState: false, hasOwners: true });
  assert.deepEqual(
    d.ownership.links.map((l) => [l.ownerName, l.share, l.min, l.max]),
    [
      [CETHIK.name, 36.35, 36.35, 36.35],
      [CETC.name, 100, 100, 100],
      [SASAC.name, 100, 100, 100],
      [CETC.name, null, 1, 3],
    ],
  );
});

test('the page escapes a hostile company name everywhere, charts and diagram included', async () => {
  const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&有限公司';
  const bad = company('c:evil', evil, { names: [evil, `${evil}</q><iframe>`], address: '<b>addr</b>' });
  const f = facts({
    company: bad,
    links: [link(company('c:o', `<svg onload=alert(3)>`), bad, 51, SHA('d'))],
    awards: [award(bad.id, 'x1', { date: '2020-01-01', fen: 100, role: 'sole', region: '<i>县</i>', prefecture: '<style>地区</style>', sha: SHA('a') })],
    controlled: [],
    controlledAwards: [],
  });
  f.documents.set(SHA('a'), { ...doc(SHA('a'), '<a href="javascript:alert(4)">t</a>'), url: 'javascript:alert(5)' });
  const page = await dossierHtml(buildDossier(f), { originalHref: (c) => `originals/${originalFileName(c.sha256, c.document?.mediaType)}` });
  for (const tag of ['<script', '<img', '<iframe', '<svg onload', '<i>', '<b>', '<style>地区', '<a href="javascript']) {
    assert.equal(page.includes(tag), false, tag);
  }
  assert.equal(page.includes('javascript:alert(5)'), false);
  assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;有限公司'));
  // The diagram and charts are there, as SVG (Vega escapes its own text).
  assert.equal((page.match(/<svg /g) ?? []).length, 3);
  assert.ok(page.includes('&lt;svg onload=alert(3)&gt;'));
  // No script of any kind, and a policy that would refuse one.
  assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;/);
});

test('originals keep their sha256 as name; HTML and text become .txt so no page script runs', () => {
  assert.equal(originalFileName(SHA('a'), 'text/html'), `${SHA('a')}.txt`);
  assert.equal(originalFileName(SHA('a'), 'application/pdf'), `${SHA('a')}.pdf`);
  assert.equal(originalFileName(SHA('a'), 'text/csv; charset=utf-8'), `${SHA('a')}.csv`);
  assert.equal(originalFileName(SHA('a'), null), `${SHA('a')}.txt`);
});
