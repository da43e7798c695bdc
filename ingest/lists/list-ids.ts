// Which list a record belongs to, from the words the publishers use for their lists. Data, in one
// place: a new list name needs a line here, nothing else.

/** CSL `source` (the list's full name) → bidgraph list id; the first pattern that matches wins. */
const CSL_SOURCES: { pattern: RegExp; list: string }[] = [
  { pattern: /Non-SDN Chinese Military-Industrial Complex|\(CMIC\)/i, list: 'us_ofac_ns_cmic' },
  { pattern: /Specially Designated Nationals|\(SDN\)/i, list: 'us_ofac_sdn' },
  { pattern: /Military End User|\(MEU\)/i, list: 'us_bis_meu' },
  { pattern: /Entity List|\(EL\)/i, list: 'us_bis_entity_list' },
  { pattern: /Unverified List|\(UVL\)/i, list: 'us_bis_uvl' },
  { pattern: /Denied Persons|\(DPL\)/i, list: 'us_bis_dpl' },
  { pattern: /UFLPA|Uyghur Forced Labor/i, list: 'us_dhs_uflpa' },
];

/** The list id of a CSL source name; unknown sources keep an id derived from their abbreviation or name. */
export function cslList(source: string): string {
  const known = CSL_SOURCES.find((s) => s.pattern.test(source));
  if (known) return known.list;
  const abbreviation = /\(([A-Za-z-]{2,12})\)/.exec(source)?.[1];
  const slug = (abbreviation ?? source).toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
  return `us_csl_${slug || 'unknown'}`;
}

/** OFAC programme tags of the non-SDN Chinese Military-Industrial Complex list. */
const NS_CMIC_PROGRAMMES = /^(?:CMIC-EO13959|CMIC-EO14032|NS-CMIC)$/i;

/**
 * The list of an OFAC legacy-CSV row: NS-CMIC by its programme; otherwise SDN for sdn.csv, and the
 * consolidated non-SDN lists (us_ofac_cons) for cons_prim.csv. The file name is the only place OFAC
 * says which of the two files a row comes from.
 */
export function ofacList(programmes: readonly string[], fileName: string): string {
  if (programmes.some((p) => NS_CMIC_PROGRAMMES.test(p))) return 'us_ofac_ns_cmic';
  return /^cons/i.test(fileName) ? 'us_ofac_cons' : 'us_ofac_sdn';
}

/** An OpenSanctions dataset's list id. */
export function openSanctionsList(dataset: string): string {
  return `opensanctions:${dataset}`;
}
