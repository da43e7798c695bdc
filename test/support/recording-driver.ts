// A stand-in for the Neo4j driver that records every statement sent and answers from a script:
// the query layer's Cypher and parameters can be read and compared without a database.
import type { Driver } from 'neo4j-driver';

export interface RecordedStatement {
  cypher: string;
  params: Record<string, unknown>;
}

/** Rows to answer a statement with; none by default. */
export type Responder = (cypher: string, params: Record<string, unknown>) => Record<string, unknown>[];

function recordOf(row: Record<string, unknown>) {
  return { toObject: () => ({ ...row }), get: (key: string) => row[key], keys: Object.keys(row) };
}

export function recordingDriver(respond: Responder = () => []): { driver: Driver; sent: RecordedStatement[] } {
  const sent: RecordedStatement[] = [];
  const run = async (cypher: string, params: Record<string, unknown> = {}) => {
    sent.push({ cypher, params });
    return { records: respond(cypher, params).map(recordOf) };
  };
  const tx = { run };
  const session = {
    executeRead: async <T>(work: (t: typeof tx) => Promise<T>) => work(tx),
    executeWrite: async <T>(work: (t: typeof tx) => Promise<T>) => work(tx),
    run,
    close: async () => {},
  };
  const driver = {
    session: () => session,
    executeQuery: async (cypher: string, params: Record<string, unknown> = {}) => run(cypher, params),
    close: async () => {},
  };
  return { driver: driver as unknown as Driver, sent };
}
