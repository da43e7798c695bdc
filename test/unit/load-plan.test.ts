// Planning a batch without a database: what rows a set of notices and holdings writes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { companyId, personId, projectId } from '../../src/domain/identity.ts';
import type { Snapshot, WritePlan } from '../../ingest/load/plan.ts';
import { amountLabel, awardDate, evidenceArrays, evidenceFor, lookupFor, planBatch } from '../../ingest/load/plan.ts';
import { statementsOf } from '../../ingest/load/loader.ts';
import { CREATE_SUPPORTED_BY, DROP_EVIDENCE, DROP_RETRACTED_ORPHANS, MERGE_DOCUMENTS, RETRACT_DOCUMENT_CLAIMS } from '../../ingest/load/cypher.ts';
import { awardAt, candidateAt, NOTICE_ITSELF } from '../../ingest/extract/notice.ts';
import { award, holding, holdingsItem, notice, noticeItem, party, shaOf, supplier } from '../support/notices.ts';

const EMPTY: Snapshot = { documents: [], companies: [], projects: [], awards: [] };
const OPTS = { loaderVersion: 't', knownRegions: new Set(['650000', '653200', '653222']) };
const HIKVISION = '杭州海康威视数字技术股份有限公司';
const PROJECT = projectId({ buyer: '墨玉县公安局', code: 'MYX-2017-001', name: null, sha256: '' });
const moyu = { code: '653222', name: '墨玉县', path: [{ code: '650000', name: '新疆维吾尔自治区' }, { code: '653200', name: '和田地区' }, { code: '653222', name: '墨玉县' }] };

function plan(...items: Parameters<typeof planBatch>[0][number][]): WritePlan {
  return planBatch(items, EMPTY, OPTS).plan;
}

