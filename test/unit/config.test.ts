import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig, repoRoot } from '../../src/config.ts';
import { checkJava } from '../../src/db/local-server.ts';

describe('configuration', () => {
  it('defaults to the local server on the standard ports with the documented password', () => {
    const cfg = loadConfig({});
    assert.equal(cfg.neo4j.uri, 'bolt://127.0.0.1:7687');
    assert.equal(cfg.neo4j.external, false);
    assert.equal(cfg.neo4j.password, 'bidgraph-local');
    assert.equal(cfg.local.home, path.join(repoRoot, '.bidgraph', 'neo4j'));
    assert.equal(cfg.apiPort, 4000);
  });

  it('uses an external server when NEO4J_URI is set', () => {
    const cfg = loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io', NEO4J_USER: 'u', NEO4J_PASSWORD: 'p', NEO4J_DATABASE: 'graph' });
    assert.deepEqual(cfg.neo4j, { uri: 'neo4j+s://abc.databases.neo4j.io', user: 'u', password: 'p', database: 'graph', external: true });
  });

  it('honours BIDGRAPH_HOME and the port variables, and rejects a bad port', () => {
    const cfg = loadConfig({ BIDGRAPH_HOME: '/tmp/x', NEO4J_BOLT_PORT: '17687', NEO4J_HTTP_PORT: '17474', PORT: '4100' });
    assert.equal(cfg.local.home, '/tmp/x/neo4j');
    assert.equal(cfg.neo4j.uri, 'bolt://127.0.0.1:17687');
    assert.equal(cfg.local.httpPort, 17474);
    assert.equal(cfg.apiPort, 4100);
    assert.throws(() => loadConfig({ NEO4J_BOLT_PORT: 'seven' }), /NEO4J_BOLT_PORT=seven is not a port number/);
  });
});

describe('the Java check', () => {
  it('names the fix when Java is missing', () => {
    const saved = process.env.JAVA_HOME;
    process.env.JAVA_HOME = '/nonexistent-jdk';
    try {
      assert.throws(checkJava, /Java not found \(\/nonexistent-jdk\/bin\/java\): install Java 17/);
    } finally {
      if (saved === undefined) delete process.env.JAVA_HOME;
      else process.env.JAVA_HOME = saved;
    }
  });

  it('accepts the Java on this machine', () => {
    assert.ok(checkJava() >= 17);
  });
});
