// Every query of the Browser guide, run on the ingested samples: it parses, and the tables answer what the
// slides say they answer.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Driver, Record as Neo4jRecord } from 'neo4j-driver';
import { guideCypher } from '../support/guide-queries.ts';
import { resetDatabase, testDriver } from '../support/neo4j.ts';
import { HIKVISION, ingestSamples } from '../support/sample-graph.ts';

function plain(value: unknown): unknown {
  if (value && typeof value === 'object' && 'toNumber' in value) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

function rows(records: Neo4jRecord[]): Record<string, unknown>[] {
  return records.map((r) => Object.fromEntries(r.keys.map((k) => [k, plain(r.get(k))])));
}

/** collect(DISTINCT …) gives no order: sort the places. */
function sortedPlaces(table: Record<string, unknown>[]): Record<string, unknown>[] {
  return table.map((r) => ({ ...r, places: [...(r.places as string[])].sort() }));
}

describe('the guide queries on the ingested samples', () => {
  let driver: Driver;
  const queries = guideCypher();
  const run = async (marker: string) => {
    const matching = queries.filter((q) => q.text.includes(marker));
    assert.equal(matching.length, 1, `one query contains ${marker}`);
    return rows((await driver.executeQuery(matching[0].text)).records);
  };

  before(async () => {
    driver = await testDriver();
    await resetDatabase(driver);
    await ingestSamples(driver);
  });
  after(() => driver.close());

  it('all run and all find something', async () => {
    assert.equal(queries.length, 12);
    for (const q of queries) {
      const res = await driver.executeQuery(q.text);
      assert.ok(res.records.length > 0, `${q.slide}: no rows for\n${q.text}`);
    }
  });

  it("lists Hikvision's awards with place, document and the quoted sentence", async () => {
    const table = await run('AS snippet');
    assert.deepEqual(
      table.map((r) => [r.project, r.region, r.yuan, r.role, r.document !== null, typeof r.snippet]),
      [
        ['墨玉县公共安全视频监控建设PPP项目', '墨玉县', 569_800_000, 'sole', true, 'string'],
        ['皮山县公共安全视频监控建设PPP项目', '皮山县', 312_000_000, 'sole', true, 'string'],
      ],
    );
  });

  it('lists the restricted winners of 和田地区: Hikvision, on the Entity List and NS-CMIC', async () => {
    const table = await run('AS heldByListed');
    assert.deepEqual(
      table.map((r) => [r.supplier, [...(r.listedOn as string[])].sort(), r.heldByListed, r.awards]),
      [['杭州海康威视数字技术股份有限公司', ['us_bis_entity_list (name-link)', 'us_ofac_ns_cmic (uscc)'], [], 2]],
    );
  });

  it('counts the counties of 和田地区 in, and Urumqi out', async () => {
    const table = sortedPlaces(await run('withoutAmount'));
    assert.deepEqual(table, [
      { supplier: HIKVISION, awards: 2, yuan: 881_800_000, withoutAmount: 0, places: ['墨玉县', '皮山县'] },
    ]);
  });

  it("gives each of Hikvision's chains to the state its product of shares", async () => {
    const table = await run('chainPercent');
    const byFirstHolder = Object.fromEntries(table.map((r) => [(r.owners as string[])[2], r.chainPercent]));
    assert.equal(table.every((r) => (r.owners as string[])[0] === '国务院国有资产监督管理委员会'), true);
    assert.deepEqual(Object.keys(byFirstHolder).sort(), ['中国电子科技集团公司第五十二研究所', '中电海康集团有限公司', '中电科投资控股有限公司']);
    assert.ok(Math.abs((byFirstHolder['中电海康集团有限公司'] as number) - 36.35) < 1e-9);
    assert.ok(Math.abs((byFirstHolder['中电科投资控股有限公司'] as number) - 2.63) < 1e-9);
  });

  it('answers null, not a guess, for a chain with an unknown share', async () => {
    await driver.executeQuery("MATCH (:Company {name: '中电科投资控股有限公司'})-[h:OWNS]->(:Company {name: $name}) SET h.share = null, h.shareMin = 2, h.shareMax = 3", { name: HIKVISION });
    try {
      const table = await run('chainPercent');
      const unknown = table.filter((r) => (r.owners as string[]).includes('中电科投资控股有限公司'));
      assert.equal(unknown.length, 1);
      assert.equal(unknown[0].chainPercent, null);
    } finally {
      await driver.executeQuery("MATCH (:Company {name: '中电科投资控股有限公司'})-[h:OWNS]->(:Company {name: $name}) SET h.share = 2.63, h.shareMin = 2.63, h.shareMax = 2.63", { name: HIKVISION });
    }
  });

  it('finds Hikvision two holdings below CETC, and not Dahua', async () => {
    const table = sortedPlaces(await run('AS steps'));
    assert.deepEqual(table, [{ supplier: HIKVISION, steps: 2, awards: 2, yuan: 881_800_000, places: ['墨玉县', '皮山县'] }]);
  });
});
