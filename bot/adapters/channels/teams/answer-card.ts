/**
 * Renders the core's `TurnResult` as an Adaptive Card (schema 1.5, which Teams desktop, web and mobile
 * render): the answer, numbered citations (title, section, Stand, quote), the "automatisch erstellt" label,
 * thumbs up/down (down with an optional reason) and "Digitallotse fragen".
 */
import { formatGermanDate } from '../../../core/answer/format-date.ts';
import { usageRulesPath } from '../../../core/conversation/turn-actions.ts';
import type { Citation, TurnResult } from '../../../ports/turn.ts';
import type { TeamsTexts } from '../../../../prompts/load-teams-texts.ts';
import type { CardAction } from './card-actions.ts';

/** Adaptive Card schema version used for every card. */
export const cardSchemaVersion = '1.5';

/** A JSON Adaptive Card. */
export type AdaptiveCard = Readonly<Record<string, unknown>>;

/** Wraps a card as a message attachment. */
export function cardAttachment(card: AdaptiveCard): { contentType: string; content: AdaptiveCard } {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: card };
}

/** A card skeleton. */
export function adaptiveCard(body: readonly unknown[], actions: readonly unknown[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: cardSchemaVersion,
    body,
    ...(actions.length ? { actions } : {}),
  };
}

/** An `Action.Execute` button whose data is one of our validated actions. */
export function executeAction(title: string, data: CardAction, style?: 'positive' | 'destructive'): Record<string, unknown> {
  return { type: 'Action.Execute', title, verb: data.lotse, data, ...(style ? { style } : {}) };
}

/** A text block that wraps. */
export function text(value: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'TextBlock', text: value, wrap: true, ...extra };
}

function citationBlock(citation: Citation, index: number, texts: TeamsTexts): Record<string, unknown> {
  // One German date format in every channel ("01.09.2026", as the answer text and the web chat), issue #19.
  const stand = citation.stand ? formatGermanDate(citation.stand) : texts.noStand;
  const heading = [
    `[${index + 1}] **${citation.title}**`,
    citation.section ? `${texts.section}: ${citation.section}` : '',
    `${texts.stand}: ${stand}`,
  ]
    .filter(Boolean)
    .join(' · ');
  return {
    type: 'Container',
    spacing: 'Small',
    items: [text(heading, { size: 'Small' }), text(`„${citation.quote}“`, { size: 'Small', isSubtle: true, spacing: 'None' })],
  };
}

/** The feedback and escalation buttons of an answer, and the usage rules as a link when the public address is known. */
function answerActions(result: TurnResult, texts: TeamsTexts, usageRulesUrl: string | undefined): unknown[] {
  const actions: unknown[] = [];
  // No feedback on the reply to a bare greeting or thanks (answered without sources and without a hand-over offer).
  const smallTalkReply = result.citations.length === 0 && !result.actions.some((action) => action.type === 'escalate');
  if (result.outcome === 'answered' && !smallTalkReply && result.messageId) {
    actions.push(executeAction(texts.helpful, { lotse: 'feedback', messageId: result.messageId, rating: 'up' }));
    actions.push({
      type: 'Action.ShowCard',
      title: texts.notHelpful,
      card: adaptiveCard(
        [
          {
            type: 'Input.Text',
            id: 'reason',
            label: texts.feedbackReasonLabel,
            placeholder: texts.feedbackReasonPlaceholder,
            maxLength: 500,
            isMultiline: true,
          },
        ],
        [executeAction(texts.feedbackSend, { lotse: 'feedback', messageId: result.messageId, rating: 'down' })],
      ),
    });
  }
  if (result.actions.some((action) => action.type === 'escalate') && result.messageId) {
    const reason = result.outcome === 'no_answer' ? 'no_answer' : 'user_request';
    actions.push(
      executeAction(
        texts.askLotse,
        { lotse: 'escalate', conversationId: result.conversationId, messageId: result.messageId, reason },
        result.outcome === 'no_answer' ? 'positive' : undefined,
      ),
    );
  }
  // Transparency footer (issue #22): every answer links the usage rules absolutely; without LOTSE_PUBLIC_URL Teams has no address for it.
  if (result.outcome === 'answered' && !smallTalkReply && usageRulesUrl)
    actions.push({ type: 'Action.OpenUrl', title: texts.usageRules, url: usageRulesUrl });
  return actions;
}

/**
 * Suggested next questions as `Action.Submit` buttons with `imBack` (issue #22): a click posts the suggestion as the
 * person's own message, so it is asked like a typed question (and shows in the chat what was asked).
 */
function suggestionActions(result: TurnResult): Record<string, unknown>[] {
  return (result.suggestions ?? []).map((suggestion) => ({
    type: 'Action.Submit',
    title: suggestion,
    data: { msteams: { type: 'imBack', value: suggestion } },
  }));
}

/** The answer card for one turn; without the answer text when it was streamed as the message text. */
export function renderAnswerCard(
  result: TurnResult,
  texts: TeamsTexts,
  options: { withAnswer?: boolean; publicUrl?: string } = {},
): AdaptiveCard {
  const body: unknown[] = options.withAnswer === false ? [] : [text(result.answer)];
  if (result.citations.length > 0) {
    body.push(text(texts.sourcesHeading, { weight: 'Bolder', spacing: 'Medium' }));
    result.citations.forEach((citation, index) => body.push(citationBlock(citation, index, texts)));
  }
  if (result.provenance.mode !== 'none') body.push(text(texts.aiLabel, { size: 'Small', isSubtle: true, spacing: 'Medium' }));
  const suggestions = suggestionActions(result);
  if (suggestions.length > 0)
    body.push(
      { type: 'Container', spacing: 'Medium', items: [text(texts.suggestionsHeading, { weight: 'Bolder', size: 'Small' })] },
      { type: 'ActionSet', actions: suggestions },
    );
  const usageRulesUrl = options.publicUrl ? new URL(usageRulesPath.slice(1), options.publicUrl).toString() : undefined;
  return adaptiveCard(body, answerActions(result, texts, usageRulesUrl));
}

/** A message activity carrying a card; `summary` is the notification preview. */
export function cardMessage(card: AdaptiveCard, summary: string): Record<string, unknown> {
  return { type: 'message', summary: summary.length > 200 ? `${summary.slice(0, 197)}…` : summary, attachments: [cardAttachment(card)] };
}
