// An award's date through the real loader and API: the decision date, else the publication date, else
// the start of the publicity period, with dateKind saying which; the from/to filters use that date.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Driver } from 'neo4j-driver';
import { Loader } from '../../ingest/load/loader.ts';
import { createApi } from '../../src/api/server.ts';
import { allRegions } from '../../src/domain/region.ts';
import { graphql, testApi } from '../support/api-fixtures.ts';
import { resetDatabase, testConfig, testDriver } from '../support/neo4j.ts';
import { award, notice, noticeItem, supplier } from '../support/notices.ts';

let driver: Driver;
let api: ReturnType<typeof createApi>;
const WINNER = '日期示例科技有限公司';

const project = (code: string) => ({ name: `日期示例项目${code}`, code, method: null, contractModel: [] });

describe('award dates in the API', () => {
  before(async () => {
    driver = await testDriver();
    await resetDatabase(driver);
    const loader = new Loader(driver, { database: testConfig.neo4j.database, knownRegions: new Set(allRegions().map((r) => r.code)) });
    const won = () => [award([supplier(WINNER)])];
    await loader.load([
      noticeItem(notice('decided', { project: project('D-1'), decisionDate: '2020-03-05', publishedAt: '2020-03-10', awards: won() })),
      noticeItem(notice('published', { project: project('P-1'), publishedAt: '2020-04-01', publicityPeriod: { start: '2020-04-02', end: '2020-04-05' }, awards: won() })),
      noticeItem(notice('publicised', { project: project('S-1'), publishedAt: null, publicityPeriod: { start: '2020-05-06', end: '2020-05-08' }, awards: won() })),
      noticeItem(notice('undated', { project: project('U-1'), publishedAt: null, awards: won() })),
    ]);
    api = testApi({ driver });
  });
  after(() => driver.close());

  const awardsOf = async (args: string) => {
    const res = await graphql(api, `{ company(name: "${WINNER}") { awards${args} { nodes { date dateKind project { code } } } } }`);
    assert.equal(res.body.errors, undefined, JSON.stringify(res.body.errors));
    return (res.body.data as { company: { awards: { nodes: { date: string | null; dateKind: string | null; project: { code: string } }[] } } })
      .company.awards.nodes.map((a) => [a.project.code, a.date, a.dateKind]);
  };

  it('gives each award its date and says which date it is', async () => {
    assert.deepEqual(await awardsOf(''), [
      ['S-1', '2020-05-06', 'PUBLICITY_START'],
      ['P-1', '2020-04-01', 'PUBLICATION'],
      ['D-1', '2020-03-05', 'DECISION'],
      ['U-1', null, null],
    ]);
  });

  it('filters from/to on that date: the decision date, not the later publication', async () => {
    assert.deepEqual((await awardsOf('(from: "2020-03-01", to: "2020-03-07")')).map((a) => a[0]), ['D-1']);
    assert.deepEqual((await awardsOf('(from: "2020-03-08", to: "2020-03-31")')).map((a) => a[0]), []);
    assert.deepEqual((await awardsOf('(from: "2020-05-06")')).map((a) => a[0]), ['S-1']);
    assert.deepEqual((await awardsOf('(to: "2020-04-01")')).map((a) => a[0]), ['P-1', 'D-1']);
  });
});
