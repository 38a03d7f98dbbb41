/**
 * Demo data for console browser tests and screenshots: two waiting tickets from different units (one the
 * documents could not answer, one handed over on request), and a Chromium login through the dev picker.
 */
import type { Page } from 'playwright-core';
import type { Ticket } from '../../bot/ports/tickets.ts';
import type { RunningApp } from './real-app.ts';

/** The questions of the seeded tickets. */
export const demoQuestions = {
  noAnswer: 'Wie hoch ist die Hundesteuer für einen Dackel?',
  request: 'Welche Regeln gelten für das Homeoffice am Freitag?',
} as const;

/** Asks both questions in the web chat and hands them over; returns the tickets (Marek, Sozialamt; Sabine, Zulassungsstelle). */
export async function seedTickets(app: RunningApp): Promise<{ noAnswer: Ticket; request: Ticket }> {
  const handOver = async (userId: string, text: string, reason: 'no_answer' | 'user_request'): Promise<Ticket> => {
    const turn = await app.lotse.chat.handleTurn({ channel: 'web', userId, text });
    const created = await app.lotse.escalation.escalate({ userId, conversationId: turn.conversationId, channel: 'web', reason });
    if (created.kind !== 'created') throw new Error(`no ticket for "${text}": ${created.kind}`);
    return created.ticket;
  };
  return {
    noAnswer: await handOver('p-marek', demoQuestions.noAnswer, 'no_answer'),
    request: await handOver('p-sabine', demoQuestions.request, 'user_request'),
  };
}

/** Logs `page` in as a directory person through the development login and lands on `/konsole`. */
export async function loginAs(page: Page, baseUrl: string, personId: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/dev-login?returnTo=%2Fkonsole`);
  await page.check(`input[value="${personId}"]`);
  await page.click('form[action="/dev-login"] button[type=submit]');
  await page.waitForURL(`${baseUrl}/konsole`);
}

/** Fills the FAQ and feedback pages: the ticket answered (if not yet) and drafted as an FAQ entry by its Lotsin, and a thumbs-down with a reason. */
export async function seedFaqAndFeedback(app: RunningApp, ticket: Ticket): Promise<void> {
  if ((await app.lotse.escalation.get(ticket.id))?.state !== 'answered') {
    const answered = await app.lotse.escalation.act(ticket.id, {
      type: 'answer',
      by: 'p-aylin',
      text: 'Die Hundesteuer erhebt die Gemeinde, nicht der Kreis.',
    });
    if (answered.kind !== 'ok') throw new Error(`not answered: ${answered.message}`);
  }
  const draft = await app.lotse.faq.draft(ticket.id, 'p-aylin');
  if (draft.kind !== 'ok') throw new Error(`no FAQ draft: ${draft.message}`);
  const turn = await app.lotse.chat.handleTurn({ channel: 'web', userId: 'p-sabine', text: 'Darf ich private E-Mails im Dienst lesen?' });
  const feedback = await app.lotse.chat.recordFeedback({
    userId: 'p-sabine',
    messageId: turn.messageId,
    rating: 'down',
    reason: 'Mir fehlt, was für Jabber in der Pause gilt.',
  });
  if (feedback.kind !== 'recorded') throw new Error('feedback not recorded');
}

/** A closed survey with six answers (results page) and an open one (the survey form on the chat page); returns the closed survey's id. */
export async function seedSurveys(app: RunningApp): Promise<string> {
  const surveys = app.lotse.hr.surveys;
  const draft = (title: string, question: string) => ({
    title,
    audience: { kind: 'all' as const },
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
    questions: [{ id: 'zufrieden', type: 'scale' as const, text: question, optional: false }],
  });
  const start = async (title: string, question: string): Promise<string> => {
    const created = await surveys.create('p-nina', draft(title, question));
    if (created.kind !== 'ok') throw new Error(created.message);
    for (const step of [await surveys.approve('p-peter', created.survey.id), await surveys.open(created.survey.id)])
      if (step.kind !== 'ok') throw new Error(step.message);
    return created.survey.id;
  };
  const closed = await start('IT-Ausstattung im Herbst', 'Wie zufrieden sind Sie mit Ihrer IT-Ausstattung?');
  for (const [index, person] of ['p-erika', 'p-jonas', 'p-aylin', 'p-marek', 'p-sabine', 'p-tobias'].entries()) {
    const answered = await surveys.submit(person, closed, { zufrieden: (index % 5) + 1 });
    if (answered.kind === 'ignored') throw new Error(answered.message);
  }
  const done = await surveys.close(closed);
  if (done.kind !== 'ok') throw new Error(done.message);
  await start('Kantine im Kreishaus', 'Wie zufrieden sind Sie mit dem Essen in der Kantine?');
  return closed;
}
