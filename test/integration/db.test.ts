import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { loadConfig } from '../../src/config.ts';
import { connect, serverVersion } from '../../src/db/driver.ts';
import { resolveClasspath, start, status } from '../../src/db/local-server.ts';
import { migrate, schemaStatements } from '../../src/db/migrate.ts';
import { createApi } from '../../src/api/server.ts';
import { UserError } from '../../src/errors.ts';
import { model } from '../../schema/model.ts';
import { resetDatabase, testConfig, testDriver } from '../support/neo4j.ts';

describe('the real Neo4j server', () => {
  let driver: Driver;
  before(async () => {
    driver = await testDriver();
    await resetDatabase(driver);
  });
  after(() => driver.close());

  it('is Neo4j 5.26 Community', async () => {
    const v = await serverVersion(driver);
    assert.match(v.version, /^5\.26\.\d+$/);
    assert.equal(v.edition, 'community');
  });

  it('takes the schema twice without error, and has every constraint and the cjk full-text index', async () => {
    assert.equal(await migrate(driver), schemaStatements().length);
    assert.equal(await migrate(driver), schemaStatements().length);
    const constraints = await driver.executeQuery('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names');
    const names: string[] = constraints.records[0].get('names');
    for (const expected of ['Company_id_unique', 'Company_uscc_unique', 'Region_code_unique', 'Document_sha256_unique']) {
      assert.ok(names.includes(expected), `missing constraint ${expected}`);
    }
    const ft = await driver.executeQuery(
      "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, options WHERE name = 'nameSearch' RETURN labelsOrTypes, options.indexConfig['fulltext.analyzer'] AS analyzer",
    );
    assert.equal(ft.records[0].get('analyzer'), 'cjk');
    assert.deepEqual([...ft.records[0].get('labelsOrTypes')].sort(), ['Company', 'Person', 'Project']);
  });

  it('rebuilds a full-text index whose configuration differs from the model', async () => {
    const nameSearch = model.fulltext.find((ft) => ft.name === 'nameSearch')!;
    const wanted = nameSearch.eventuallyConsistent === true;
    await driver.executeQuery('DROP INDEX nameSearch');
    await driver.executeQuery(
      `CREATE FULLTEXT INDEX nameSearch FOR (n:Company) ON EACH [n.name] OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-no-stop-words', \`fulltext.eventually_consistent\`: ${!wanted} } }`,
    );
    await migrate(driver);
    const res = await driver.executeQuery(
      "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties, options WHERE name = 'nameSearch' RETURN labelsOrTypes, properties, options.indexConfig AS config",
    );
    const r = res.records[0];
    assert.deepEqual([...r.get('labelsOrTypes')].sort(), [...nameSearch.labels].sort());
    assert.deepEqual([...r.get('properties')].sort(), [...nameSearch.properties].sort());
    assert.equal(r.get('config')['fulltext.analyzer'], nameSearch.analyzer);
    assert.equal(r.get('config')['fulltext.eventually_consistent'], wanted);
  });

  it('drops the constraints of earlier models (loader version 1 had Evidence nodes)', async () => {
    await driver.executeQuery('CREATE CONSTRAINT Evidence_id_unique IF NOT EXISTS FOR (n:Evidence) REQUIRE n.id IS UNIQUE');
    await migrate(driver);
    const res = await driver.executeQuery("SHOW CONSTRAINTS YIELD name WHERE name = 'Evidence_id_unique' RETURN count(*) AS n");
    assert.equal(Number(res.records[0].get('n')), 0);
  });

  it('turns the yuan floats of loader version 3 into integer fen, with their amendedAt stamps, and leaves fen alone', async () => {
    const stamp = '2017-06-20|' + 'a'.repeat(64);
    await driver.executeQuery(
      `CREATE (p:Project {id: 'j:old', budget: 8000000.05, amendedAt: $projectStamps})
       CREATE (a:Award {id: 'a:j:old:-', amount: 7450000.12, amountFen: 745000012.0, amendedAt: $awardStamps})
       CREATE (c:Company {id: 'c:old-bidder'})
       CREATE (p)-[:HAS_CANDIDATE {rank: 1, bidAmount: 0.29}]->(c)
       CREATE (:Project {id: 'j:new', budgetFen: 100, amendedAt: '{}'})`,
      { projectStamps: JSON.stringify({ name: stamp, budget: stamp }), awardStamps: JSON.stringify({ status: stamp, amount: stamp }) },
    );
    await migrate(driver);
    await migrate(driver);
    const res = await driver.executeQuery(
      `MATCH (p:Project {id: 'j:old'})-[h:HAS_CANDIDATE]->(), (a:Award {id: 'a:j:old:-'}), (n:Project {id: 'j:new'})
       RETURN p {.budget, .budgetFen, .amendedAt} AS p, valueType(p.budgetFen) AS budgetType,
              a {.amount, .amountFen, .amendedAt} AS a, valueType(a.amountFen) AS amountType,
              h {.bidAmount, .bidAmountFen} AS h, valueType(h.bidAmountFen) AS bidType, n.budgetFen AS untouched`,
    );
    const r = res.records[0];
    assert.deepEqual(r.get('p'), { budget: null, budgetFen: 800000005, amendedAt: JSON.stringify({ name: stamp, budgetFen: stamp }) });
    assert.deepEqual(r.get('a'), { amount: null, amountFen: 745000012, amendedAt: JSON.stringify({ status: stamp, amountFen: stamp }) });
    assert.deepEqual(r.get('h'), { bidAmount: null, bidAmountFen: 29 });
    assert.deepEqual([r.get('budgetType'), r.get('amountType'), r.get('bidType'), r.get('untouched')], ['INTEGER NOT NULL', 'INTEGER NOT NULL', 'INTEGER NOT NULL', 100]);
    await driver.executeQuery("MATCH (n) WHERE n.id IN ['j:old', 'a:j:old:-', 'c:old-bidder', 'j:new'] DETACH DELETE n");
  });

  it('writes and reads back a node', async () => {
    await driver.executeQuery('CREATE (:Company {id: $id, name: $name})', { id: 'c:test', name: '杭州海康威视数字技术股份有限公司' });
    const res = await driver.executeQuery('MATCH (c:Company {id: $id}) RETURN c.name AS name', { id: 'c:test' });
    assert.equal(res.records[0].get('name'), '杭州海康威视数字技术股份有限公司');
  });

  it('refuses a second company with the same USCC', async () => {
    await driver.executeQuery('CREATE (:Company {id: "c:a", uscc: "91330000733796106P"})');
    await assert.rejects(
      driver.executeQuery('CREATE (:Company {id: "c:b", uscc: "91330000733796106P"})'),
      /already exists/,
    );
  });

  it('answers the GraphQL health query with the server version', async () => {
    const yoga = createApi({ driver });
    const res = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ health { ok neo4jVersion neo4jEdition } }' }),
    });
    const body = await res.json();
    assert.equal(body.data.health.ok, true);
    assert.match(body.data.health.neo4jVersion, /^5\.26\./);
  });
});

