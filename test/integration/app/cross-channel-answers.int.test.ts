/**
 * The cross-channel matrix of issue #19, item 2: a question asked on the web chat, in Teams (mock Bot
 * Connector) or on Jabber (real Prosody) is handed over, answered by a Lotse from the CLI (`lotse tickets
 * answer` in its own lotse instance on the same data dir), the console, a Teams ticket card or a Jabber
 * command, and every asker receives the Lotse's answer exactly once, in the channel they asked in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAllChannelsApp, type AllChannelsApp } from '../../support/all-channels-app.ts';
import { runCli } from '../../support/cli-harness.ts';
import { HttpSession } from '../../support/http-session.ts';
import type { ConnectorRequest } from '../../support/mock-bot-connector.ts';
import { prosodyAvailable } from '../../support/prosody.ts';
import { aad, fixture } from '../../support/teams-app.ts';
import type { XmppTestClient } from '../../support/xmpp-test-client.ts';

type Asker = 'web' | 'teams' | 'jabber';
type Path = 'cli' | 'console' | 'teams-card' | 'jabber';
type Action = { type: string; title?: string; data?: Record<string, unknown>; card?: { actions?: Action[] } };
interface Handed {
  readonly id: string;
  readonly number: number;
  readonly conversationId?: string;
}

const question = 'Wie hoch ist die Hundesteuer für einen Dackel?';
const sabine = { id: '29:1sabine-teams-user-id', aadObjectId: aad.sabine };
const tobias = { id: '29:1tobias-teams-user-id', aadObjectId: aad.tobias };
const tenant = '4f0a6c1e-2222-4d3c-8b2a-00000000aaaa';

async function waitFor<T>(find: () => T | undefined, what: string, timeoutMs = 15_000, debug?: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms: ${what}${debug ? ` (${debug()})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function actionsOf(request: ConnectorRequest): Action[] {
  const attachments = request.body.attachments as { content?: { actions?: Action[] } }[] | undefined;
  const flat = (actions: Action[] = []): Action[] => actions.flatMap((action) => [action, ...flat(action.card?.actions)]);
  return flat(attachments?.[0]?.content?.actions);
}

describe.skipIf(!prosodyAvailable)('Lotse answers reach every asker exactly once (3 asking channels × 4 answering paths)', () => {
  let app: AllChannelsApp;
  let marek: XmppTestClient;
  let aylin: XmppTestClient;
  const web = (): HttpSession => new HttpSession(app.url);
  let helga: HttpSession;
  let erika: HttpSession;
  let activity = 0;

  beforeAll(async () => {
    app = await startAllChannelsApp();
    // Tobias has the app: his 1:1 chat is known, so ticket cards reach him in Teams.
    expect((await app.postActivity(fixture('conversation-update', app.connector.serviceUrl))).status).toBe(200);
    marek = await app.loginJabber('marek');
    aylin = await app.loginJabber('aylin');
    helga = web();
    await helga.devLogin({ person: 'p-helga' });
    erika = web();
    await erika.devLogin({ person: 'p-erika' });
  }, 120_000);

  afterAll(async () => {
    await marek?.stop();
    await aylin?.stop();
    await app?.close();
  });

  const invoke = (from: { id: string; aadObjectId: string }, conversationId: string, data: Record<string, unknown>) =>
    app.postActivity(
      fixture('invoke-adaptive-card-action', app.connector.serviceUrl, {
        id: `invoke-${(activity += 1)}`,
        from,
        conversation: { conversationType: 'personal', tenantId: tenant, id: conversationId },
        value: { action: { type: 'Action.Execute', verb: String(data.lotse), data }, trigger: 'manual' },
      }),
    );

  const jabberReply = (client: XmppTestClient, from: number, pattern: RegExp): Promise<string> =>
    waitFor(
      () => client.received.slice(from).find((message) => pattern.test(message.body))?.body,
      `${client.jid}: ${pattern}`,
      15_000,
      () =>
        client.received
          .slice(from)
          .map((message) => message.body.slice(0, 200))
          .join(' | '),
    );

  async function handOver(asker: Asker): Promise<Handed> {
    if (asker === 'web') {
      const chat = await helga.request('POST', '/api/chat', {
        body: JSON.stringify({ text: question }),
        type: 'application/json',
        csrf: true,
      });
      const turn = (await chat.json()) as { conversationId: string; messageId: string };
      const created = await helga.request('POST', '/api/tickets', {
        body: JSON.stringify({ conversationId: turn.conversationId, messageId: turn.messageId, reason: 'no_answer' }),
        type: 'application/json',
        csrf: true,
      });
      expect(created.status).toBe(201);
      const { ticket } = (await created.json()) as { ticket: { id: string; number: number } };
      return { ...ticket, conversationId: turn.conversationId };
    }
    if (asker === 'teams') {
      const before = app.connector.to('a:1personal-sabine').length;
      expect(
        (await app.postActivity(fixture('message-personal', app.connector.serviceUrl, { id: `ask-${(activity += 1)}`, text: question })))
          .status,
      ).toBe(200);
      const reply = await waitFor(
        () =>
          app.connector
            .to('a:1personal-sabine')
            .slice(before)
            .find((request) => actionsOf(request).some((action) => action.data?.lotse === 'escalate')),
        'answer card with hand-over',
      );
      const escalate = actionsOf(reply).find((action) => action.data?.lotse === 'escalate')!;
      const created = await invoke(sabine, 'a:1personal-sabine', escalate.data!);
      const number = Number(/Nr\. (\d+)/.exec(JSON.stringify(created.body))?.[1]);
      return { id: (await app.lotse.escalation.get(String(number)))!.id, number };
    }
    const from = marek.received.length;
    await marek.send(app.botJid, question);
    await jabberReply(marek, from, /„lotse“/);
    const next = marek.received.length;
    await marek.send(app.botJid, 'lotse');
    const number = Number(/Nr\. (\d+)/.exec(await jabberReply(marek, next, /Nr\. \d+/))?.[1]);
    return { id: (await app.lotse.escalation.get(String(number)))!.id, number };
  }

  async function answer(path: Path, ticket: Handed, text: string, cliEnv: Record<string, string> = app.env): Promise<void> {
    if (path === 'cli') {
      const run = await runCli(['tickets', 'answer', String(ticket.number), '--as', 'p-erika', '--data', app.dataDir, text], {
        env: cliEnv,
      });
      expect(run.code, run.stderr).toBe(0);
    } else if (path === 'console') {
      const form = new URLSearchParams({ _csrf: erika.cookie('lotse_csrf')!, text }).toString();
      expect(
        (await erika.request('POST', `/konsole/tickets/${ticket.id}/answer`, { body: form, type: 'application/x-www-form-urlencoded' }))
          .status,
      ).toBe(303);
    } else if (path === 'teams-card') {
      const card = await waitFor(
        () =>
          app.connector
            .to('a:1personal-tobias')
            .filter((request) => actionsOf(request).some((action) => action.data?.ticketId === ticket.id && action.data.op === 'answer'))
            .at(-1),
        `ticket card ${ticket.number} for Tobias`,
      );
      const action = actionsOf(card).find((candidate) => candidate.data?.ticketId === ticket.id && candidate.data.op === 'answer')!;
      const answered = await invoke(tobias, 'a:1personal-tobias', { ...action.data!, answerText: text });
      expect(JSON.stringify(answered.body)).toContain('beantwortet');
    } else {
      const from = aylin.received.length;
      await aylin.send(app.botJid, `antwort ${ticket.number} ${text}`);
      await jabberReply(aylin, from, new RegExp(`Antwort auf Anfrage Nr\\. ${ticket.number}`));
    }
    expect((await app.lotse.escalation.get(ticket.id))?.state).toBe('answered');
  }

  async function received(asker: Asker, ticket: Handed, marker: string): Promise<number> {
    if (asker === 'web') {
      const response = await helga.request('GET', `/api/conversations/${ticket.conversationId}/messages`);
      const { messages } = (await response.json()) as { messages: { text: string }[] };
      return messages.filter((message) => message.text.includes(marker)).length;
    }
    if (asker === 'teams')
      return app.connector.to('a:1personal-sabine').filter((request) => JSON.stringify(request.body).includes(marker)).length;
    return marek.received.filter((message) => message.body.includes(marker)).length;
  }

  it('delivers each answer to its asker once, in the channel of the question', async () => {
    const cells: { asker: Asker; path: Path; ticket: Handed; marker: string }[] = [];
    for (const asker of ['web', 'teams', 'jabber'] as const) {
      for (const path of ['cli', 'console', 'teams-card', 'jabber'] as const) {
        const ticket = await handOver(asker);
        const marker = `Antwortkennung ${asker}-${path}`;
        await answer(path, ticket, `Die Hundesteuer erhebt die Gemeinde, nicht der Kreis. ${marker}.`);
        // Through the outboxes the answer may take a moment (the CLI's rows are sent by this process).
        const deadline = Date.now() + 15_000;
        while ((await received(asker, ticket, marker)) === 0 && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 50));
        cells.push({ asker, path, ticket, marker });
      }
    }
    // Let every outbox settle, then count: exactly one delivery per asker and answer, none elsewhere.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await app.teams.outbox.idle();
    const counts = await Promise.all(
      cells.map(async (cell) => `${cell.asker} ← ${cell.path}: ${await received(cell.asker, cell.ticket, cell.marker)}`),
    );
    expect(counts).toEqual(cells.map((cell) => `${cell.asker} ← ${cell.path}: 1`));
    for (const cell of cells) {
      const elsewhere = (['web', 'teams', 'jabber'] as const).filter((other) => other !== cell.asker && other !== 'web');
      for (const other of elsewhere) expect(await received(other, cell.ticket, cell.marker), `${cell.marker} on ${other}`).toBe(0);
    }
    expect(await app.xmpp.channel.pending()).toBe(0);
  }, 240_000);

  it('delivers a CLI answer to a Teams or Jabber asker even when the shell has no channel settings', async () => {
    // Only what the tickets command needs: the conversation reference says where the answer goes.
    const shellEnv = { LOTSE_TODAY: app.env.LOTSE_TODAY!, DIRECTORY_FILE: app.env.DIRECTORY_FILE!, AUTH_MODE: 'dev' };
    for (const asker of ['teams', 'jabber'] as const) {
      const ticket = await handOver(asker);
      const marker = `Antwortkennung ${asker}-cli-ohne-Kanalvariablen`;
      await answer('cli', ticket, `Die Hundesteuer erhebt die Gemeinde. ${marker}.`, shellEnv);
      const deadline = Date.now() + 15_000;
      while ((await received(asker, ticket, marker)) === 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await received(asker, ticket, marker), `${asker}`).toBe(1);
    }
  }, 120_000);
});
