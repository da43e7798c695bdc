// ReadDocument → Notice. Pure: no files, no printing. Every value comes with evidence (a slice of the
// document text and its offsets); what cannot be read with confidence is left null with a warning.
import { parseAmount } from '../../src/domain/amount.ts';
import { nameKey } from '../../src/domain/names.ts';
import { findUsccs } from '../../src/domain/uscc.ts';
import { inferRegion, isWithinRegion } from '../../src/domain/region.ts';
import type { RegionCandidate, RegionConflict } from '../../src/domain/region.ts';
import type { ReadDocument } from '../read/document.ts';
import { callFailure, scanAwards } from './awards.ts';
import type { AwardDraft, AwardScan } from './awards.ts';
import { firstRankedWinner, rankNamedWinner, ranksRepeat, scanCandidates } from './candidates.ts';
import type { CandidateScan } from './candidates.ts';
import { findContractModels } from './contract-model.ts';
import { findDecisionDate, findPublicityPeriod } from './dates.ts';
import { rebuildFlatTables, splitSpacedRows } from './flat.ts';
import { scanFields } from './fields.ts';
import type { Field } from './fields.ts';
import { cutGluedTables } from './glued-table.ts';
import { splitSpacedPairs } from './spaced-pairs.ts';
import { findLotBlocks, linesOfBlocks } from './lot-blocks.ts';
import { withoutNavigation } from './navigation.ts';
import { lotOfName } from './lots.ts';
import { readMarked } from './marked.ts';
import type { Marked } from './marked.ts';
import { readMarkup } from './markup.ts';
import { awardAt, candidateAt, NOTICE_ITSELF } from './notice.ts';
import type { Award, Candidate, Evidence, EvidenceTarget, Notice, NoticeType, Party } from './notice.ts';
import { readHeadings } from './headings.ts';
import { splitRunOnHeadings } from './run-on-headings.ts';
import { classifyNotice, typeHeads } from './notice-type.ts';
import type { TypeDecision } from './notice-type.ts';
import { buildPage, Locator, subSpan } from './page.ts';
import type { Page, Span } from './page.ts';
import { findParties, findProject, onlyLotNamed } from './parties.ts';
import type { PartyFound } from './parties.ts';
import { buyerSigningItsTitle } from './sentences.ts';
import { findSections } from './sections.ts';
import { findSidewaysTables } from './sideways.ts';
import { findTables, tableLines } from './tables.ts';
import type { Table } from './tables.ts';
import { classifyLabel, labelsOf } from './labels.ts';
import type { AmountUnit } from './labels.ts';
import { CORRECTION_DATE_KEYS, findPublishedAt, findTitle, headingOverDate, PUBLISHED_DATE_KEYS } from './title.ts';
import { rejectionLines, screenWinners } from './winners.ts';
import { isUnitPrice, readMoney } from './values.ts';
import type { Found, MoneyFound } from './values.ts';
import { EXTRACTOR_VERSION } from './version.ts';

export type { Notice } from './notice.ts';

const BODY_CHARS = 3000;
/** Below this many visible characters a page holds no notice to read (an image, a stub). */
const MIN_TEXT = 20;
/** Notices of a decision, publicised for a period from the day they are published (公示期). */
const PUBLICISED = new Set<NoticeType>(['award', 'candidate', 'termination']);

/** Collects evidence; every span is a slice of the document text by construction. */
class EvidenceLog {
  readonly items: Evidence[] = [];
  add(field: string, span: Span | null | undefined, about: EvidenceTarget = NOTICE_ITSELF): void {
    if (span) this.items.push({ about, field, text: span.text, start: span.start, end: span.end });
  }
}

