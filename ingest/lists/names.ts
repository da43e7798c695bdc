// Entity List names often carry more than the name: a parent or an acronym in brackets, a second
// unit after a double space, and the tail "and any successor, sub-unit, or subsidiary thereof".
// The name is kept for matching; the rest is kept as a note (it names a parent, never a percentage).

const SUCCESSOR_TAIL = /[,;]?\s*(?:and|including) (?:any|all) (?:successors?|sub-units?|subsidiar(?:y|ies))[^.;]*?(?:thereof|of it)?\.?$/i;
const NOTE_IN_BRACKETS = /\s*\(([^()]*\b(?:subordinate|subsidiary|affiliate|successor|unit|institute of|part of|owned by|formerly|a\.k\.a\.|aka)\b[^()]*)\)/gi;
const ACRONYM_IN_BRACKETS = /\s*\(([A-Z][A-Z0-9&\- ]{1,15})\)/g;

export interface ListedName {
  name: string;
  /** Acronyms the name gives in brackets, e.g. CETC 13. */
  aliases: string[];
  notes: string[];
}

export function splitListedName(raw: string): ListedName {
  const notes: string[] = [];
  const aliases: string[] = [];
  // A double space, then a second sentence: "… (CETC 13).  Subordinate Institution - Hebei Sinopack Electronics".
  let [name, ...rest] = raw.replace(/\u00a0/g, ' ').trim().split(/\.?\s{2,}(?=[A-Z])/);
  if (rest.length) notes.push(rest.join(' ').trim());
  name = name.replace(/\s+/g, ' ').trim();
  const tail = SUCCESSOR_TAIL.exec(name);
  if (tail && tail.index > 0) {
    notes.push(tail[0].replace(/^[,;]?\s*/, '').trim());
    name = name.slice(0, tail.index).trim();
  }
  name = name.replace(NOTE_IN_BRACKETS, (_m, note: string) => {
    notes.push(note.trim());
    return '';
  });
  name = name.replace(ACRONYM_IN_BRACKETS, (_m, acronym: string) => {
    aliases.push(acronym.trim());
    return '';
  });
  return { name: name.replace(/\s+/g, ' ').replace(/[\s,;]+$/, '').trim(), aliases, notes };
}
