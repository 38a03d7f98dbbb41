/**
 * Issue #22, Lotse availability: office hours in Europe/Berlin closed on NRW public holidays; "abwesend bis"
 * parsed, stored without reason and honoured by routing, reminders and digests; the Jabber command. Fixed clocks.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { germanClosedDays } from '../../../../bot/adapters/calendar/german-holidays.ts';
import { loadDirectory } from '../../../../bot/adapters/directory/load-directory.ts';
import { InMemoryXmppStore } from '../../../fakes/in-memory-xmpp-store.ts';
import { handleXmppMessage } from '../../../../bot/adapters/channels/xmpp/xmpp-conversation.ts';
import { SqlTicketStore } from '../../../../bot/adapters/storage/sql-ticket-store.ts';
import { parseChatCommand } from '../../../../bot/core/conversation/chat-commands.ts';
import { createEscalationService } from '../../../../bot/core/escalation/escalation-service.ts';
import { createLotseAvailability, parseAbsenceDate } from '../../../../bot/core/escalation/lotse-availability.ts';
import { isOfficeTime, officeMinutesBetween, type OfficeHours } from '../../../../bot/core/escalation/office-time.ts';
import type { ChannelSender, OutboundMessage, Recipient } from '../../../../bot/ports/channel-sender.ts';
import { silentLogger } from '../../../../bot/shared/logger.ts';
import { loadXmppTexts } from '../../../../prompts/channels/load-xmpp-texts.ts';
import { loadAvailabilityMessages } from '../../../../prompts/load-availability-messages.ts';
import { loadEscalationMessages } from '../../../../prompts/load-messages.ts';
import { FakeChatService } from '../../../fakes/fake-chat-service.ts';
import { FixedClock, SequentialIds } from '../../../fakes/fixed-clock.ts';
import { InMemoryAbsenceStore } from '../../../fakes/in-memory-absences.ts';
import { InMemoryConversationStore } from '../../../fakes/in-memory-conversation-store.ts';
import { samplePolicy } from '../../../fakes/sample-tickets.ts';
import { memoryStore } from '../../../support/store-database.ts';

const berlin: OfficeHours = {
  days: [1, 2, 3, 4, 5],
  from: '07:30',
  to: '16:00',
  timeZone: 'Europe/Berlin',
  closed: germanClosedDays('NW'),
};
const directory = loadDirectory(join(import.meta.dirname, '../../../../knowledge/directory/musterland.yaml'));

function availability(clock: FixedClock, store = new InMemoryAbsenceStore()) {
  return createLotseAvailability({
    store,
    clock,
    messages: loadAvailabilityMessages(),
    timeZone: 'Europe/Berlin',
    receivesTickets: (personId) => ['p-aylin', 'p-erika', 'p-jonas'].includes(personId),
  });
}

describe('office time in Europe/Berlin with NRW holidays', () => {
  it('opens at 07:30 local time in winter (06:30 UTC) and in summer (05:30 UTC)', () => {
    expect(isOfficeTime(new Date('2026-11-23T06:30:00Z'), berlin)).toBe(true);
    expect(isOfficeTime(new Date('2026-11-23T06:29:00Z'), berlin)).toBe(false);
    expect(isOfficeTime(new Date('2026-07-06T05:30:00Z'), berlin)).toBe(true);
    expect(isOfficeTime(new Date('2026-07-06T14:30:00Z'), berlin)).toBe(false); // 16:30 in Berlin
  });

  it('counts no minutes on Fronleichnam and Allerheiligen (NRW), but on Reformationstag (not NRW)', () => {
    expect(officeMinutesBetween(new Date('2026-06-04T00:00:00Z'), new Date('2026-06-05T00:00:00Z'), berlin)).toBe(0); // Thursday
    expect(officeMinutesBetween(new Date('2027-11-01T00:00:00Z'), new Date('2027-11-02T00:00:00Z'), berlin)).toBe(0); // Monday
    expect(officeMinutesBetween(new Date('2025-10-31T00:00:00Z'), new Date('2025-11-01T00:00:00Z'), berlin)).toBe(510); // Friday
    expect(officeMinutesBetween(new Date('2026-12-24T15:00:00Z'), new Date('2026-12-28T07:30:00Z'), berlin)).toBe(60); // after hours on the 24th, 25th/26th holidays, 27th Sunday, 28th 07:30-08:30 local
  });

  it('counts a day across the switch to summer time in local hours', () => {
    expect(officeMinutesBetween(new Date('2026-03-27T00:00:00Z'), new Date('2026-03-31T00:00:00Z'), berlin)).toBe(2 * 510);
  });
});

describe('abwesend bis', () => {
  it('reads German and ISO dates, the next such day when the year is missing', () => {
    expect(parseAbsenceDate('24.12.2026', '2026-11-22')).toBe('2026-12-24');
    expect(parseAbsenceDate('24.12.', '2026-11-22')).toBe('2026-12-24');
    expect(parseAbsenceDate('6.1', '2026-11-22')).toBe('2027-01-06');
    expect(parseAbsenceDate('2026-12-24', '2026-11-22')).toBe('2026-12-24');
    expect(parseAbsenceDate('31.02.2026', '2026-11-22')).toBeUndefined();
    expect(parseAbsenceDate('morgen', '2026-11-22')).toBeUndefined();
  });

  it('is absent through the last day in Berlin, refuses past and far dates and non-Lotsen', async () => {
    const clock = new FixedClock(new Date('2026-11-22T10:00:00Z'));
    const lotsen = availability(clock);
    expect(await lotsen.setAbsent('p-aylin', '24.11.2026')).toMatchObject({ kind: 'set', until: '2026-11-24' });
    expect(lotsen.isPresent('p-aylin')).toBe(false);
    clock.advance(2 * 86_400_000 + 12 * 3_600_000); // 2026-11-24T22:00Z = 23:00 in Berlin: still the 24th
    expect(lotsen.isPresent('p-aylin')).toBe(false);
    clock.advance(3_600_000); // midnight in Berlin
    expect(lotsen.isPresent('p-aylin')).toBe(true);
    expect((await lotsen.setAbsent('p-aylin', '01.11.2026')).kind).toBe('in_past');
    expect((await lotsen.setAbsent('p-aylin', '2028-01-01')).kind).toBe('too_far');
    expect((await lotsen.setAbsent('p-marek', '30.11.2026')).kind).toBe('not_lotse');
    expect((await lotsen.clear('p-aylin')).kind).toBe('none');
  });

  it("answers presence from its cache: own changes at once, another replica's after a refresh", async () => {
    const clock = new FixedClock(new Date('2026-11-22T10:00:00Z'));
    const store = new InMemoryAbsenceStore();
    const here = availability(clock, store);
    const there = availability(clock, store);
    expect((await there.setAbsent('p-erika', '30.11.2026')).kind).toBe('set');
    expect(await here.status('p-erika')).toMatchObject({ kind: 'status', until: '2026-11-30' });
    expect(here.isPresent('p-erika')).toBe(true); // not refreshed yet
    await here.refresh();
    expect(here.isPresent('p-erika')).toBe(false);
    expect((await there.clear('p-erika')).kind).toBe('cleared');
    expect(there.isPresent('p-erika')).toBe(true);
    await here.refresh();
    expect(here.isPresent('p-erika')).toBe(true);
  });
});

class RecordingSender implements ChannelSender {
  readonly sent: { recipient: Recipient; message: OutboundMessage }[] = [];
  async send(recipient: Recipient, message: OutboundMessage) {
    this.sent.push({ recipient, message });
    return { kind: 'queued' as const };
  }
}

describe('routing, reminders and digests with an absent Lotsin', () => {
  it('gives the ticket to the deputy, reminds nobody absent and sends her no digest', async () => {
    const clock = new FixedClock(new Date('2026-11-23T08:00:00Z'));
    const lotsen = availability(clock);
    const sender = new RecordingSender();
    const conversations = new InMemoryConversationStore();
    const escalation = createEscalationService({
      tickets: new SqlTicketStore((await memoryStore()).store),
      conversations,
      directory,
      policy: samplePolicy,
      sender,
      clock,
      ids: new SequentialIds(),
      messages: loadEscalationMessages(),
      logger: silentLogger,
      personOf: (userId) => userId,
      present: lotsen.isPresent,
    });
    await conversations.ensureConversation({ id: 'c1', channel: 'web', userId: 'p-marek', at: 't' });
    await conversations.appendMessage({ id: 'm1', conversationId: 'c1', role: 'user', text: 'Wie bestelle ich Toner?', createdAt: 't' });
    const first = await escalation.escalate({ userId: 'p-marek', conversationId: 'c1', channel: 'web', reason: 'no_answer' });
    expect(first.kind === 'created' && first.ticket.candidates).toEqual(['p-aylin']);
    await lotsen.setAbsent('p-aylin', '30.11.2026');
    sender.sent.length = 0;
    clock.advance(240 * 60_000);
    expect(await escalation.remind()).toBe(1); // the assignee step is due but reaches nobody while she is away
    expect(sender.sent).toEqual([]);
    clock.advance(240 * 60_000);
    await escalation.remind();
    expect(sender.sent.map((entry) => entry.recipient)).toEqual([{ kind: 'person', personId: 'p-erika' }]);
    clock.advance(16 * 3_600_000); // next morning, within the (UTC) office hours of the sample policy
    expect(await escalation.digest()).toBe(1);
    expect(sender.sent.at(-1)?.recipient).toEqual({ kind: 'person', personId: 'p-erika' });
  });
});

describe('housekeeping with an absent Lotsin', () => {
  it('releases a ticket she claimed to her deputy once, and leaves a ticket alone when everyone is away', async () => {
    const clock = new FixedClock(new Date('2026-11-23T08:00:00Z'));
    const lotsen = availability(clock);
    const sender = new RecordingSender();
    const conversations = new InMemoryConversationStore();
    const escalation = createEscalationService({
      tickets: new SqlTicketStore((await memoryStore()).store),
      conversations,
      directory,
      policy: samplePolicy,
      sender,
      clock,
      ids: new SequentialIds(),
      messages: loadEscalationMessages(),
      logger: silentLogger,
      personOf: (userId) => userId,
      present: lotsen.isPresent,
    });
    await conversations.ensureConversation({ id: 'c1', channel: 'web', userId: 'p-marek', at: 't' });
    await conversations.appendMessage({ id: 'm1', conversationId: 'c1', role: 'user', text: 'Wie bestelle ich Toner?', createdAt: 't' });
    await escalation.escalate({ userId: 'p-marek', conversationId: 'c1', channel: 'web', reason: 'no_answer' });
    expect((await escalation.act('1', { type: 'claim', by: 'p-aylin' })).kind).toBe('ok');
    expect(await escalation.housekeeping()).toBe(0);
    await lotsen.setAbsent('p-aylin', '30.11.2026');
    sender.sent.length = 0;
    expect(await escalation.housekeeping()).toBe(1);
    expect(await escalation.get('1')).toMatchObject({ state: 'rerouted', candidates: ['p-erika'] });
    expect((await escalation.get('1'))?.assignee).toBeUndefined();
    expect(sender.sent.map((entry) => entry.recipient)).toEqual([{ kind: 'person', personId: 'p-erika' }]);
    expect(await escalation.housekeeping()).toBe(0);
    await lotsen.setAbsent('p-erika', '30.11.2026');
    await lotsen.setAbsent('p-jonas', '30.11.2026');
    expect(await escalation.housekeeping()).toBe(1); // to the central pool (all away: everyone, once)
    expect(await escalation.housekeeping()).toBe(0);
  });
});

describe('Jabber: abwesend bis / wieder da', () => {
  it('parses only date-like absences as commands and answers in German', async () => {
    expect(parseChatCommand('abwesend bis 24.12.2026')).toEqual({ kind: 'absent', until: '24.12.2026' });
    expect(parseChatCommand('Abwesend bis einschließlich 6.1.')).toEqual({ kind: 'absent', until: '6.1.' });
    expect(parseChatCommand('abwesend bis wann darf ich im Urlaub sein?')).toMatchObject({ kind: 'question' });
    expect(parseChatCommand('Wieder da!')).toEqual({ kind: 'back' });
    const lotsen = availability(new FixedClock(new Date('2026-11-22T10:00:00Z')));
    const aylin = {
      person: { id: 'p-aylin', name: 'Aylin Demir', unit: 'A50', roles: ['staff', 'lotse'] as const, kiTrained: true },
      jid: 'aylin@x',
    };
    const deps = {
      chat: new FakeChatService(),
      store: new InMemoryXmppStore(),
      texts: loadXmppTexts(),
      maxChars: 2000,
      now: () => new Date('2026-11-22T10:00:00Z'),
      escalation: {
        escalate: async () => ({ kind: 'no_question' as const, message: '' }),
        act: async () => ({ kind: 'refused' as const, reason: 'not_found' as const, message: '' }),
        reroute: async () => ({ kind: 'refused' as const, reason: 'not_found' as const, message: '' }),
        queueFor: async () => [],
      },
      availability: lotsen,
    };
    expect((await handleXmppMessage(aylin, 'abwesend bis 24.12.', deps))[0]).toContain('bis einschließlich 24.12.2026');
    expect(lotsen.isPresent('p-aylin')).toBe(false);
    expect((await handleXmppMessage(aylin, 'wieder da', deps))[0]).toContain('Willkommen zurück');
    expect(lotsen.isPresent('p-aylin')).toBe(true);
  });
});
