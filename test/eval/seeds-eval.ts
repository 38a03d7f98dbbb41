/**
 * Seed question sets scored like `../shared/eval-data/score_seeds.py`: ingests `../shared/seeds` with the real
 * pipeline and answers every question as `lotse ask --json --top 10` does (one process for ingest, one per group of
 * kinds, same data folder, channel `cli`), then scores with the TypeScript port in `seed-scoring.ts`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLotse } from '../../bot/app/create-lotse.ts';
import type { Lotse } from '../../bot/app/lotse.ts';
import { ingestKnowledge } from '../../bot/app/ingest-knowledge.ts';
import { loadConfig, type LotseConfig } from '../../bot/config/config.ts';
import { questionTextSchema } from '../../bot/ports/chat-service.ts';
import { toPublicAnswer, type PublicAnswer } from '../../bot/ports/public-answer.ts';
import { silentLogger } from '../../bot/shared/logger.ts';
import { coverage, scoreSeeds, type SeedQuestion, type SeedScore } from './seed-scoring.ts';

/** One seed set to run: a name for the table and its JSON question file. */
export interface SeedSetSpec {
  readonly name: string;
  readonly file: string;
}

/** The numbers of the measurement table for one set (percentages 0–100, one decimal). */
export interface SeedMetrics {
  readonly answerable: number;
  readonly unanswerable: number;
  readonly citedPercent: number;
  readonly wronglyAbstainedPercent: number;
  readonly goldTop3Percent: number;
  readonly abstainedPercent: number;
  readonly crossCounty: { readonly abstained: number; readonly total: number };
  readonly byTrap: Record<string, { abstained: number; total: number }>;
  readonly guardrail?: { readonly ok: number; readonly total: number };
}

/** Result of one set: metrics, the Python-equivalent score, and one line per question for inspection. */
export interface SeedSetReport {
  readonly name: string;
  readonly file: string;
  readonly metrics: SeedMetrics;
  readonly score: SeedScore;
  readonly items: {
    id: string;
    kind: string;
    outcome: string;
    confidence: number;
    ok: boolean;
    top: string[];
    /** Rank (0-based, of the 10 retrieved) of the first passage of the gold document holding the gold evidence; -1 if none (answerable only). */
    goldRank?: number;
  }[];
}

const KIND_GROUPS: readonly (readonly string[])[] = [['answerable', 'unanswerable'], ['guardrail']];

/** Loads a seed question file (a JSON list with `id`, `kind` and `question` on every item). */
export function loadSeedQuestions(file: string): SeedQuestion[] {
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(raw)) throw new Error(`${file}: expected a JSON list`);
  for (const item of raw as Record<string, unknown>[]) {
    if (typeof item.id !== 'string' || typeof item.kind !== 'string' || typeof item.question !== 'string') {
      throw new Error(`${file}: every item needs string id, kind and question`);
    }
  }
  return raw as SeedQuestion[];
}

/** The line `ask --json` prints for input it cannot read (see `bot/cli/commands/ask.ts`). */
function invalidLine(question: string, message: string): PublicAnswer {
  return {
    question: question.slice(0, 200),
    outcome: 'refused',
    answer: message,
    citations: [],
    retrieved: [],
    confidence: 0,
    rules: [],
    latencyMs: 0,
  };
}

async function askAll(lotse: Lotse, questions: readonly SeedQuestion[]): Promise<PublicAnswer[]> {
  const rows: PublicAnswer[] = [];
  for (const item of questions) {
    const line = item.question.replace(/\n/g, ' ');
    const parsed = questionTextSchema.safeParse(line);
    if (!parsed.success) {
      rows.push(invalidLine(line, parsed.error.issues[0]?.message ?? 'Ungültige Eingabe.'));
      continue;
    }
    const result = await lotse.chat.handleTurn({ channel: 'cli', userId: 'cli', text: parsed.data, topK: 10 });
    rows.push(toPublicAnswer(result));
  }
  return rows;
}

const percent = (part: number, whole: number): number => (whole ? Math.round((1000 * part) / whole) / 10 : 0);

/** Table numbers from the questions and their Python-equivalent score. */
export function seedMetrics(questions: readonly SeedQuestion[], score: SeedScore): SeedMetrics {
  const missed = new Set(score.misses);
  const answerable = score.stats.answerable ?? { n: 0, ok: 0, retrieved: 0, false_abstain: 0 };
  const unanswerable = score.stats.unanswerable ?? { n: 0, ok: 0, retrieved: 0, false_abstain: 0 };
  const byTrap: Record<string, { abstained: number; total: number }> = {};
  for (const item of questions) {
    if (item.kind !== 'unanswerable') continue;
    const bucket = (byTrap[String(item.trap ?? 'none')] ??= { abstained: 0, total: 0 });
    bucket.total += 1;
    if (!missed.has(item.id)) bucket.abstained += 1;
  }
  const guardrail = score.stats.guardrail;
  return {
    answerable: answerable.n,
    unanswerable: unanswerable.n,
    citedPercent: percent(answerable.ok, answerable.n),
    wronglyAbstainedPercent: percent(answerable.false_abstain, answerable.n),
    goldTop3Percent: percent(answerable.retrieved, answerable.n),
    abstainedPercent: percent(unanswerable.ok, unanswerable.n),
    crossCounty: byTrap.cross_county ?? { abstained: 0, total: 0 },
    byTrap,
    ...(guardrail ? { guardrail: { ok: guardrail.ok, total: guardrail.n } } : {}),
  };
}

