/**
 * `npm run eval`: answers the development question sets with the real pipeline and reports accuracy,
 * abstention and refusals. Sample set over `knowledge/sources/`; seeds set over `../shared/seeds/`
 * (skipped with a message when absent). Writes `bench-results/eval.json`.
 * Then the colloquial seed sets (`../shared/eval-data/seeds-dev.json`, read at run time, and
 * `test/eval/questions/seeds-own.json`, and the held-out `seeds-fresh.json`, which no fit or tuning uses) scored with `score_seeds.py` semantics: gold evidence inside a top-3
 * citation of the right document. Prints the measurement table, writes `bench-results/eval-seeds.json`.
 * `--seeds-only` runs only that part; `--verbose` lists every miss.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createLotse } from '../../bot/app/create-lotse.ts';
import { ingestKnowledge } from '../../bot/app/ingest-knowledge.ts';
import { loadConfig } from '../../bot/config/config.ts';
import { silentLogger } from '../../bot/shared/logger.ts';
import { judge, loadQuestionSet, type EvalItem } from './question-set.ts';
import { seedQuestionSets } from './seed-question-sets.ts';
import { formatSeedTable, runSeedSets, type SeedSetSpec } from './seeds-eval.ts';

const root = resolve(import.meta.dirname, '../..');

interface SetReport {
  readonly name: string;
  readonly total: number;
  readonly correct: number;
  readonly byExpectation: Record<string, { total: number; correct: number }>;
  readonly failures: { id: string; question: string; why: string }[];
}

async function runSet(name: string, folder: string, questionsFile: string, verbose: boolean): Promise<SetReport> {
  const dataDir = mkdtempSync(join(tmpdir(), `lotse-eval-${name}-`));
  const config = { ...loadConfig({ LOTSE_TODAY: '2026-11-22' }, { dataDir }, root) };
  const lotse = await createLotse(config, silentLogger);
  await ingestKnowledge(lotse.knowledge, { folder, dataDir });
  const items = loadQuestionSet(questionsFile);
  const conversations = new Map<string, string>();
  const report: SetReport = { name, total: items.length, correct: 0, byExpectation: {}, failures: [] };
  for (const item of items) {
    const conversationId = item.followUpOf ? conversations.get(item.followUpOf) : undefined;
    const result = await lotse.chat.handleTurn({
      channel: 'cli',
      userId: 'eval',
      text: item.question,
      ...(conversationId ? { conversationId } : {}),
      ...(item.tenant ? { tenant: item.tenant } : {}),
    });
    conversations.set(item.id, result.conversationId);
    const why = judge(item, result);
    const bucket = (report.byExpectation[item.expect] ??= { total: 0, correct: 0 });
    bucket.total += 1;
    if (!why) {
      bucket.correct += 1;
      (report as { correct: number }).correct += 1;
    } else {
      report.failures.push({ id: item.id, question: item.question, why });
      if (verbose)
        console.log(`  ✗ ${item.id}: ${item.question}\n      ${why}\n      → ${result.answer.slice(0, 160).replace(/\n/g, ' ')}`);
    }
  }
  await lotse.close();
  rmSync(dataDir, { recursive: true, force: true });
  return report;
}

function printReport(report: SetReport): void {
  const percent = (correct: number, total: number): string => (total ? `${((100 * correct) / total).toFixed(1)} %` : 'n/a');
  console.log(`${report.name}: ${report.correct}/${report.total} correct (${percent(report.correct, report.total)})`);
  for (const [expectation, bucket] of Object.entries(report.byExpectation)) {
    console.log(`  expect ${expectation}: ${bucket.correct}/${bucket.total} (${percent(bucket.correct, bucket.total)})`);
  }
}

const verbose = process.argv.includes('--verbose');
const seedsOnly = process.argv.includes('--seeds-only');
// Seed sets run on the real date like `lotse ask --json` (policy versions have valid_from dates); LOTSE_TODAY fixes it.
const seedToday = process.env.LOTSE_TODAY ?? new Date().toISOString().slice(0, 10);
const sets: [string, string, string][] = [['sample', join(root, 'knowledge/sources'), join(root, 'test/eval/questions/sample.yaml')]];
const seeds = resolve(root, '../shared/seeds');
if (existsSync(seeds)) sets.push(['seeds', seeds, join(root, 'test/eval/questions/seeds.yaml')]);
else console.log('eval: ../shared/seeds not found, skipping the seeds set');
mkdirSync(join(root, 'bench-results'), { recursive: true });
if (!seedsOnly) {
  const reports: SetReport[] = [];
  for (const [name, folder, file] of sets) {
    if (!existsSync(file)) continue;
    const report = await runSet(name, folder, file, verbose);
    printReport(report);
    reports.push(report);
  }
  writeFileSync(join(root, 'bench-results/eval.json'), JSON.stringify(reports, null, 2));
}

const seedSpecs: SeedSetSpec[] = [];
if (!existsSync(seeds)) {
  console.log('eval: ../shared/seeds not found, skipping the colloquial seed sets (seeds-dev, seeds-own)');
} else {
  const available = seedQuestionSets(root);
  if (!available.some((set) => set.name === 'seeds-dev'))
    console.log('eval: ../shared/eval-data/seeds-dev.json not found, skipping seeds-dev');
  seedSpecs.push(...available.map(({ name, file }) => ({ name, file })));
}
/** The commit measured and whether tracked files differed from it (other work in the tree). */
function codeVersion(): { commit: string; dirty: boolean } | undefined {
  try {
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
    return { commit: git('rev-parse', '--short', 'HEAD'), dirty: git('status', '--porcelain', '--untracked-files=no') !== '' };
  } catch {
    return undefined;
  }
}

if (seedSpecs.length > 0) {
  const measuredAt = new Date().toISOString();
  const code = codeVersion();
  const seedReports = await runSeedSets({ root, seedsDir: seeds, sets: seedSpecs, today: seedToday });
  console.log(
    `\nseed sets scored like score_seeds.py (ingest ../shared/seeds, ask --json --top 10, LOTSE_TODAY=${seedToday}), ${measuredAt}${code ? `, code ${code.commit}${code.dirty ? ' + uncommitted changes' : ''}` : ''}:`,
  );
  console.log(formatSeedTable(seedReports));
  if (verbose) {
    for (const report of seedReports) {
      for (const item of report.items.filter((entry) => !entry.ok)) {
        console.log(
          `  ✗ ${report.name} ${item.id} (${item.kind}): ${item.outcome}, confidence ${item.confidence}, top-3 ${item.top.join(', ')}`,
        );
      }
    }
  }
  const written = seedReports.map(({ file, ...rest }) => ({
    ...rest,
    file: file.startsWith(root) ? file.slice(root.length + 1) : file.replace(resolve(root, '..') + '/', '../'),
  }));
  writeFileSync(
    join(root, 'bench-results/eval-seeds.json'),
    JSON.stringify({ measuredAt, code, today: seedToday, seedsDir: '../shared/seeds', sets: written }, null, 2),
  );
}
export type { EvalItem };