export function extractNotice(doc: ReadDocument): Notice {
  const page = cutGluedTables(splitSpacedPairs(splitSpacedRows(rebuildFlatTables(splitRunOnHeadings(withoutNavigation(buildPage(doc.text, { glued: doc.html === null })))))));
  const markup = doc.html ? readMarkup(doc.html) : null;
  let locatorCache: Locator | null = null;
  const locator = (): Locator => (locatorCache ??= new Locator(doc.text));
  const warnings: string[] = [];
  const evidence = new EvidenceLog();
  const visible = doc.text.replace(/\s+/g, '').length;
  if (visible < MIN_TEXT) warnings.push(`the document has almost no text (${visible} characters); it may be an image or a stub`);

  const tables = findTables(page);
  const sideways = findSidewaysTables(page);
  const tableRows = tableLines(tables);
  for (const t of sideways) for (const l of t.lines) tableRows.add(l);
  const lotBlocks = findLotBlocks(page);
  for (const l of linesOfBlocks(lotBlocks)) tableRows.add(l);
  const scan = scanFields(page, tableRows);
  const sections = findSections(page, scan.fields);
  const marked = markup && markup.markers.length > 0 ? readMarked(page, markup.markers, locator(), sections) : null;
  if (marked?.unlocated.length) warnings.push(`class markers not found in the text: ${marked.unlocated.join(', ')}`);
  const awardScan = scanAwards({ page, fields: scan.fields, consumed: scan.consumed, tables, sections, lotBlocks }, tableRows);
  const parties = findParties(page, scan.fields, sections);
  warnings.push(...parties.warnings);
  const title = findTitle(page, scan.fields, markup, locator);
  if (title?.note) warnings.push(title.note);
  const project = findProject(page, scan.fields);
  warnings.push(...project.warnings);
  const agencyFound = withMarker(parties.agency, marked?.agency ?? null);
  const known = {
    buyer: marked?.buyer?.value ?? parties.buyer?.name.value ?? null,
    agency: agencyFound?.name.value ?? null,
    project: marked?.projectName ?? project.name,
  };
  const fromHeadings = readHeadings(page, title?.span ?? null, known, locator);
  // A portal's own heading over the date line (新港路提升改造工程 / 发布日期：…) may name the project the title does not.
  const portalHeading = fromHeadings.project || known.project ? null : headingOverDate(page);
  if (portalHeading) fromHeadings.project = readHeadings(page, portalHeading, known, locator).project;
  const buyerFound = withMarker(parties.buyer ?? fromHeadings.buyer ?? buyerSigningItsTitle(page, title?.span ?? null), marked?.buyer ?? null);
  // Every name read as a winner must look like a party (winners.ts); what does not becomes a warning.
  const drafts = screenWinners(marked && marked.drafts.length > 0 ? marked.drafts : awardScan.drafts, {
    buyer: buyerFound?.name.value ?? null,
    agency: agencyFound?.name.value ?? null,
    rejections: rejectionLines(page, sections, tables),
  }, warnings);
  const candidateScan = scanCandidates(page, scan.fields, tables, sections, tableRows, sideways);

  const decision = classifyNotice({
    heads: typeHeads(page, title?.value ?? null),
    body: doc.text.slice(0, BODY_CHARS),
    // A panel's proposal (推荐中标人) makes no result of an evaluation's publicity (评标结果公示); a result's title does.
    hasWinner: drafts.some((d) => d.status === 'active' && d.suppliers.length > 0 && !d.proposed),
    hasCandidates: candidateScan.candidates.length > 0,
    hasFailedLots: drafts.some((d) => d.status === 'unsuccessful'),
  });
  let published = findPublishedAt(page, scan.fields, tables, markup, locator,
    decision.type === 'correction' ? CORRECTION_DATE_KEYS : PUBLISHED_DATE_KEYS);
  evidence.add('title', title?.span);
  const decisionDate = findDecisionDate(page, scan.fields, tables);
  evidence.add('decisionDate', decisionDate?.span);
  let publicity = findPublicityPeriod(page, scan.fields);
  const ended = publicity?.start && publicity.end;
  if (publicity && ended && published?.value && ended.value < published.value) {
    // A result is publicised from its publication on: a whole period before it is a pasted tender's (招标公告期限).
    warnings.push(`publicity period (${publicity.start?.span.text} – ${ended.span.text}) ends before the notice was published (${published.value}); it belongs to an earlier notice and is left empty`);
    publicity = null;
  }

  if (!published && publicity?.start && PUBLICISED.has(decision.type)) {
    // …and so a result that gives no date of its own was published the day its publicity starts (a
    // tender's 公告期 is the time to obtain its documents, which may open later).
    const start = publicity.start;
    published = { value: start.value, span: start.span, note: `publishedAt: no publication date in the notice; the start of its publicity period (${start.span.text}) is taken` };
  }
  if (published?.note) warnings.push(published.note);
  evidence.add('publishedAt', published?.span);
  evidence.add('publicityPeriod.start', publicity?.start?.span);
  evidence.add('publicityPeriod.end', publicity?.end?.span);
  // Kept as a document (nothing is dropped), but a pile with stray files or unrelated pages should say
  // so; a stub already has its own warning.
  if (decision.note) warnings.push(decision.note);
  else if (decision.type === 'other' && visible >= MIN_TEXT) {
    warnings.push('not recognised as a procurement notice: no award, candidate, tender, correction or termination wording; no award is stored from it');
  }

  const onlyLot = onlyLotNamed(page, scan.fields);
  const projectName = marked?.projectName ?? project.name ?? fromHeadings.project ?? onlyLot?.name ?? null;
  const projectCode = marked?.projectCode ?? project.code ?? onlyLot?.code ?? null;
  if (marked?.projectCode) warnings.push(...marked.projectWarnings);
  evidence.add('project.name', projectName?.span);
  evidence.add('project.code', projectCode?.span);
  evidence.add('project.method', project.method?.span);
  const models = findContractModels(page, scan.fields);
  models.forEach((m, i) => evidence.add(`project.contractModel[${i}]`, m.span));

  const buyer = party(buyerFound, 'buyer', evidence, warnings);
  const agency = party(agencyFound, 'agency', evidence, warnings);
  const region = findRegion(page, { buyer: buyerFound, agency: agencyFound, projectName: projectName?.span ?? null,
    regionField: project.region, title: title?.span ?? null }, warnings, evidence);
  const budget = firstBudget(page, scan.fields, warnings) ?? tableBudget(page, tables, warnings) ?? sentenceBudget(page, warnings);
  evidence.add('budget', budget?.span);

  const lotNamed = lotOfOnlyLot(page, onlyLot) ?? lotEndingName(page, title?.span ?? null) ?? lotEndingName(page, projectName?.span ?? null);
  const ruled = decision.type === 'award' ? candidateAward(page, scan.fields, drafts, candidateScan, warnings) : null;
  const awards = decideAwards(decision, ruled ? [...drafts, ruled] : drafts, awardScan, marked, candidateScan, lotNamed, budget, page, title?.span ?? null, warnings, evidence);
  const candidates = candidateList(withProposedSupplier(decision.type, drafts, candidateScan), warnings, evidence);

  return {
    source: { path: doc.path, sha256: doc.sha256, mediaType: doc.mediaType, encoding: doc.encoding },
    extractorVersion: EXTRACTOR_VERSION,
    noticeType: everyLotFailed(decision.type, awards, warnings),
    title: title?.value ?? null,
    publishedAt: published?.value ?? null,
    decisionDate: decisionDate?.value ?? null,
    publicityPeriod: publicity ? { start: publicity.start?.value ?? null, end: publicity.end?.value ?? null } : null,
    project: {
      name: projectName?.value ?? null,
      code: projectCode?.value ?? null,
      method: project.method?.value ?? null,
      contractModel: models.map((m) => m.value),
    },
    buyer,
    agency,
    region,
    budget: budget ? { fen: budget.value, currency: 'CNY' } : null,
    awards,
    candidates,
    evidence: evidence.items,
    warnings: [...new Set(warnings)],
  };
}

