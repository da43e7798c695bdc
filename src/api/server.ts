// The GraphQL server: graphql-yoga with GraphiQL, thin resolvers over src/graph/, limits, error
// masking, and the archive route.
import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { GraphQLError, Kind, NoSchemaIntrospectionCustomRule, parse, type DocumentNode, type ValidationRule } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createSchema, createYoga, type CORSOptions, type Plugin } from 'graphql-yoga';
import { repoRoot } from '../config.ts';
import { GraphReader, type QueryLogEntry } from '../graph/reader.ts';
import { Loaders } from './batch.ts';
import type { ApiContext } from './context.ts';
import { DEFAULT_MAX_REQUEST_BYTES, refuseBody } from './body-limit.ts';
import { archiveRoute } from './documents.ts';
import { dossierRoute, type DossierRouteOptions } from './dossier.ts';
import { guideHandler } from './guide.ts';
import { maskError } from './errors.ts';
import { DatabaseGate, unavailableError } from './availability.ts';
import { costModelOf } from './cost-model.ts';
import { DEFAULT_LIMITS, checkNesting, estimateCost, queryShape, shapeError, tooCostly, tooManyTokens, type QueryLimits, type QueryShape } from './limits.ts';
import { DEFAULT_QUERY_CACHE_BYTES, queryCaches, type QueryCaches } from './query-cache.ts';
import { bearerMatches, createResolvers } from './resolvers.ts';
import { RestrictionCache } from '../graph/restrictions.ts';
import { keepTodaysRestrictions } from './restrictions-ahead.ts';
import type { RestrictionRules } from '../domain/restriction-rules.ts';
import { readRestrictionRules } from '../restriction-rules-file.ts';

