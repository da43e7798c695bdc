// Hand-built notices and holdings for loader tests: only what a test states differs from the defaults.
import { createHash } from 'node:crypto';
import type { Award, Notice, Supplier } from '../../ingest/extract/notice.ts';
import type { HoldingRecord, PartyRef } from '../../ingest/ownership/holding.ts';
import type { DocumentMeta, LoadItem } from '../../ingest/load/plan.ts';
import { EXTRACTOR_VERSION } from '../../ingest/extract/version.ts';

export function shaOf(label: string): string {
  return createHash('sha256').update(label).digest('hex');
}

export function supplier(name: string, extra: Partial<Supplier> = {}): Supplier {
  return { name, rawName: name, address: null, uscc: null, role: 'sole', ...extra };
}

export function award(suppliers: Supplier[], extra: Partial<Award> = {}): Award {
  return { lot: null, status: suppliers.length ? 'active' : 'unsuccessful', suppliers, value: null, rate: null, ...extra };
}

export function notice(label: string, extra: Partial<Notice> = {}): Notice {
  const sha256 = shaOf(label);
  return {
    source: { path: `${label}.html`, sha256, mediaType: 'text/html', encoding: 'utf-8' },
    extractorVersion: EXTRACTOR_VERSION,
    noticeType: 'award',
    title: `${label} 公告`,
    publishedAt: '2017-06-01',
    decisionDate: null,
    publicityPeriod: null,
    project: { name: '墨玉县视频监控建设项目', code: 'MYX-2017-001', method: '公开招标', contractModel: [] },
    buyer: { name: '墨玉县公安局', address: null },
    agency: null,
    region: null,
    budget: null,
    awards: [],
    candidates: [],
    evidence: [],
    warnings: [],
    ...extra,
  };
}

export function documentOf(n: Notice, extra: Partial<DocumentMeta> = {}): DocumentMeta {
  return {
    sha256: n.source.sha256,
    path: n.source.path,
    url: null,
    retrievedAt: null,
    title: n.title,
    publishedAt: n.publishedAt,
    mediaType: n.source.mediaType,
    noticeType: n.noticeType,
    ...extra,
  };
}

export function noticeItem(n: Notice, extra: Partial<DocumentMeta> = {}): LoadItem {
  return { kind: 'notice', document: documentOf(n, extra), notice: n };
}

export function party(name: string, kind: PartyRef['kind'] = null, uscc: string | null = null): PartyRef {
  return { name, uscc, kind };
}

export function holding(label: string, owner: PartyRef, owned: PartyRef, share: number | null, asOf: string | null = '2021-12-31'): HoldingRecord {
  return {
    owner,
    owned,
    share,
    shareMin: share,
    shareMax: share,
    asOf,
    source: { path: `${label}.csv`, sha256: shaOf(label), snippet: `${owner.name},${owned.name},${share ?? ''}` },
  };
}

export function holdingsItem(label: string, holdings: HoldingRecord[]): LoadItem {
  const sha256 = shaOf(label);
  return {
    kind: 'holdings',
    document: { sha256, path: `${label}.csv`, url: null, retrievedAt: null, title: null, publishedAt: null, mediaType: 'text/csv', noticeType: 'ownership' },
    holdings,
  };
}
