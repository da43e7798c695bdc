// Restriction lists through `ingest`: every format of test/fixtures/lists with the samples' companies,
// matched on evidence only; a newer copy delists; re-ingesting changes nothing.
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { ingest, type IngestSummary } from '../../ingest/pipeline.ts';
import { resetDatabase, testConfig, testDriver } from '../support/neo4j.ts';
import { repoRoot } from '../../src/config.ts';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/lists');
const files = ['csl.json', 'csl.csv', 'cons_prim.csv', 'cons_alt.csv', 'cons_add.csv', 'cons_comments.csv', 'entities.ftm.json', 'name-links.csv'].map((f) => path.join(dir, f));
const HIK_USCC = '91330000733796106P';

describe('restriction lists ingested next to the samples', () => {
  let driver: Driver;
  let first: IngestSummary;
  const run = (inputs: string[], retrievedAt: string) =>
    ingest({
      inputs,
      driver,
      database: testConfig.neo4j.database,
      home: null,
      concurrency: 1,
      manifest: new Map(inputs.map((f) => [path.resolve(f), { url: null, retrievedAt }])),
    });
  const query = async (cypher: string, params: Record<string, unknown> = {}) =>
    (await driver.executeQuery(cypher, params, { database: testConfig.neo4j.database })).records.map((r) => r.toObject());

  before(async () => {
    driver = await testDriver();
    await resetDatabase(driver);
    // The samples' companies and awards, without the samples' own list files.
    await run(['ownership', 'moyu-ppp-award.html', 'pishan-ppp-award.html'].map((f) => path.join(repoRoot, 'samples', f)), '2024-01-01T00:00:00Z');
    first = await run(files, '2025-01-10T00:00:00Z');
  });
  after(() => driver.close());

  it('loads every file; malformed rows are named in the warnings, the rest loaded', () => {
    assert.equal(first.failed, 0, JSON.stringify(first.documents.filter((d) => d.status === 'failed')));
    assert.equal(first.ok, files.length);
    assert.equal(first.listsLoaded, files.length);
    const warnings = first.documents.flatMap((d) => d.warnings);
    for (const expected of ['cons_prim.csv: line 3: not a list row', 'csl.csv: line 5: 3 fields', 'csl.json: results[3]: no name', 'entities.ftm.json: line 5: not JSON', 'name-links.csv: line 3: name or alias empty']) {
      assert.ok(warnings.some((w) => w.includes(expected)), `warning "${expected}" in ${JSON.stringify(warnings)}`);
    }
  });

  it('keeps an OFAC entry whole across its four files, with the file it came from', async () => {
    const [e] = await query(`MATCH (e:ListEntry {id: 'ofac:30946'})-[:SOURCED_FROM]->(d:Document) RETURN e {.*} AS e, collect(d.noticeType) AS kinds, count(d) AS files`);
    const entry = e.e as Record<string, unknown>;
    assert.equal(entry.list, 'us_ofac_ns_cmic');
    assert.equal(entry.listedOn, '2021-06-03');
    assert.deepEqual(entry.usccs, [HIK_USCC]);
    assert.ok((entry.names as string[]).includes('HANGZHOU HIKVISION DIGITAL TECHNOLOGY COMPANY LIMITED'));
    assert.deepEqual(entry.addresses, ['No. 555 Qianmo Road, Binjiang District, Hangzhou, Zhejiang, China']);
    assert.ok((entry.identifiers as string[]).includes('Registration Number 330000000002337'));
    assert.equal(Number(e.files), 4);
    assert.deepEqual([...new Set(e.kinds as string[])], ['restriction-list']);
  });

  it('links Hikvision on evidence only, and says how', async () => {
    const rows = await query(`MATCH (e:ListEntry)-[l:LISTS]->(c:Company {uscc: $uscc}) RETURN e.id AS entry, l.matchedBy AS by ORDER BY entry`, { uscc: HIK_USCC });
    assert.deepEqual(rows.map((r) => [r.entry, r.by]), [
      ['csl:cmic-30946', 'uscc'],
      ['csl:el-hikvision-2019', 'name-link'],
      ['ofac:30946', 'uscc'],
      ['opensanctions:us_ofac_cons:NK-hikvision', 'uscc'],
    ]);
    const [labelled] = await query(`MATCH (c:Company:Listed {uscc: $uscc}) RETURN c.listed AS listed`, { uscc: HIK_USCC });
    assert.equal(labelled.listed, true);
  });

  it('offers the Moyu Haishi entry, known only by an English name, as a pinyin candidate and never a listing', async () => {
    const links = await query(`MATCH (e:ListEntry {id: 'csl:el-moyu'})-[:LISTS]->(c) RETURN c.name AS name`);
    assert.deepEqual(links, []);
    const candidates = await query(`MATCH (e:ListEntry {id: 'csl:el-moyu'})-[m:MAY_LIST]->(c) RETURN c.name AS name, m.score AS score, m.reasons AS reasons`);
    assert.deepEqual(candidates.map((c) => c.name), ['墨玉海视电子科技有限公司']);
    assert.ok((candidates[0].reasons as string[]).some((r) => r.includes('pinyin')));
    const [moyu] = await query(`MATCH (c:Company {name: '墨玉海视电子科技有限公司'}) RETURN c:Listed AS listed`);
    assert.equal(moyu.listed, false);
  });

  it('delists an entry a newer copy lacks, on the date of that copy, keeping its history and its link', async () => {
    const summary = await run([path.join(dir, 'cons_prim_2026.csv')], '2026-02-01T08:00:00Z');
    assert.equal(summary.failed, 0);
    const [e] = await query(`MATCH (e:ListEntry {id: 'ofac:30936'}) RETURN e.delistedOn AS on, e.history AS history`);
    assert.equal(e.on, '2026-02-01');
    assert.deepEqual((e.history as string[]).map((h) => JSON.parse(h).event), ['listed', 'delisted']);
    const [hik] = await query(`MATCH (e:ListEntry {id: 'ofac:30946'}) RETURN e.delistedOn AS on, e.lastSeenOn AS seen`);
    assert.deepEqual([hik.on, hik.seen], [null, '2026-02-01']);
  });

  it('re-ingesting the same files changes nothing', async () => {
    const again = await run(files, '2025-01-10T00:00:00Z');
    assert.equal(again.unchanged, files.length);
    assert.equal(again.counters.nodesCreated, 0);
  });
});