describe('planning notices', () => {
  it('gives a tender and its award one project, the award its winner with provenance', () => {
    const tender = notice('tender', { noticeType: 'tender', publishedAt: '2017-03-01', budget: { fen: 1e9, currency: 'CNY' }, region: moyu });
    const won = notice('award', {
      publishedAt: '2017-04-18',
      awards: [award([supplier(HIKVISION, { uscc: '91330000733796106P', rawName: '杭州海康威視數字技術股份有限公司' })], { value: { fen: 985_000_000, currency: 'CNY' } })],
      evidence: [
        { about: awardAt(0), field: 'suppliers[0].name', text: '供应商名称：杭州海康威視數字技術股份有限公司', start: 40, end: 62 },
        { about: awardAt(0), field: 'value', text: '中标金额：985万元', start: 70, end: 79 },
        { about: NOTICE_ITSELF, field: 'buyer.name', text: '采购人：墨玉县公安局', start: 0, end: 10 },
      ],
    });
    const p = plan(noticeItem(tender), noticeItem(won));
    assert.deepEqual(p.projects.map((x) => x.id), [PROJECT]);
    assert.equal(p.projects[0].props.status, 'awarded');
    assert.equal(p.projects[0].props.budgetFen, 1e9);
    assert.deepEqual(p.published.map((x) => x.noticeType), ['tender', 'award']);
    assert.deepEqual(p.projectRegions, [{ projectId: PROJECT, code: '653222' }]);
    assert.deepEqual(p.regions, []);
    assert.equal(p.awards.length, 1);
    assert.equal(p.awards[0].id, `a:${PROJECT}:-`);
    assert.deepEqual(
      { amountFen: p.awards[0].props.amountFen, label: p.awards[0].props.amountLabel, sha: p.awards[0].props.sha256, snippet: p.awards[0].props.snippet },
      { amountFen: 985_000_000, label: '¥9.9M', sha: shaOf('award'), snippet: '中标金额：985万元' },
    );
    assert.deepEqual(p.winners, [
      {
        awardId: `a:${PROJECT}:-`,
        companyIds: [companyId('uscc:91330000733796106P')],
        links: [{ companyId: companyId('uscc:91330000733796106P'), props: { role: 'sole', sha256: shaOf('award'), snippet: '供应商名称：杭州海康威視數字技術股份有限公司', rawName: '杭州海康威視數字技術股份有限公司' } }],
      },
    ]);
    assert.deepEqual(p.buyers.map((b) => b.props), [{ sha256: shaOf('tender'), snippet: null }, { sha256: shaOf('award'), snippet: '采购人：墨玉县公安局' }]);
    assert.deepEqual(p.evidence, [
      {
        sha256: shaOf('award'),
        subjects: [
          {
            award: `a:${PROJECT}:-`,
            project: null,
            fields: ['awards[0].suppliers[0].name', 'awards[0].value'],
            texts: ['供应商名称：杭州海康威視數字技術股份有限公司', '中标金额：985万元'],
            starts: [40, 70],
            ends: [62, 79],
          },
          { award: null, project: PROJECT, fields: ['buyer.name'], texts: ['采购人：墨玉县公安局'], starts: [0], ends: [10] },
        ],
      },
    ]);
  });

  it('gives each award and project one evidence row per document: first snippet per field, arrays aligned and sorted by field', () => {
    const two = notice('two-lots', {
      awards: [award([supplier('甲公司有限公司')], { lot: '1' }), award([supplier('乙公司有限公司')], { lot: '2' })],
      evidence: [
        { about: NOTICE_ITSELF, field: 'project.name', text: '项目名称：墨玉县视频监控建设项目', start: 30, end: 46 },
        { about: awardAt(1), field: 'value', text: '金额：20万元', start: 120, end: 127 },
        { about: awardAt(0), field: 'suppliers[0].name', text: '供应商：甲公司有限公司', start: 60, end: 71 },
        { about: NOTICE_ITSELF, field: 'buyer.name', text: '采购人：墨玉县公安局', start: 0, end: 10 },
        { about: awardAt(0), field: 'suppliers[0].name', text: '甲公司有限公司', start: 200, end: 207 },
        { about: awardAt(0), field: 'value', text: '金额：10万元', start: 80, end: 87 },
        { about: awardAt(7), field: 'value', text: '金额：70万元', start: 300, end: 307 },
      ],
    });
    const tender = notice('tender-2', { noticeType: 'tender', evidence: [{ about: NOTICE_ITSELF, field: 'project.code', text: '项目编号：MYX-2017-001', start: 5, end: 21 }] });
    const p = plan(noticeItem(two), noticeItem(tender));
    const lot = (l: string) => `a:${PROJECT}:${l}`;
    assert.deepEqual(p.evidence, [
      {
        sha256: shaOf('two-lots'),
        subjects: [
          // A field without a lot of its own (awards[7]) supports the project.
          {
            award: null,
            project: PROJECT,
            fields: ['awards[7].value', 'buyer.name', 'project.name'],
            texts: ['金额：70万元', '采购人：墨玉县公安局', '项目名称：墨玉县视频监控建设项目'],
            starts: [300, 0, 30],
            ends: [307, 10, 46],
          },
          { award: lot('2'), project: null, fields: ['awards[1].value'], texts: ['金额：20万元'], starts: [120], ends: [127] },
          // The second snippet for awards[0].suppliers[0].name is dropped: the first stands.
          {
            award: lot('1'),
            project: null,
            fields: ['awards[0].suppliers[0].name', 'awards[0].value'],
            texts: ['供应商：甲公司有限公司', '金额：10万元'],
            starts: [60, 80],
            ends: [71, 87],
          },
        ],
      },
      { sha256: shaOf('tender-2'), subjects: [{ award: null, project: PROJECT, fields: ['project.code'], texts: ['项目编号：MYX-2017-001'], starts: [5], ends: [21] }] },
    ]);
    for (const row of p.evidence) {
      for (const s of row.subjects) {
        assert.equal(s.texts.length, s.fields.length);
        assert.equal(s.starts.length, s.fields.length);
        assert.equal(s.ends.length, s.fields.length);
      }
    }
    // Documents with a project keep no evidence of their own.
    assert.deepEqual(p.documents.map((d) => 'evidenceFields' in d.props), [false, false]);
  });

  it('sorts a subject\'s snippets by their path in the notice, then start', () => {
    const ev = [
      { about: awardAt(0), field: 'value', text: 'z', start: 3, end: 4 },
      { about: NOTICE_ITSELF, field: 'b', text: 'y', start: 9, end: 10 },
      { about: NOTICE_ITSELF, field: 'a', text: 'x', start: 5, end: 6 },
      { about: NOTICE_ITSELF, field: 'a', text: 'w', start: 1, end: 2 },
      { about: candidateAt(2), field: 'name', text: 'v', start: 7, end: 8 },
    ];
    assert.deepEqual(evidenceArrays(ev), {
      fields: ['a', 'a', 'awards[0].value', 'b', 'candidates[2].name'],
      texts: ['w', 'x', 'z', 'y', 'v'],
      starts: [1, 5, 3, 9, 7],
      ends: [2, 6, 4, 10, 8],
    });
  });

  it('records candidates without awards or winners', () => {
    const p = plan(noticeItem(notice('cand', { noticeType: 'candidate', candidates: [{ rank: 1, name: '新疆示例建设集团有限公司', bid: { fen: 1_562_350_000, currency: 'CNY' } }] })));
    assert.deepEqual(p.awards, []);
    assert.deepEqual(p.winners, []);
    assert.deepEqual(p.candidates.map((c) => c.props), [{ rank: 1, bidAmountFen: 1_562_350_000, sha256: shaOf('cand'), snippet: null }]);
  });

  it('marks the lots a termination names unsuccessful, and ignores the companies it names', () => {
    const terminated = notice('term', { noticeType: 'termination', publishedAt: '2017-09-01', awards: [award([supplier('某退款供应商有限公司')], { lot: '1' })] });
    const p = plan(noticeItem(terminated));
    assert.equal(p.awards[0].props.status, 'unsuccessful');
    assert.deepEqual(p.winners, []);
    assert.equal(p.companies.some((c) => c.props.name === '某退款供应商有限公司'), false);
    // The notice names lots: they fail, and whatever other lots the project has stand.
    assert.equal(p.projects[0].props.status, null);
  });

  it('fails the whole project on a termination that names no lot', () => {
    const p = plan(noticeItem(notice('term-all', { noticeType: 'termination' })));
    assert.equal(p.projects[0].props.status, 'failed');
    assert.deepEqual(p.awards, []);
  });

  it('lets a later correction replace an award\'s winners, and an earlier one not', () => {
    const first = notice('a1', { publishedAt: '2017-05-01', awards: [award([supplier('甲公司有限公司')])] });
    const corrected = notice('a2', { noticeType: 'correction', publishedAt: '2017-05-10', awards: [award([supplier('乙公司有限公司')])] });
    for (const order of [[first, corrected], [corrected, first]]) {
      const p = plan(...order.map((n) => noticeItem(n)));
      assert.deepEqual(p.winners.map((w) => w.companyIds), [[companyId('name:乙公司有限公司')]]);
    }
  });

  it('numbers lots that repeat inside one notice', () => {
    const p = plan(noticeItem(notice('two', { awards: [award([supplier('甲公司有限公司')]), award([supplier('乙公司有限公司')])] })));
    assert.deepEqual(p.awards.map((a) => a.id), [`a:${PROJECT}:-`, `a:${PROJECT}:-#2`]);
  });

  it('loads a page that names no project, buyer or result as a document only, and says so', () => {
    const r = planBatch([noticeItem(notice('readme', { noticeType: 'other', project: { name: null, code: null, method: null, contractModel: [] }, buyer: null, evidence: [{ about: NOTICE_ITSELF, field: 'title', text: 'x', start: 0, end: 1 }] }))], EMPTY, OPTS);
    assert.deepEqual(r.plan.projects, []);
    assert.deepEqual(r.plan.published, []);
    assert.equal(r.plan.documents.length, 1);
    // Its evidence supports nothing else: it stays on the Document.
    assert.deepEqual(r.plan.evidence, []);
    const props = r.plan.documents[0].props;
    assert.deepEqual([props.evidenceFields, props.evidenceTexts, props.evidenceStarts, props.evidenceEnds], [['title'], ['x'], [0], [1]]);
    assert.deepEqual(r.warnings.get(shaOf('readme')), ['the notice names no project, buyer or result: loaded as a document only']);
  });

  it('creates regions outside the gazetteer from the notice\'s own path', () => {
    const region = { code: '654223', name: '沙湾县', path: [{ code: '650000', name: '新疆维吾尔自治区' }, { code: '654200', name: '塔城地区' }, { code: '654223', name: '沙湾县' }] };
    const p = plan(noticeItem(notice('old-code', { region })));
    assert.deepEqual(p.regions, [
      { code: '654200', name: '塔城地区', level: 'prefecture', parent: '650000' },
      { code: '654223', name: '沙湾县', level: 'county', parent: '654200' },
    ]);
  });

  it('writes nothing for nodes the database already holds unchanged', () => {
    const n = notice('again', { awards: [award([supplier(HIKVISION)])] });
    const firstPlan = plan(noticeItem(n));
    const snapshot: Snapshot = {
      documents: [shaOf('again')],
      companies: firstPlan.companies.map((c) => ({
        id: c.id,
        name: c.props.name as string,
        names: c.props.names as string[],
        nameKeys: c.props.nameKeys as string[],
        uscc: null,
        kind: c.props.kind as 'enterprise',
        isBranch: false,
        address: null,
        amendedAt: JSON.parse(c.props.amendedAt as string),
      })),
      projects: [],
      awards: [],
    };
    const second = planBatch([noticeItem(n)], snapshot, OPTS).plan;
    assert.deepEqual(second.companies, []);
    assert.deepEqual(second.reloaded, [{ sha256: shaOf('again') }]);
  });
});

