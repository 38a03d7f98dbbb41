import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli } from '../../support/cli-harness.ts';
import { repoRoot, startRealApp, type RunningApp } from '../../support/real-app.ts';

let app: RunningApp;
beforeAll(async () => {
  app = await startRealApp(join(repoRoot, 'knowledge/sources'));
});
afterAll(async () => app.close());

const cookie = 'lotse_uid=22222222-3333-4444-5555-666666666666';
async function post(path: string, body: unknown) {
  const response = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('Digitallotse hand-over (web chat → ticket → Lotse answers → asker sees it)', () => {
  it('routes the unanswered question, lets a Lotse answer it from the CLI, and shows the answer in the asker’s conversation', async () => {
    const asked = await post('/api/chat', { text: 'Wie hoch ist die Hundesteuer für einen Dackel?' });
    expect(asked.json.outcome).toBe('no_answer');
    const ticket = await post('/api/tickets', { conversationId: asked.json.conversationId, reason: 'no_answer' });
    expect(ticket.status).toBe(201);
    expect(String(ticket.json.message)).toMatch(/Anfrage Nr\. \d+ an das zentrale Digitallotsen-Team/);
    const number = String((ticket.json.ticket as { number: number }).number);

    // The Lotse works from the CLI on the same data dir (the console does the same in the browser).
    const dataDir = app.lotse.config.dataDir;
    const queue = await runCli(['tickets', 'list', '--for', 'p-erika', '--data', dataDir]);
    expect(queue.stdout).toContain('Hundesteuer');
    expect((await runCli(['tickets', 'claim', number, '--as', 'p-erika', '--data', dataDir])).code).toBe(0);
    expect((await runCli(['tickets', 'claim', number, '--as', 'p-jonas', '--data', dataDir])).stderr).toContain('bereits in Bearbeitung');
    const answered = await runCli([
      'tickets',
      'answer',
      number,
      '--as',
      'p-erika',
      '--data',
      dataDir,
      'Die Hundesteuer erhebt die Gemeinde, nicht der Kreis.',
    ]);
    expect(answered.code, answered.stderr).toBe(0);

    const messages = await fetch(`${app.url}/api/conversations/${String(asked.json.conversationId)}/messages`, { headers: { cookie } });
    const body = (await messages.json()) as { messages: { kind: string; text: string }[] };
    const lotseAnswer = body.messages.find((message) => message.kind === 'ticket-answered');
    expect(lotseAnswer?.text).toContain('Antwort von Erika Mustermann');
    expect(lotseAnswer?.text).toContain('erhebt die Gemeinde');
    const foreign = await fetch(`${app.url}/api/conversations/${String(asked.json.conversationId)}/messages`);
    expect(((await foreign.json()) as { messages: unknown[] }).messages).toEqual([]);

    // Answer → FAQ: the Lotse drafts, an owner (not the drafter) approves, the entry answers a paraphrase at once.
    const draft = await runCli([
      'tickets',
      'faq',
      number,
      '--as',
      'p-erika',
      '--data',
      dataDir,
      '--question',
      'Wer erhebt die Hundesteuer?',
    ]);
    expect(draft.stdout).toMatch(/FAQ-Entwurf Nr\. (\d+)/);
    const draftId = /Nr\. (\d+)/.exec(draft.stdout)![1]!;
    expect((await runCli(['tickets', 'approve', draftId, '--as', 'p-erika', '--data', dataDir])).stderr).toContain(
      'verantwortliche Personen',
    );
    const approved = await runCli(['tickets', 'approve', draftId, '--as', 'p-helga', '--data', dataDir]);
    expect(approved.stdout, approved.stderr).toContain('freigegeben');
    expect(await app.lotse.knowledge.refreshIfChanged()).toBe(true);
    const paraphrase = await post('/api/chat', { text: 'Wer erhebt eigentlich die Hundesteuer?' });
    expect(paraphrase.json.outcome).toBe('answered');
    expect(String(paraphrase.json.answer)).toContain('Gemeinde');
    expect((paraphrase.json.citations as { document: string }[])[0]?.document).toMatch(/^lotse-faq\//);
  });

  it('refers personal matters instead of creating a ticket, and needs a question first', async () => {
    const asked = await post('/api/chat', { text: 'Welche Regeln gelten für die Zeiterfassung bei Gleichstellung?' });
    const referred = await post('/api/tickets', { conversationId: asked.json.conversationId });
    expect(referred.json).toMatchObject({ kind: 'referred' });
    expect((await post('/api/tickets', { conversationId: 'conv-unbekannt' })).status).toBe(404);
  });
});
