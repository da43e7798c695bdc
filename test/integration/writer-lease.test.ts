// The writer lease: one writer at a time, enforced by the database. A busy lease stops a second
// writer with the holder's name, or makes it wait; a holder that died stops blocking (at once on
// its own host, at expiry elsewhere); a holder that lost its lease writes nothing more; alias
// writes take turns and keep one name to one company.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { addAlias } from '../../src/graph/aliases.ts';
import { nameRecord } from '../../src/domain/identity.ts';
import { LeaseLostError, WriterBusyError, WriterLease } from '../../src/db/writer-lease.ts';
import { createApi } from '../../src/api/server.ts';
import { errorCodes, graphql, testApi } from '../support/api-fixtures.ts';
import { CASE_DIR, ingestDocuments } from '../support/api-case.ts';
import { resetDatabase, testConfig, testDriver } from '../support/neo4j.ts';

const db = { database: testConfig.neo4j.database };
const TOKEN = 'lease-test-token-5d1e';
let driver: Driver;

/** Writes a lease as another process would have left it. */
async function leaseHeldBy(holder: { host: string; pid: number; command: string; expiresInMs: number }): Promise<void> {
  await driver.executeQuery(
    `MERGE (l:WriterLease {name: 'writer'})
     SET l.token = 'someone-else', l.host = $host, l.pid = $pid, l.command = $command, l.started = '2026-01-01T00:00:00.000Z',
         l.expires = timestamp() + $ms`,
    { host: holder.host, pid: holder.pid, command: holder.command, ms: holder.expiresInMs },
    db,
  );
}

async function leaseRow(): Promise<Record<string, unknown> | null> {
  const res = await driver.executeQuery("MATCH (l:WriterLease) RETURN properties(l) AS p", {}, db);
  assert.ok(res.records.length <= 1, 'one lease node at most');
  return (res.records[0]?.get('p') as Record<string, unknown>) ?? null;
}

before(async () => {
  driver = await testDriver();
});
after(() => driver.close());
beforeEach(() => resetDatabase(driver));

describe('the writer lease', () => {
  it('stops a second writer at once, naming the holder', async () => {
    const first = await WriterLease.acquire(driver, { ...db, command: 'bidgraph ingest corpus/a' });
    await assert.rejects(WriterLease.acquire(driver, { ...db, command: 'bidgraph ingest corpus/b' }), (err: unknown) => {
      assert.ok(err instanceof WriterBusyError);
      assert.match(err.message, new RegExp(`^another writer holds the graph: bidgraph ingest corpus/a \\(pid ${process.pid} on ${os.hostname()}, since \\d{4}-\\d\\d-\\d\\dT[^;]+; lease expires in \\d+ s unless renewed\\)\\. Ingests run one at a time; wait for it with --wait-for-lease`));
      return true;
    });
    await first.release();
    assert.deepEqual(await leaseRow(), { name: 'writer' }, 'released: the holder is gone, the node stays');
    const second = await WriterLease.acquire(driver, { ...db, command: 'bidgraph ingest corpus/b' });
    assert.equal((await leaseRow())?.command, 'bidgraph ingest corpus/b');
    await second.release();
  });

  it("waits for a holder on another machine until its lease expires, when asked to wait", async () => {
    await leaseHeldBy({ host: 'newsroom-2', pid: 4242, command: 'bidgraph ingest /data/2017', expiresInMs: 3000 });
    await assert.rejects(WriterLease.acquire(driver, { ...db, command: 'mine' }), /holds the graph: bidgraph ingest \/data\/2017 \(pid 4242 on newsroom-2,/);
    await assert.rejects(WriterLease.acquire(driver, { ...db, command: 'mine', waitMs: 500 }), /Gave up after waiting \d+ s\./);
    const waitedFor: string[] = [];
    const lease = await WriterLease.acquire(driver, { ...db, command: 'mine', waitMs: 30_000, onWait: (h) => waitedFor.push(`${h.command} on ${h.host}`) });
    assert.deepEqual(waitedFor, ['bidgraph ingest /data/2017 on newsroom-2']);
    assert.equal((await leaseRow())?.host, os.hostname());
    await lease.release();
  });

  it('takes over at once from a holder on this host whose process is gone', async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    await leaseHeldBy({ host: os.hostname(), pid: Number(gone.stdout), command: 'bidgraph ingest (killed)', expiresInMs: 600_000 });
    const lease = await WriterLease.acquire(driver, { ...db, command: 'mine' });
    assert.equal((await leaseRow())?.command, 'mine');
    await lease.release();
  });

  it('stops the write transactions of a holder whose lease was taken, before they write', async () => {
    const lease = await WriterLease.acquire(driver, { ...db, command: 'slow writer' });
    await leaseHeldBy({ host: 'newsroom-2', pid: 7, command: 'took over after expiry', expiresInMs: 60_000 });
    const session = driver.session(db);
    try {
      await assert.rejects(
        session.executeWrite(async (tx) => {
          await lease.guard(tx);
          await tx.run("CREATE (:Company {id: 'c:late', name: 'late'})");
        }),
        LeaseLostError,
      );
    } finally {
      await session.close();
    }
    const late = await driver.executeQuery("MATCH (c:Company {id: 'c:late'}) RETURN count(c) AS n", {}, db);
    assert.equal(Number(late.records[0].get('n')), 0);
    await lease.release();
    assert.equal((await leaseRow())?.command, 'took over after expiry', "releasing a lost lease leaves the new holder's alone");
  });
});