function withMarker(found: PartyFound | null, marker: Found<string> | null): PartyFound | null {
  if (!marker) return found;
  return { name: marker, address: found && found.name.value === marker.value ? found.address : null, raw: marker.span };
}

/** An "address" that only repeats the name (地址：巴林左旗农牧业局) says nothing about where the party is. */
function realAddress(name: string, address: Found<string> | null, path: string, warnings: string[]): Found<string> | null {
  if (!address || nameKey(address.value) !== nameKey(name)) return address;
  warnings.push(`${path}.address repeats the name (${address.span.text}); left empty`);
  return null;
}

function party(found: PartyFound | null, path: string, evidence: EvidenceLog, warnings: string[]): Party | null {
  if (!found) return null;
  const address = realAddress(found.name.value, found.address, path, warnings);
  evidence.add(`${path}.name`, found.name.span);
  evidence.add(`${path}.address`, address?.span);
  return { name: found.name.value, address: address?.value ?? null };
}

interface RegionSources {
  buyer: PartyFound | null;
  agency: PartyFound | null;
  projectName: Span | null;
  regionField: Span | null;
  title: Span | null;
}

/** The title without the agency's name in it (广西云龙招标有限公司崇左市…): the agency may sit elsewhere. */
function titleWithoutAgency(title: Span | null, agency: PartyFound | null): Span | null {
  if (!title || !agency) return title;
  const name = agency.raw.text;
  const at = name.length >= 4 ? title.text.indexOf(name) : -1;
  if (at < 0) return title;
  return { ...title, text: title.text.slice(0, at) + '#'.repeat(name.length) + title.text.slice(at + name.length) };
}

