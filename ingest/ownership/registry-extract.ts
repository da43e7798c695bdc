// A business-registry extract (企业信用信息公示报告 and the like): 企业名称 and 统一社会信用代码 of the
// subject, then 股东信息 with each holder's 认缴出资额 and 持股比例 (or 出资比例).
import type { ReadDocument } from '../read/document.ts';
import { checkHoldings } from './checks.ts';
import { isoDate } from './date.ts';
import type { OwnershipExtract, OwnershipSource } from './holding.ts';
import { partyRef, readUscc } from './party.ts';
import type { ColumnSpec, TableContext } from './shareholders.ts';
import { candidatesFromHtml, candidatesFromText, labelValue } from './shareholders.ts';

const SPEC: ColumnSpec = {
  name: /^(股东|发起人|出资人|投资人)(\(发起人\))?(名称|姓名)?$/,
  share: /持股比例|出资比例/,
  nature: /股东类型|股东性质|出资人类型|投资人类型/,
  uscc: /统一社会信用代码|证照号码|证件号码/,
  required: /认缴|出资额/,
};
const SECTION = /(股东|发起人|出资人)(及出资)?信息/;
const DATE_LABEL = /报告生成日期|生成日期|报告日期|打印日期|查询日期|更新日期|截至日期|数据截至/;

export function parseRegistryExtract(doc: ReadDocument): OwnershipExtract {
  const warnings: string[] = [];
  const warn = (where: string, msg: string): void => {
    warnings.push(`${doc.path}: ${where}: ${msg}`);
  };
  const name = labelValue(doc.text, /企业名称|名称/);
  if (!name) {
    warn('header', 'the extract\'s 企业名称 was not found; nothing read');
    return { holdings: [], warnings };
  }
  const usccRaw = labelValue(doc.text, /统一社会信用代码/);
  const owned = partyRef(name, { uscc: usccRaw ? readUscc(usccRaw, 'header', warn) : null });
  const dateRaw = labelValue(doc.text, DATE_LABEL);
  const asOf = isoDate(dateRaw);
  if (dateRaw && !asOf) warn('header', `date "${dateRaw}" not understood; as-of left empty`);
  const ctx: TableContext = { doc, spec: SPEC, owned, asOf, heading: (h) => SECTION.test(h), warn };
  const candidates = doc.html !== null ? candidatesFromHtml(ctx, doc.html) : candidatesFromText(ctx, doc.text);
  if (candidates.length === 0) warn('股东信息', 'no shareholder table with 股东, 认缴出资额 and 持股比例 columns found');
  return checkHoldings(doc, candidates, warnings);
}

export const registryExtractSource: OwnershipSource = {
  name: 'registry-extract',
  matches: (doc) => SECTION.test(doc.text) && /企业名称|名称\s*[:：]/.test(doc.text) && /持股比例|出资比例/.test(doc.text),
  parse: parseRegistryExtract,
};
