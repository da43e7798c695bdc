// Reads the restriction rules file: BIDGRAPH_RESTRICTION_RULES, else schema/restriction-rules.json.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './config.ts';
import { parseRestrictionRules, RulesError, type RestrictionRules } from './domain/restriction-rules.ts';

export const DEFAULT_RULES_FILE = path.join(repoRoot, 'schema', 'restriction-rules.json');

export function restrictionRulesFile(env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.BIDGRAPH_RESTRICTION_RULES || DEFAULT_RULES_FILE);
}

/** The rules, checked; a missing or invalid file throws a RulesError naming it. */
export function readRestrictionRules(file = restrictionRulesFile()): RestrictionRules {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new RulesError(file, [`cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`]);
  }
  return parseRestrictionRules(text, file);
}
