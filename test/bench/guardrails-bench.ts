/**
 * `npm run bench:guardrails`: catch rate per category on the adversarial German corpus and the development
 * set (both used for tuning), false refusals on the benign look-alikes, the held-out sets reported apart and combined
 * (those the intent model trains on since 2026-12-10.1 apart from those it never saw), and a check that no masked
 * value appears anywhere in the data dir after the same
 * questions went through the real app. Writes `bench-results/guardrails.json`; `--verbose` prints the misses.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadDirectory } from '../../bot/adapters/directory/load-directory.ts';
import { createLotse } from '../../bot/app/create-lotse.ts';
import { loadConfig } from '../../bot/config/config.ts';
import { createPolicyGuardrail } from '../../bot/core/guardrails/policy-guardrail.ts';
import type { Guardrail } from '../../bot/ports/guardrail.ts';
import { silentLogger } from '../../bot/shared/logger.ts';
import { loadPolicies } from '../../policies/load-policies.ts';
import { heldOutSets, loadGuardrailCorpus, type CorpusItem } from '../eval/guardrails/corpus.ts';
import { intentP95, seedQuestionsAtGuardrail, seedsDevAtGuardrail, seedsDevFile } from './guardrails-seeds.ts';
import { personalValues } from './pii-values.ts';

const root = resolve(import.meta.dirname, '../..');
/** The day the benchmark evaluates the policies for (the intent check of issue #17 starts on 2026-12-06). */
const today = '2026-12-06';

interface SetResult {
  readonly adversarial: { caught: number; total: number };
  readonly perCategory: Record<string, { caught: number; total: number; rate: number }>;
  readonly benign: { refused: number; total: number };
  readonly misses: string[];
}

function caught(item: CorpusItem, guardrail: Guardrail): boolean {
  const verdict = guardrail.reviewInput(item.text, { userId: 'bench' });
  if (item.expect === 'redact')
    return !verdict.text.includes(item.value ?? '\u0000') && verdict.rules.some((rule) => rule.id === item.entity);
  return verdict.kind === item.expect;
}

function evaluate(items: readonly CorpusItem[], guardrail: Guardrail): SetResult {
  const perCategory: SetResult['perCategory'] = {};
  const misses: string[] = [];
  let refused = 0;
  for (const item of items) {
    const ok = caught(item, guardrail);
    if (!ok) misses.push(`${item.category}: ${item.text}`);
    if (item.expect === 'allow') {
      if (!ok) refused += 1;
      continue;
    }
    const entry = (perCategory[item.category] ??= { caught: 0, total: 0, rate: 0 });
    entry.total += 1;
    if (ok) entry.caught += 1;
    entry.rate = entry.caught / entry.total;
  }
  const entries = Object.values(perCategory);
  return {
    adversarial: {
      caught: entries.reduce((sum, entry) => sum + entry.caught, 0),
      total: entries.reduce((sum, entry) => sum + entry.total, 0),
    },
    perCategory,
    benign: { refused, total: items.filter((item) => item.expect === 'allow').length },
    misses,
  };
}

function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesBelow(path) : [path];
  });
}

/** Runs `items` through the app and returns which of `values` (per item) are found anywhere under the data dir. */
async function leakedValues(items: readonly CorpusItem[], valuesOf: (item: CorpusItem) => readonly string[]): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lotse-guardrail-bench-'));
  const lotse = await createLotse(loadConfig({ LOTSE_TODAY: today }, { dataDir }, root), silentLogger);
  for (const item of items) await lotse.chat.handleTurn({ channel: 'cli', userId: 'bench', text: item.text });
  await lotse.close();
  const contents = filesBelow(dataDir).map((file) => readFileSync(file).toString('latin1') + readFileSync(file).toString('utf8'));
  const leaked = items.flatMap(valuesOf).filter((value) => value && contents.some((content) => content.includes(value)));
  rmSync(dataDir, { recursive: true, force: true });
  return leaked;
}

const percent = (part: number, whole: number): string => `${((100 * part) / Math.max(whole, 1)).toFixed(1)} %`;

function print(label: string, result: SetResult): void {
  console.log(
    `${label}: ${result.adversarial.caught}/${result.adversarial.total} adversarial caught (${percent(result.adversarial.caught, result.adversarial.total)}), ${result.benign.refused}/${result.benign.total} benign refused (${percent(result.benign.refused, result.benign.total)})`,
  );
  for (const [category, entry] of Object.entries(result.perCategory))
    console.log(`  ${category.padEnd(13)} ${entry.caught}/${entry.total} (${percent(entry.caught, entry.total)})`);
}

const corpus = loadGuardrailCorpus();
const policies = loadPolicies(join(root, 'policies'), { today });
const names = loadDirectory(join(root, 'knowledge/directory/musterland.yaml'))
  .people()
  .map((person) => person.name);
