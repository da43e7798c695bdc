// The dossier's pictures, rendered to SVG in this process without a browser: bar charts from
// Vega-Lite specs, and the ownership diagram laid out by dagre (a layered layout for directed
// graphs: a company can have several owners and an owner several paths, which a tree layout cannot
// draw) and drawn by Vega from those positions. Names travel as data, never inside Vega
// expressions, and Vega's SVG writer escapes text, so a hostile name stays text.
import dagre from '@dagrejs/dagre';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { OwnershipLink, Party, Total } from './model.ts';
import { shareText } from './format.ts';

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif';

/** Renders a Vega spec to an SVG string (no canvas: the 'none' renderer and Vega's SVG writer). */
async function toSvg(spec: vega.Spec): Promise<string> {
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const MILLION_FEN = 100 * 1_000_000;

/** Totals per label as bars, in million yuan; `horizontal` for long labels (prefectures). */
export async function barChart(totals: Total[], opts: { title: string; horizontal: boolean }): Promise<string> {
  const values = totals.map((t) => ({ label: t.label, million: t.fen / MILLION_FEN, awards: t.awards }));
  const label = { field: 'label', type: 'nominal' as const, title: null, sort: null, axis: { labelLimit: 220 } };
  const amount = { field: 'million', type: 'quantitative' as const, title: 'million yuan (百万元)' };
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: opts.title,
    data: { values },
    width: opts.horizontal ? 520 : { step: 44 },
    height: opts.horizontal ? { step: 20 } : 220,
    mark: { type: 'bar', color: '#4C6FA8' },
    encoding: opts.horizontal ? { y: label, x: amount } : { x: { ...label, axis: { labelAngle: 0 } }, y: amount },
    config: { font: FONT, background: 'white' },
  } as TopLevelSpec;
  return toSvg(compile(spec).spec);
}

const NODE_WIDTH = 230;
const NODE_HEIGHT = 46;

const FILL: Record<string, string> = { state: '#C62828', public: '#FFC454', person: '#9E9E9E', enterprise: '#4C8EDA' };
const INK: Record<string, string> = { state: 'white', public: '#222', person: '#222', enterprise: 'white' };

/**
 * The ownership chain as a layered diagram: owners above what they own, each link labelled with its
 * share and citation number, each party with its effective share in the subject.
 */
export async function ownershipDiagram(subjectId: string, parties: Party[], links: OwnershipLink[]): Promise<string> {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 30, ranksep: 70, marginx: 10, marginy: 10 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const p of parties) g.setNode(p.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  links.forEach((l, i) => g.setEdge(l.ownerId, l.ownedId, { width: 90, height: 16, labelpos: 'c' }, String(i)));
  dagre.layout(g);
  const nodes = parties.map((p) => {
    const n = g.node(p.id);
    const sub =
      p.id === subjectId
        ? 'the company of this dossier'
        : `${p.ultimate ? 'ultimate owner' : p.kind}${p.effective ? ` · holds ${shareText(p.effective)}` : ''}`;
    return {
      x: n.x - NODE_WIDTH / 2,
      y: n.y - NODE_HEIGHT / 2,
      name: p.name,
      sub,
      fill: FILL[p.kind] ?? FILL.enterprise,
      ink: INK[p.kind] ?? INK.enterprise,
      stroke: p.id === subjectId ? '#111' : 'none',
    };
  });
  const edges = links.map((l, i) => {
    const e = g.edge({ v: l.ownerId, w: l.ownedId, name: String(i) });
    const pts = e.points;
    const last = pts[pts.length - 1];
    return {
      path: pts.map((pt: { x: number; y: number }, k: number) => `${k ? 'L' : 'M'}${pt.x},${pt.y}`).join(''),
      ex: last.x,
      ey: last.y,
      lx: e.x ?? pts[Math.floor(pts.length / 2)].x,
      ly: e.y ?? pts[Math.floor(pts.length / 2)].y,
      label: `${shareText(l)}${l.cite ? ` [${l.cite}]` : ''}`,
    };
  });
  const graph = g.graph();
  const spec: vega.Spec = {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    width: Math.ceil(graph.width ?? NODE_WIDTH),
    height: Math.ceil(graph.height ?? NODE_HEIGHT),
    padding: 6,
    background: 'white',
    data: [
      { name: 'nodes', values: nodes },
      { name: 'edges', values: edges },
    ],
    marks: [
      {
        type: 'path',
        name: 'links',
        from: { data: 'edges' },
        encode: { enter: { path: { field: 'path' }, stroke: { value: '#555' }, strokeWidth: { value: 1.4 } } },
      },
      {
        type: 'symbol',
        name: 'arrows',
        from: { data: 'edges' },
        encode: { enter: { x: { field: 'ex' }, y: { field: 'ey', offset: -4 }, shape: { value: 'triangle-down' }, size: { value: 60 }, fill: { value: '#555' } } },
      },
      {
        type: 'text',
        name: 'shares',
        from: { data: 'edges' },
        encode: {
          enter: {
            x: { field: 'lx' },
            y: { field: 'ly' },
            text: { field: 'label' },
            align: { value: 'center' },
            baseline: { value: 'middle' },
            font: { value: FONT },
            fontSize: { value: 11 },
            fill: { value: '#111' },
            stroke: { value: 'white' },
            strokeWidth: { value: 3 },
            strokeOpacity: { value: 0.85 },
          },
        },
      },
      {
        type: 'text',
        name: 'share-ink',
        from: { data: 'edges' },
        encode: {
          enter: {
            x: { field: 'lx' },
            y: { field: 'ly' },
            text: { field: 'label' },
            align: { value: 'center' },
            baseline: { value: 'middle' },
            font: { value: FONT },
            fontSize: { value: 11 },
            fill: { value: '#111' },
          },
        },
      },
      {
        type: 'rect',
        name: 'parties',
        from: { data: 'nodes' },
        encode: {
          enter: {
            x: { field: 'x' },
            y: { field: 'y' },
            width: { value: NODE_WIDTH },
            height: { value: NODE_HEIGHT },
            cornerRadius: { value: 6 },
            fill: { field: 'fill' },
            stroke: { field: 'stroke' },
            strokeWidth: { value: 2 },
          },
        },
      },
      {
        type: 'text',
        name: 'party-names',
        from: { data: 'nodes' },
        encode: {
          enter: {
            x: { field: 'x', offset: NODE_WIDTH / 2 },
            y: { field: 'y', offset: 18 },
            text: { field: 'name' },
            align: { value: 'center' },
            limit: { value: NODE_WIDTH - 10 },
            font: { value: FONT },
            fontSize: { value: 12 },
            fontWeight: { value: 'bold' },
            fill: { field: 'ink' },
          },
        },
      },
      {
        type: 'text',
        name: 'party-notes',
        from: { data: 'nodes' },
        encode: {
          enter: {
            x: { field: 'x', offset: NODE_WIDTH / 2 },
            y: { field: 'y', offset: 36 },
            text: { field: 'sub' },
            align: { value: 'center' },
            font: { value: FONT },
            fontSize: { value: 10 },
            fill: { field: 'ink' },
          },
        },
      },
    ],
  };
  return toSvg(spec);
}
