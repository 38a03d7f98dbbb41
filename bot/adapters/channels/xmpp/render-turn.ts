/**
 * Plain-text rendering of a turn for Jabber: the answer, numbered sources with title, section, Stand
 * and link, the AI label and what to do next; long texts are split at paragraph, line or sentence ends.
 */
import type { TurnResult } from '../../../ports/turn.ts';
import { fillText, type XmppTexts } from '../../../../prompts/channels/load-xmpp-texts.ts';

/** Options of the renderer. */
export interface RenderOptions {
  readonly texts: XmppTexts;
  /** Longest chat message; longer replies become several messages. */
  readonly maxChars: number;
  /** The link of a cited document, when the document has one. */
  readonly linkOf?: (document: string) => string | undefined;
  /** The web chat's address (`LOTSE_PUBLIC_URL`): paths such as `/nutzungshinweise` become absolute links. */
  readonly publicUrl?: string;
}

/**
 * The link of an action as Jabber shows it: absolute, because many clients treat a leading `/` as a command
 * (issue #19, item 5); a path without a configured public address is left out.
 */
function absoluteLink(url: string, publicUrl: string | undefined): string | undefined {
  if (/^https?:\/\//.test(url)) return url;
  return publicUrl ? new URL(url.replace(/^\//, ''), publicUrl).toString() : undefined;
}

function germanDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}

function sources(result: TurnResult, options: RenderOptions): string {
  const lines = [options.texts.sourcesHeading];
  result.citations.forEach((citation, index) => {
    const parts = [
      citation.title,
      citation.section,
      citation.stand ? fillText(options.texts.stand, { date: germanDate(citation.stand) }) : '',
    ].filter((part) => part.trim() !== '');
    lines.push(`[${index + 1}] ${parts.join(' – ')}`);
    const link = options.linkOf?.(citation.document);
    if (link) lines.push(`    ${link}`);
  });
  return lines.join('\n');
}

/** The reply to a question as one or more chat messages. */
export function renderTurn(result: TurnResult, options: RenderOptions): string[] {
  const blocks = [result.answer.trim()];
  if (result.citations.length > 0) blocks.push(sources(result, options));
  // Numbered suggested next questions: the person replies with the number (issue #22).
  const suggestions = result.suggestions ?? [];
  if (suggestions.length > 0)
    blocks.push([options.texts.suggestionsHeading, ...suggestions.map((text, index) => `${index + 1} – ${text}`)].join('\n'));
  for (const action of result.actions) {
    const link = action.type === 'link' ? absoluteLink(action.url, options.publicUrl) : undefined;
    if (action.type === 'link' && link) blocks.push(`${action.label}: ${link}`);
  }
  // No label and feedback footer under the reply to a bare greeting or thanks (no sources, no hand-over offer).
  const smallTalkReply = result.citations.length === 0 && !result.actions.some((action) => action.type === 'escalate');
  if (result.outcome === 'answered' && !smallTalkReply) {
    // The footer names „lotse“ only where a hand-over is offered (not for one's own personnel matters, issue #19).
    const offered = result.actions.some((action) => action.type === 'escalate');
    blocks.push(options.texts.aiLabel, offered ? options.texts.answerFooter : options.texts.answerFooterNoHandover);
  } else if (result.actions.some((action) => action.type === 'escalate')) {
    // The hint only where a hand-over is offered (not after masked personal data or a refusal without hand-over).
    // The core's offer has no channel wording; Jabber has no button, so the hint says what to write.
    blocks.push(options.texts.escalateHint);
  }
  return splitMessage(blocks.filter((block) => block !== '').join('\n\n'), options.maxChars);
}

function lastBreak(window: string, pattern: RegExp): number {
  let found = -1;
  for (const match of window.matchAll(pattern)) found = match.index + match[0].length;
  return found;
}

/**
 * Splits `text` into pieces of at most `max` characters, preferring a paragraph end, then a line end,
 * then a sentence end, then a space; a piece is cut hard only when none of these exists.
 */
export function splitMessage(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const minimum = Math.floor(max * 0.3);
    const candidates = [/\n\s*\n/g, /\n/g, /[.!?…:;]["“”»)]?\s/g, /\s/g];
    let cut = -1;
    for (const pattern of candidates) {
      const at = lastBreak(window, pattern);
      if (at > minimum) {
        cut = at;
        break;
      }
    }
    if (cut <= 0) cut = max;
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}
