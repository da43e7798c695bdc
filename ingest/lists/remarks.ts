// Identifiers and dates written inside OFAC's Remarks (and CSL remarks): `;`-separated statements
// such as `Unified Social Credit Code (USCC) 91330000733796106P (China)` or `Listing Date (CMIC) 03 Jun 2021`.
import { normalizeUscc } from '../../src/domain/uscc.ts';
import { listDate } from './dates.ts';
import type { Identifier } from './entry.ts';

/** Label → identifier type. OFAC writes the USCC two ways. */
const LABELS: { label: RegExp; type: string }[] = [
  { label: /^(?:Unified|United) Social Credit Code(?: Certificate)?(?: \((?:USCC|USCCC)\))?$/i, type: 'USCC' },
  { label: /^(?:USCC|USCCC)$/i, type: 'USCC' },
  { label: /^ISIN$/i, type: 'ISIN' },
  { label: /^Equity Ticker$/i, type: 'Equity Ticker' },
  { label: /^Registration (?:Number|ID)$/i, type: 'Registration Number' },
  { label: /^(?:Business|Company) (?:Registration )?Number$/i, type: 'Registration Number' },
  { label: /^Tax ID No\.?$/i, type: 'Tax ID' },
  { label: /^Legal Entity Number$/i, type: 'LEI' },
];

const DATE_LABELS: { label: RegExp; field: 'listedOn' | 'effectiveOn' }[] = [
  { label: /^Listing Date(?: \([^)]*\))?$/i, field: 'listedOn' },
  { label: /^Effective Date(?: \([^)]*\))?$/i, field: 'effectiveOn' },
];

export interface RemarkFacts {
  identifiers: Identifier[];
  listedOn: string | null;
  effectiveOn: string | null;
  /** Statements that looked like an identifier but did not check out (a USCC with a wrong check character). */
  problems: string[];
}

/** `Label value (Country)` → parts. The value is the last whitespace-free token before an optional (country). */
function split(statement: string): { label: string; value: string; country: string | null } | null {
  const m = /^(.*?)\s+(\S+?)(?:\s+\(([^()]+)\))?\.?$/.exec(statement.trim());
  if (!m) return null;
  return { label: m[1].trim(), value: m[2].trim(), country: m[3]?.trim() ?? null };
}

export function readRemarks(remarks: string | null | undefined): RemarkFacts {
  const facts: RemarkFacts = { identifiers: [], listedOn: null, effectiveOn: null, problems: [] };
  for (const raw of (remarks ?? '').split(';')) {
    const statement = raw.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
    if (!statement) continue;
    const date = DATE_LABELS.map((d) => ({ d, m: new RegExp(`^(${d.label.source.slice(1, -1)})\\s+(.+)$`, 'i').exec(statement) })).find((x) => x.m);
    if (date?.m) {
      const value = listDate(date.m[2]);
      if (value && facts[date.d.field] === null) facts[date.d.field] = value;
      continue;
    }
    const parts = split(statement);
    if (!parts) continue;
    // `Equity Ticker 002415 CN`: the country code after the value is part of the statement.
    let { label, value, country } = parts;
    if (/^[A-Z]{2}$/.test(value) && /\s\S+$/.test(label) && /^Equity Ticker /i.test(label)) {
      country = value;
      value = label.split(' ').pop()!;
      label = label.slice(0, -value.length).trim();
    }
    const known = LABELS.find((l) => l.label.test(label));
    if (!known) continue;
    if (known.type === 'USCC') {
      const uscc = normalizeUscc(value);
      if (!uscc) {
        facts.problems.push(`"${statement}": not a valid USCC (check character); not used for matching`);
        continue;
      }
      value = uscc;
    }
    facts.identifiers.push({ type: known.type, value, country });
  }
  return facts;
}
