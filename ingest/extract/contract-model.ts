// PPP and its operating models (运作方式: BOT, BOO, TOT, ROT, BT...), from the 运作方式 field or mentions in
// the text. A government buyer procuring a private partner that builds and runs the project for years
// is a different kind of award from a purchase, and investigators look for exactly these.
import type { Field } from './fields.ts';
import type { Page, Span } from './page.ts';
import type { Found } from './values.ts';

const MODEL = /(?<![A-Za-z])(PPP|BOOT|BOT|BOO|TOT|ROT|BTO|BLT|BT|TBT|O&M|OM|MC|ROO)(?![A-Za-z])/g;
const PPP_WORDS = /政府和社会资本合作|政府与社会资本合作/;
const CHINESE_MODELS: [RegExp, string][] = [
  [/建设[-—－–]?运营[-—－–]?移交/, 'BOT'],
  [/建设[-—－–]?拥有[-—－–]?运营/, 'BOO'],
  [/转让[-—－–]?运营[-—－–]?移交/, 'TOT'],
  [/改建[-—－–]?运营[-—－–]?移交/, 'ROT'],
  [/建设[-—－–]?移交(?![-—－–]?运营)/, 'BT'],
];
/** Models that only count inside a 运作方式 field (too short to trust in running text). */
const FIELD_ONLY = new Set(['OM', 'MC', 'ROO', 'O&M', 'BT', 'TBT', 'BTO', 'BLT']);

export function findContractModels(page: Page, fields: Field[]): Found<string>[] {
  const found: Found<string>[] = [];
  const seen = new Set<string>();
  const add = (value: string, span: Span) => {
    if (seen.has(value)) return;
    seen.add(value);
    found.push({ value, span });
  };
  for (const f of fields) {
    if (f.key !== 'contractModel' || !f.value) continue;
    scan(f.value, true, add);
  }
  for (const line of page.lines) scan(line.span, false, add);
  return found.sort((a, b) => a.span.start - b.span.start);
}

function scan(span: Span, inField: boolean, add: (value: string, span: Span) => void): void {
  const text = span.text;
  const ppp = PPP_WORDS.exec(text);
  if (ppp) add('PPP', at(span, ppp.index, ppp[0].length));
  for (const m of text.matchAll(MODEL)) {
    const model = m[1] === 'OM' ? 'O&M' : m[1];
    if (!inField && FIELD_ONLY.has(model)) continue;
    add(model, at(span, m.index ?? 0, m[0].length));
  }
  if (!inField) return;
  for (const [re, model] of CHINESE_MODELS) {
    const m = re.exec(text);
    if (m) add(model, at(span, m.index, m[0].length));
  }
}

function at(span: Span, index: number, length: number): Span {
  const start = span.start + index;
  return { text: span.text.slice(index, index + length), start, end: start + length };
}