describe('planning holdings', () => {
  it('links a person owner as a Person and a company owner by the company rules', () => {
    const h = holdingsItem('own', [
      holding('own', party('傅利泉', 'person'), party('浙江大华技术股份有限公司', null, '91330000727215176K'), 34.2),
      holding('own', party('中国电子科技集团公司', 'state'), party('中电海康集团有限公司'), 100),
    ]);
    const p = plan(h);
    const dahua = companyId('uscc:91330000727215176K');
    assert.deepEqual(p.persons, [{ id: personId('傅利泉', dahua), props: { name: '傅利泉', names: ['傅利泉'], searchText: '傅利泉' } }]);
    assert.deepEqual(
      p.owns.map((o) => [o.ownerIsPerson, o.ownerId, o.ownedId, o.props.share, o.props.asOf]),
      [
        [true, personId('傅利泉', dahua), dahua, 34.2, '2021-12-31'],
        [false, companyId('name:中国电子科技集团有限公司'), companyId('name:中电海康集团有限公司'), 100, '2021-12-31'],
      ],
    );
    const cetc = p.companies.find((c) => c.id === companyId('name:中国电子科技集团有限公司'))!;
    assert.equal(cetc.props.kind, 'state');
    assert.equal(cetc.props.name, '中国电子科技集团有限公司');
  });

  it('warns when the source does not say whether an owner is a person', () => {
    const r = planBatch([holdingsItem('unsure', [holding('unsure', party('张三'), party('某某科技有限公司'), 10)])], EMPTY, OPTS);
    assert.deepEqual(r.warnings.get(shaOf('unsure')), ['张三: the source does not say whether this owner is a person or an organisation; loaded as a company']);
  });
});