function findRegion(page: Page, sources: RegionSources, warnings: string[], evidence: EvidenceLog): Notice['region'] {
  const spans: [Span | null, RegionCandidate][] = [
    [sources.buyer?.raw ?? null, { text: null, source: 'buyerName' }],
    [sources.buyer?.address?.span ?? null, { text: null, source: 'buyerAddress', addressOf: 'buyerName' }],
    [sources.projectName, { text: null, source: 'projectName' }],
    [sources.regionField, { text: null, source: 'regionField' }],
    [titleWithoutAgency(sources.title, sources.agency), { text: null, source: 'title' }],
  ];
  const usable = spans.filter((s): s is [Span, RegionCandidate] => s[0] !== null);
  const verdict = inferRegion(usable.map(([span, c]) => ({ ...c, text: span.text })));
  const found = verdict.region;
  const said = (c: RegionConflict) => `${c.source} ${c.code} ${c.name} (${c.matched})`;
  if (!found) {
    if (verdict.conflicts.length > 0) warnings.push(`region: the notice disagrees with itself (${verdict.conflicts.map(said).join('; ')}); left empty`);
    return null;
  }
  const from = usable.find(([, c]) => c.source === found.source)?.[0];
  if (from) {
    const start = from.start + found.start;
    const end = from.start + found.end;
    evidence.add('region', { text: page.text.slice(start, end), start, end });
  }
  const inside = verdict.conflicts.filter((c) => isWithinRegion(c.code, found.code));
  const outside = verdict.conflicts.filter((c) => !inside.includes(c));
  for (const c of outside) warnings.push(`region: ${said(c)} is not within ${found.code} ${found.name}; set aside`);
  if (inside.length > 0) warnings.push(`region: ${inside.map(said).join(' and ')} disagree; kept ${found.code} ${found.name}, which holds them`);
  return { code: found.code, name: found.name, path: found.path };
}

/** A budget read from a value, its reading's warnings kept; null for none or zero. */
function budgetOf(page: Page, span: Span, unit: AmountUnit | 'per' | null, warnings: string[]): MoneyFound | null {
  const money = readMoney(page, span, unit);
  if (!money || money.value === 0) return null;
  warnings.push(...money.warnings.map((w) => `budget: ${w}`));
  return money;
}

function firstBudget(page: Page, fields: Field[], warnings: string[]): MoneyFound | null {
  for (const f of fields) {
    if (f.key !== 'budget' || !f.value) continue;
    const approximate = /约|大约|左右|暂定/.test(f.value.text) ? [`budget is approximate: "${f.value.text}"`] : [];
    const money = budgetOf(page, f.value, f.info.unit, approximate);
    if (!money) continue;
    warnings.push(...approximate);
    return money;
  }
  return null;
}

