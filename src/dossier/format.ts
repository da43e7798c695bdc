// How the dossier writes its figures: shares as percents (a range when only bounds are known),
// money in yuan from integer fen.
import { formatYuan } from '../domain/amount.ts';

const percent = (x: number) => `${Number(x.toFixed(4))}%`;

export function shareText(s: { share: number | null; min: number; max: number }): string {
  if (s.share !== null && s.share !== undefined) return percent(s.share);
  if (s.min === 0 && s.max === 100) return 'share not stated';
  return `${percent(s.min)}–${percent(s.max)}`;
}

export function yuanText(fen: number | null): string {
  return fen === null ? '' : formatYuan(fen);
}

/** Million yuan with one decimal, for totals read at a glance. */
export function millionText(fen: number): string {
  return `¥${(fen / 1e8).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}M`;
}
