/**
 * `npm run eval`: answers the development question sets with the real pipeline and reports accuracy,
 * abstention and refusals. Sample set over `knowledge/sources/`; seeds set over `../shared/seeds/`
 * (skipped with a message when absent). Writes `bench-results/eval.json`.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createLotse } from '../../bot/app/create-lotse.ts';
import { ingestKnowledge } from '../../bot/app/ingest-knowledge.ts';
import { loadConfig } from '../../bot/config/config.ts';
import { silentLogger } from '../../bot/shared/logger.ts';
import { judge, loadQuestionSet, type EvalItem } from './question-set.ts';

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
      if (verbose) console.log(`  ✗ ${item.id}: ${item.question}\n      ${why}\n      → ${result.answer.slice(0, 160).replace(/\n/g, ' ')}`);
    }
  }
  lotse.close();
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
const sets: [string, string, string][] = [['sample', join(root, 'knowledge/sources'), join(root, 'test/eval/questions/sample.yaml')]];
const seeds = resolve(root, '../shared/seeds');
if (existsSync(seeds)) sets.push(['seeds', seeds, join(root, 'test/eval/questions/seeds.yaml')]);
else console.log('eval: ../shared/seeds not found, skipping the seeds set');
const reports: SetReport[] = [];
for (const [name, folder, file] of sets) {
  if (!existsSync(file)) continue;
  const report = await runSet(name, folder, file, verbose);
  printReport(report);
  reports.push(report);
}
mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(join(root, 'bench-results/eval.json'), JSON.stringify(reports, null, 2));
export type { EvalItem };