/**
 * A budget column in a one-row table (序号 | 包号 | 项目地点 | 预算 | 单价 / 1 | / | 古丈县 | 432万元 | …): the
 * project's budget. Several rows are several lots' budgets, which no one figure stands for.
 */
function tableBudget(page: Page, tables: Table[], warnings: string[]): MoneyFound | null {
  for (const t of tables) {
    if (t.rows.length !== 1) continue;
    const labels = t.columns.map((c) => classifyLabel(c.header.text));
    const col = labels.findIndex((l) => l?.key === 'budget');
    const cell = col >= 0 ? t.rows[0].cells[col] : null;
    const money = cell && cell.text ? budgetOf(page, cell, labels[col]!.unit, warnings) : null;
    if (money) return money;
  }
  return null;
}

/**
 * The budget's words in a sentence, then 为/是 and an amount: 本项目采购预算为100660000元人民币. Not a works project's
 * investment (投资概算为32000万元), which is no tender's budget; every run of spaces bounded, so the search stays small.
 */
const BUDGET_SENTENCE = new RegExp(`(?<!原)(?:${[...labelsOf('budget')].filter((l) => !/[(（]|概算/.test(l)).sort((a, b) => b.length - a.length).join('|')})`
  + '(?:资金|总额)?\\s{0,3}(?:为|是)[\\s:：]{0,5}(?:[（(][^（）()]{1,8}[)）][\\s:：]{0,5})?(?=[¥￥]?\\s{0,3}\\d)', 'g');
/** How far after its words the amount may run (100660000 元, 128.6万元). */
const SENTENCE_AMOUNT = 30;
/** A sentence about one lot (第1包…预算为) or a budget since changed (原采购预算为…，调整后为…) states no project's budget. */
const NOT_THE_BUDGET = /第\s*[\d一二三四五六七八九十]+\s*(?:包|标段|标包|分包)|[\d]+\s*(?:包|标段)|调整|变更|更正/;

/**
 * A budget a sentence states, when no field or table gives one: the only amount so stated. Several sentences, a
 * sentence about a lot or a changed budget, or a price per unit (3.5元/平方米·月), give none.
 */
function sentenceBudget(page: Page, warnings: string[]): MoneyFound | null {
  const found: MoneyFound[] = [];
  for (const line of page.lines) {
    const text = line.span.text;
    BUDGET_SENTENCE.lastIndex = 0;
    for (let m = BUDGET_SENTENCE.exec(text); m; m = BUDGET_SENTENCE.exec(text)) {
      const at = m.index + m[0].length;
      // Up to the clause's end, so that a ceiling or a bid after it (，最高限价为…) is no part of it.
      const clause = /^[^，。；,;]*/.exec(text.slice(at, at + SENTENCE_AMOUNT))![0];
      const parsed = isUnitPrice(clause) ? null : parseAmount(clause);
      if (!parsed || parsed.fen === 0 || !clause.startsWith(parsed.matched)) continue;
      if (NOT_THE_BUDGET.test(text)) return null;
      found.push({ value: parsed.fen, span: subSpan(page, line.span, at, at + parsed.matched.length), warnings: parsed.warnings });
    }
  }
  if (found.length !== 1) return null;
  warnings.push(...found[0].warnings.map((w) => `budget: ${w}`));
  return found[0];
}

/**
 * A result that ranks candidates and names no winner but says which candidate won: by rank in the winner's field
 * (中标人：第二中标候选人), or by its own rule that the first-ranked one wins (注：排位在第一的中标候选人为中标单位). That
 * candidate is the winner, at its bid; the words that say so are in the warning.
 */
function candidateAward(page: Page, fields: Field[], drafts: AwardDraft[], candidates: CandidateScan, warnings: string[]): AwardDraft | null {
  if (drafts.some((d) => d.status === 'active' && d.suppliers.length > 0)) return null;
  const named = rankNamedWinner(fields, candidates);
  const ruled = named ? null : firstRankedWinner(page, candidates);
  const chosen = named?.candidate ?? ruled?.candidate;
  if (!chosen) return null;
  const { name, bid, line } = chosen;
  warnings.push(named
    ? `winner: ${name.value}, the candidate the winner's field names by its rank ("${named.reference.text}")`
    : `winner: ${name.value}, the first-ranked candidate, as the notice says the first-ranked one wins ("${ruled!.rule.text}")`);
  return {
    lot: null, status: 'active', suppliers: [{ raw: name.span, name: name.value, role: 'sole', address: null, uscc: null }],
    value: bid, rate: null, line, lastLine: line, source: 'text',
  };
}

