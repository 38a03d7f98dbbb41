/**
 * The Lotse queue (issue #19, item 8): one card per waiting ticket with number, German state and reason,
 * date (Berlin time), the asker's unit, the question, the conversation excerpt and the passages lotse tried;
 * claim and answer forms only for the people who may work on it. Admins see every waiting ticket.
 */
import type { Ticket } from '../../ports/tickets.ts';
import type { Caller } from '../auth/access.ts';
import { escapeHtml as e } from '../pages.ts';
import { formatBerlinDateTime } from './berlin-time.ts';
import type { ConsoleDeps } from './console-deps.ts';
import { fillText, type ConsoleTexts } from './console-texts.ts';
import { postForm } from './html.ts';

/** States in which a ticket waits for a Lotse. */
export const waitingStates = ['open', 'claimed', 'rerouted', 'returned'] as const;

/** The tickets the caller's queue shows: every waiting ticket for admins, otherwise the caller's own. */
export async function queueOf(deps: ConsoleDeps, caller: Caller): Promise<Ticket[]> {
  const personId = caller.principal?.personId;
  const seesAll = caller.principal?.roles.includes('admin') || !personId;
  if (seesAll) return (await deps.escalation.allTickets()).filter((ticket) => (waitingStates as readonly string[]).includes(ticket.state));
  return deps.escalation.queueFor(personId);
}

/** Whether `personId` may claim and answer (mirrors the transition rules; the service decides anyway). */
function mayWork(ticket: Ticket, personId: string | undefined): boolean {
  if (!personId) return false;
  return ticket.assignee ? ticket.assignee === personId : ticket.candidates.includes(personId);
}

const fact = (term: string, value: string): string => `<div><dt>${e(term)}</dt><dd>${e(value)}</dd></div>`;

function factsOf(deps: ConsoleDeps, ticket: Ticket): string {
  const t = deps.texts;
  const name = (id: string): string => deps.directory.person(id)?.name ?? id;
  const unit = ticket.askerUnit ? (deps.directory.unit(ticket.askerUnit)?.name ?? ticket.askerUnit) : t.ticketUnitUnknown;
  return `<dl class="facts">${[
    fact(t.ticketCreated, formatBerlinDateTime(ticket.createdAt)),
    fact(t.ticketReason, t.labels.ticketReasons[ticket.reason]),
    fact(t.ticketUnit, unit),
    fact(
      t.ticketChannel,
      (t.labels.channels as Readonly<Record<string, string | undefined>>)[ticket.replyTo.channel] ?? ticket.replyTo.channel,
    ), // a plugin channel has no label
    fact(
      t.ticketPool,
      t.labels.pools[ticket.pool.kind] +
        (ticket.pool.kind === 'unit' ? ` (${deps.directory.unit(ticket.pool.unit)?.name ?? ticket.pool.unit})` : ''),
    ),
    ticket.assignee
      ? fact(t.ticketAssignee, name(ticket.assignee))
      : fact(t.ticketResponsible, ticket.candidates.map(name).join(', ') || '–'),
    ticket.updatedAt !== ticket.createdAt ? fact(t.ticketUpdated, formatBerlinDateTime(ticket.updatedAt)) : '',
    // Why the asker returned the answer (issue #19, item 6).
    ticket.state === 'returned' && ticket.returned?.note ? fact(t.labels.ticketStates.returned, `„${ticket.returned.note}“`) : '',
  ].join('')}</dl>`;
}

function excerptOf(t: ConsoleTexts, ticket: Ticket): string {
  if (!ticket.excerpt.length) return '';
  const lines = ticket.excerpt
    .map(
      (line) =>
        `<li><span class="speaker">${e(line.role === 'user' ? t.ticketExcerptUser : t.ticketExcerptBot)}:</span> ${e(line.text)}</li>`,
    )
    .join('');
  return `<details class="excerpt"><summary>${e(t.ticketExcerpt)}</summary><ol>${lines}</ol></details>`;
}

function triedOf(deps: ConsoleDeps, ticket: Ticket): string {
  const t = deps.texts;
  const items = ticket.tried
    .map((passage) => {
      // Older tickets carry the path as title; the index knows the real one.
      const title = deps.document(passage.document)?.title ?? (passage.title.trim() || passage.document);
      const section = passage.section.trim() ? ` – ${passage.section.trim()}` : '';
      return `<li>${e(title)}${e(section)}${title === passage.document ? '' : ` <span class="document">(${e(passage.document)})</span>`}</li>`;
    })
    .join('');
  return `<h3>${e(t.ticketTried)}</h3>${items ? `<ul class="tried">${items}</ul>` : `<p class="muted">${e(t.ticketTriedNone)}</p>`}`;
}

function actionsOf(t: ConsoleTexts, caller: Caller, ticket: Ticket): string {
  if (!mayWork(ticket, caller.principal?.personId)) return `<p class="muted">${e(t.ticketNotYours)}</p>`;
  const csrf = caller.session?.csrfToken ?? '';
  const claim =
    ticket.state !== 'claimed'
      ? postForm(`/konsole/tickets/${e(ticket.id)}/claim`, csrf, `<button type="submit" class="secondary">${e(t.ticketClaim)}</button>`)
      : '';
  const id = `answer-${ticket.number}`;
  const answer = postForm(
    `/konsole/tickets/${e(ticket.id)}/answer`,
    csrf,
    `<label for="${id}">${e(t.ticketAnswerLabel)}</label><textarea id="${id}" name="text" rows="4" required maxlength="4000"></textarea><button type="submit">${e(t.ticketAnswer)}</button>`,
  );
  return `<div class="actions">${claim}${answer}</div>`;
}

function ticketCard(deps: ConsoleDeps, caller: Caller, ticket: Ticket): string {
  const t = deps.texts;
  const heading = `ticket-${ticket.number}`;
  return `<article class="card ticket" aria-labelledby="${heading}">
<h2 id="${heading}">${e(fillText(t.ticketHeading, { number: String(ticket.number) }))} <span class="badge state-${e(ticket.state)}">${e(t.labels.ticketStates[ticket.state])}</span></h2>
${factsOf(deps, ticket)}
<h3>${e(t.ticketQuestion)}</h3><blockquote>${e(ticket.question)}</blockquote>
${excerptOf(t, ticket)}
${triedOf(deps, ticket)}
${actionsOf(t, caller, ticket)}
</article>`;
}

/** The queue page body. */
export function ticketsBody(deps: ConsoleDeps, caller: Caller, tickets: readonly Ticket[]): string {
  const t = deps.texts;
  const all = caller.principal?.roles.includes('admin') ?? false;
  const intro = `<p>${e(all ? t.ticketsIntroAll : t.ticketsIntroMine)}</p>`;
  if (!tickets.length) return `${intro}<p class="empty">${e(all ? t.ticketsEmptyAll : t.ticketsEmpty)}</p>`;
  return intro + tickets.map((ticket) => ticketCard(deps, caller, ticket)).join('\n');
}