describe('the local server lifecycle', () => {
  it('treats a second start as a no-op', async () => {
    const before = status(testConfig.local);
    assert.equal(before.running, true);
    const again = await start(testConfig.local);
    assert.equal(again.alreadyRunning, true);
    assert.equal(again.pid, before.pid);
  });

  it('says clearly when the password is wrong', async () => {
    const cfg = { ...testConfig.neo4j, password: 'not-the-password' };
    await assert.rejects(connect(cfg), (err: unknown) => {
      assert.ok(err instanceof UserError);
      assert.match(err.message, /rejected user "neo4j": wrong user name or password; set NEO4J_PASSWORD/);
      return true;
    });
    // Neo4j throttles logins after failures; let the lock pass before other tests log in.
    await new Promise((r) => setTimeout(r, 5500));
  });

  it('says clearly when NEO4J_URI cannot be reached', async () => {
    const cfg = loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'whatever1' });
    await assert.rejects(connect(cfg.neo4j), /^UserError: Cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1: .*check NEO4J_URI/);
  });

  it('refuses to start a second server on a port that is taken', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-port-'));
    const cfg = loadConfig({ BIDGRAPH_HOME: home, NEO4J_BOLT_PORT: String(testConfig.local.boltPort), NEO4J_HTTP_PORT: '1' });
    // Share the resolved classpath so this test fetches nothing.
    fs.mkdirSync(cfg.local.home, { recursive: true });
    fs.copyFileSync(path.join(testConfig.local.home, 'classpath.txt'), path.join(cfg.local.home, 'classpath.txt'));
    await assert.rejects(start(cfg.local), new RegExp(`Port ${testConfig.local.boltPort} on 127.0.0.1 is already taken by another process; stop it or set NEO4J_BOLT_PORT`));
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('says what to do when Maven is missing', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-mvn-'));
    const saved = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      assert.throws(() => resolveClasspath(loadConfig({ BIDGRAPH_HOME: home }).local), /Maven not found: install Maven 3 \(Debian: apt-get install maven\)/);
    } finally {
      process.env.PATH = saved;
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