function decideAwards(decision: TypeDecision, drafts: AwardDraft[], scan: AwardScan, marked: Marked | null,
  candidates: CandidateScan, lotNamed: Found<string> | null, budget: MoneyFound | null, page: Page, title: Span | null,
  warnings: string[], evidence: EvidenceLog): Award[] {
  const type = decision.type;
  const active = drafts.filter((d) => d.status === 'active' && d.suppliers.length > 0);
  if (type === 'candidate' || type === 'tender' || type === 'correction' || type === 'other') {
    if (active.length > 0) {
      const names = active.flatMap((d) => d.suppliers.map((s) => s.name)).join(', ');
      warnings.push(`${type} notice names ${names} in winner fields; not stored as an award`);
    }
    return [];
  }
  if (marked) warnings.push(...marked.warnings);
  warnings.push(...scan.warnings);
  const kept = type === 'termination' ? drafts.filter((d) => d.status === 'unsuccessful') : drafts;
  // A call that failed as a whole (本项目作废标处理) names no lot: its one failed award is the notice's.
  const failure = type === 'termination' && kept.length === 0 ? callFailure(page, title) : null;
  if (failure) kept.push(failure);
  if (type === 'termination' && active.length > 0) {
    warnings.push(`termination notice names ${active.flatMap((d) => d.suppliers.map((s) => s.name)).join(', ')}; not stored as winners`);
  }
  if (type === 'award') noWinnerWarnings(decision, active, drafts, scan, candidates, warnings);
  applyTotal(active, scan, budget, warnings);
  if (lotNamed && kept.length === 1 && !kept[0].lot) kept[0].lot = lotNamed;
  attachUsccs(page, active);
  return kept.map((d, i) => award(d, i, warnings, evidence));
}

/** A result whose every lot failed (流标, 无供应商报价) ends the call: it is a termination, whatever its heading says. */
function everyLotFailed(type: NoticeType, awards: Award[], warnings: string[]): NoticeType {
  if (type !== 'award' || awards.length === 0 || awards.some((a) => a.status !== 'unsuccessful')) return type;
  warnings.push('typed as a termination: the result names no winner and every lot it names failed');
  return 'termination';
}

function noWinnerWarnings(decision: TypeDecision, active: AwardDraft[], drafts: AwardDraft[], scan: AwardScan,
  candidates: CandidateScan, warnings: string[]): void {
  if (active.length > 0) return;
  if (drafts.some((d) => d.status === 'unsuccessful')) {
    warnings.push('award notice but no winner: every lot it names failed');
  } else if (scan.seeOriginal.length > 0) {
    warnings.push(`winner field says ${scan.seeOriginal[0].text} and no pasted original names one`);
  } else if (candidates.candidates.length > 0 || decision.awardWithCandidatesOnly) {
    const named = candidates.candidates.slice(0, 3).map((c) => `${c.name.value}${c.rank ? ` (rank ${c.rank})` : ''}`).join(', ');
    const rate = scan.orphanRate ? `; it also gives a rate (${scan.orphanRate.label}：${scan.orphanRate.rate.span.text})` : '';
    warnings.push(`award notice names only candidates (${named}) and no winner; candidates are not stored as winners${rate}`);
  } else if (scan.orphanRate) {
    warnings.push(`award notice but no winner found: the result gives only a rate (${scan.orphanRate.label}：${scan.orphanRate.rate.span.text})`);
  } else {
    warnings.push('award notice but no winner found');
  }
}

