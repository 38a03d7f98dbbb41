/**
 * `lotse ask`: one question for people, or JSON lines in and out (`--json`, stdin) for scripts and evals.
 * Every stdin line yields exactly one output line in input order; unreadable lines get a German error.
 */
import { createInterface } from 'node:readline';
import { questionTextSchema } from '../../ports/chat-service.ts';
import { toPublicAnswer, type PublicAnswer } from '../../ports/public-answer.ts';
import { loadMessages } from '../../../prompts/load-messages.ts';
import type { Lotse } from '../../app/lotse.ts';
import type { CliIo } from '../cli-io.ts';
import { formatAnswerForPeople } from '../format-answer.ts';
import { openLotse } from '../open-lotse.ts';
import { parseOptions, UsageError } from '../parse-options.ts';

interface AskOptions {
  readonly topK: number;
  readonly tenant?: string;
}

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

async function askOne(lotse: Lotse, text: string, options: AskOptions) {
  return lotse.chat.handleTurn({
    channel: 'cli',
    userId: 'cli',
    text,
    topK: options.topK,
    ...(options.tenant ? { tenant: options.tenant } : {}),
  });
}

async function answerStdin(lotse: Lotse, io: CliIo, options: AskOptions): Promise<void> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const parsed = questionTextSchema.safeParse(line);
    if (!parsed.success) {
      io.stdout(JSON.stringify(invalidLine(line, parsed.error.issues[0]?.message ?? 'Ungültige Eingabe.')) + '\n');
      continue;
    }
    io.stdout(JSON.stringify(toPublicAnswer(await askOne(lotse, parsed.data, options))) + '\n');
  }
}

function parseTop(value: string | undefined): number {
  if (value === undefined) return 10;
  const top = Number(value);
  if (!Number.isInteger(top) || top < 1 || top > 100) throw new UsageError('--top must be a whole number from 1 to 100.');
  return top;
}

/** Runs the ask command. */
export async function runAsk(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args, {
    data: { type: 'string' },
    json: { type: 'boolean' },
    top: { type: 'string' },
    tenant: { type: 'string' },
  });
  const options: AskOptions = { topK: parseTop(values.top), ...(values.tenant ? { tenant: values.tenant } : {}) };
  const question = positionals.join(' ');
  if (!question && !values.json) throw new UsageError('ask needs a question (or --json to read questions from stdin).');
  const { lotse } = await openLotse(io, values.data, { quiet: true });
  try {
    if (!question) {
      await answerStdin(lotse, io, options);
      return 0;
    }
    const parsed = questionTextSchema.safeParse(question);
    if (!parsed.success) {
      io.stderr(`${parsed.error.issues[0]?.message ?? 'Ungültige Eingabe.'}\n`);
      return 1;
    }
    const result = await askOne(lotse, parsed.data, options);
    io.stdout(values.json ? JSON.stringify(toPublicAnswer(result)) + '\n' : formatAnswerForPeople(result, loadMessages().messages.aiLabel));
    return 0;
  } finally {
    await lotse.close();
  }
}
