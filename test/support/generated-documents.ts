// Documents written at run time for the API tests whose graphs are too big or too regular to keep
// as files (thousands of awards, seeded ownership graphs). They go through ingest() like any other
// document, so the graph is the pipeline's own: its ids, its identity rules, its regions.
import fs from 'node:fs';
import path from 'node:path';

export interface GeneratedWinner {
  name: string;
  /** Consortium role as the notice prints it; none for a sole winner. */
  role?: 'lead' | 'member';
}

export interface GeneratedAward {
  /** Project name, also the title; unique per notice. */
  project: string;
  buyer: string;
  /** The buyer's address: the pipeline places the project by it. */
  address: string;
  /** YYYY-MM-DD; none gives a notice with no date at all (an undated award). */
  date?: string;
  winners: GeneratedWinner[];
  amountYuan: number;
}

const ROLE_NOTE = { lead: '（联合体牵头人）', member: '（联合体成员）' } as const;

/** An award notice in the plain label–value layout of a county's procurement site. */
export function awardNoticeHtml(a: GeneratedAward): string {
  const winners = a.winners.map((w) => `${w.name}${w.role ? ROLE_NOTE[w.role] : ''}`).join('、');
  const dated = a.date ? [`<p>发布日期：${a.date}</p>`, `<p>定标日期：${a.date}</p>`] : [];
  return [
    '<!DOCTYPE html>',
    '<html><head><meta charset="utf-8">',
    `<title>${a.project}中标公告</title></head>`,
    '<body>',
    `<h2>${a.project}中标公告</h2>`,
    `<p>项目名称：${a.project}</p>`,
    '<p>采购方式：公开招标</p>',
    `<p>采购人：${a.buyer}</p>`,
    `<p>采购人地址：${a.address}</p>`,
    ...dated,
    `<p>中标供应商：${winners}</p>`,
    `<p>中标金额：${a.amountYuan.toFixed(2)}元</p>`,
    '</body></html>',
    '',
  ].join('\n');
}

/** Writes one notice per award into `dir` (award-00000.html, …) and returns the folder. */
export function writeAwardNotices(dir: string, awards: GeneratedAward[]): string {
  fs.mkdirSync(dir, { recursive: true });
  const width = String(awards.length).length;
  awards.forEach((a, i) => fs.writeFileSync(path.join(dir, `award-${String(i).padStart(width, '0')}.html`), awardNoticeHtml(a)));
  return dir;
}

export interface GeneratedHolding {
  owner: string;
  owned: string;
  /** An exact share in percent, or a range (either end may be open); none: the share is unknown. */
  share?: number;
  shareMin?: number;
  shareMax?: number;
  ownerKind?: 'person' | 'state';
  ownedKind?: 'state';
}

const csvField = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A share cell as shareholder tables print it: 36.35%, 10-15%, ≥25%, ≤5%, or blank. */
function shareCell(h: GeneratedHolding): string {
  if (h.share !== undefined) return `${h.share}%`;
  if (h.shareMin !== undefined && h.shareMax !== undefined) return `${h.shareMin}-${h.shareMax}%`;
  if (h.shareMin !== undefined) return `≥${h.shareMin}%`;
  if (h.shareMax !== undefined) return `≤${h.shareMax}%`;
  return '';
}

/** A shareholder table as CSV, in the columns an ownership source is read by. */
export function holdingsCsv(holdings: GeneratedHolding[]): string {
  const rows = ['owner,owned,share,owner_kind,owned_kind'];
  for (const h of holdings) rows.push([h.owner, h.owned, shareCell(h), h.ownerKind ?? '', h.ownedKind ?? ''].map(csvField).join(','));
  return `${rows.join('\n')}\n`;
}
