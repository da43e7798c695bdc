// A cluster (or Aura) is reached with NEO4J_URI=neo4j://…: the driver routes read transactions to any
// member and writes to the leader. This drives ingest and the API through a routing driver against the
// test server and records the access mode of every session and query they open: the API only reads, and
// ingest writes only in write sessions. (A Community server answers routing requests for itself.)
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import neo4j, { type Driver } from 'neo4j-driver';
import { repoRoot } from '../../src/config.ts';
import { createDriver } from '../../src/db/driver.ts';
import { ingest } from '../../ingest/pipeline.ts';
import { graphql, testApi } from '../support/api-fixtures.ts';
import { resetDatabase, testConfig, testDriver } from '../support/neo4j.ts';

type Mode = 'READ' | 'WRITE';

/** A driver that notes the access mode of every session and executeQuery call it serves. */
function recordingDriver(driver: Driver): { driver: Driver; modes: Mode[] } {
  const modes: Mode[] = [];
  const proxy = new Proxy(driver, {
    get(target, prop, receiver) {
      if (prop === 'session') {
        return (config: { defaultAccessMode?: string } = {}) => {
          modes.push(config.defaultAccessMode === neo4j.session.READ ? 'READ' : 'WRITE');
          return target.session(config as Parameters<Driver['session']>[0]);
        };
      }
      if (prop === 'executeQuery') {
        return (query: string, params?: Record<string, unknown>, config: { routing?: string } = {}) => {
          modes.push(config.routing === neo4j.routing.READ ? 'READ' : 'WRITE');
          return target.executeQuery(query, params, config as Parameters<Driver['executeQuery']>[2]);
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { driver: proxy, modes };
}

describe('through a routing driver (neo4j://)', () => {
  let plain: Driver;
  let routing: Driver;

  before(async () => {
    plain = await testDriver();
    await resetDatabase(plain);
    const uri = testConfig.neo4j.uri.replace(/^bolt:/, 'neo4j:');
    assert.match(uri, /^neo4j:\/\//);
    routing = createDriver({ ...testConfig.neo4j, uri });
    await routing.verifyConnectivity({ database: testConfig.neo4j.database });
  });

  after(async () => {
    await routing.close();
    await plain.close();
  });

  it('ingest loads the samples, writing in write sessions', async () => {
    const rec = recordingDriver(routing);
    const s = await ingest({ inputs: [path.join(repoRoot, 'samples')], driver: rec.driver, database: testConfig.neo4j.database, home: null, concurrency: 1 });
    assert.equal(s.failed, 0);
    assert.ok(s.ok >= 5, `${s.ok} documents loaded`);
    assert.ok(rec.modes.includes('WRITE'), 'writes went to the leader');
    assert.ok(rec.modes.includes('READ'), 'look-ups were routed as reads');
  });

  it('the API answers with read transactions only', async () => {
    const rec = recordingDriver(routing);
    const api = testApi({ driver: rec.driver, database: testConfig.neo4j.database });
    const res = await graphql(api, `{ company(name: "杭州海康威视数字技术股份有限公司") { uscc awards { totalCount } ultimateOwners { effectiveShare } } }`);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.data?.company?.uscc, '91330000733796106P');
    assert.ok(res.body.data?.company?.awards.totalCount >= 1);
    assert.ok(rec.modes.length > 0);
    assert.deepEqual([...new Set(rec.modes)], ['READ']);
  });
});
