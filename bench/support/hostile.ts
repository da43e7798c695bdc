// Hostile queries for the API's load test (issue 14): each kind is built to hurt the API one way, and
// each has the refusal it must get. Every call gives a distinct text, so no cache can answer it.
export interface HostileKind {
  name: string;
  /** The error code the API must refuse it with. */
  code: string;
  make: (n: number) => { query: string; variables?: Record<string, unknown> };
}

function doubling(n: number, levels: number): string {
  let text = `query D${n} { company(id: "c:0") { ...F0 } }\n`;
  for (let i = 0; i < levels; i++) text += `fragment F${i} on Company { ...F${i + 1} ...F${i + 1} }\n`;
  return text + `fragment F${levels} on Company { id }\n`;
}

export const HOSTILE: HostileKind[] = [
  // 936 bytes that took the old checks 18 s (time doubled per level).
  { name: 'doubling fragments (20 levels)', code: 'TOO_MANY_FIELDS', make: (n) => ({ query: doubling(n, 20) }) },
  // 529 KB of aliased __typename: kept 60 MB each in the caches.
  { name: '30,000 aliased __typename', code: 'QUERY_TOO_LARGE', make: (n) => ({ query: `{ ${Array.from({ length: 30_000 }, (_, i) => `a${n}_${i}: __typename`).join(' ')} }` }) },
  // 20,000 lookups made 20,000 Neo4j queries.
  { name: '20,000 company(name:) lookups', code: 'QUERY_TOO_LARGE', make: (n) => ({ query: `{ ${Array.from({ length: 20_000 }, (_, i) => `c${i}:company(name:"n${n}-${i}"){id}`).join(' ')} }` }) },
  { name: '51 company(name:) lookups', code: 'TOO_MANY_LOOKUPS', make: (n) => ({ query: `{ ${Array.from({ length: 51 }, (_, i) => `c${i}: company(name: "示例${n}-${i}有限公司") { id }`).join(' ')} }` }) },
  { name: '5,000-deep query', code: 'QUERY_TOO_DEEP', make: (n) => ({ query: `# ${n}\n{ company(id: "c:0") {${' branchOf {'.repeat(5000)} id${' }'.repeat(5000)} } }` }) },
  { name: 'subscription', code: 'OPERATION_NOT_SUPPORTED', make: (n) => ({ query: `subscription S${n} { company(id: "c:0") { id } }` }) },
  {
    name: 'costly nesting (cost 4 million)',
    code: 'QUERY_TOO_COSTLY',
    make: (n) => ({
      query: `query C${n}($n: Int!) { region(code: "650000") { awards(first: $n) { nodes { suppliers { company {
        groupAwards(first: $n) { nodes { suppliers { company { ultimateOwners { effectiveShare } } } } } } } } } } }`,
      variables: { n: 200 },
    }),
  },
];
