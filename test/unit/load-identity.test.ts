import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AwardFields, CompanyState, ProjectFields } from '../../src/domain/identity.ts';
import {
  amendAward,
  amendProject,
  awardId,
  CompanyIdentities,
  companyId,
  identityKeys,
  nameRecord,
  personId,
  projectId,
  sha1,
  stampOf,
} from '../../src/domain/identity.ts';
import { aliasGroup } from '../../src/domain/aliases.ts';

const HIKVISION = '杭州海康威视数字技术股份有限公司';
const HIKVISION_USCC = '91330000733796106P';
const DAHUA_USCC = '91330000727215176K';
const OTHER_USCC = '91650000MA77A1B2CB';
const s1 = stampOf('2017-01-10', 'a'.repeat(64));
const s2 = stampOf('2018-03-05', 'b'.repeat(64));

describe('company identity', () => {
  it('puts traditional, spaced and role-annotated spellings of one company on one node, keeping every spelling of the name but not the role note', () => {
    const ids = new CompanyIdentities([]);
    const a = ids.resolve({ name: '杭州海康威視數字技術股份有限公司', stamp: s1 })!;
    const b = ids.resolve({ name: '杭州 海康威视 数字技术股份有限公司', stamp: s1 })!;
    const c = ids.resolve({ name: HIKVISION, rawName: '杭州海康威视数字技术股份有限公司（联合体牵头人）', stamp: s1 })!;
    assert.equal(a.id, b.id);
    assert.equal(a.id, c.id);
    assert.equal(a.id, companyId(`name:${HIKVISION}`));
    const state = ids.get(a.id)!;
    assert.equal(state.name, HIKVISION);
    assert.deepEqual(state.names, [
      '杭州 海康威视 数字技术股份有限公司',
      HIKVISION,
      '杭州海康威視數字技術股份有限公司',
    ].sort());
    assert.deepEqual(state.nameKeys, [HIKVISION]);
    assert.equal(state.kind, 'enterprise');
    assert.deepEqual(ids.changed().map((x) => x.id), [a.id]);
  });

  it('treats the same USCC as the same company whatever the name says', () => {
    const ids = new CompanyIdentities([]);
    const a = ids.resolve({ name: HIKVISION, uscc: HIKVISION_USCC, stamp: s1 })!;
    const b = ids.resolve({ name: '海康威视', uscc: HIKVISION_USCC.toLowerCase(), stamp: s1 })!;
    assert.equal(a.id, companyId(`uscc:${HIKVISION_USCC}`));
    assert.equal(b.id, a.id);
    assert.deepEqual(ids.get(a.id)!.names, ['杭州海康威视数字技术股份有限公司', '海康威视'].sort());
  });

  it('never merges two different USCCs, even under one name, and says so', () => {
    const ids = new CompanyIdentities([]);
    const a = ids.resolve({ name: '新疆某某科技有限公司', uscc: OTHER_USCC, stamp: s1 })!;
    const b = ids.resolve({ name: '新疆某某科技有限公司', uscc: DAHUA_USCC, stamp: s1 })!;
    assert.notEqual(a.id, b.id);
    assert.equal(b.id, companyId(`uscc:${DAHUA_USCC}`));
    assert.deepEqual(b.warnings, [
      `新疆某某科技有限公司: the name is also used by 新疆某某科技有限公司 (USCC ${OTHER_USCC}); USCC ${DAHUA_USCC} is kept as a separate company`,
    ]);
  });

  it('attaches a USCC to a company first seen by name, keeping its id', () => {
    const ids = new CompanyIdentities([]);
    const first = ids.resolve({ name: HIKVISION, stamp: s1 })!;
    const later = ids.resolve({ name: HIKVISION, uscc: HIKVISION_USCC, stamp: s2 })!;
    assert.equal(later.id, first.id);
    assert.equal(ids.get(first.id)!.uscc, HIKVISION_USCC);
    assert.deepEqual(later.warnings, []);
  });

  it('gives a name shared by two USCCs, when met without a USCC, a node of its own rather than a guess', () => {
    const ids = new CompanyIdentities([]);
    const byName = ids.resolve({ name: '新疆某某科技有限公司', stamp: s1 })!;
    ids.resolve({ name: '新疆某某科技有限公司', uscc: OTHER_USCC, stamp: s1 });
    const second = ids.resolve({ name: '新疆某某科技有限公司', uscc: DAHUA_USCC, stamp: s1 })!;
    assert.notEqual(second.id, byName.id);
    const unsure = ids.resolve({ name: '新疆某某科技有限公司', stamp: s2 })!;
    assert.equal(unsure.id, companyId('unresolved:新疆某某科技有限公司'));
    assert.deepEqual(unsure.warnings, [
      `新疆某某科技有限公司: the name belongs to 2 companies with different USCCs (${OTHER_USCC}, ${DAHUA_USCC}); linked to a separate company without USCC`,
    ]);
    // The same name again lands on the same unresolved node, quietly.
    const again = ids.resolve({ name: '新疆某某科技有限公司', stamp: s2 })!;
    assert.equal(again.id, unsure.id);
    assert.deepEqual(again.warnings, []);
    // A third USCC does not take over the unresolved node.
    const third = ids.resolve({ name: '新疆某某科技有限公司', uscc: '91110000100001234U', stamp: s2 })!;
    assert.equal(third.id, companyId('uscc:91110000100001234U'));
    assert.equal(ids.get(unsure.id)!.uscc, null);
  });

  it('ignores an invalid USCC with a warning', () => {
    const ids = new CompanyIdentities([]);
    const r = ids.resolve({ name: HIKVISION, uscc: '91330000733796106X', stamp: s1 })!;
    assert.equal(r.id, companyId(`name:${HIKVISION}`));
    assert.deepEqual(r.warnings, [`${HIKVISION}: "91330000733796106X" is not a valid USCC; ignored`]);
  });

  it('keeps a branch as its own company, BRANCH_OF a parent found or created by the parent name', () => {
    const ids = new CompanyIdentities([]);
    const parent = ids.resolve({ name: '中国移动通信集团新疆有限公司', uscc: OTHER_USCC, stamp: s1 })!;
    const branch = ids.resolve({ name: '中国移动通信集团新疆有限公司乌鲁木齐分公司', stamp: s1 })!;
    assert.notEqual(branch.id, parent.id);
    assert.equal(branch.parentId, parent.id);
    assert.equal(ids.get(branch.id)!.isBranch, true);
    assert.equal(ids.get(parent.id)!.isBranch, false);
    assert.deepEqual([...ids.branchOf], [[branch.id, parent.id]]);

    const fresh = new CompanyIdentities([]);
    const lone = fresh.resolve({ name: '中国移动通信集团新疆有限公司喀什分公司', stamp: s1 })!;
    assert.equal(lone.parentId, companyId('name:中国移动通信集团新疆有限公司'));
    assert.equal(fresh.get(lone.parentId!)!.name, '中国移动通信集团新疆有限公司');
  });

  it('does not give a branch the USCC its parent holds', () => {
    const ids = new CompanyIdentities([]);
    const parent = ids.resolve({ name: '中国移动通信集团新疆有限公司', uscc: OTHER_USCC, stamp: s1 })!;
    const branch = ids.resolve({ name: '中国移动通信集团新疆有限公司乌鲁木齐分公司', uscc: OTHER_USCC, stamp: s1 })!;
    assert.notEqual(branch.id, parent.id);
    assert.equal(ids.get(branch.id)!.uscc, null);
    assert.match(branch.warnings[0], /USCC 91650000MA77A1B2CB belongs to 中国移动通信集团新疆有限公司, which is not a branch; the USCC is not used for this branch/);
  });

  it('puts a renamed company (CETC, December 2017) on one node under its current name, keeping the old one', () => {
    const group = aliasGroup('中国电子科技集团公司');
    assert.deepEqual(group?.names, ['中国电子科技集团有限公司', '中国电子科技集团公司']);
    const ids = new CompanyIdentities([]);
    const old = ids.resolve({ name: '中国电子科技集团公司', stamp: s1 })!;
    const current = ids.resolve({ name: '中国电子科技集团有限公司', stamp: s2 })!;
    assert.equal(old.id, current.id);
    const state = ids.get(old.id)!;
    assert.equal(state.name, '中国电子科技集团有限公司');
    assert.deepEqual(state.names, ['中国电子科技集团公司', '中国电子科技集团有限公司']);
    assert.deepEqual(state.nameKeys, identityKeys('中国电子科技集团公司'));
    assert.equal(state.nameKeys.length, 2);
  });

  it('matches companies the database already holds by any of their keys', () => {
    const known: CompanyState = {
      id: 'c:known',
      name: '中国电子科技集团有限公司',
      names: ['中国电子科技集团有限公司'],
      nameKeys: ['中国电子科技集团有限公司'],
      uscc: null,
      kind: 'state',
      isBranch: false,
      address: null,
      amendedAt: {},
    };
    const ids = new CompanyIdentities([known]);
    const r = ids.resolve({ name: '中国电子科技集团公司', stamp: s1 })!;
    assert.equal(r.id, 'c:known');
    assert.equal(ids.get('c:known')!.kind, 'state');
  });

  it('takes the address of the newest document, whatever order the documents come in', () => {
    for (const order of [[s1, s2], [s2, s1]]) {
      const ids = new CompanyIdentities([]);
      for (const stamp of order) ids.resolve({ name: HIKVISION, address: stamp === s1 ? '旧地址' : '杭州市滨江区阡陌路555号', stamp });
      assert.equal(ids.get(companyId(`name:${HIKVISION}`))!.address, '杭州市滨江区阡陌路555号');
    }
  });

  it('derives the kind from the name unless the source says state', () => {
    const ids = new CompanyIdentities([]);
    assert.equal(ids.get(ids.resolve({ name: '墨玉县公安局', stamp: s1 })!.id)!.kind, 'public');
    assert.equal(ids.get(ids.resolve({ name: '国务院国有资产监督管理委员会', stamp: s1 })!.id)!.kind, 'state');
    assert.equal(ids.get(ids.resolve({ name: '中电海康集团有限公司', kind: 'state', stamp: s1 })!.id)!.kind, 'state');
  });

  it('returns null for a name that is empty once canonicalised', () => {
    assert.equal(new CompanyIdentities([]).resolve({ name: '  ', stamp: s1 }), null);
  });

  it('makes ids from sha1 of the identity key', () => {
    assert.equal(companyId(`uscc:${HIKVISION_USCC}`), `c:${sha1(`uscc:${HIKVISION_USCC}`)}`);
  });
});