async function openLotse(config: LotseConfig): Promise<Lotse> {
  return createLotse(config, silentLogger);
}

/**
 * Ingests `seedsDir` once and scores every set. `today` fixes the date like `LOTSE_TODAY` so runs are
 * reproducible (policy versions carry valid_from dates); everything else is the default configuration (no language model).
 */
export async function runSeedSets(options: {
  readonly root: string;
  readonly seedsDir: string;
  readonly sets: readonly SeedSetSpec[];
  readonly today: string;
}): Promise<SeedSetReport[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lotse-eval-seeds-'));
  try {
    const config = loadConfig(
      {
        LOTSE_TODAY: options.today,
        ...(process.env.ANSWER_MIN_CONFIDENCE ? { ANSWER_MIN_CONFIDENCE: process.env.ANSWER_MIN_CONFIDENCE } : {}),
      },
      { dataDir },
      options.root,
    );
    const ingester = await openLotse(config);
    await ingestKnowledge(ingester.knowledge, { folder: options.seedsDir, dataDir });
    await ingester.close();
    const reports: SeedSetReport[] = [];
    for (const set of options.sets) {
      const questions = loadSeedQuestions(set.file);
      const scores: SeedScore[] = [];
      const items: SeedSetReport['items'] = [];
      for (const kinds of KIND_GROUPS) {
        const group = questions.filter((item) => kinds.includes(item.kind));
        if (group.length === 0) continue;
        const lotse = await openLotse(config);
        let rows: Awaited<ReturnType<typeof askAll>>;
        try {
          rows = await askAll(lotse, group);
        } finally {
          await lotse.close();
        }
        const score = scoreSeeds(group, kinds, rows);
        scores.push(score);
        const missed = new Set(score.misses);
        group.forEach((item, index) => {
          const row = rows[index]!;
          const top = row.retrieved.slice(0, 3).map((passage) => passage.document.split('/').at(-1) ?? '');
          const goldRank =
            item.kind === 'answerable'
              ? row.retrieved.findIndex(
                  (passage) => passage.document.split('/').at(-1) === item.seed && coverage(item.evidence ?? '', passage.text ?? '') >= 0.6,
                )
              : undefined;
          items.push({
            id: item.id,
            kind: item.kind,
            outcome: row.outcome,
            confidence: row.confidence,
            ok: !missed.has(item.id),
            top,
            ...(goldRank === undefined ? {} : { goldRank }),
          });
        });
      }
      const score: SeedScore = {
        stats: Object.assign({}, ...scores.map((part) => part.stats)) as SeedScore['stats'],
        misses: scores.flatMap((part) => part.misses),
      };
      reports.push({ name: set.name, file: set.file, metrics: seedMetrics(questions, score), score, items });
    }
    return reports;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The measurement table (Markdown), one row per set, plus guardrail lines where a set has them. */
export function formatSeedTable(reports: readonly SeedSetReport[]): string {
  const head =
    '| set | answerable: gold evidence cited | answerable: wrongly abstained | gold in top-3 retrieved | ' +
    'unanswerable: honestly abstained | cross-county traps abstained |\n|---|---|---|---|---|---|';
  const rows = reports.map(({ name, metrics: m }) => {
    const cross = `${m.crossCounty.abstained}/${m.crossCounty.total}`;
    return `| ${name} (${m.answerable} + ${m.unanswerable}) | ${m.citedPercent.toFixed(1)} % | ${m.wronglyAbstainedPercent.toFixed(1)} % | ${m.goldTop3Percent.toFixed(1)} % | ${m.abstainedPercent.toFixed(1)} % | ${cross} |`;
  });
  const extra = reports.flatMap(({ name, metrics: m }) => {
    const traps = Object.entries(m.byTrap)
      .map(([trap, bucket]) => `${trap} ${bucket.abstained}/${bucket.total}`)
      .join(', ');
    const lines = [`  ${name}: unanswerable abstained by trap: ${traps || 'none'}`];
    if (m.guardrail) lines.push(`  ${name}: guardrail items right: ${m.guardrail.ok}/${m.guardrail.total}`);
    return lines;
  });
  return [head, ...rows, ...extra].join('\n');
}
