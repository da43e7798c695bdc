// The dossier as one self-contained HTML page: no script, no request anywhere (styles inline,
// charts as inline SVG), so it opens offline in any browser and prints to PDF as it is.
import type { AwardLine, Citation, Dossier, ShareFigure } from './model.ts';
import { barChart, ownershipDiagram } from './charts.ts';
import { millionText, shareText, yuanText } from './format.ts';
import { html, trusted, type Markup } from './html-template.ts';

export interface PageOptions {
  /** Where a citation's archived original is linked from the page; null when it is not available. */
  originalHref: (c: Citation) => string | null;
}

/** The page's policy: nothing but its own inline styles and data images; no script at all. */
export const DOSSIER_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const STYLE = `
body{font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","Microsoft YaHei",system-ui,sans-serif;margin:2em auto;max-width:1200px;padding:0 1em;color:#1a1a1a;line-height:1.45}
h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:2px solid #333;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;width:100%;margin:.6em 0 1.2em;font-size:.88em}
th,td{border:1px solid #ccc;padding:.25em .45em;text-align:left;vertical-align:top}th{background:#f1f1f1}
td.num{text-align:right;white-space:nowrap}.muted{color:#666}.meta{color:#444;font-size:.9em}
a.cite{text-decoration:none;font-size:.8em;vertical-align:super}
.figure{margin:1em 0;overflow-x:auto}.warn{background:#fff4e5;border-left:4px solid #f0a020;padding:.4em .8em}
ol.sources li{margin-bottom:.5em;word-break:break-word}q{font-style:italic}
@media print{a{color:inherit}h2{break-after:avoid}tr{break-inside:avoid}}
`;

const cite = (n: number | null): Markup | null => (n === null ? null : html`<a class="cite" href="#cite-${n}">[${n}]</a>`);

const share = (s: ShareFigure | null): string => (s ? shareText(s) : '');

function httpUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function who(d: Dossier): Markup {
  const s = d.subject;
  return html`<section id="who"><h2>1. Who</h2>
<table><tbody>
<tr><th>Name</th><td>${s.name}</td></tr>
<tr><th>Names seen</th><td><ul>${s.names.map((n) => html`<li>${n.name} ${cite(n.cite)}${n.source ? html` <span class="muted">(${n.source})</span>` : null}</li>`)}</ul></td></tr>
<tr><th>USCC (统一社会信用代码)</th><td>${s.uscc ?? html`<span class="muted">not known</span>`}</td></tr>
<tr><th>Address</th><td>${s.address ?? html`<span class="muted">not known</span>`}</td></tr>
<tr><th>Kind</th><td>${s.kind}</td></tr>
<tr><th>Branch of</th><td>${s.parents.length ? s.parents.map((p) => html`${p.name}${p.uscc ? ` (${p.uscc})` : ''}<br>`) : html`<span class="muted">—</span>`}</td></tr>
<tr><th>Branches</th><td>${s.branches.length ? s.branches.map((p) => html`${p.name}${p.uscc ? ` (${p.uscc})` : ''}<br>`) : html`<span class="muted">none known</span>`}</td></tr>
</tbody></table></section>`;
}

