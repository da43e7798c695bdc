// Share cells and columns: "36.35%", "36.35", "25-50%", ">25%", "≤ 5%"; always percents.

export type ShareReading =
  | { kind: 'share'; share: number | null; min: number | null; max: number | null; percentSign: boolean }
  | { kind: 'missing' }
  | { kind: 'invalid'; text: string };

const NUMBER = String.raw`(-?\d+(?:\.\d+)?)`;
const EXACT = new RegExp(`^${NUMBER}(%?)$`);
const RANGE = new RegExp(`^${NUMBER}%?(?:-|–|—|~|～|至|到)${NUMBER}(%?)$`);
const LOWER = new RegExp(`^(?:>|≥|>=|超过|不低于|不少于)${NUMBER}(%?)(?:以上)?$`);
const UPPER = new RegExp(`^(?:<|≤|<=|不超过|低于|少于)${NUMBER}(%?)(?:以下)?$`);
const BLANK = /^(?:|-|—|–|－|\/|／|n\/?a|null|无|不适用)$/i;

/** Reads a share as a percent. Out-of-range values are returned as read: the caller rejects them. */
export function readShare(raw: string | null | undefined): ShareReading {
  const text = (raw ?? '').normalize('NFKC').replace(/\s+/g, '');
  if (BLANK.test(text)) return { kind: 'missing' };
  let m = EXACT.exec(text);
  if (m) {
    const v = Number(m[1]);
    return { kind: 'share', share: v, min: v, max: v, percentSign: m[2] === '%' };
  }
  m = RANGE.exec(text);
  if (m) return { kind: 'share', share: null, min: Number(m[1]), max: Number(m[2]), percentSign: text.includes('%') };
  m = LOWER.exec(text);
  if (m) return { kind: 'share', share: null, min: Number(m[1]), max: null, percentSign: m[2] === '%' };
  m = UPPER.exec(text);
  if (m) return { kind: 'share', share: null, min: null, max: Number(m[1]), percentSign: m[2] === '%' };
  return { kind: 'invalid', text: raw ?? '' };
}

/** Why a share cannot be loaded (outside 0–100, or a range upside down), or null when it can. */
export function shareProblem(share: number | null, min: number | null, max: number | null): string | null {
  for (const v of [share, min, max]) {
    if (v !== null && !Number.isFinite(v)) return 'share is not a number';
    if (v !== null && v > 100) return `share ${v}% is above 100%`;
    if (v !== null && v < 0) return `share ${v}% is below 0%`;
  }
  if (min !== null && max !== null && min > max) return `share range ${min}–${max}% is upside down`;
  return null;
}