describe('lookups and statements', () => {
  it('asks for every identity key, USCC, project and award a batch touches', () => {
    const l = lookupFor([noticeItem(notice('l', { awards: [award([supplier('中国移动通信集团新疆有限公司和田分公司', { uscc: '91650000MA77A1B2CB' })])] }))]);
    assert.deepEqual(l.usccs, ['91650000MA77A1B2CB']);
    assert.deepEqual(l.keys.sort(), ['中国移动通信集团新疆有限公司', '中国移动通信集团新疆有限公司和田分公司', '墨玉县公安局'].sort());
    assert.deepEqual(l.projectIds, [PROJECT]);
    assert.deepEqual(l.awardIds, [`a:${PROJECT}:-`]);
    assert.deepEqual(l.documents, [shaOf('l')]);
  });

  it('orders statements so that every MATCH finds what an earlier MERGE made, and skips empty ones', () => {
    const p = plan(noticeItem(notice('s', { awards: [award([supplier(HIKVISION)])] })));
    const names = statementsOf(p).map(([q]) => /^\s*(?:UNWIND \$rows AS row\s+)?(\w+ [^\n]*)/.exec(q)?.[1]);
    assert.deepEqual(names, [
      'MERGE (d:Document {sha256: row.sha256})',
      'MERGE (c:Company {id: row.id})',
      'MERGE (p:Project {id: row.id})',
      'MATCH (p:Project {id: row.projectId})',
      'MATCH (p:Project {id: row.projectId})',
      'MATCH (p:Project {id: row.projectId})',
      'MATCH (a:Award {id: row.awardId})-[old:AWARDED_TO]->(c:Company)',
      'MATCH (a:Award {id: row.awardId})',
      "MATCH (rollup:RollupState {name: 'awards'})",
    ]);
  });

  it('takes back what a reloaded document said and drops its evidence before the Document is written again; orphans go last', () => {
    const n = notice('r', { noticeType: 'tender', evidence: [{ about: NOTICE_ITSELF, field: 'buyer.name', text: '采购人：墨玉县公安局', start: 0, end: 10 }] });
    const p = planBatch([noticeItem(n)], { ...EMPTY, documents: [shaOf('r')] }, OPTS).plan;
    const statements = statementsOf(p);
    assert.deepEqual(statements[0], [RETRACT_DOCUMENT_CLAIMS, [{ sha256: shaOf('r') }]]);
    assert.deepEqual(statements[1], [DROP_EVIDENCE, [{ sha256: shaOf('r') }]]);
    assert.equal(statements[2][0], MERGE_DOCUMENTS);
    assert.deepEqual(statements.at(-2), [CREATE_SUPPORTED_BY, p.evidence]);
    assert.deepEqual(statements.at(-1), [DROP_RETRACTED_ORPHANS, [{}]]);
  });
});