async function owners(d: Dossier): Promise<Markup> {
  const o = d.ownership;
  if (o.links.length === 0) {
    return html`<section id="owners"><h2>2. Who owns it</h2><p>The graph records no owner of this company.</p></section>`;
  }
  const diagram = await ownershipDiagram(d.subject.id, o.parties, o.links);
  const state = o.stateShare;
  return html`<section id="owners"><h2>2. Who owns it</h2>
<p>State share: <strong>${state ? share(state) : 'none found'}</strong>${state?.isState ? ' (it is itself a state body)' : ''}.</p>
<div class="figure" id="ownership-diagram">${trusted(diagram)}</div>
${o.truncated ? html`<p class="warn">More ownership links lead up from this company than the dossier draws; the figures below come from the graph's own computation over all of them.</p>` : null}
<h3>Ultimate owners</h3>
<table><thead><tr><th>Owner</th><th>Kind</th><th>Effective share</th><th>Paths (owner → … → company)</th></tr></thead><tbody>
${o.ultimateOwners.map((u) => html`<tr><td>${u.name}</td><td>${u.kind}</td><td class="num">${share(u)}</td><td>${u.paths.map((p) => html`${p.join(' → ')}<br>`)}</td></tr>`)}
</tbody></table>
<h3>Every shareholding on the way</h3>
<table><thead><tr><th>Owner</th><th>Owned</th><th>Share</th><th>As of</th><th>Source</th></tr></thead><tbody>
${o.links.map((l) => html`<tr><td>${l.ownerName}</td><td>${l.ownedName}</td><td class="num">${share(l)}</td><td>${l.asOf ?? ''}</td><td>${cite(l.cite) ?? html`<span class="muted">no source recorded</span>`}</td></tr>`)}
</tbody></table></section>`;
}

function restrictions(d: Dossier): Markup {
  const listed = d.listings.length
    ? html`<table><thead><tr><th>List</th><th>Entry</th><th>Listed on</th><th>Delisted on</th><th>Matched by</th><th>Source</th></tr></thead><tbody>
${d.listings.map(
  (l) => html`<tr><td>${l.listTitle ?? l.list}${l.programmes.length ? html`<br><span class="muted">${l.programmes.join(', ')}</span>` : null}</td>
<td>${l.entryName ?? ''}${l.viaParent ? html`<br><span class="muted">listed as its parent ${l.viaParent}</span>` : null}</td>
<td>${l.listedOn ?? ''}</td><td>${l.delistedOn ?? ''}</td><td>${l.matchedBy}${l.evidence ? html`: ${l.evidence} ${cite(l.evidenceCite)}` : null}</td><td>${cite(l.entryCite)}</td></tr>`,
)}</tbody></table>`
    : html`<p>No list entry is linked to this company.</p>`;
  const reached = d.restrictions.length
    ? html`<table><thead><tr><th>List</th><th>Status on ${d.asOf}</th><th>Rule</th><th>Held together</th><th>Path that catches it</th></tr></thead><tbody>
${d.restrictions.map(
  (r) => html`<tr><td>${r.list}</td><td>${r.status}</td><td>${r.rule ?? ''}</td>
<td class="num">${r.aggregateMin === null ? '' : shareText({ share: r.aggregateMin === r.aggregateMax ? r.aggregateMin : null, min: r.aggregateMin, max: r.aggregateMax ?? r.aggregateMin })}</td>
<td>${r.paths.length ? r.paths.map((p) => html`${p.map((s, i) => html`${i === 0 ? s.owner : null} → ${s.branch ? '(branch of)' : html`${share(s.share)} ${cite(s.cite)}`} → ${s.owned}${i < p.length - 1 ? html`<br>` : null}`)}<br>`) : 'listed itself'}</td></tr>`,
)}</tbody></table>`
    : html`<p>No restriction list reaches this company on ${d.asOf}.</p>`;
  return html`<section id="restrictions"><h2>3. Listings and restrictions</h2>${listed}<h3>Who the lists reach on ${d.asOf}</h3>${reached}</section>`;
}

function awardRows(lines: AwardLine[], withWinner: boolean): Markup {
  return html`<table class="awards"><thead><tr>${withWinner ? html`<th>Winner</th>` : null}<th>Date</th><th>Project</th><th>Buyer</th><th>Region</th><th>Lot</th><th>Role</th><th>Amount</th><th>Sources</th></tr></thead><tbody>
${lines.map(
  (a) => html`<tr${a.counted ? null : html` class="muted"`}>${withWinner ? html`<td>${a.winner}</td>` : null}<td>${a.date ?? 'undated'}${a.date && a.dateKind && a.dateKind !== 'decision' ? html`<br><span class="muted">${a.dateKind}</span>` : null}</td>
<td>${a.project ?? ''}${a.projectCode ? html`<br><span class="muted">${a.projectCode}</span>` : null}</td><td>${a.buyer ?? ''} ${cite(a.buyerCite)}</td>
<td>${a.region ?? ''}${a.prefecture && a.prefecture !== a.region ? html`<br><span class="muted">${a.prefecture}</span>` : null}</td><td>${a.lot ?? ''}</td><td>${a.role ?? ''}</td>
<td class="num">${a.status !== 'active' ? a.status : a.amountFen !== null ? `${yuanText(a.amountFen)}${a.currency && a.currency !== 'CNY' ? ` ${a.currency}` : ''}` : (a.rate ?? 'not stated')} ${cite(a.amountCite)}</td>
<td>${cite(a.winnerCite)}</td></tr>`,
)}</tbody></table>`;
}

async function won(d: Dossier): Promise<Markup> {
  const t = d.totals;
  const year = t.byYear.length ? await barChart(t.byYear, { title: 'Awarded by year', horizontal: false }) : null;
  const top = t.byPrefecture.slice(0, 25);
  const rest = t.byPrefecture.slice(25);
  if (rest.length) top.push({ label: `${rest.length} other places`, fen: rest.reduce((s, r) => s + r.fen, 0), awards: rest.reduce((s, r) => s + r.awards, 0) });
  const place = top.length ? await barChart(top, { title: 'Awarded by prefecture', horizontal: true }) : null;
  return html`<section id="awards"><h2>4. What it won</h2>
<p><strong>${d.awards.length}</strong> awards${d.regionCode ? ` in region ${d.regionCode}` : ''}; <strong>${millionText(t.fen)}</strong> (${yuanText(t.fen)}) over the ${t.counted} with an amount in yuan${t.notCounted ? `; ${t.notCounted} not counted (failed lots, rates, amounts not stated or not in yuan)` : ''}.</p>
${d.awardsTruncated ? html`<p class="warn">The award list stops at ${d.awards.length} awards: the totals and charts cover those only.</p>` : null}
<div class="figure chart" id="chart-year">${year ? trusted(year) : null}</div>
<table><thead><tr><th>Year</th><th>Awards</th><th>Total</th></tr></thead><tbody>${t.byYear.map((y) => html`<tr><td>${y.label}</td><td class="num">${y.awards}</td><td class="num">${yuanText(y.fen)}</td></tr>`)}</tbody></table>
<div class="figure chart" id="chart-prefecture">${place ? trusted(place) : null}</div>
<table><thead><tr><th>Prefecture</th><th>Awards</th><th>Total</th></tr></thead><tbody>${t.byPrefecture.map((y) => html`<tr><td>${y.label}</td><td class="num">${y.awards}</td><td class="num">${yuanText(y.fen)}</td></tr>`)}</tbody></table>
<h3>Every award</h3>
${awardRows(d.awards, false)}
<h3>Awards of the companies it controls</h3>
${
  d.controlled.length
    ? html`<table><thead><tr><th>Company</th><th>USCC</th><th>Held (effective, at least)</th><th>Awards</th><th>Total</th></tr></thead><tbody>
${d.controlled.map((c) => html`<tr><td>${c.name}</td><td>${c.uscc ?? ''}</td><td class="num">${shareText({ share: c.share, min: c.share, max: c.share })}</td><td class="num">${c.awards}</td><td class="num">${yuanText(c.fen)}</td></tr>`)}
</tbody></table>${d.controlledAwardsTruncated ? html`<p class="warn">The list below stops at ${d.controlledAwards.length} awards.</p>` : null}${awardRows(d.controlledAwards, true)}`
    : html`<p>The graph records no company this one holds more than half of.</p>`
}
</section>`;
}

function method(d: Dossier): Markup {
  const m = d.method;
  return html`<section id="method"><h2>5. Method, and what the graph does not know</h2>
<ul>
<li>Everything here is read from the bidgraph graph on ${d.generatedAt.slice(0, 10)}, as of ${d.asOf}${d.regionCode ? `, for awards in region ${d.regionCode} and its subregions` : ''}. Awards dated after ${d.asOf} are left out; undated ones are kept (${m.undated}).</li>
<li>A winner is stored only when a notice's result section names it; its role (sole, lead, member) is the notice's. An award's date is its decision date when the notice gives one, else the notice's publication date or the start of its publicity period (${m.publicationDated} of these awards).</li>
<li>Totals add the active awards with an amount in yuan, in integer fen. A consortium's award counts in full for each member (notices rarely state each member's part). Failed lots (${m.unsuccessful}) and awards with a rate or no amount (${m.withoutAmount}) are listed but not added.</li>
<li>Effective shares multiply the shares along each ownership path (at most 10 links, no company twice) and add over paths; a share known only as a range gives a range. The state share adds the paths that end at the first state body met going up. Companies it controls are those it holds at least 50% of in effect (lower bound).</li>
<li>Restrictions apply each list's ownership rule as in force on ${d.asOf} (schema/restriction-rules.json), from the listed parties down; a listing rests on a USCC, an exact name or a reviewer's confirmation, never on a similar name.</li>
<li>The graph holds ${m.documents} documents; ${m.otherDocuments} were read but not recognised as procurement notices. Documents that could not be read at all are not in the graph: the ingest report (<code>bidgraph ingest --report</code>) names them, and an award they announce is missing here.</li>
<li>${
    m.matchCandidates.length
      ? html`Possible list matches not confirmed by a reviewer (not counted as listings): ${m.matchCandidates.map((c) => html`${c.list}: ${c.name ?? ''} (score ${c.score}; ${c.reasons.join('; ')}); `)}`
      : 'No unconfirmed list match candidate is recorded for this company.'
  }</li>
