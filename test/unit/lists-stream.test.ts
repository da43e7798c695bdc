// List files read piece by piece from disk give what the same text held whole gives: every format
// of test/fixtures/lists, CSV records running over lines, CSL JSON cut anywhere into chunks, and a
// file over the text reader's cap read completely with its bad lines named.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFile } from '../../ingest/read/index.ts';
import { defaultReadOptions } from '../../ingest/read/reader.ts';
import { extractList } from '../../ingest/lists/index.ts';
import { resultsUnits, ResultsSplitter, type ResultsUnit } from '../../ingest/lists/json-results.ts';
import { fileLines, readListFile } from '../../ingest/lists/stream.ts';
import { bigCslJson, bigFtm, removeTempDirs, tempDir } from '../support/big-lists.ts';

after(removeTempDirs);

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/lists');
const FIXTURES = ['csl.json', 'csl.csv', 'cons_prim.csv', 'cons_prim_2026.csv', 'cons_alt.csv', 'cons_add.csv', 'cons_comments.csv', 'entities.ftm.json', 'name-links.csv'];

async function tempFile(name: string, content: string | Buffer): Promise<string> {
  const file = path.join(await tempDir(), name);
  await fs.writeFile(file, content);
  return file;
}

test('every fixture list read as a stream gives exactly what the whole text gives', async () => {
  for (const name of FIXTURES) {
    const file = path.join(dir, name);
    const whole = extractList(await readFile(file));
    assert.ok(whole, name);
    assert.deepEqual(await readListFile(file), whole, name);
  }
});

test('a CSL CSV record with a quoted line break, CRLF line ends and a BOM: same as whole, lines counted from the file', async () => {
  const csv = '\ufeffsource,name,alt_names,programs,remarks\r\nEntity List (EL) - Bureau of Industry and Security,ACME CO.,ACME; A.C.M.E.,EAR,"first line\r\nsecond, line"\r\nEntity List (EL) - Bureau of Industry and Security,"BETA ""B"" LTD",,EAR,\r\nbroken,row\r\n';
  const file = await tempFile('csl.csv', csv);
  const streamed = await readListFile(file);
  assert.deepEqual(streamed, extractList(await readFile(file)));
  assert.deepEqual(streamed!.entries.map((e) => [e.name, e.remarks, e.where]), [
    ['ACME CO.', 'first line second, line', 'line 2'],
    ['BETA "B" LTD', null, 'line 4'],
  ]);
  assert.deepEqual(streamed!.warnings, [`${file}: line 5: 2 fields where the header has 5; row skipped`]);
});

test('lines split on \\n, \\r\\n and a lone \\r, whatever chunk a \\r\\n falls across', async () => {
  const file = await tempFile('lines.txt', 'a\r\nb\rc\n\nd\u00e9\r\n');
  for (const chunkBytes of [1, 2, 3, 1024]) {
    const lines: [number, string][] = [];
    for await (const l of fileLines(file, chunkBytes)) lines.push([l.line, l.text]);
    assert.deepEqual(lines, [[1, 'a'], [2, 'b'], [3, 'c'], [4, ''], [5, 'd\u00e9']], `chunks of ${chunkBytes} bytes`);
  }
});

const CSL_JSON = JSON.stringify({
  total: 3,
  results: [
    { source: 'Entity List (EL) - Bureau of Industry and Security', name: 'ACME [brackets], "quoted" {braces} \\ slash', programs: ['EAR'] },
    { source: 'Entity List (EL) - Bureau of Industry and Security', name: 'BETA', alt_names: ['"results": [1]'] },
    42,
  ],
  sources_used: [{ source_name: 'Entity List (EL) - Bureau of Industry and Security' }],
  search_performed_at: '2026-01-01',
}, null, 1);

function chunked(text: string, size: number): ResultsUnit[] {
  const s = new ResultsSplitter();
  const out: ResultsUnit[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...s.push(text.slice(i, i + size)));
  return [...out, ...s.end()];
}

test('CSL JSON split into results the same way for every chunk size, strings with brackets and quotes included', () => {
  const whole = resultsUnits(CSL_JSON);
  assert.deepEqual(whole.map((u) => u.kind), ['results', 'result', 'result', 'result', 'member']);
  assert.equal((whole[1] as { value: { name: string } }).value.name, 'ACME [brackets], "quoted" {braces} \\ slash');
  assert.deepEqual((whole[4] as { key: string }).key, 'sources_used');
  for (const size of [1, 2, 3, 7, 64, 1000]) assert.deepEqual(chunked(CSL_JSON, size), whole, `chunks of ${size}`);
});

test('CSL JSON: an element that is not an object or not JSON is named; a file cut short keeps what came before', async () => {
  const cut = CSL_JSON.slice(0, CSL_JSON.indexOf('42'));
  const file = await tempFile('cut.json', `${cut.replace('"BETA"', '"BETA" oops')}`);
  const x = await readListFile(file);
  assert.deepEqual(x!.entries.map((e) => e.name), ['ACME [brackets], "quoted" {braces} \\ slash']);
  assert.deepEqual(x!.warnings, [
    `${file}: results[1]: not JSON; skipped`,
    `${file}: the file ends inside the JSON (cut short?); what came before is kept`,
  ]);
  const whole = await readListFile(await tempFile('csl.json', CSL_JSON));
  assert.deepEqual(whole!.warnings.map((w) => w.replace(/^.*?: /, '')), ['results[2]: not an object; skipped']);
  assert.deepEqual(whole!.covers, { feed: 'csl', lists: ['us_bis_entity_list'] });
});

test('an FtM file over the text reader\'s cap is read completely, its bad lines named', async () => {
  const { file, bad } = await bigFtm(await tempDir(), 3000, defaultReadOptions.maxTextBytes + 1024 * 1024);
  assert.ok((await fs.stat(file)).size > defaultReadOptions.maxTextBytes);
  const x = await readListFile(file);
  assert.equal(x!.source, 'ftm');
  assert.equal(x!.entries.length, 3000);
  assert.deepEqual(x!.entries[2999], { ...x!.entries[2999], id: 'opensanctions:us_ofac_sdn:co-2999', name: 'COMPANY 2999 CO., LTD.', aliases: ['Co 2999'], programmes: ['SDGT'], listedOn: '2020-01-02' });
  assert.deepEqual(bad, [2001, 4002, 6003]);
  assert.deepEqual(x!.warnings, bad.map((l) => `${file}: line ${l}: not JSON; skipped`));
});

test('a CSL JSON file over the text reader\'s cap is read completely, its bad results named', async () => {
  const { file, bad } = await bigCslJson(await tempDir(), 3000, defaultReadOptions.maxTextBytes + 1024 * 1024);
  assert.ok((await fs.stat(file)).size > defaultReadOptions.maxTextBytes);
  const x = await readListFile(file);
  assert.equal(x!.source, 'csl-json');
  assert.equal(x!.entries.length, 2997);
  assert.equal(x!.entries.at(-1)!.name, 'ENTITY 2998 CO., LTD.');
  assert.deepEqual(x!.covers, { feed: 'csl', lists: ['us_bis_entity_list'] });
  assert.deepEqual(x!.warnings, bad.map((i) => `${file}: results[${i}]: not JSON; skipped`));
});
