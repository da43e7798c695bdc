// The CETC → Hikvision case parsed end to end from every source format: the same figures each time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFile } from '../../ingest/read/index.ts';
import { extractOwnership } from '../../ingest/ownership/index.ts';
import { holdingsGraph } from '../../ingest/ownership/holdings-graph.ts';
import type { HoldingRecord } from '../../ingest/ownership/holding.ts';
import { controllingParties, effectiveShares, stateShare, ultimateOwners } from '../../src/domain/ownership.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/ownership');
const HIKVISION = '杭州海康威视数字技术股份有限公司';
const SASAC = '国务院国有资产监督管理委员会';
const CETC = '中国电子科技集团有限公司';

const REGISTRY = ['cethik', 'cetc', 'cetc-investment', 'cetc-52'].map((s) => `${s}-registry-extract.html`);

const FORMATS: Record<string, { files: string[]; source: string[] }> = {
  CSV: { files: ['cetc.csv'], source: ['csv'] },
  'BODS 0.3': { files: ['cetc-bods-0.3.json'], source: ['bods'] },
  'BODS 0.4': { files: ['cetc-bods-0.4.jsonl'], source: ['bods'] },
  'HTML tables': { files: ['hikvision-2021-annual-report.html', ...REGISTRY], source: ['annual-report', ...REGISTRY.map(() => 'registry-extract')] },
  'PDF text + HTML extracts': {
    files: ['hikvision-2021-annual-report.txt', ...REGISTRY],
    source: ['annual-report', ...REGISTRY.map(() => 'registry-extract')],
  },
};

async function holdingsOf(files: string[]): Promise<{ holdings: HoldingRecord[]; sources: string[]; warnings: string[] }> {
  const holdings: HoldingRecord[] = [];
  const sources: string[] = [];
  const warnings: string[] = [];
  for (const file of files) {
    const extract = extractOwnership(await readFile(path.join(fixtures, file)));
    assert.ok(extract, `${file}: no ownership source`);
    sources.push(extract.source);
    holdings.push(...extract.holdings);
    warnings.push(...extract.warnings);
  }
  return { holdings, sources, warnings };
}

for (const [format, { files, source }] of Object.entries(FORMATS)) {
  test(`${format}: Hikvision's state share is 40.94, SASAC and 龚虹嘉 are ultimate owners`, async () => {
    const { holdings, sources, warnings } = await holdingsOf(files);
    assert.deepEqual(sources, source);
    assert.deepEqual(warnings, []);
    const graph = holdingsGraph(holdings);
    assert.deepEqual(graph.warnings, []);
    const hik = graph.idOf({ name: HIKVISION, uscc: null, kind: null });

    const state = stateShare(hik, graph.edgesInto, graph.isState);
    assert.ok(state && state.share !== null && Math.abs(state.share - 40.94) < 1e-9);
    assert.deepEqual(state, { share: 40.94, min: 40.94, max: 40.94 });

    const owners = ultimateOwners(hik, graph.edgesInto, { isPerson: graph.isPerson });
    const named = new Map(owners.map((u) => [graph.parties.get(u.owner)?.name, u]));
    const sasac = named.get(SASAC);
    assert.ok(sasac);
    assert.equal(sasac.effectiveShare, 40.94);
    assert.equal(sasac.paths.length, 3);
    assert.equal(graph.isState(sasac.owner), true);
    const gong = named.get('龚虹嘉');
    assert.ok(gong);
    assert.equal(gong.effectiveShare, 10.4);
    assert.equal(graph.isPerson(gong.owner), true);
    assert.equal(graph.parties.get(gong.owner)?.kind, 'person');
    const hkscc = named.get('香港中央结算有限公司');
    assert.ok(hkscc);
    if (format === 'BODS 0.4') {
      // Published there as a range: more than 5%, at most 10%.
      assert.deepEqual([hkscc.effectiveShare, hkscc.effectiveShareMin, hkscc.effectiveShareMax], [null, 5, 10]);
    } else {
      assert.equal(hkscc.effectiveShare, 8);
    }
    assert.equal(owners[0].owner, sasac.owner);

    assert.equal(effectiveShares(hik, graph.edgesInto).get(graph.idOf({ name: CETC, uscc: null, kind: null }))?.share, 40.94);
    assert.deepEqual(controllingParties(hik, graph.edgesInto), []);
  });
}

test('all formats at once: agreeing sources merge without warnings, figures unchanged', async () => {
  const all = Object.values(FORMATS).filter((f, i) => i !== 2).flatMap((f) => f.files);
  const { holdings } = await holdingsOf([...new Set(all)]);
  const graph = holdingsGraph(holdings);
  assert.deepEqual(graph.warnings, []);
  const hik = graph.idOf({ name: HIKVISION, uscc: null, kind: null });
  assert.deepEqual(stateShare(hik, graph.edgesInto, graph.isState), { share: 40.94, min: 40.94, max: 40.94 });
});

test('two sources of the same date that disagree: the first is kept, with a warning', async () => {
  const { holdings } = await holdingsOf(['cetc-bods-0.3.json', 'cetc-bods-0.4.jsonl']);
  const graph = holdingsGraph(holdings);
  assert.equal(graph.warnings.length, 1);
  assert.match(graph.warnings[0], /^香港中央结算有限公司 in 杭州海康威视数字技术股份有限公司 on 2021-12-31: .*cetc-bods-0\.4\.jsonl disagrees with .*cetc-bods-0\.3\.json; the first is kept$/);
  const hik = graph.idOf({ name: HIKVISION, uscc: null, kind: null });
  const hkscc = graph.edgesInto(hik).find((e) => graph.parties.get(e.owner)?.name === '香港中央结算有限公司');
  assert.equal(hkscc?.share, 8);
});

function record(owner: string, owned: string, share: number, asOf: string, sha256: string, kind: 'person' | null = null): HoldingRecord {
  return {
    owner: { name: owner, uscc: null, kind },
    owned: { name: owned, uscc: null, kind: null },
    share,
    shareMin: share,
    shareMax: share,
    asOf,
    source: { path: `${sha256}.csv`, sha256, snippet: null },
  };
}

test('holdingsGraph: the latest date wins; rows of one document for the same pair add up', () => {
  const graph = holdingsGraph([
    record('甲公司', '乙公司', 30, '2021-12-31', 'a'),
    record('甲公司', '乙公司', 35, '2022-12-31', 'b'),
    record('甲公司', '乙公司', 99, '2020-12-31', 'c'),
    record('张三', '乙公司', 10, '2022-12-31', 'b', 'person'),
    record('张三', '乙公司', 2.5, '2022-12-31', 'b', 'person'),
    record('浙江省人民政府国有资产监督管理委员会', '甲公司', 100, '2022-12-31', 'b'),
  ]);
  assert.deepEqual(graph.warnings, []);
  assert.deepEqual(graph.edgesInto('乙公司'), [
    { owner: '甲公司', owned: '乙公司', share: 35, shareMin: 35, shareMax: 35 },
    { owner: 'person:张三', owned: '乙公司', share: 12.5, shareMin: 12.5, shareMax: 12.5 },
  ]);
  assert.equal(graph.isPerson('person:张三'), true);
  // No kind given: the name rules say a SASAC is a state owner.
  assert.equal(graph.isState('浙江省人民政府国有资产监督管理委员会'), true);
  assert.equal(graph.isState('甲公司'), false);
  assert.deepEqual(stateShare('乙公司', graph.edgesInto, graph.isState), { share: 35, min: 35, max: 35 });
});
