// An annual (or interim) report's 前十名股东持股情况: 股东名称, 股东性质, 持股比例, 持股数量. The owned
// company is the report's own, named in its title (杭州海康威视数字技术股份有限公司2021年年度报告); the
// figures hold at the end of the reporting period.
import type { ReadDocument } from '../read/document.ts';
import { checkHoldings } from './checks.ts';
import type { OwnershipExtract, OwnershipSource } from './holding.ts';
import { partyRef, readUscc } from './party.ts';
import type { ColumnSpec, TableContext } from './shareholders.ts';
import { candidatesFromHtml, candidatesFromText, labelValue } from './shareholders.ts';

const SPEC: ColumnSpec = { name: /^股东(名称|姓名)/, share: /持股比例/, nature: /股东性质/ };
const TOP_TEN = /前\s*(?:十|10)\s*名股东/;
const NATURE_WORD = /^(国有法人|国家|国有股|境内非国有法人|境外法人|境内自然人|境外自然人|其他)$/;
const REPORT_TITLE =
  /([\p{Script=Han}A-Za-z0-9（）()·]{2,60}?(?:股份有限公司|有限责任公司|有限公司))\s*(\d{4})\s*年\s*(半年度|年度|第一季度|第三季度)报告/u;
const PERIOD_END: Record<string, string> = { 年度: '12-31', 半年度: '06-30', 第一季度: '03-31', 第三季度: '09-30' };

/** The report's company and the end of its reporting period, from the title. */
export function reportSubject(text: string): { company: string; periodEnd: string } | null {
  const m = REPORT_TITLE.exec(text);
  if (!m) return null;
  return { company: m[1], periodEnd: `${m[2]}-${PERIOD_END[m[3]]}` };
}

export function parseAnnualReport(doc: ReadDocument): OwnershipExtract {
  const warnings: string[] = [];
  const warn = (where: string, msg: string): void => {
    warnings.push(`${doc.path}: ${where}: ${msg}`);
  };
  const subject = reportSubject(doc.text);
  if (!subject) {
    warn('title', 'the report\'s company and year (…公司2021年年度报告) were not found; nothing read');
    return { holdings: [], warnings };
  }
  const usccRaw = labelValue(doc.text, /统一社会信用代码/);
  const owned = partyRef(subject.company, { uscc: usccRaw ? readUscc(usccRaw, 'company details', warn) : null });
  const ctx: TableContext = {
    doc,
    spec: SPEC,
    owned,
    asOf: subject.periodEnd,
    heading: (h) => TOP_TEN.test(h) && !/无限售/.test(h),
    natureWord: NATURE_WORD,
    warn,
  };
  const candidates = doc.html !== null ? candidatesFromHtml(ctx, doc.html) : candidatesFromText(ctx, doc.text);
  if (candidates.length === 0) warn('shareholder table', 'no 前十名股东 table with 股东名称 and 持股比例 columns found');
  return checkHoldings(doc, candidates, warnings);
}

export const annualReportSource: OwnershipSource = {
  name: 'annual-report',
  matches: (doc) => TOP_TEN.test(doc.text) && /持股比例/.test(doc.text),
  parse: parseAnnualReport,
};