export interface ApiOptions {
  driver: Driver;
  database?: string;
  /** BIDGRAPH_HOME: the document archive lives under it. */
  home?: string;
  /** BIDGRAPH_PUBLIC: no GraphiQL, no introspection. */
  publicMode?: boolean;
  /** Off for public deployments (publicMode switches it off too). */
  graphiql?: boolean;
  /** BIDGRAPH_CORS_ORIGINS: browser origins allowed to read the API; none by default (no CORS headers). */
  corsOrigins?: readonly string[];
  /** BIDGRAPH_API_TOKEN: with it the Mutation type exists, and mutations need the bearer token. */
  apiToken?: string;
  /** Server-side timeout of each read transaction. Default 5 s. */
  timeoutMs?: number;
  limits?: Partial<QueryLimits>;
  /** Heap the parsed and compiled queries may hold, in bytes (an estimate, see query-cache.ts). Default 64 MiB. */
  queryCacheBytes?: number;
  /** The caches themselves (tests look into them); built from queryCacheBytes otherwise. */
  queryCache?: QueryCaches;
  /** Largest request body accepted, in bytes. Default 1 MiB. */
  maxRequestBytes?: number;
  /** The HTTP server in front has already refused oversized bodies (`listen` does), so yoga skips its own check. */
  bodyCheckedUpstream?: boolean;
  /** Sees every query sent to Neo4j, with the request that caused it (tests, benchmarks). */
  onQuery?: (entry: QueryLogEntry, request: Request) => void;
  /**
   * Watches the database's availability (src/api/availability.ts); by default one is made for the
   * API, without a heartbeat (`listen` adds one).
   */
  gate?: DatabaseGate;
  /** Server-side logging of masked errors; off in tests. Default on. */
  logging?: boolean;
  /** The restriction rules; default: the file BIDGRAPH_RESTRICTION_RULES names, else schema/restriction-rules.json. */
  restrictionRules?: RestrictionRules;
  /** The cache of computed restrictions; made from restrictionRules otherwise (`listen` shares one to compute today's ahead). */
  restrictionCache?: RestrictionCache;
  /** Bounds of /dossier/<company> (src/api/dossier.ts): read timeout, award cap, dossiers at once. */
  dossier?: Pick<DossierRouteOptions, 'timeoutMs' | 'maxAwards' | 'concurrency'>;
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

/** The schema has no Subscription type: say so as a request error (400), not a failure of the server. */
const queriesOnlyRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === 'subscription') {
      context.reportError(
        new GraphQLError('This API answers queries (and, with a token, mutations); it has no subscriptions.', {
          nodes: [node],
          extensions: { code: 'OPERATION_NOT_SUPPORTED' },
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

/** Each distinct document's shape, measured once (the parsed-document cache hands back the same object). */
class Shapes {
  private readonly known = new WeakMap<DocumentNode, QueryShape>();

  of(document: DocumentNode): QueryShape {
    let shape = this.known.get(document);
    if (!shape) {
      shape = queryShape(document);
      this.known.set(document, shape);
    }
    return shape;
  }
}

/**
 * The query limits (src/api/limits.ts), each as early as it can be checked: bracket nesting and
 * tokens while parsing, the shape before validation (a refused document is never validated or
 * compiled), the cost before execution.
 */
function limitsPlugin(limits: QueryLimits, publicMode: boolean, shapes: Shapes, gate: DatabaseGate): Plugin {
  return {
    onParse({ parseFn, setParseFn }) {
      setParseFn((source, options) => {
        const nesting = checkNesting(typeof source === 'string' ? source : source.body, limits);
        if (nesting) throw nesting;
        try {
          return parseFn(source, { ...options, maxTokens: limits.maxTokens });
        } catch (err) {
          throw tooManyTokens(err, limits) ?? err;
        }
      });
    },
    onValidate({ params, addValidationRule, setResult }) {
      const refused = shapeError(shapes.of(params.documentAST), limits);
      if (refused) {
        setResult([refused]);
        return;
      }
      addValidationRule(readOnlyRule);
      addValidationRule(queriesOnlyRule);
      if (!publicMode) return;
      addValidationRule(NoSchemaIntrospectionCustomRule);
      return ({ result, setResult }) => {
        if (result.length) setResult(withoutSuggestions(result));
      };
    },
    onExecute({ args, setResultAndStopExecution }) {
      const closed = gate.refusal();
      if (closed) {
        setResultAndStopExecution({ errors: [closed] });
        return;
      }
      const cost = estimateCost(args.schema, args.document, args.operationName, args.variableValues as Record<string, unknown> | undefined);
      if (cost > limits.maxCost) setResultAndStopExecution({ errors: [tooCostly(cost, limits.maxCost)] });
    },
  };
}

/**
 * CORS only for the listed origins, and without credentials (the API takes a bearer token, never a
 * cookie): any other page a user has open gets no CORS headers, so its scripts cannot read answers.
 */
function corsPolicy(origins: readonly string[]): false | ((request: Request) => CORSOptions | false) {
  if (!origins.length) return false;
  const allowed = new Set(origins);
  return (request) => {
    const origin = request.headers.get('origin');
    if (!origin || !allowed.has(origin)) return false;
    return { origin: [origin], credentials: false, methods: ['GET', 'POST'], allowedHeaders: ['content-type', 'authorization'], maxAge: 600 };
  };
}

export function createApi(opts: ApiOptions) {
  const publicMode = opts.publicMode ?? false;
  const withMutations = Boolean(opts.apiToken);
  const limits: QueryLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const restrictions = opts.restrictionCache ?? new RestrictionCache(opts.restrictionRules ?? readRestrictionRules());
  // Compiled execution: each parsed document (yoga caches those) is compiled once; requests answered
  // in process cost 20–50% less with it.
  // The limits come first: a refused query is never compiled.
  const shapes = new Shapes();
  const logging = opts.logging ?? true;
  const gate = opts.gate ?? new DatabaseGate(opts.driver, opts.database, { log: logging ? (line) => console.error(line) : undefined });
  const plugins: (Plugin | ReturnType<typeof useGraphQlJit>)[] = [limitsPlugin(limits, publicMode, shapes, gate), useGraphQlJit()];
  if (opts.home) plugins.push(archiveRoute(opts.home));
  plugins.push(dossierRoute({ driver: opts.driver, database: opts.database, home: opts.home, restrictions, gate, logging, ...opts.dossier }));
  // The resolvers are typed one by one against ApiContext; the schema builder sees a plain map.
  const resolvers = createResolvers({ withMutations }) as Parameters<typeof createSchema>[0]['resolvers'];
  const schema = createSchema<ApiContext>({ typeDefs: typeDefs(withMutations), resolvers });
  costModelOf(schema); // the query-cost prices are checked now, not at the first request
  return createYoga({
    schema,
    graphqlEndpoint: '/graphql',
    cors: corsPolicy(opts.corsOrigins ?? []),
    graphiql: !publicMode && (opts.graphiql ?? true),
    // The bundled GraphiQL: yoga's default page loads its scripts from a CDN, which offline machines can't reach.
    renderGraphiQL,
    landingPage: false,
    batching: false,
    parserAndValidationCache: opts.queryCache ?? queryCaches(opts.queryCacheBytes ?? DEFAULT_QUERY_CACHE_BYTES, (doc) => shapes.of(doc).fields),
    maxRequestBodySize: opts.bodyCheckedUpstream ? false : (opts.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES),
    logging,
    maskedErrors: {
      maskError: (error, message) =>
        maskError(error, message, (cause, located) => {
          if (!gate.observe(cause)) return null;
          const refused = unavailableError(gate.state === 'up' ? 'down' : gate.state);
          return new GraphQLError(refused.message, { nodes: located?.nodes, path: located?.path, extensions: refused.extensions });
        }),
    },
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
      restrictions,
    }),
  });
}

/** The HTTP server: the Neo4j Browser guide (src/api/guide.ts) at /guide, everything else to yoga. */
export function listen(opts: ApiOptions, port: number, host = '127.0.0.1'): Promise<Server> {
  const gate =
    opts.gate ??
    new DatabaseGate(opts.driver, opts.database, { heartbeatMs: 2_000, log: (opts.logging ?? true) ? (line) => console.error(line) : undefined });
  const restrictionCache = opts.restrictionCache ?? new RestrictionCache(opts.restrictionRules ?? readRestrictionRules());
  const yoga = createApi({ ...opts, gate, restrictionCache, bodyCheckedUpstream: true });
  const ahead = keepTodaysRestrictions(restrictionCache, opts.driver, {
    database: opts.database,
    log: (opts.logging ?? true) ? (line) => console.error(line) : undefined,
  });
  const maxBytes = opts.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const server = createServer((req, res) => {
    if (guideHandler(req, res) || refuseBody(req, res, maxBytes)) return;
    void yoga(req, res);
  });
  server.once('close', () => {
    gate.stop();
    ahead.stop();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
