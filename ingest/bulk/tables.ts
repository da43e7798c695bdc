// The CSV files of a bulk import, one pair (header, body) per label and per relationship type and start
// label: the write-once rows as the graph meets them, the rest from the graph at the end.
import fs from 'node:fs';
import type { NodeLabel, RelationshipType } from '../../schema/model.ts';
import { awardProps, companyProps, projectProps } from '../load/plan.ts';
import type { BulkGraph, Links } from './graph.ts';
import type { Props, TableFiles } from './table.ts';
import { NodeTable, RelTable } from './table.ts';

export interface ImportFiles {
  nodes: TableFiles[];
  relationships: TableFiles[];
}

export class BulkTables {
  private readonly documents: NodeTable;
  private readonly published: RelTable;
  private readonly evidence: Record<'Award' | 'Project', RelTable>;

  constructor(private readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
    this.documents = new NodeTable(dir, 'Document');
    this.published = new RelTable(dir, 'PUBLISHED_IN');
    this.evidence = { Award: new RelTable(dir, 'SUPPORTED_BY', 'Award'), Project: new RelTable(dir, 'SUPPORTED_BY', 'Project') };
  }

  document(props: Props): void {
    this.documents.node(props);
  }

  publishedIn(projectId: string, sha256: string, props: Props): void {
    this.published.rel(projectId, sha256, props);
  }

  supportedBy(from: 'Award' | 'Project', id: string, sha256: string, props: Props): void {
    this.evidence[from].rel(id, sha256, props);
  }

  /** Writes what the graph holds in memory and closes every file; returns them for neo4j-admin. */
  finish(graph: BulkGraph): ImportFiles {
    const nodes = (label: NodeLabel, rows: Iterable<Props>) => {
      const t = new NodeTable(this.dir, label);
      for (const r of rows) t.node(r);
      return t.close(this.dir);
    };
    const rels = (type: RelationshipType, links: Links | Map<string, Props>, from?: NodeLabel) => {
      const t = new RelTable(this.dir, type, from);
      for (const [key, props] of links) {
        const [start, end] = key.split('\t');
        t.rel(start, end, props);
      }
      return t.close(this.dir);
    };
    const owns = (label: 'Company' | 'Person') =>
      new Map([...graph.owns].filter(([k]) => k.startsWith(`${label}\t`)).map(([k, v]) => [k.slice(label.length + 1), v]));
    return {
      nodes: [
        this.documents.close(this.dir),
        nodes('Company', [...graph.companies.values()].map((c) => ({ id: c.id, ...companyProps(c) }))),
        nodes('Project', [...graph.projects.values()].map((p) => ({ id: p.id, ...projectProps(p) }))),
        nodes('Award', [...graph.awards.values()].map((a) => ({ id: a.id, ...awardProps(a) }))),
        nodes('Person', graph.persons.values()),
        nodes('Region', graph.regions.values()),
      ],
      relationships: [
        this.published.close(this.dir),
        this.evidence.Award.close(this.dir),
        this.evidence.Project.close(this.dir),
        ...(Object.entries(graph.links) as [RelationshipType, Links][]).map(([type, links]) => rels(type, links)),
        rels('OWNS', owns('Company'), 'Company'),
        rels('OWNS', owns('Person'), 'Person'),
      ],
    };
  }
}
