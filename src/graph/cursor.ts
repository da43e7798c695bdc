// Keyset cursors for award lists. Every list of awards is ordered the same way: date descending
// (undated last), then id ascending; a cursor is the opaque base64url of the last row's sort key.

export interface AwardSortKey {
  /** YYYY-MM-DD, or '' when the award has no date. */
  date: string;
  id: string;
}

export function encodeCursor(key: AwardSortKey): string {
  return Buffer.from(JSON.stringify([key.date, key.id]), 'utf8').toString('base64url');
}

/** The sort key inside a cursor, or null when the text is not a cursor this API made. */
export function decodeCursor(cursor: string): AwardSortKey | null {
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(cursor)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [date, id] = value;
    if (typeof date !== 'string' || typeof id !== 'string' || id === '') return null;
    return { date, id };
  } catch {
    return null;
  }
}