/** 总中标金额 is the sum over lots: it is an award's value only when there is one award. */
function applyTotal(active: AwardDraft[], scan: AwardScan, budget: MoneyFound | null, warnings: string[]): void {
  const total = scan.total;
  if (!total) return;
  if (active.length === 1) {
    const only = active[0];
    if (!only.value && !only.rate) {
      const doubt = scan.totalInSummary ? summaryTotalDoubt(only, total, budget) : null;
      if (doubt) warnings.push(`the summary's total ${total.span.text} is not taken as the award's amount: ${doubt}`);
      else only.value = total;
    }
    else if (only.value && !sameAmount(only.value.value, total)) {
      warnings.push(`award amount ${only.value.span.text} differs from the total ${total.span.text}; kept the award's own amount`);
    }
    return;
  }
  if (active.length > 1 && active.every((d) => d.value)) {
    const sum = active.reduce((s, d) => s + d.value!.value, 0);
    if (!sameAmount(sum, total)) {
      warnings.push(`lot amounts add up to ${sum / 100} but the total says ${total.span.text}`);
    }
  }
}

const OUT_OF_PROPORTION = 10;
/** 10亿元 in fen: a summary total in 万元 this large is more often 元 typed into the 万元 field (5687850.00万元). */
const IMPLAUSIBLE_WAN_TOTAL = 100_000_000_000;

/**
 * Why the summary block's total, which the platform derives from what was typed into it, may not stand for the only
 * award's amount: the award was priced per unit or by a rate, or the total is out of proportion. Null when none.
 */
function summaryTotalDoubt(only: AwardDraft, total: MoneyFound, budget: MoneyFound | null): string | null {
  if (only.pricedOtherwise) return `the winner's price is no sum (${only.pricedOtherwise.text.slice(0, 40)})`;
  // A budget may be a year's (50.4万元（每年）) of a three-year award; 元 typed as 万元 is ten thousand times too much.
  if (budget) return total.value > budget.value * OUT_OF_PROPORTION ? `it is more than ${OUT_OF_PROPORTION} times the budget` : null;
  if (total.span.text.includes('万') && total.value >= IMPLAUSIBLE_WAN_TOTAL) return 'so large a figure in 万元 is likely 元 typed as 万元';
  return null;
}

/** Half of 0.01万元 in fen: the national platform's summary rounds its 总中标金额 in 万元 to two places. */
const WAN_ROUNDING = 5000;

/** An amount agrees with a total when equal, or within the rounding of a total given in 万元. */
function sameAmount(fen: number, total: MoneyFound): boolean {
  if (fen === total.value) return true;
  return total.span.text.includes('万') && Math.abs(fen - total.value) <= WAN_ROUNDING;
}

/** A USCC printed on the supplier's line or the next one, when exactly one code is there. */
function attachUsccs(page: Page, drafts: AwardDraft[]): void {
  for (const d of drafts) {
    for (const s of d.suppliers) {
      if (s.uscc) continue;
      const line = page.lines.findIndex((l) => l.span.start <= s.raw.start && s.raw.end <= l.span.end);
      if (line < 0) continue;
      const texts = [page.lines[line], page.lines[line + 1]].filter((l) => l !== undefined);
      const found = texts.flatMap((l) => findUsccs(l.span.text).map((m) => ({ m, l })));
      if (found.length !== 1 || d.suppliers.length > 1) continue;
      const { m, l } = found[0];
      const start = l.span.start + m.start;
      s.uscc = { value: m.code, span: { text: page.text.slice(start, l.span.start + m.end), start, end: l.span.start + m.end } };
    }
  }
}

