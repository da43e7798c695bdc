// The restricted awards placed in memory answer as the live Cypher does: the region or any region
// above the award's, dates within from/to (an undated award is outside any bound), award order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { awardOrder, placedCounts, placedIn, type PlacedAward } from '../../src/graph/restricted-awards.ts';

const unsorted: PlacedAward[] = [
  { id: 'a:2', date: '2021-05-01', regions: ['653222', '653200', '650000'] },
  { id: 'a:1', date: '2021-05-01', regions: ['653200', '650000'] },
  { id: 'a:3', date: '2019-12-31', regions: ['652900', '650000'] },
  { id: 'a:0', date: '', regions: ['653222', '653200', '650000'] },
];
// As the index holds them.
const placed = [...unsorted].sort(awardOrder);

test('a region holds the awards placed in it or below it, in award order (date descending, undated last, then id)', () => {
  assert.deepEqual(placedIn(placed, '653200', { from: null, to: null }).map((a) => a.id), ['a:1', 'a:2', 'a:0']);
  assert.deepEqual(placedIn(placed, '650000', { from: null, to: null }).map((a) => a.id), ['a:1', 'a:2', 'a:3', 'a:0']);
  assert.deepEqual(placedIn(placed, '110000', { from: null, to: null }), []);
});

test('from and to bound the date inclusively; an undated award is outside any bound', () => {
  assert.deepEqual(placedIn(placed, '650000', { from: '2020-01-01', to: null }).map((a) => a.id), ['a:1', 'a:2']);
  assert.deepEqual(placedIn(placed, '650000', { from: null, to: '2021-05-01' }).map((a) => a.id), ['a:1', 'a:2', 'a:3']);
  assert.deepEqual(placedIn(placed, '650000', { from: '2019-12-31', to: '2019-12-31' }).map((a) => a.id), ['a:3']);
  assert.deepEqual([...placedCounts(placed, ['653200', '652900', '110000'], { from: '2020-01-01', to: null })], [['653200', 2], ['652900', 0], ['110000', 0]]);
});
