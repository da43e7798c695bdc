// As-of dates in ownership sources: 2021-12-31, 2021/12/31, 2021.12.31, 2021年12月31日, or an ISO
// date-time (BODS statementDate). Anything else, or an impossible day, is null.

const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s].*)?$/;

export function isoDate(raw: string | null | undefined): string | null {
  const m = DATE.exec((raw ?? '').normalize('NFKC').trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