function award(d: AwardDraft, i: number, warnings: string[], evidence: EvidenceLog): Award {
  const path = `awards[${i}]`;
  const about = awardAt(i);
  evidence.add('lot', d.lot?.span, about);
  evidence.add('status', d.reason, about);
  let value = d.value;
  if (value) {
    warnings.push(...value.warnings.map((w) => `${path}.value: ${w}`));
    if (value.value === 0) {
      warnings.push(`${path}.value: amount given as 0 (${value.span.text}); left empty`);
      value = null;
    }
  }
  evidence.add('value', value?.span, about);
  evidence.add('rate', d.rate?.span, about);
  d.suppliers.forEach((s, j) => {
    s.address = realAddress(s.name, s.address, `${path}.suppliers[${j}]`, warnings);
    evidence.add(`suppliers[${j}].name`, s.raw, about);
    evidence.add(`suppliers[${j}].address`, s.address?.span, about);
    evidence.add(`suppliers[${j}].uscc`, s.uscc?.span, about);
  });
  return {
    lot: d.lot?.value ?? null,
    status: d.status,
    suppliers: d.suppliers.map((s) => ({
      name: s.name,
      rawName: s.raw.text,
      address: s.address?.value ?? null,
      uscc: s.uscc?.value ?? null,
      role: s.role,
    })),
    value: value ? { fen: value.value, currency: 'CNY' } : null,
    rate: d.rate?.value ?? null,
  };
}

/** The lot a page's only award is for, numbered in the name of the one lot the page names (…安置房建设项目三标段施工). */
function lotOfOnlyLot(page: Page, onlyLot: { name: Found<string> | null } | null): Found<string> | null {
  const name = onlyLot?.name;
  const lot = name ? lotOfName(name.span.text) : null;
  return name && lot ? { value: lot.id, span: subSpan(page, name.span, lot.at, lot.at + lot.length) } : null;
}

/**
 * The lot a page's only award is for, numbered in its title or its project's name: a 包 (…数字化校园三期建设第3包…结果公告,
 * …项目（一包）中标公告), or a 标段 that ends the project's name (…安置房三标段施工中标公告, …商铺施工（一标段）); a 标段 inside
 * it may number what is served (某某高速公路第2标段工程造价跟踪审计服务项目).
 */
function lotEndingName(page: Page, title: Span | null): Found<string> | null {
  const lot = title ? lotOfName(title.text) : null;
  if (!title || !lot) return null;
  const words = title.text.slice(lot.at, lot.at + lot.length);
  const rest = title.text.slice(lot.at + lot.length).replace(/[(（][^()（）]*[)）]/g, '');
  if (!/包/.test(words) && !TITLE_END_AFTER_LOT.test(rest)) return null;
  return { value: lot.id, span: subSpan(page, title, lot.at, lot.at + lot.length) };
}

/** What may follow a 标段 at the end of a project's name in a title: the works' kind and the notice's words. */
const TITLE_END_AFTER_LOT = /^(?:施工|监理|勘察|设计|采购|项目)?(?:中标|成交|中选|评标|招标)?(?:候选人)?(?:结果)?(?:公告|公示)?$/;

/**
 * A candidate notice that names one supplier, only under a winner's label (预成交公示: 供应商名称 X 预成交供应商), lists
 * it as its candidate, rank unknown; it is never a winner (decideAwards says so). Several such names are a table of
 * bidders, not a proposal: none is taken.
 */
function withProposedSupplier(type: NoticeType, drafts: AwardDraft[], scan: CandidateScan): CandidateScan {
  if (type !== 'candidate' || scan.candidates.length > 0) return scan;
  const named = drafts.filter((d) => d.status === 'active' && d.suppliers.length > 0);
  const names = new Set(named.flatMap((d) => d.suppliers.map((s) => s.name)));
  if (names.size !== 1 || named[0].suppliers.length !== 1) return scan;
  const d = named[0];
  return { candidates: [{ rank: null, name: { value: d.suppliers[0].name, span: d.suppliers[0].raw }, bid: d.value, line: d.line }], proposed: scan.proposed };
}

function candidateList(scan: CandidateScan, warnings: string[], evidence: EvidenceLog): Candidate[] {
  if (ranksRepeat(scan.candidates)) {
    warnings.push('candidates of several lots are listed together (ranks repeat); a Candidate record carries no lot');
  }
  return scan.candidates.map((c, i) => {
    evidence.add('name', c.name.span, candidateAt(i));
    evidence.add('bid', c.bid?.span, candidateAt(i));
    if (c.bid) warnings.push(...c.bid.warnings.map((w) => `candidates[${i}].bid: ${w}`));
    return { rank: c.rank, name: c.name.value, bid: c.bid ? { fen: c.bid.value, currency: 'CNY' } : null };
  });
}
