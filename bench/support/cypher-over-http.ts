// bench:api's floor for any HTTP API over Neo4j: a server that runs the Cypher statements it is sent,
// each as the API runs it (a read transaction of its own, with the API's timeout), and answers the
// rows as JSON. No GraphQL at all, so GraphQL over HTTP against it is what GraphQL itself adds, and
// it against the driver called directly is what the HTTP hop and a second process cost.
// Bench-only: it runs whatever Cypher it is sent, so it listens on loopback and only bench:api starts it.
//
// node --import tsx bench/support/cypher-over-http.ts --port P   (Neo4j from the environment, as bidgraph)
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import neo4j, { type Driver } from 'neo4j-driver';
import { loadConfig } from '../../src/config.ts';
import { createDriver } from '../../src/db/driver.ts';
import { DEFAULT_TIMEOUT_MS } from '../../src/api/server.ts';
import { GraphReader, type QueryLogEntry } from '../../src/graph/reader.ts';

type Statement = QueryLogEntry;

// Parameters may hold driver Integers (page sizes); JSON keeps them as tagged strings.
const INT = '$int';

export function encodeStatements(statements: Statement[]): string {
  return JSON.stringify(
    statements.map((s) => ({ name: s.name, cypher: s.cypher, params: s.params })),
    (_key, value: unknown) => (neo4j.isInt(value) ? { [INT]: value.toString() } : value),
  );
}

export function decodeStatements(text: string): Statement[] {
  return JSON.parse(text, (_key, value: unknown) =>
    value && typeof value === 'object' && INT in value ? neo4j.int((value as Record<string, string>)[INT]) : value,
  ) as Statement[];
}

/** Each statement through the API's own reader (a read transaction each, the API's timeout); the rows of each. */
export async function runStatements(driver: Driver, statements: Statement[]): Promise<unknown[][]> {
  const reader = new GraphReader(driver, { timeoutMs: DEFAULT_TIMEOUT_MS });
  const rows: unknown[][] = [];
  for (const s of statements) rows.push(await reader.run({ name: s.name, cypher: s.cypher }, s.params));
  return rows;
}

function serve(port: number): void {
  process.setSourceMapsEnabled(false); // as `bidgraph serve`
  const driver = createDriver(loadConfig().neo4j);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      runStatements(driver, decodeStatements(Buffer.concat(chunks).toString('utf8'))).then(
        (rows) => {
          const body = Buffer.from(JSON.stringify(rows));
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
          res.end(body);
        },
        (err: Error) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(err.message);
        },
      );
    });
  });
  server.listen(port, '127.0.0.1', () => process.stdout.write(`Cypher over HTTP: http://127.0.0.1:${port}/\n`));
  process.once('SIGTERM', () => {
    server.close();
    void driver.close();
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { port: { type: 'string' } } });
  serve(Number(values.port));
}
