// The GraphQL server: graphql-yoga with GraphiQL, resolvers that call src/graph/.
import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { createSchema, createYoga } from 'graphql-yoga';
import { repoRoot } from '../config.ts';
import { serverVersion } from '../db/driver.ts';

export interface ApiOptions {
  driver: Driver;
  database?: string;
  /** Off for public deployments. */
  graphiql?: boolean;
}

export function typeDefs(): string {
  return fs.readFileSync(path.join(repoRoot, 'schema', 'schema.graphql'), 'utf8');
}

export function createApi(opts: ApiOptions) {
  const resolvers = {
    Query: {
      health: async () => {
        const v = await serverVersion(opts.driver, opts.database);
        return { ok: true, neo4jVersion: v.version, neo4jEdition: v.edition };
      },
    },
  };
  return createYoga({
    schema: createSchema({ typeDefs: typeDefs(), resolvers }),
    graphqlEndpoint: '/graphql',
    graphiql: opts.graphiql ?? true,
    landingPage: false,
  });
}

export function listen(opts: ApiOptions, port: number, host = '127.0.0.1'): Promise<Server> {
  const yoga = createApi(opts);
  const server = createServer(yoga);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
