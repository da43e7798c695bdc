/**
 * 统一社会信用代码 (Unified Social Credit Code, GB 32100-2015).
 *
 * 18 characters: registering department (1), entity type (1), GB/T 2260 code of the registering
 * authority (6), organisation code (9), check character (1). The check holds for every position,
 * including codes that start with a letter and codes whose check character is 0.
 */

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

/** Department (char 1) and its entity types (char 2), as assigned under GB 32100-2015. */
const DEPARTMENTS: Record<string, { name: string; types: Record<string, string> }> = {
  '1': { name: '机构编制', types: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' } },
  '2': { name: '外交', types: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    name: '司法行政',
    types: { '1': '律师执业机构', '2': '公证处', '3': '基层法律服务所', '4': '司法鉴定机构', '5': '仲裁委员会', '9': '其他' },
  },
  '4': { name: '文化', types: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { name: '民政', types: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': {
    name: '旅游',
    types: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' },
  },
  '7': { name: '宗教', types: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', types: { '1': '基层工会', '9': '其他' } },
  '9': { name: '工商/市场监管', types: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', types: { '1': '军队事业单位', '9': '其他' } },
  N: { name: '农业', types: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' } },
  Y: { name: '其他', types: { '1': '其他' } },
};

export interface UsccParts {
  department: string;
  entityType: string;
  /** GB/T 2260 code of the registering authority, not necessarily the current address. */
  regionCode: string;
  orgCode: string;
}

export interface UsccMatch {
  code: string;
  /** Offsets into the text as given (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
}

/** NFKC (full-width → ASCII), upper case, no surrounding or inner spaces. */
function clean(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

function checkCharacter(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = VALUE.get(first17[i]);
    if (v === undefined) return null;
    sum += v * WEIGHTS[i];
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

function isValidClean(code: string): boolean {
  if (code.length !== 18 || !VALUE.has(code[17])) return false;
  return checkCharacter(code.slice(0, 17)) === code[17];
}

export function isValidUscc(code: string): boolean {
  return isValidClean(clean(code));
}

/** The cleaned 18-character code, or null when it is not a valid USCC. */
export function normalizeUscc(raw: string): string | null {
  const code = clean(raw);
  return isValidClean(code) ? code : null;
}

/**
 * Splits a valid code into its parts. Unknown department or type codes are reported as
 * 未知(X) rather than guessed; an invalid code gives null.
 */
export function decodeUscc(code: string): UsccParts | null {
  const c = normalizeUscc(code);
  if (c === null) return null;
  const department = DEPARTMENTS[c[0]];
  return {
    department: department?.name ?? `未知(${c[0]})`,
    entityType: department?.types[c[1]] ?? `未知(${c[1]})`,
    regionCode: c.slice(2, 8),
    orgCode: c.slice(8, 17),
  };
}

/**
 * GB 11643 resident ID number: province 11–82, a birth date 19xx/20xx, 3-digit sequence, and a
 * MOD 11-2 check character (0-9/X).
 */
function isResidentIdNumber(code: string): boolean {
  if (!/^[1-8]\d{5}(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]$/.test(code)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(code[i]) * weights[i];
  return '10X98765432'[sum % 11] === code[17];
}

// 18 ASCII or full-width alphanumerics, not glued to further alphanumerics on either side.
const CANDIDATE = /(?<![0-9A-Za-z０-９Ａ-Ｚａ-ｚ])[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]{18}(?![0-9A-Za-z０-９Ａ-Ｚａ-ｚ])/g;

/**
 * Valid codes in free text, with their offsets. Stricter than isValidUscc: the department must be a
 * known one, and a string that is also a valid resident ID number is skipped (it could be a
 * person's ID, which must never be stored as a company code).
 */
export function findUsccs(text: string): UsccMatch[] {
  const found: UsccMatch[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const code = normalizeUscc(m[0]);
    if (code === null || !(code[0] in DEPARTMENTS) || isResidentIdNumber(code)) continue;
    const start = m.index ?? 0;
    found.push({ code, start, end: start + m[0].length });
  }
  return found;
}