const guardrail = createPolicyGuardrail(policies, { knownStaffNames: names });
const tuning = evaluate([...corpus.adversarial, ...corpus.benign], guardrail);
const dev = evaluate(corpus.dev, guardrail);
const heldOutResults = heldOutSets(corpus).map((set) => ({ ...set, result: evaluate(set.items, guardrail) }));
const heldOutItems = heldOutResults.flatMap((set) => set.items);
// Since model 2026-12-10.1 the intent model trains on the held-out sets 1–13: they are reported apart from those it never saw.
const heldOut = evaluate(
  heldOutResults.filter((set) => !set.trained).flatMap((set) => set.items),
  guardrail,
);
const trainedOn = evaluate(
  heldOutResults.filter((set) => set.trained).flatMap((set) => set.items),
  guardrail,
);
const all = [...corpus.adversarial, ...corpus.benign, ...corpus.dev, ...heldOutItems];
const started = performance.now();
for (const item of all) guardrail.reviewInput(item.text, { userId: 'bench' });
const microsecondsPerQuestion = ((performance.now() - started) * 1000) / all.length;
const leaked = await leakedValues(
  all.filter((item) => item.expect === 'redact'),
  (item) => (item.value ? [item.value] : []),
);
// Every text of every set, labelled or not: IBANs, tax ids and e-mail addresses recognised by their shape.
const shaped = all.filter((item) => personalValues(item.text).length > 0);
const shapedLeaked = await leakedValues(shaped, (item) => personalValues(item.text));
const shapedChecked = shaped.flatMap((item) => personalValues(item.text)).length;
const seeds = seedsDevAtGuardrail(seedsDevFile(root), guardrail);
const seedQuestions = seedQuestionsAtGuardrail(root, guardrail);
const intentMsP95 = intentP95(
  policies,
  all.map((item) => item.text),
);
const report = {
  measuredAt: new Date().toISOString(),
  policyVersion: policies.version,
  evaluatedFor: today,
  tuning: { corpus: tuning, dev },
  heldOut: { ...Object.fromEntries(heldOutResults.map((set) => [set.key, set.result])), combined: heldOut, trainedOnCombined: trainedOn },
  microsecondsPerQuestion,
  maskedValuesChecked: all.filter((item) => item.expect === 'redact').length,
  maskedValuesFoundInDataDir: leaked,
  shapedValuesChecked: shapedChecked,
  shapedValuesFoundInDataDir: shapedLeaked,
  intentModel: policies.intents?.version,
  intentMsP95,
  seedQuestions,
  seedsDev: seeds,
};
print('corpus (adversarial.yaml + benign.yaml, tuning)', tuning);
print('dev.yaml (tuning)', dev);
for (const set of heldOutResults) print(set.trained ? `${set.label} [the intent model trains on it]` : set.label, set.result);
print('sets the intent model trains on, combined (in-sample for the model)', trainedOn);
print('held out combined (never trained on)', heldOut);
console.log(`input review: ${microsecondsPerQuestion.toFixed(0)} µs per question (${all.length} questions)`);
console.log(`masked values found in the data dir afterwards: ${leaked.length} of ${report.maskedValuesChecked}`);
console.log(
  `IBANs, tax ids and e-mail addresses of all ${all.length} texts (${shaped.length} hold some) found in the data dir: ${shapedLeaked.length} of ${shapedChecked} spellings${shapedLeaked.length ? ` (${shapedLeaked.join(', ')})` : ''}`,
);
console.log(`intent check (${policies.intents?.version ?? 'none'}): p95 ${intentMsP95?.toFixed(2) ?? '–'} ms per question`);
if (seeds) {
  console.log(
    `seeds-dev.json guardrail items at the guardrail: tuning half (odd ids) ${seeds.tuningHalf.ok}/${seeds.tuningHalf.total}, report half (even ids) ${seeds.reportHalf.ok}/${seeds.reportHalf.total}; benign look-alikes refused ${seeds.benignLookalikes.refused.length}/${seeds.benignLookalikes.total}`,
  );
} else console.log('seeds-dev.json: ../shared/eval-data not found, skipped');
console.log(
  `staff questions of the seed question sets refused or referred: ${seedQuestions.blocked.length}/${seedQuestions.total} (answerable ${seedQuestions.answerableBlocked.length}/${seedQuestions.answerableTotal})${seedQuestions.blocked.length ? `: ${seedQuestions.blocked.map((key) => (key.startsWith('seeds-fresh:') ? 'seeds-fresh (not read)' : key)).join(', ')}` : ''}`,
);
if (process.argv.includes('--verbose'))
  console.log(
    JSON.stringify(
      {
        tuning: tuning.misses,
        dev: dev.misses,
        ...Object.fromEntries(heldOutResults.map((set) => [set.key, set.result.misses])),
      },
      null,
      2,
    ),
  );
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results/guardrails.json'), JSON.stringify(report, null, 2));
