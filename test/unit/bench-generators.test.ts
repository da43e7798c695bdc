// The benchmarks' generated graphs: every row as wide as its header, and values in the columns the
// header names. A row one value too wide once shifted every award with a rate, and neo4j-admin
// refused the whole import with no line number.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Csv } from '../../ingest/bulk/csv.ts';
import { generateGraphCsv } from '../../bench/gen-graph.ts';
import { generateOwnershipCsv } from '../../bench/gen-ownership.ts';

/** neo4j-admin's CSV as the generators write it: quoted strings with doubled quotes, bare numbers, empty for null. */
function readCsv(file: string): { header: string[]; rows: (string | null)[][] } {
  const [head, ...lines] = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l !== '');
  const parse = (line: string): (string | null)[] => {
    const out: (string | null)[] = [];
    for (let i = 0; i <= line.length; ) {
      if (line[i] === '"') {
        let value = '';
        let j = i + 1;
        for (;;) {
          const q = line.indexOf('"', j);
          if (line[q + 1] === '"') {
            value += line.slice(j, q + 1);
            j = q + 2;
          } else {
            value += line.slice(j, q);
            i = q + 2;
            break;
          }
        }
        out.push(value);
      } else {
        const comma = line.indexOf(',', i);
        const end = comma < 0 ? line.length : comma;
        out.push(end === i ? null : line.slice(i, end));
        i = end + 1;
      }
    }
    return out;
  };
  return { header: parse(head) as string[], rows: lines.map(parse) };
}

function widths(dir: string): Record<string, string> {
  const bad: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
    const { header, rows } = readCsv(path.join(dir, name));
    const wrong = rows.findIndex((r) => r.length !== header.length);
    if (wrong >= 0) bad[name] = `row ${wrong + 1}: ${rows[wrong].length} values for ${header.length} columns`;
  }
  return bad;
}

describe('benchmark graph generators', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bidgraph-gen-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the API graph: every row as wide as its header; rates and amounts in their own columns', () => {
    const out = path.join(dir, 'api');
    const marks = generateGraphCsv(out, { awards: 3000, seed: 7 });
    assert.deepEqual(widths(out), {});
    const { header, rows } = readCsv(path.join(out, 'awards.csv'));
    assert.equal(rows.length, marks.awards);
    const col = (name: string) => header.indexOf(name);
    const failed = rows.filter((r) => r[col('status')] === 'unsuccessful');
    const rated = rows.filter((r) => r[col('rateKind')] !== null);
    const priced = rows.filter((r) => r[col('amountFen:long')] !== null);
    assert.ok(failed.length > 0 && rated.length > 0 && priced.length > 0, `${failed.length} failed, ${rated.length} rated, ${priced.length} priced`);
    assert.equal(failed.length + rated.length + priced.length, rows.length);
    for (const r of failed) assert.deepEqual([r[col('amountFen:long')], r[col('currency')], r[col('rateKind')], r[col('ratePercent:double')]], [null, null, null, null]);
    for (const r of rated) {
      assert.ok(['下浮率', '折扣率', '费率'].includes(r[col('rateKind')]!), r.join(','));
      assert.match(r[col('ratePercent:double')]!, /^\d+(\.\d+)?$/);
      assert.equal(r[col('currency')], null);
    }
    for (const r of priced) {
      assert.match(r[col('amountFen:long')]!, /^\d+$/);
      assert.equal(r[col('currency')], 'CNY');
    }
    for (const r of rows) assert.match(r[col('date')]!, /^\d{4}-\d{2}-\d{2}$/);
  });

  it('the ownership graph: every row as wide as its header', () => {
    const out = path.join(dir, 'ownership');
    generateOwnershipCsv(out, { companies: 3000, links: 9000, seed: 7 });
    assert.deepEqual(widths(out), {});
  });

  it('a row of another width than the header is refused with the file and the row', () => {
    const file = path.join(dir, 'narrow.csv');
    const csv = new Csv(file, ['id:ID(Award)', 'status', ':LABEL']);
    csv.row(['a:1', 'active', 'Award']);
    assert.throws(() => csv.row(['a:2', 'active', null, 'Award']), { message: `${file}: row 2 has 4 values for 3 columns` });
    csv.close();
  });
});
