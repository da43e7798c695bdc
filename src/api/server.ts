// The GraphQL server: graphql-yoga with GraphiQL, thin resolvers over src/graph/, limits, error
// masking, and the archive route.
import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { GraphQLError, Kind, NoSchemaIntrospectionCustomRule, parse, type DocumentNode, type ValidationRule } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { repoRoot } from '../config.ts';
import { GraphReader, type QueryLogEntry } from '../graph/reader.ts';
import { Loaders } from './batch.ts';
import type { ApiContext } from './context.ts';
import { DEFAULT_MAX_REQUEST_BYTES, refuseBody } from './body-limit.ts';
import { archiveRoute } from './documents.ts';
import { guideHandler } from './guide.ts';
import { maskError } from './errors.ts';
import { DEFAULT_LIMITS, depthLimitRule, estimateCost, tooCostly, type QueryLimits } from './limits.ts';
import { bearerMatches, createResolvers } from './resolvers.ts';

export interface ApiOptions {
  driver: Driver;
  database?: string;
  /** BIDGRAPH_HOME: the document archive lives under it. */
  home?: string;
  /** BIDGRAPH_PUBLIC: no GraphiQL, no introspection. */
  publicMode?: boolean;
  /** Off for public deployments (publicMode switches it off too). */
  graphiql?: boolean;
  /** BIDGRAPH_API_TOKEN: with it the Mutation type exists, and mutations need the bearer token. */
  apiToken?: string;
  /** Server-side timeout of each read transaction. Default 5 s. */
  timeoutMs?: number;
  limits?: Partial<QueryLimits>;
  /** Largest request body accepted, in bytes. Default 1 MiB. */
  maxRequestBytes?: number;
  /** The HTTP server in front has already refused oversized bodies (`listen` does), so yoga skips its own check. */
  bodyCheckedUpstream?: boolean;
  /** Sees every query sent to Neo4j, with the request that caused it (tests, benchmarks). */
  onQuery?: (entry: QueryLogEntry, request: Request) => void;
  /** Server-side logging of masked errors; off in tests. Default on. */
  logging?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 5_000;

/** The SDL, without the Mutation type unless mutations are enabled. */
export function typeDefs(withMutations = false): DocumentNode {
  const doc = parse(fs.readFileSync(path.join(repoRoot, 'schema', 'schema.graphql'), 'utf8'));
  if (withMutations) return doc;
  return {
    ...doc,
    definitions: doc.definitions.filter((d) => !(d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Mutation')),
  };
}

/** Without a token the schema has no Mutation type; say so plainly instead of graphql-js's wording. */
const readOnlyRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === 'mutation' && !context.getSchema().getMutationType()) {
      context.reportError(
        new GraphQLError('This API is read-only: mutations exist only when the server is given an API token (BIDGRAPH_API_TOKEN).', {
          nodes: [node],
          extensions: { code: 'READ_ONLY' },
        }),
      );
    }
  },
});

/** "Did you mean …?" hints name fields; a public deployment that hides its schema drops them. */
function withoutSuggestions(errors: readonly Error[]): Error[] {
  return errors.map((e) =>
    e instanceof GraphQLError && / Did you mean .*\?$/.test(e.message)
      ? new GraphQLError(e.message.replace(/ Did you mean .*\?$/, ''), { nodes: e.nodes, source: e.source, positions: e.positions, path: e.path, extensions: e.extensions })
      : e,
  );
}

function limitsPlugin(limits: QueryLimits, publicMode: boolean): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(readOnlyRule);
      addValidationRule(depthLimitRule(limits.maxDepth));
      if (!publicMode) return;
      addValidationRule(NoSchemaIntrospectionCustomRule);
      return ({ result, setResult }) => {
        if (result.length) setResult(withoutSuggestions(result));
      };
    },
    onExecute({ args, setResultAndStopExecution }) {
      const cost = estimateCost(args.schema, args.document, args.operationName, args.variableValues as Record<string, unknown> | undefined);
      if (cost > limits.maxCost) setResultAndStopExecution({ errors: [tooCostly(cost, limits.maxCost)] });
    },
  };
}

export function createApi(opts: ApiOptions) {
  const publicMode = opts.publicMode ?? false;
  const withMutations = Boolean(opts.apiToken);
  const limits: QueryLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Compiled execution: each parsed document (yoga caches those) is compiled once; requests answered
  // in process cost 20–50% less with it.
  const plugins: (Plugin | ReturnType<typeof useGraphQlJit>)[] = [useGraphQlJit(), limitsPlugin(limits, publicMode)];
  if (opts.home) plugins.push(archiveRoute(opts.home));
  // The resolvers are typed one by one against ApiContext; the schema builder sees a plain map.
  const resolvers = createResolvers({ withMutations }) as Parameters<typeof createSchema>[0]['resolvers'];
  return createYoga({
    schema: createSchema({ typeDefs: typeDefs(withMutations), resolvers }),
    graphqlEndpoint: '/graphql',
    graphiql: !publicMode && (opts.graphiql ?? true),
    // The bundled GraphiQL: yoga's default page loads its scripts from a CDN, which offline machines can't reach.
    renderGraphiQL,
    landingPage: false,
    batching: false,
    maxRequestBodySize: opts.bodyCheckedUpstream ? false : (opts.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES),
    logging: opts.logging ?? true,
    maskedErrors: { maskError: (error, message) => maskError(error, message) },
    plugins,
    context: ({ request }): ApiContext => ({
      reader: new GraphReader(opts.driver, {
        database: opts.database,
        timeoutMs,
        onQuery: opts.onQuery ? (entry) => opts.onQuery?.(entry, request) : undefined,
      }),
      loaders: new Loaders(),
      limits,
      driver: opts.driver,
      database: opts.database,
      timeoutMs,
      authorized: bearerMatches(request.headers.get('authorization'), opts.apiToken),
    }),
  });
}

/** The HTTP server: the Neo4j Browser guide (src/api/guide.ts) at /guide, everything else to yoga. */
export function listen(opts: ApiOptions, port: number, host = '127.0.0.1'): Promise<Server> {
  const yoga = createApi({ ...opts, bodyCheckedUpstream: true });
  const maxBytes = opts.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const server = createServer((req, res) => {
    if (guideHandler(req, res) || refuseBody(req, res, maxBytes)) return;
    void yoga(req, res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