describe('person identity', () => {
  it('is the same name holding the same company, spaces aside', () => {
    assert.equal(personId('傅利泉', 'c:dahua'), personId(' 傅利泉 ', 'c:dahua'));
    assert.notEqual(personId('傅利泉', 'c:dahua'), personId('傅利泉', 'c:other'));
  });
});

describe('project identity', () => {
  it('is the buyer and the code: a tender and its award share a project, whatever the buyer spelling', () => {
    const tender = projectId({ buyer: '墨玉县公安局', code: 'MY-2017-001', name: '墨玉县视频监控PPP项目', sha256: 'a' });
    const award = projectId({ buyer: '墨玉縣公安局', code: 'ＭＹ－２０１７－００１'.normalize('NFKC').toLowerCase(), name: '墨玉县视频监控PPP项目（成交）', sha256: 'b' });
    assert.equal(tender, award);
    assert.notEqual(tender, projectId({ buyer: '皮山县公安局', code: 'MY-2017-001', name: null, sha256: 'a' }));
  });

  it('falls back to buyer and name without a code, and to the document without either', () => {
    const a = projectId({ buyer: '墨玉县公安局', code: null, name: '墨玉县 视频监控项目', sha256: 'a' });
    const b = projectId({ buyer: '墨玉县公安局', code: '', name: '墨玉县视频监控项目', sha256: 'b' });
    assert.equal(a, b);
    assert.notEqual(projectId({ buyer: null, code: null, name: null, sha256: 'a' }), projectId({ buyer: null, code: null, name: null, sha256: 'b' }));
  });

  it('names awards after the project and the lot', () => {
    assert.equal(awardId('j:1', null), 'a:j:1:-');
    assert.equal(awardId('j:1', ' 第1包 '), 'a:j:1:第1包');
  });
});

