// Cypher fragments shared by several named queries. They are constants written here, never user
// input: every value a user gives travels as a query parameter.

/** A path visits no node twice (Cypher only keeps relationships unique within a path). */
export const SIMPLE_PATH = (p: string) =>
  `all(i IN range(0, length(${p}) - 1) WHERE NOT nodes(${p})[i] IN nodes(${p})[i + 1..])`;

/** Lower and upper bound of one OWNS edge, as fractions: exact share → both; a range → min/max; nothing → 0..1. */
const EDGE_LO = (r: string) => `(CASE WHEN ${r}.share IS NOT NULL THEN ${r}.share ELSE coalesce(${r}.shareMin, 0.0) END / 100.0)`;
const EDGE_HI = (r: string) => `(CASE WHEN ${r}.share IS NOT NULL THEN ${r}.share ELSE coalesce(${r}.shareMax, 100.0) END / 100.0)`;

/**
 * [lo, hi, exact] of a path: products of the edge bounds, multiplied from the owned end upwards
 * (the order src/domain/ownership.ts uses, so the floating-point figures agree).
 */
export const PATH_BOUNDS = (p: string) =>
  `reduce(b = [1.0, 1.0, true], r IN reverse(relationships(${p})) | [b[0] * ${EDGE_LO('r')}, b[1] * ${EDGE_HI('r')}, b[2] AND r.share IS NOT NULL])`;

export const EDGE_BOUNDS = { lo: EDGE_LO, hi: EDGE_HI };

/** A fraction as a percent rounded to 1e-6, the reference implementation's final rounding. */
// Fraction to percent rounded to 1e-6, written as one product: Cypher folds `x * 100 * 1e6` to `x * 1e8`, and
// the reference in src/domain/ownership.ts must round exactly the same way.
export const PERCENT = (fraction: string) => `round(${fraction} * 1e8) / 1e6`;

/** Longest ownership path followed, in edges. */
export const MAX_OWNERSHIP_DEPTH = 10;

/** An award counts towards totals when it is active and its amount is known in yuan. */
export const COUNTS_IN_TOTAL = (a: string) =>
  `(${a}.status = 'active' AND ${a}.amountFen IS NOT NULL AND coalesce(${a}.currency, 'CNY') = 'CNY')`;

/** Keyset condition for the award order (date descending, undated last, then id ascending). */
export const AFTER_CURSOR = (a: string) =>
  `($afterDate IS NULL OR coalesce(${a}.date, '') < $afterDate OR (coalesce(${a}.date, '') = $afterDate AND ${a}.id > $afterId))`;

export const AWARD_ORDER = (a: string) => `coalesce(${a}.date, '') DESC, ${a}.id ASC`;
