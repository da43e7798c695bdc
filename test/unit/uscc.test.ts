import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeUscc, findUsccs, isValidUscc, normalizeUscc } from '../../src/domain/uscc.ts';
import { sharedCorpus, skipUnlessShared } from '../support/shared-corpus.ts';

const corpus = sharedCorpus('real') ?? '';

const HIKVISION = '91330000733796106P';
const DAHUA = '91330000727215176K';
// Generated with the GB 32100-2015 weights: check character 0, and codes that start with a letter.
const CHECK_ZERO = '916500002280000010';
const LETTER_AND_ZERO = 'Y1653222MA70001070';
const LETTER_A = 'A1110000MB10005005';
const LETTER_N = 'N26532220000770004';

test('known company codes are valid', () => {
  assert.equal(isValidUscc(HIKVISION), true);
  assert.equal(isValidUscc(DAHUA), true);
});

test('check character 0 and a leading letter are valid', () => {
  for (const code of [CHECK_ZERO, LETTER_AND_ZERO, LETTER_A, LETTER_N]) assert.equal(isValidUscc(code), true, code);
});

test('corrupted codes are rejected', () => {
  assert.equal(isValidUscc('91330000733796106Q'), false, 'wrong check character');
  assert.equal(isValidUscc('91330000733796160P'), false, 'two digits swapped');
  assert.equal(isValidUscc('91330000733796106'), false, '17 characters');
  assert.equal(isValidUscc('91330000733796106P1'), false, '19 characters');
  assert.equal(isValidUscc('9133000073379610IP'), false, 'I is not in the alphabet');
  assert.equal(isValidUscc('9133000073379610OP'), false, 'O is not in the alphabet');
  assert.equal(isValidUscc('91650000228000001O'), false, 'letter O for the check digit 0');
  assert.equal(isValidUscc(''), false);
  assert.equal(isValidUscc('无'), false);
});

test('lower-case, full-width and spaced input is normalised first', () => {
  assert.equal(isValidUscc('91330000733796106p'), true);
  assert.equal(normalizeUscc('９１３３００００７３３７９６１０６Ｐ'), HIKVISION);
  assert.equal(normalizeUscc(' 91330000 727215176k '), DAHUA);
  assert.equal(normalizeUscc('y1653222ma70001070'), LETTER_AND_ZERO);
  assert.equal(normalizeUscc('91330000733796106Q'), null);
});

test('decodeUscc names the department, the entity type and the parts', () => {
  assert.deepEqual(decodeUscc(HIKVISION), {
    department: '工商/市场监管',
    entityType: '企业',
    regionCode: '330000',
    orgCode: '733796106',
  });
  assert.deepEqual(decodeUscc(LETTER_AND_ZERO), {
    department: '其他',
    entityType: '其他',
    regionCode: '653222',
    orgCode: 'MA7000107',
  });
  assert.deepEqual(decodeUscc(LETTER_N), {
    department: '农业',
    entityType: '村级集体经济组织',
    regionCode: '653222',
    orgCode: '000077000',
  });
  assert.equal(decodeUscc('91330000733796106Q'), null);
});

test('findUsccs returns valid codes with offsets into the original text', () => {
  const text = '供应商：杭州海康威视数字技术股份有限公司，统一社会信用代码：９１３３００００７３３７９６１０６Ｐ；'
    + '浙江大华技术股份有限公司(91330000727215176K)，错误代码91330000727215176J，'
    + '项目编号HB2016103570020029X1，长串A91330000727215176K。';
  const found = findUsccs(text);
  assert.deepEqual(found.map((f) => f.code), [HIKVISION, DAHUA]);
  for (const f of found) assert.equal(text.slice(f.start, f.end).normalize('NFKC').toUpperCase(), f.code);
});

test('findUsccs skips a string that is also a valid resident ID number', () => {
  const both = '110105198001010518'; // passes the USCC check and the GB 11643 ID check
  assert.equal(isValidUscc(both), true);
  assert.deepEqual(findUsccs(`身份证号：${both}`), []);
});

test('findUsccs finds exactly the codes printed in the corpus notices', { skip: skipUnlessShared('real') }, () => {
  const expected: Record<string, string[]> = {
    'cqggzy-31f1fcdf.html': ['915002357116323118'],
    'cqggzy-482f0da6.html': ['91500230MA5U3XGR29'],
    'cqggzy-5109436b.html': ['91500116771758653P'],
    'cqggzy-c1b86a53.html': ['915105002050026675'],
    'cqggzy-e94779a6.html': ['9151132105251082X7'],
    'misc-test_4.html': ['91500113203420902H'],
  };
  const files = readdirSync(corpus).filter((f) => f.endsWith('.html'));
  assert.equal(files.length, 55);
  const actual: Record<string, string[]> = {};
  for (const file of files) {
    const codes = findUsccs(readFileSync(path.join(corpus, file), 'utf8')).map((f) => f.code);
    if (codes.length > 0) actual[file] = codes;
  }
  assert.deepEqual(actual, expected);
});
