// The regression guard of the evaluation set (test/eval/): the extractor, run over every hand-checked
// label, stores no false winner, and no field's precision or recall may fall below the figures last
// recorded in test/eval/baseline.json. Each document group is checked on its own, so a clone without
// the shared corpus still checks the repository's labels and says which groups it skipped.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { belowFloors, readBaseline } from '../eval/baseline.ts';
import { evaluate, falseWinnerKeys, figures, unavailable } from '../eval/evaluate.ts';
import { documentGroups, groupOf, loadLabels } from '../eval/labels.ts';

const RECORD = 'run `npm run eval -- --record` after checking the change with `npm run eval`';

const labels = loadLabels();
const baseline = readBaseline();
const evaluation = await evaluate(labels);

test('every labelled document is found and read', () => {
  assert.deepEqual(evaluation.results.filter((r) => r.error).map((r) => `${r.label.id}: ${r.error}`), []);
});

for (const group of documentGroups) {
  const recorded = baseline.groups[group];
  const present = labels.filter((l) => groupOf(l.document) === group).map((l) => l.id);
  const reason = unavailable(group);

  test(`${group}: every label has recorded figures`, { skip: reason ?? (present.length === 0 && !recorded ? 'no labels in this group' : false) }, () => {
    assert.ok(recorded, `no baseline for ${group}; ${RECORD}`);
    const missing = recorded.labels.filter((id) => !present.includes(id));
    assert.deepEqual(missing, [], `labels in the baseline but no longer in test/eval/labels; ${RECORD}`);
    const unrecorded = present.filter((id) => !recorded.labels.includes(id));
    assert.deepEqual(unrecorded, [], `labels not yet in the baseline; ${RECORD}`);
  });

  test(`${group}: no false winner`, { skip: reason ?? (present.length === 0 ? 'no labels in this group' : false) }, () => {
    const found = falseWinnerKeys(evaluation.results.filter((r) => r.group === group));
    assert.deepEqual(found, [], 'names stored as winners that the labels say did not win');
  });

  test(`${group}: no field below the recorded precision and recall`, { skip: reason ?? (recorded ? false : 'no baseline for this group') }, () => {
    const results = evaluation.results.filter((r) => recorded!.labels.includes(r.label.id));
    assert.deepEqual(belowFloors(figures(results), recorded!.figures), []);
  });
}
