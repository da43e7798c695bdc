// The run's identity cache: it answers only what it knows, and learns only committed facts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IdentityCache } from '../../ingest/load/cache.ts';
import type { CompanyState } from '../../src/domain/identity.ts';
import type { Lookup, Snapshot } from '../../ingest/load/plan.ts';

const company = (id: string, keys: string[], uscc: string | null = null): CompanyState => ({
  id, name: keys[0], names: keys, nameKeys: keys, uscc, kind: 'enterprise', isBranch: false, address: null, amendedAt: {},
});
const lookup = (l: Partial<Lookup>): Lookup => ({ documents: [], keys: [], usccs: [], projectIds: [], awardIds: [], ...l });
const nothing: Snapshot = { documents: [], companies: [], projects: [], awards: [] };

describe('the identity cache', () => {
  it('asks the database about everything the first time, and only about new things after', () => {
    const cache = new IdentityCache();
    const first = cache.split(lookup({ keys: ['甲公司', '乙公司'], usccs: ['91330000733796106P'], projectIds: ['j:1'] }));
    assert.deepEqual(first.missing, lookup({ keys: ['甲公司', '乙公司'], usccs: ['91330000733796106P'], projectIds: ['j:1'] }));
    const a = company('c:a', ['甲公司']);
    const merged = cache.merge(first.cached, first.missing, { ...nothing, companies: [a] });
    assert.deepEqual(merged.companies, [a]);

    const second = cache.split(lookup({ documents: ['d'], keys: ['甲公司', '乙公司', '丙公司'], usccs: ['91330000733796106P'], projectIds: ['j:1'] }));
    assert.deepEqual(second.missing, lookup({ documents: ['d'], keys: ['丙公司'] }));
    assert.deepEqual(second.cached.companies, [a]);
  });

  it('learns the companies a committed batch created or changed, under the keys it has looked up', () => {
    const cache = new IdentityCache();
    const s = cache.split(lookup({ keys: ['乙公司'], usccs: ['91330000727215176K'] }));
    cache.merge(s.cached, s.missing, nothing);
    const b = company('c:b', ['乙公司', '乙公司别名'], '91330000727215176K');
    cache.remember([b], [], []);
    const again = cache.split(lookup({ keys: ['乙公司', '乙公司别名'], usccs: ['91330000727215176K'] }));
    // The alias key was never looked up: another company may hold it, so it is still asked about.
    assert.deepEqual(again.missing.keys, ['乙公司别名']);
    assert.deepEqual(again.missing.usccs, []);
    assert.deepEqual(again.cached.companies, [b]);
  });

  it('forgets everything on clear', () => {
    const cache = new IdentityCache();
    const s = cache.split(lookup({ keys: ['甲公司'] }));
    cache.merge(s.cached, s.missing, nothing);
    cache.clear();
    assert.deepEqual(cache.split(lookup({ keys: ['甲公司'] })).missing.keys, ['甲公司']);
  });
});