const fields = (f: Partial<ProjectFields>): ProjectFields => ({
  code: null, name: null, method: null, contractModel: null, budgetFen: null, status: null, region: null, ...f,
});

describe('project amendments', () => {
  it('lets newer non-null values win, in either order', () => {
    const tender = fields({ code: 'X-1', name: '视频监控项目', budgetFen: 100_000_000, status: 'open', method: '公开招标' });
    const correction = fields({ budgetFen: 120_000_000, name: '视频监控项目（二期）' });
    const award = fields({ status: 'awarded' });
    const sAward = stampOf('2017-05-01', 'c'.repeat(64));
    let forward = amendProject(undefined, 'j:1', tender, s1).state;
    forward = amendProject(forward, 'j:1', correction, stampOf('2017-02-01', 'd'.repeat(64))).state;
    forward = amendProject(forward, 'j:1', award, sAward).state;
    let backward = amendProject(undefined, 'j:1', award, sAward).state;
    backward = amendProject(backward, 'j:1', correction, stampOf('2017-02-01', 'd'.repeat(64))).state;
    backward = amendProject(backward, 'j:1', tender, s1).state;
    for (const p of [forward, backward]) {
      assert.equal(p.budgetFen, 120_000_000);
      assert.equal(p.name, '视频监控项目（二期）');
      assert.equal(p.status, 'awarded');
      assert.equal(p.method, '公开招标');
      assert.equal(p.code, 'X-1');
    }
    assert.deepEqual(forward.amendedAt, backward.amendedAt);
    assert.equal(forward.searchText, '视频监控项目 X-1 视频监控项目（二期）');
  });

  it('reports which fields a notice set', () => {
    const first = amendProject(undefined, 'j:1', fields({ name: 'A', region: '653222' }), s2);
    assert.deepEqual([...first.taken].sort(), ['name', 'region']);
    const older = amendProject(first.state, 'j:1', fields({ name: 'B', region: '653200', budgetFen: 500 }), s1);
    assert.deepEqual([...older.taken], ['budgetFen']);
    assert.equal(older.state.name, 'A');
  });
});

