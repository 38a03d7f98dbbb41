/**
 * The payload stored with each bot message of a conversation: the resolved question that the next follow-up
 * refers to, and the passages a Digitallotse sees when the turn becomes a ticket.
 */
import type { StoredMessage } from '../../ports/conversation-store.ts';
import type { TurnResult } from '../../ports/turn.ts';

/** The resolved question of the last bot message that stored one (what a follow-up refers to). */
export function previousQuestion(history: readonly StoredMessage[]): string | undefined {
  const lastBot = [...history].reverse().find((message) => message.role === 'bot' && message.payload);
  if (!lastBot?.payload) return undefined;
  const parsed: unknown = JSON.parse(lastBot.payload);
  if (typeof parsed === 'object' && parsed && 'resolvedQuestion' in parsed) {
    const value = (parsed as { resolvedQuestion: unknown }).resolvedQuestion;
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

/** The passages a Lotse should see when this turn becomes a ticket. */
export function triedOf(result: TurnResult): { document: string; title: string; section: string }[] {
  const cited = result.citations.map((citation) => ({ document: citation.document, title: citation.title, section: citation.section }));
  const seen = new Set(cited.map((entry) => entry.document));
  const retrieved = result.retrieved
    .filter((passage) => !seen.has(passage.document) && seen.add(passage.document))
    .slice(0, 3)
    .map((passage) => ({ document: passage.document, title: passage.document, section: '' }));
  return [...cited, ...retrieved];
}