<li>Archived originals are copied beside this page under their sha256, byte for byte; HTML and text originals are saved as <code>.txt</code>, so a page's scripts never run when you open it.</li>
</ul></section>`;
}

function sources(d: Dossier, opts: PageOptions): Markup {
  return html`<section id="sources"><h2>6. Sources</h2><ol class="sources">
${d.citations.map((c) => {
  const href = opts.originalHref(c);
  const url = httpUrl(c.document?.url ?? null);
  return html`<li id="cite-${c.n}" value="${c.n}">${c.snippet ? html`<q>${c.snippet}</q>` : html`<span class="muted">${c.where ?? 'the document as a whole (no snippet recorded)'}</span>`}<br>
<span class="meta">${c.document?.title ?? c.document?.path ?? 'untitled'}${c.document?.publishedAt ? `, published ${String(c.document.publishedAt)}` : ''} ·
${href ? html`<a class="original" href="${href}" data-sha256="${c.sha256}">archived original</a>` : html`<span class="muted">original not in the archive</span>`} · sha256 ${c.sha256}${url ? html` · <a href="${url}" rel="noreferrer">source URL</a>` : null}</span></li>`;
})}
</ol></section>`;
}

/** The whole page. */
export async function dossierHtml(d: Dossier, opts: PageOptions): Promise<string> {
  const page = html`<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${DOSSIER_CSP}">
<meta name="referrer" content="no-referrer">
<title>Dossier: ${d.subject.name}</title><style>${trusted(STYLE)}</style></head>
<body><header><h1>${d.subject.name}</h1>
<p class="meta">Company dossier from bidgraph · as of ${d.asOf}${d.regionCode ? ` · region ${d.regionCode}` : ''} · generated ${d.generatedAt} · every figure links to its source [n] at the end</p></header>
${who(d)}
${await owners(d)}
${restrictions(d)}
${await won(d)}
${method(d)}
${sources(d, opts)}
</body></html>
`;
  return page.text;
}
