// A winner's amount that its own row leaves out but another table of the notice lists against its name:
// the 2020 national template's 主要标的信息 (供应商名称 | 货物名称 | … | 中标金额) under a result table of names,
// addresses and codes only.
import type { AwardDraft } from './awards.ts';
import { compact } from './page.ts';
import type { Page, Span } from './page.ts';
import { column } from './tables.ts';
import type { Table } from './tables.ts';
import type { AmountUnit } from './labels.ts';
import { notASum, readMoney } from './values.ts';

/** The award-amount cells of rows naming `name`, over tables without a lot column. */
function cellsListing(tables: Table[], name: string): { cell: Span; unit: AmountUnit | null }[] {
  const found: { cell: Span; unit: AmountUnit | null }[] = [];
  for (const t of tables) {
    const who = column(t, 'winner') >= 0 ? column(t, 'winner') : column(t, 'supplier');
    const amount = t.columns.findIndex((c) => c.role === 'amount' && c.awardAmount);
    if (who < 0 || amount < 0 || column(t, 'lot') >= 0) continue;
    for (const row of t.rows) {
      const cell = row.cells[amount];
      if (cell && cell.text && compact(row.cells[who]?.text ?? '') === name) found.push({ cell, unit: t.columns[amount].unit });
    }
  }
  return found;
}

/**
 * Gives each single-supplier award without a value or a lot the amount listed against its name, when
 * exactly one row lists it: several rows (one per item) would need a sum the notice does not state.
 */
export function fillListedAmounts(page: Page, tables: Table[], drafts: AwardDraft[]): void {
  for (const d of drafts) {
    if (d.status !== 'active' || d.value || d.rate || d.lot || d.pricedOtherwise || d.suppliers.length !== 1) continue;
    const cells = cellsListing(tables, compact(d.suppliers[0].name));
    if (cells.length !== 1 || notASum(cells[0].cell.text, cells[0].unit)) continue;
    const money = readMoney(page, cells[0].cell, cells[0].unit);
    if (money && money.value > 0) d.value = money;
  }
}
