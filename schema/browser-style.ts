// The Neo4j Browser style (browser/bidgraph.grass), generated from schema/model.json: one rule per
// label, captioned by the label's caption property and drawn as its display says; the labels that
// mirror a property (State, PublicBody, Listed) follow their node's rule, since the Browser applies
// matching rules in file order and the later one wins. `npm run style:browser` rewrites the file.
import type { DisplayModel, Model, NodeDisplay, RelationshipModel } from './model.ts';

type Declarations = [string, string | number | undefined][];

const px = (n: number | undefined) => (n === undefined ? undefined : `${n}px`);

/** One rule in the plain `selector { key: value; }` form the Browser's parser reads (no comments). */
function rule(selector: string, declarations: Declarations): string {
  const lines = declarations.filter(([, v]) => v !== undefined).map(([k, v]) => `  ${k}: ${v};`);
  return `${selector} {\n${lines.join('\n')}\n}\n`;
}

function nodeDeclarations(d: Partial<NodeDisplay>): Declarations {
  return [
    ['diameter', px(d.size)],
    ['font-size', px(d.fontSize)],
    ['color', d.color],
    ['border-color', d.border],
    ['border-width', px(d.borderWidth)],
    ['text-color-internal', d.text],
  ];
}

function defaults(display: DisplayModel): string[] {
  const r = display.relationship;
  return [
    rule('node', nodeDeclarations(display.node)),
    rule('relationship', [
      ['color', r.color],
      ['shaft-width', px(r.width)],
      ['font-size', px(r.fontSize)],
      ['padding', px(r.padding)],
      ['text-color-external', r.textOutside],
      ['text-color-internal', r.text],
      ['caption', "'<type>'"],
    ]),
  ];
}

function relationshipRule(type: string, display: NonNullable<RelationshipModel['display']>): string {
  const caption = display.caption === undefined ? "'<type>'" : `'{${display.caption}}'`;
  return rule(`relationship.${type}`, [
    ['color', display.color],
    ['shaft-width', px(display.width)],
    ['caption', caption],
  ]);
}

/** The whole style sheet, in the order the Browser needs. */
export function browserStyle(model: Model): string {
  const rules = defaults(model.display);
  for (const [label, node] of Object.entries(model.nodes)) {
    const caption: Declarations = [['caption', `'{${node.caption}}'`]];
    rules.push(rule(`node.${label}`, [...nodeDeclarations(node.display), ...caption]));
    for (const [extra, look] of Object.entries(node.display.extraLabels ?? {})) {
      rules.push(rule(`node.${extra}`, [...nodeDeclarations(look), ...caption]));
    }
  }
  for (const [type, rel] of Object.entries(model.relationships)) {
    if (rel.display) rules.push(relationshipRule(type, rel.display));
  }
  return rules.join('\n');
}