describe('award amendments', () => {
  const incoming = (f: Partial<AwardFields>): AwardFields => ({
    lot: null, status: 'active', amountFen: null, currency: null, rateKind: null, ratePercent: null, date: '2017-01-10', dateKind: 'publication', sha256: 'a'.repeat(64), snippet: null, ...f,
  });

  it('hands the winner list to the newest notice that names suppliers', () => {
    const first = amendAward(undefined, 'a:1', incoming({ amountFen: 10_000 }), s1, true);
    assert.equal(first.winners, true);
    const older = amendAward(first.state, 'a:1', incoming({ amountFen: 9_000 }), stampOf('2016-01-01', 'e'.repeat(64)), true);
    assert.equal(older.winners, false);
    assert.equal(older.state.amountFen, 10_000);
    const termination = amendAward(first.state, 'a:1', incoming({ status: 'unsuccessful', date: '2018-03-05', sha256: 'b'.repeat(64) }), s2, false);
    assert.equal(termination.winners, false);
    assert.equal(termination.state.status, 'unsuccessful');
    assert.equal(termination.state.amountFen, 10_000);
    assert.equal(termination.state.sha256, 'b'.repeat(64));
    assert.equal(termination.state.date, '2018-03-05');
  });
});

describe('nameRecord: a name as ingest records it, and as the API looks it up', () => {
  it('gives the canonical form, the spellings and the keys a mention of it is merged under', () => {
    const ids = new CompanyIdentities([]);
    const stored = ids.resolve({ name: HIKVISION, stamp: stampOf('2017-01-01', 'a') })!;
    for (const variant of ['杭州海康威視數字技術股份有限公司', ' 杭州 海康威视 数字技术股份有限公司 ', `${HIKVISION}（联合体牵头人）`]) {
      const record = nameRecord(variant)!;
      assert.equal(record.canonical, HIKVISION);
      assert.deepEqual(record.keys, ids.get(stored.id)!.nameKeys, variant);
      assert.equal(ids.resolve({ name: variant, stamp: stampOf('2017-02-01', 'b') })!.id, stored.id, variant);
    }
  });

  it('a former name carries its rename group: the current name, both spellings, both keys', () => {
    assert.deepEqual(nameRecord('中国电子科技集团公司'), {
      canonical: '中国电子科技集团公司',
      renamed: true,
      current: '中国电子科技集团有限公司',
      forms: ['中国电子科技集团公司', '中国电子科技集团有限公司'],
      keys: ['中国电子科技集团公司', '中国电子科技集团有限公司'],
    });
  });

  it('keeps a printing as a name form unless a role note or a label sits beside the name', () => {
    const member = '浙江大华技术股份有限公司';
    assert.deepEqual(nameRecord(member, `${member}（联合体成员）`)!.forms, [member]);
    assert.deepEqual(nameRecord(member, `中标人：${member}`)!.forms, [member]);
    assert.deepEqual(nameRecord(HIKVISION, '杭州海康威視數字技術股份有限公司')!.forms, [HIKVISION, '杭州海康威視數字技術股份有限公司']);
  });

  it('is null when nothing is left of the name', () => {
    assert.equal(nameRecord(' （联合体牵头人） '), null);
  });
});
