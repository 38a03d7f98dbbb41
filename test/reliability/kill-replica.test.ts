/**
 * Reliability: a replica is killed with SIGKILL while tickets are being created on it. After a restart
 * and the clients' retries, every question has exactly one ticket, numbers are unique and gapless, every
 * ticket has its creation event (no half-written transaction) and the audit chain is intact (a restarted
 * replica refuses to start on a broken chain).
 */
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { HttpSession } from '../support/http-session.ts';
import { findPostgresBinaries, postgresSkipMessage, queryRows } from '../support/postgres.ts';
import { startReplica, usePostgresReplicas } from '../support/replicas.ts';

const bin = findPostgresBinaries();
if (!bin) console.warn(postgresSkipMessage);
const json = (value: unknown) => ({ body: JSON.stringify(value), type: 'application/json', csrf: true });
const questions = 16;

async function countTickets(url: string): Promise<number> {
  return Number((await queryRows<{ count: string }>(url, 'SELECT count(*) AS count FROM tickets'))[0]?.count ?? 0);
}

describe.skipIf(!bin)('kill -9 of a replica during ticket creation', () => {
  const { server, replicas } = usePostgresReplicas(bin!);

  it('loses and duplicates nothing after restart and retries', async () => {
    const url = await server().createDatabase('killed');
    const [victim, survivor] = await Promise.all([startReplica({ DATABASE_URL: url }), startReplica({ DATABASE_URL: url })]);
    replicas.push(victim!, survivor!);
    const asker = new HttpSession(survivor!.url);
    await asker.devLogin({ person: 'p-marek' });
    const conversations: string[] = [];
    for (let index = 0; index < questions; index += 1) {
      const chat = await asker.request(
        'POST',
        '/api/chat',
        json({ text: `Wie beantrage ich Zugang zu OPEN/PROSOZ für Vorgang ${index}?` }),
      );
      conversations.push(((await chat.json()) as { conversationId: string }).conversationId);
    }
    // The same browser session sends all escalations to the victim; it dies after the third answer.
    const onVictim = new HttpSession(victim!.url);
    for (const name of ['lotse_session', 'lotse_csrf']) onVictim.setCookie(name, asker.cookie(name)!);
    let answered = 0;
    let killing: Promise<void> | undefined;
    const attempts = await Promise.all(
      conversations.map(async (conversationId) => {
        try {
          const response = await onVictim.request('POST', '/api/tickets', json({ conversationId }));
          answered += 1;
          if (answered === 3) killing = victim!.kill();
          return response.status;
        } catch {
          return 'connection-lost' as const;
        }
      }),
    );
    await killing;
    expect(attempts.filter((status) => status === 'connection-lost').length).toBeGreaterThan(0);

    const restarted = await startReplica({ DATABASE_URL: url }, { dataDir: victim!.dataDir });
    replicas.push(restarted);
    const retry = new HttpSession(restarted.url);
    for (const name of ['lotse_session', 'lotse_csrf']) retry.setCookie(name, asker.cookie(name)!);
    const confirmed = attempts.filter((status) => status === 201).length;
    const committed = await countTickets(url);
    console.info(
      `kill -9: ${confirmed} confirmed, ${committed - confirmed} committed but unconfirmed, ${questions - confirmed} retried after restart`,
    );
    // Clients retry everything that was not confirmed with 201.
    for (const [index, conversationId] of conversations.entries()) {
      if (attempts[index] === 201) continue;
      expect((await retry.request('POST', '/api/tickets', json({ conversationId }))).status).toBe(201);
    }

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const tickets = await client.query<{ number: number; body: string }>('SELECT number, body FROM tickets ORDER BY number');
      expect(tickets.rows.map((row) => row.number)).toEqual(Array.from({ length: questions }, (_, index) => index + 1));
      const perConversation = new Set(
        tickets.rows.map((row) => (JSON.parse(row.body) as { replyTo: { conversationId: string } }).replyTo.conversationId),
      );
      expect(perConversation.size).toBe(questions);
      const orphans = await client.query(
        'SELECT t.id FROM tickets t LEFT JOIN ticket_events e ON e.ticket_id = t.id AND e.seq = 1 WHERE e.ticket_id IS NULL',
      );
      expect(orphans.rowCount).toBe(0);
    } finally {
      await client.end();
    }
    expect(restarted.stderr()).not.toMatch(/Refusing to start/);
  }, 120_000);
});
