/**
 * Rewrites a follow-up question ("Und was kostet das?") into a standalone question with the chat model,
 * so that retrieval finds the right passages. Returns null when the model fails or answers nonsense.
 */
import type { ChatModel } from '../../ports/chat-model.ts';
import type { PromptTemplate } from '../../ports/prompt-template.ts';
import { truncateText } from '../../shared/text.ts';

/** Template id used here (`prompts/rewrite/follow-up.md`). */
export const followUpPromptId = 'rewrite.follow-up';

/** One earlier turn of the conversation. */
export interface HistoryTurn {
  readonly role: 'user' | 'assistant';
  readonly text: string;
}

/** What the rewrite needs. */
export interface RewriteDeps {
  readonly model: ChatModel;
  readonly templates: ReadonlyMap<string, PromptTemplate>;
}

/** The conversation so far and the new question. */
export interface RewriteInput {
  readonly history: readonly HistoryTurn[];
  readonly question: string;
  readonly signal?: AbortSignal;
}

const maxTurns = 6;
const maxTurnLength = 400;
const maxQuestionLength = 300;

function renderHistory(history: readonly HistoryTurn[]): string {
  return history
    .slice(-maxTurns)
    .map((turn) => {
      const text = truncateText(
        turn.text
          .replace(/\s+/g, ' ')
          .replace(/<(\s*\/?\s*verlauf)/gi, '‹$1')
          .trim(),
        maxTurnLength,
      );
      return `${turn.role === 'user' ? 'Frage' : 'Antwort'}: ${text}`;
    })
    .join('\n');
}

function cleanRewrite(text: string): string | null {
  const line = text
    .trim()
    .split('\n')
    .map((part) => part.trim())
    .find((part) => part.length > 0);
  if (!line) return null;
  const cleaned = line
    .replace(/^(?:eigenständige\s+frage|umformulierte\s+frage|frage)\s*:\s*/i, '')
    .replace(/^["„“»«']+|["„“»«']+$/g, '')
    .trim();
  return cleaned.length > 0 && cleaned.length <= maxQuestionLength ? cleaned : null;
}

/**
 * Returns the question as a standalone question, the question itself when there is no history,
 * or null when the model failed (the caller then searches with the original question).
 * @example await rewriteFollowUp({ model, templates }, { history, question: 'Und was kostet das?' })
 */
export async function rewriteFollowUp(deps: RewriteDeps, input: RewriteInput): Promise<string | null> {
  const question = input.question.trim();
  if (input.history.length === 0) return question;
  const template = deps.templates.get(followUpPromptId);
  if (!template) throw new Error(`prompt template ${followUpPromptId} is not loaded`);
  const result = await deps.model.generate({
    messages: [{ role: 'user', content: template.render({ history: renderHistory(input.history), question }) }],
    temperature: 0,
    maxTokens: 120,
    ...(input.signal ? { signal: input.signal } : {}),
  });
  return result.kind === 'ok' ? cleanRewrite(result.text) : null;
}
