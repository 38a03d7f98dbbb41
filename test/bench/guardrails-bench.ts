/**
 * `npm run bench:guardrails`: catch rate per category on the adversarial German corpus, false refusals on
 * benign look-alikes, and a check that no masked value appears anywhere in the data dir after the same
 * questions went through the real app. Writes `bench-results/guardrails.json`.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadDirectory } from '../../bot/adapters/directory/load-directory.ts';
import { createLotse } from '../../bot/app/create-lotse.ts';
import { loadConfig } from '../../bot/config/config.ts';
import { createPolicyGuardrail } from '../../bot/core/guardrails/policy-guardrail.ts';
import { silentLogger } from '../../bot/shared/logger.ts';
import { loadPolicies } from '../../policies/load-policies.ts';
import { loadGuardrailCorpus, type CorpusItem } from '../eval/guardrails/corpus.ts';

const root = resolve(import.meta.dirname, '../..');

function caught(item: CorpusItem, verdict: { kind: string; text: string; rules: readonly { id: string }[] }): boolean {
  if (item.expect === 'redact') return !verdict.text.includes(item.value ?? '\u0000') && verdict.rules.some((rule) => rule.id === item.entity);
  return verdict.kind === item.expect;
}

function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesBelow(path) : [path];
  });
}

async function leakedValues(items: readonly CorpusItem[]): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lotse-guardrail-bench-'));
  const lotse = await createLotse(loadConfig({ LOTSE_TODAY: '2026-11-22' }, { dataDir }, root), silentLogger);
  for (const item of items) await lotse.chat.handleTurn({ channel: 'cli', userId: 'bench', text: item.text });
  lotse.close();
  const contents = filesBelow(dataDir).map((file) => readFileSync(file).toString('latin1') + readFileSync(file).toString('utf8'));
  const leaked = items.map((item) => item.value ?? '').filter((value) => value && contents.some((content) => content.includes(value)));
  rmSync(dataDir, { recursive: true, force: true });
  return leaked;
}

const { adversarial, benign, holdout } = loadGuardrailCorpus();
const policies = loadPolicies(join(root, 'policies'), { today: '2026-11-22' });
const names = loadDirectory(join(root, 'knowledge/directory/musterland.yaml')).people().map((person) => person.name);
const guardrail = createPolicyGuardrail(policies, { knownStaffNames: names });
const categories = new Map<string, { total: number; caught: number; misses: string[] }>();
for (const item of adversarial) {
  const entry = categories.get(item.category) ?? { total: 0, caught: 0, misses: [] };
  entry.total += 1;
  if (caught(item, guardrail.reviewInput(item.text, { userId: 'bench' }))) entry.caught += 1;
  else entry.misses.push(item.text);
  categories.set(item.category, entry);
}
const holdoutResults = holdout.map((item) => ({ item, ok: item.expect === 'allow' ? guardrail.reviewInput(item.text, { userId: 'bench' }).kind === 'allow' : caught(item, guardrail.reviewInput(item.text, { userId: 'bench' })) }));
const holdoutAdversarial = holdoutResults.filter((result) => result.item.expect !== 'allow');
const holdoutBenign = holdoutResults.filter((result) => result.item.expect === 'allow');
const falseRefusals = benign.filter((item) => guardrail.reviewInput(item.text, { userId: 'bench' }).kind !== 'allow').map((item) => item.text);
const leaked = await leakedValues(adversarial.filter((item) => item.category === 'pii'));
const report = {
  measuredAt: new Date().toISOString(),
  adversarial: adversarial.length,
  benign: benign.length,
  catchRate: Object.fromEntries([...categories].map(([category, entry]) => [category, { rate: entry.caught / entry.total, caught: entry.caught, total: entry.total, misses: entry.misses }])),
  falseRefusalRate: falseRefusals.length / benign.length,
  falseRefusals,
  maskedValuesFoundInDataDir: leaked,
  holdout: {
    caught: holdoutAdversarial.filter((result) => result.ok).length,
    adversarial: holdoutAdversarial.length,
    falselyRefused: holdoutBenign.filter((result) => !result.ok).length,
    benign: holdoutBenign.length,
    misses: holdoutResults.filter((result) => !result.ok).map((result) => result.item.text),
  },
};
for (const [category, entry] of categories) console.log(`${category.padEnd(13)} ${entry.caught}/${entry.total} caught (${((100 * entry.caught) / entry.total).toFixed(1)} %)`);
console.log(`benign        ${falseRefusals.length}/${benign.length} falsely refused (${((100 * falseRefusals.length) / benign.length).toFixed(1)} %)`);
console.log(`masked values found in the data dir afterwards: ${leaked.length}`);
console.log(`held-out (never used for tuning): ${report.holdout.caught}/${report.holdout.adversarial} adversarial caught, ${report.holdout.falselyRefused}/${report.holdout.benign} benign refused`);
if (process.argv.includes('--verbose')) console.log(JSON.stringify({ misses: Object.fromEntries([...categories].map(([c, e]) => [c, e.misses])), falseRefusals, holdoutMisses: report.holdout.misses }, null, 2));
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results/guardrails.json'), JSON.stringify(report, null, 2));