describe('alias writes and the lease', () => {
  let api: ReturnType<typeof createApi>;
  const ADD = `mutation($id: ID!, $name: String!) { addAlias(companyId: $id, name: $name, source: "test") { id names } }`;
  const auth = { authorization: `Bearer ${TOKEN}` };
  /** Ids of 示例第0号有限公司 … 示例第7号有限公司, a group the ownership CSV under test/fixtures/api-case/lease-group/ gives. */
  let c: string[];
  let home: string;

  beforeEach(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-lease-'));
    await ingestDocuments(driver, home, [path.join(CASE_DIR, 'lease-group')]);
    const ids = await driver.executeQuery("MATCH (c:Company) WHERE c.name STARTS WITH '示例第' RETURN c.name AS name, c.id AS id", {}, db);
    const byName = new Map(ids.records.map((r) => [r.get('name') as string, r.get('id') as string]));
    c = Array.from({ length: 8 }, (_, i) => byName.get(`示例第${i}号有限公司`)!);
    assert.equal(new Set(c).size, 8, 'eight companies, each found');
    api = testApi({ driver, home, apiToken: TOKEN, logging: false });
  });

  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  it('refuses addAlias with WRITER_BUSY while an ingest writes, naming it, and changes nothing', async () => {
    const lease = await WriterLease.acquire(driver, { ...db, command: 'bidgraph ingest corpus' });
    const res = await graphql(api, ADD, { id: c[0], name: '示例别名有限公司' }, auth);
    assert.deepEqual(errorCodes(res), ['WRITER_BUSY']);
    assert.match(res.body.errors?.[0].message ?? '', /^The graph is being written by bidgraph ingest corpus \(pid \d+ on /);
    assert.deepEqual(res.body.errors?.[0].extensions?.holder, { command: 'bidgraph ingest corpus', host: os.hostname(), pid: process.pid, started: lease.holder.started });
    const names = await driver.executeQuery("MATCH (c:Company {id: $id}) RETURN c.names AS names", { id: c[0] }, db);
    assert.deepEqual(names.records[0].get('names'), ['示例第0号有限公司']);
    await lease.release();
    const again = await graphql(api, ADD, { id: c[0], name: '示例别名有限公司' }, auth);
    assert.equal(again.body.errors, undefined, again.text);
  });

  it('gives a name to one company only when two alias writes race for it', async () => {
    for (let round = 0; round < 6; round++) {
      const name = `示例竞争名称${round}有限公司`;
      const outcomes = await Promise.all(
        [c[round], c[round + 1], c[(round + 2) % 8]].map((companyId) =>
          addAlias(driver, testConfig.neo4j.database, 30_000, { companyId, name: nameRecord(name)!, source: 'race', at: new Date().toISOString() }),
        ),
      );
      assert.deepEqual(outcomes.map((o) => o.kind).sort(), ['added', 'conflict', 'conflict'], name);
      const holders = await driver.executeQuery('MATCH (c:Company) WHERE $name IN c.nameKeys RETURN count(c) AS n', { name }, db);
      assert.equal(Number(holders.records[0].get('n')), 1, name);
    }
  });
});
