// The API while its database goes down and comes back (issue 14): requests fail fast with
// DATABASE_UNAVAILABLE, and the API recovers by itself, warming its queries up before it takes
// requests again. This file stops and restarts the test run's own Neo4j (test files run one at a
// time), and always leaves it running. Against a server it does not manage (NEO4J_URI) it skips.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { DatabaseGate } from '../../src/api/availability.ts';
import { API_DRIVER_TUNING, connect } from '../../src/db/driver.ts';
import { start, status, stop } from '../../src/db/local-server.ts';
import { warmUp } from '../../src/graph/warmup.ts';
import { resetDatabase, testConfig } from '../support/neo4j.ts';
import { errorCodes, graphql, testApi } from '../support/api-fixtures.ts';
import { ingestCase } from '../support/api-case.ts';

const external = testConfig.neo4j.external ? 'the tests use a server they do not manage (NEO4J_URI): not stopping it' : false;

/** Safety nets against hangs, not performance figures. */
const REFUSAL_BOUND_MS = 3_000;
const NOTICE_BOUND_MS = 15_000;
const RECOVERY_BOUND_MS = 180_000;

const ORDINARY = '{ company(uscc: "91330000733796106P") { id name } }';
/** Hikvision as the case's documents give it (its id is ingest's). */
let ORDINARY_ANSWER: unknown;

let driver: Driver;
let home: string;

async function until(what: string, boundMs: number, check: () => Promise<boolean> | boolean): Promise<number> {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > boundMs) throw new Error(`${what}: not within ${boundMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return Date.now() - t0;
}

async function graphDigest(): Promise<string> {
  const res = await driver.executeQuery('MATCH (n) OPTIONAL MATCH (n)-[r]->(m) WITH n, r, m ORDER BY elementId(n), elementId(r) RETURN collect([labels(n), properties(n), type(r), properties(r), elementId(m)]) AS all');
  return createHash('sha256').update(JSON.stringify(res.records[0].get('all'))).digest('hex');
}

before(async () => {
  if (external) return;
  driver = await connect(testConfig.neo4j, API_DRIVER_TUNING);
  await resetDatabase(driver);
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-hostile-db-'));
  const { C } = await ingestCase(driver, home);
  ORDINARY_ANSWER = { data: { company: { id: C['hikvision'], name: '杭州海康威视数字技术股份有限公司' } } };
});

after(async () => {
  if (external) return;
  // Whatever happened above, the other test files get their database back.
  if (!status(testConfig.local).running) await start(testConfig.local);
  await driver.close();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('the database goes down and comes back', { skip: external }, () => {
  it('refuses at once with DATABASE_UNAVAILABLE while it is down, then warms up and answers again by itself', async () => {
    const warmUps: number[] = [];
    const gate = new DatabaseGate(driver, testConfig.neo4j.database, {
      heartbeatMs: 500,
      probeMs: 500,
      warm: async (d, db) => {
        warmUps.push(Date.now());
        return warmUp(d, db, { timeoutMs: 10_000, deadlineMs: 30_000 });
      },
    });
    const api = testApi({ driver, gate });
    try {
      assert.deepEqual((await graphql(api, ORDINARY)).body, ORDINARY_ANSWER);
      const before = await graphDigest();

      await stop(testConfig.local);
      // No request needed: the heartbeat notices.
      await until('the gate closes', NOTICE_BOUND_MS, () => gate.state === 'down');
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        const res = await graphql(api, ORDINARY, undefined, { accept: 'application/graphql-response+json' });
        const ms = performance.now() - t0;
        assert.equal(res.status, 503);
        assert.equal(res.body.data, undefined);
        assert.deepEqual(errorCodes(res), ['DATABASE_UNAVAILABLE']);
        assert.doesNotMatch(res.text, /127\.0\.0\.1|ECONNREFUSED|Neo4jError|at /);
        assert.ok(ms < REFUSAL_BOUND_MS, `refused after ${ms.toFixed(0)} ms`);
      }
      assert.deepEqual(warmUps, []);

      const restarted = Date.now();
      await start(testConfig.local);
      await until('the API answers again', RECOVERY_BOUND_MS, async () => {
        const res = await graphql(api, ORDINARY);
        if (res.body.errors) assert.deepEqual(errorCodes(res), ['DATABASE_UNAVAILABLE'], res.text);
        return !res.body.errors;
      });
      // It warmed up once, after the restart, before it took requests again.
      assert.equal(warmUps.length, 1);
      assert.ok(warmUps[0] >= restarted);
      assert.equal(gate.state, 'up');
      assert.deepEqual((await graphql(api, ORDINARY)).body, ORDINARY_ANSWER);
      assert.equal(await graphDigest(), before);
    } finally {
      gate.stop();
    }
  });
});
