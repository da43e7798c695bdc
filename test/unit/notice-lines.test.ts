// Notices read from JSON Lines (`ingest --notices`): evidence is checked, and the older form, which kept the
// whole path in `field`, is read into the typed reference at this edge.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asNotice } from '../../ingest/notice-lines.ts';
import { awardAt, candidateAt, NOTICE_ITSELF, type Notice } from '../../ingest/extract/notice.ts';
import { award, notice, supplier } from '../support/notices.ts';

const withEvidence = (evidence: unknown[]): unknown => ({ ...notice('lines', { awards: [award([supplier('甲公司有限公司')])] }), evidence });

describe('evidence in Notice lines', () => {
  it('reads the older whole-path form into what the snippet supports', () => {
    const n = asNotice(withEvidence([
      { field: 'awards[0].suppliers[0].name', text: '甲公司有限公司', start: 10, end: 17 },
      { field: 'candidates[2].bid', text: '99万元', start: 30, end: 34 },
      { field: 'awards[1]', text: '废标', start: 40, end: 42 },
      { field: 'buyer.name', text: '墨玉县公安局', start: 0, end: 6 },
    ])) as Notice;
    assert.deepEqual(n.evidence, [
      { about: awardAt(0), field: 'suppliers[0].name', text: '甲公司有限公司', start: 10, end: 17 },
      { about: candidateAt(2), field: 'bid', text: '99万元', start: 30, end: 34 },
      { about: awardAt(1), field: '', text: '废标', start: 40, end: 42 },
      { about: NOTICE_ITSELF, field: 'buyer.name', text: '墨玉县公安局', start: 0, end: 6 },
    ]);
  });

  it('keeps the typed form as it is', () => {
    const e = { about: { part: 'award', index: 0 }, field: 'value', text: '10万元', start: 5, end: 9 };
    assert.deepEqual((asNotice(withEvidence([e])) as Notice).evidence, [e]);
  });

  it('names the entry and the reason when evidence is malformed', () => {
    assert.equal(asNotice(withEvidence([{ field: 'x', text: 'y', start: 0 }])), 'evidence[0]: needs field, text, start and end');
    assert.equal(asNotice(withEvidence([{ about: { part: 'lot', index: 0 }, field: 'x', text: 'y', start: 0, end: 1 }])),
      'evidence[0]: about.part "lot" is none of notice, award, candidate');
    assert.equal(asNotice(withEvidence([{ about: { part: 'award', index: -1 }, field: 'x', text: 'y', start: 0, end: 1 }])),
      'evidence[0]: about.index -1 is no position');
  });
});
