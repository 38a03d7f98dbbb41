/**
 * Issue #7 measure: 1,000 tickets from 500 askers in 25 Ämter, routed to 40 Digitallotsen (plus IT, DSB
 * and central pool) over a simulated office week with a fake clock. Reports routing correctness against
 * an independent routing oracle, the reminder timing error (office minutes past the due time, 5-minute
 * ticks), and throughput. Writes `bench-results/tickets.json`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqlTicketStore } from '../../bot/adapters/storage/sql-ticket-store.ts';
import { createEscalationService } from '../../bot/core/escalation/escalation-service.ts';
import { officeMinutesBetween } from '../../bot/core/escalation/office-time.ts';
import { claimedCounts } from '../../bot/core/escalation/route-ticket.ts';
import type { ChannelSender } from '../../bot/ports/channel-sender.ts';
import { silentLogger } from '../../bot/shared/logger.ts';
import { loadEscalationMessages } from '../../prompts/load-messages.ts';
import { FixedClock, SequentialIds } from '../fakes/fixed-clock.ts';
import { InMemoryConversationStore } from '../fakes/in-memory-conversation-store.ts';
import { memoryStore } from '../support/store-database.ts';
import { buildWorld, expectedRouting, random } from './ticket-world.ts';

const world = buildWorld();
const next = random(20261203);
const tickMs = 5 * 60_000;
const start = new Date('2026-11-23T07:30:00Z'); // Monday
const clock = new FixedClock(start);
const { database, store: storeDatabase } = await memoryStore();
const store = new SqlTicketStore(storeDatabase);
const conversations = new InMemoryConversationStore();
let deliveries = 0;
const sender: ChannelSender = { send: async () => ((deliveries += 1), { kind: 'queued' }) };
const escalation = createEscalationService({
  tickets: store,
  conversations,
  directory: world.directory,
  policy: world.policy,
  sender,
  clock,
  ids: new SequentialIds(),
  messages: loadEscalationMessages(),
  logger: silentLogger,
  personOf: (userId) => userId,
});

// 1,000 arrivals at random office minutes Monday–Friday; questions by kind.
const arrivals = Array.from({ length: 1000 }, (_, index) => {
  const day = Math.floor(next() * 5);
  const minute = Math.floor(next() * 510);
  const roll = next();
  const question =
    roll < 0.12
      ? 'Der drucker zeigt eine fehlermeldung'
      : roll < 0.2
        ? 'Darf ich das nach datenschutz so speichern?'
        : roll < 0.25
          ? 'Ich bin krank, was muss ich tun?'
          : `Wie beantrage ich Zugang ${index}?`;
  const asker = world.askers[Math.floor(next() * world.askers.length)]!;
  // Most tickets are answered within a few office hours; some wait long enough for every reminder step.
  const answerAfterMinutes = next() < 0.8 ? Math.floor(next() * 300) : 300 + Math.floor(next() * 1500);
  return { at: start.getTime() + day * 86_400_000 + minute * 60_000, question, asker, answerAfterMinutes, index };
}).sort((a, b) => a.at - b.at);

const pending: { ticketId: string; answerAt: number; claimAt: number }[] = [];
let routedRight = 0;
let referredRight = 0;
const wrong: string[] = [];
const escalateMs: number[] = [];
const remindMs: number[] = [];
const wallStart = performance.now();
let arrival = 0;
const end = start.getTime() + 7 * 86_400_000;
for (let now = start.getTime(); now <= end; now += tickMs) {
  clock.advance(now - clock.now().getTime());
  for (; arrival < arrivals.length && arrivals[arrival]!.at <= now; arrival += 1) {
    const item = arrivals[arrival]!;
    const conversationId = `c${item.index}`;
    await conversations.ensureConversation({ id: conversationId, channel: 'web', userId: item.asker.id, at: clock.now().toISOString() });
    await conversations.appendMessage({
      id: `m${item.index}`,
      conversationId,
      role: 'user',
      text: item.question,
      createdAt: clock.now().toISOString(),
    });
    const openCount = await claimedCounts(store);
    const expected = expectedRouting(world, item.question, item.asker.unit, (id) => openCount(id) >= world.policy.maxOpenPerLotse);
    const begun = performance.now();
    const result = await escalation.escalate({ userId: item.asker.id, conversationId, channel: 'web', reason: 'no_answer' });
    escalateMs.push(performance.now() - begun);
    if (expected.kind === 'refer') {
      if (result.kind === 'referred') referredRight += 1;
      else wrong.push(`${item.index}: expected refer, got ${result.kind}`);
      continue;
    }
    if (result.kind !== 'created') {
      wrong.push(`${item.index}: expected ticket, got ${result.kind}`);
      continue;
    }
    const sameSet = [...result.ticket.candidates].sort().join() === [...expected.allowed].sort().join();
    if (result.ticket.pool.kind === expected.pool && sameSet) routedRight += 1;
    else
      wrong.push(
        `${item.index}: expected ${expected.pool} ${expected.allowed.join('/')}, got ${result.ticket.pool.kind} ${result.ticket.candidates.join('/')}`,
      );
    const officeDelay = (minutes: number): number => minutes * 60_000 * ((24 * 60) / 510); // rough wall-clock spread of office minutes
    pending.push({
      ticketId: result.ticket.id,
      claimAt: now + officeDelay(Math.min(item.answerAfterMinutes, 30)),
      answerAt: now + officeDelay(item.answerAfterMinutes),
    });
  }
  for (const work of pending.filter((entry) => entry.answerAt <= now || entry.claimAt <= now)) {
    const ticket = (await escalation.get(work.ticketId))!;
    const by = ticket.assignee ?? ticket.candidates[0]!;
    if (ticket.state !== 'claimed' && work.claimAt <= now) await escalation.act(ticket.id, { type: 'claim', by });
    if (work.answerAt <= now) {
      await escalation.act(ticket.id, {
        type: 'answer',
        by: (await escalation.get(ticket.id))!.assignee ?? by,
        text: 'Antwort der Digitallotsin.',
      });
      pending.splice(pending.indexOf(work), 1);
    }
  }
  const remindStart = performance.now();
  await escalation.remind();
  remindMs.push(performance.now() - remindStart);
}
const wallSeconds = (performance.now() - wallStart) / 1000;

const thresholds = world.policy.reminders;
const reminders = database
  .prepare<[], { ticket_id: string; step: string; sent_at: string }>("SELECT * FROM ticket_reminders WHERE ticket_id NOT LIKE 'digest:%'")
  .all();
const errors: number[] = [];
for (const row of reminders) {
  const ticket = (await store.get(row.ticket_id))!;
  errors.push(
    officeMinutesBetween(new Date(ticket.createdAt), new Date(row.sent_at), world.policy.officeHours) -
      thresholds[row.step as keyof typeof thresholds],
  );
}
const routed = arrivals.length - referredRight - wrong.filter((line) => line.includes('expected refer')).length;
const sorted = [...escalateMs].sort((a, b) => a - b);
const report = {
  tickets: arrivals.length,
  lotsen: 40,
  units: 25,
  routingCorrect: (routedRight + referredRight) / arrivals.length,
  routed,
  referred: referredRight,
  wrong: wrong.slice(0, 10),
  reminders: reminders.length,
  reminderErrorMinutes: {
    min: Math.min(...errors),
    max: Math.max(...errors),
    mean: errors.reduce((a, b) => a + b, 0) / (errors.length || 1),
  },
  earlyReminders: errors.filter((error) => error < 0).length,
  answered: (await store.list({ states: ['answered'] })).length,
  stillOpen: (await store.list({ states: ['open', 'claimed', 'rerouted'] })).length,
  deliveries,
  simulatedTicks: Math.round((end - start.getTime()) / tickMs),
  wallSeconds: Number(wallSeconds.toFixed(2)),
  simulatedWeekTicketsPerSecond: Math.round(arrivals.length / wallSeconds),
  routingTicketsPerSecond: Math.round(arrivals.length / (escalateMs.reduce((a, b) => a + b, 0) / 1000)),
  escalateP95Ms: Number(sorted[Math.floor(sorted.length * 0.95)]!.toFixed(2)),
  reminderPassP95Ms: Number([...remindMs].sort((a, b) => a - b)[Math.floor(remindMs.length * 0.95)]!.toFixed(2)),
};
console.log(JSON.stringify(report, null, 2));
mkdirSync(join(import.meta.dirname, '../../bench-results'), { recursive: true });
writeFileSync(join(import.meta.dirname, '../../bench-results/tickets.json'), JSON.stringify(report, null, 2));
if (report.routingCorrect < 1 || report.earlyReminders > 0) process.exitCode = 1;
