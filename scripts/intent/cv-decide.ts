/**
 * `npx tsx scripts/intent/cv-decide.ts <cv.json> [--no-evidence] [--temperature t]`: applies the decision table of
 * `policies/decision-table.yaml` (thresholds, personal data, evidence) to the family-held-out predictions written by
 * `family-cv.ts` and prints benign rows flagged (by source) and risky rows caught per intent.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tokenize } from '../../bot/core/guardrails/feature-rules.ts';
import { softmax, type Intent } from '../../bot/core/guardrails/intent-classifier.ts';
import { intentRowFor } from '../../bot/core/guardrails/intent-decision.ts';
import { loadPolicies } from '../../policies/load-policies.ts';

const root = resolve(import.meta.dirname, '../..');
const argument = (name: string): string | undefined =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
const temperature = Number(argument('--temperature') ?? '1');
const useEvidence = !process.argv.includes('--no-evidence');
const data = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as {
  classes: Intent[];
  rows: { text: string; intent: Intent; family: string; masked: string; personal: boolean; found?: string[]; logp: number[] }[];
};
const policies = loadPolicies(join(root, 'policies'), { today: '2026-12-08' });
const intents = policies.intents!;
const lexicon = policies.lexicon!;
const source = (family: string): string =>
  family.startsWith('questions:') ? 'staff-questions' : family.includes('.yaml:') ? family.split(':')[0]! : 'corpus';
const tally = new Map<string, { n: number; hit: number }>();
const add = (key: string, hit: boolean): void => {
  const entry = tally.get(key) ?? { n: 0, hit: 0 };
  entry.n += 1;
  if (hit) entry.hit += 1;
  tally.set(key, entry);
};
const verbose = process.argv.includes('--verbose');
for (const row of data.rows) {
  const probabilities = softmax(row.logp.map((value) => value / temperature));
  const byIntent = Object.fromEntries(data.classes.map((name, index) => [name, probabilities[index]!])) as Record<Intent, number>;
  const best = data.classes.reduce((winner, name) => (byIntent[name] > byIntent[winner] ? name : winner));
  const evidence = useEvidence ? { lexicon, tokens: tokenize(row.masked), spans: new Map() } : undefined;
  const chosen = intentRowFor(intents, { best, probabilities: byIntent }, row.found ?? row.personal, evidence);
  if (row.intent === 'benign') {
    add(`benign flagged · ${source(row.family)}`, chosen !== undefined);
    add('benign flagged · all', chosen !== undefined);
    add('benign ≥ override probability', byIntent.benign >= intents.benignOverride.probability);
    if (verbose && chosen) console.log(`FP ${chosen.intent} ${byIntent[chosen.intent].toFixed(2)} ${row.text}`);
  } else {
    if (
      process.argv.includes('--lost') &&
      !chosen &&
      intentRowFor(intents, { best, probabilities: byIntent }, row.found ?? row.personal) &&
      evidence
    )
      console.log(`LOST ${row.intent} ${byIntent[row.intent].toFixed(2)} ${row.text}`);
    add(`caught · ${row.intent}`, chosen !== undefined);
    add('caught · all risky', chosen !== undefined);
  }
}
console.log(`temperature ${temperature}, evidence ${useEvidence ? 'on' : 'off'}`);
for (const [key, entry] of [...tally].sort())
  console.log(`${key.padEnd(40)} ${entry.hit}/${entry.n} (${((100 * entry.hit) / entry.n).toFixed(1)} %)`);