describe('small helpers', () => {
  it('finds evidence by what it supports: the exact field, then the first field under it', () => {
    const ev = [
      { about: awardAt(0), field: 'suppliers[0].name', text: 'a', start: 0, end: 1 },
      { about: awardAt(0), field: 'value', text: 'b', start: 2, end: 3 },
      { about: awardAt(1), field: 'value', text: 'c', start: 4, end: 5 },
      { about: NOTICE_ITSELF, field: 'buyer.name', text: 'd', start: 6, end: 7 },
    ];
    assert.equal(evidenceFor(ev, awardAt(1), 'value')?.text, 'c');
    assert.equal(evidenceFor(ev, awardAt(0), 'value')?.text, 'b');
    assert.equal(evidenceFor(ev, awardAt(0), 'rate', '')?.text, 'a');
    assert.equal(evidenceFor(ev, awardAt(0), 'suppliers[0]')?.text, 'a');
    assert.equal(evidenceFor(ev, NOTICE_ITSELF, 'buyer')?.text, 'd');
    assert.equal(evidenceFor(ev, NOTICE_ITSELF, 'value'), null);
    assert.equal(evidenceFor(ev, candidateAt(0), ''), null);
  });

  it('captions awards', () => {
    assert.equal(amountLabel(569_800_000, null, 'active'), '¥5.7M');
    assert.equal(amountLabel(56_980_000_000, null, 'active'), '¥570M');
    assert.equal(amountLabel(9_955_000, null, 'active'), '¥99.6K');
    assert.equal(amountLabel(85_000, null, 'active'), '¥850');
    assert.equal(amountLabel(null, { kind: '下浮率', percent: 8.5 }, 'active'), '下浮率 8.5%');
    assert.equal(amountLabel(null, null, 'unsuccessful'), 'unsuccessful');
  });
});

it('an award is dated by its decision, else the notice\'s publication, else the start of its publicity', () => {
  const base = notice('dated', { publishedAt: null });
  assert.deepEqual(awardDate({ ...base, decisionDate: '2017-05-28', publishedAt: '2017-06-01' }), { date: '2017-05-28', dateKind: 'decision' });
  assert.deepEqual(awardDate({ ...base, publishedAt: '2017-06-01', publicityPeriod: { start: '2017-06-02', end: '2017-06-05' } }), { date: '2017-06-01', dateKind: 'publication' });
  assert.deepEqual(awardDate({ ...base, publicityPeriod: { start: '2017-06-02', end: '2017-06-05' } }), { date: '2017-06-02', dateKind: 'publicityStart' });
  assert.deepEqual(awardDate(base), { date: null, dateKind: null });
});
