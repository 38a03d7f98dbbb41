/**
 * Issue #7: an approved FAQ entry from a ticket expires after a year; two weeks before, its owner is asked
 * (once) to revalidate it; after expiry it is no longer used; revalidation keeps it another year.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLotse } from '../../../bot/app/create-lotse.ts';
import type { Lotse } from '../../../bot/app/lotse.ts';
import { ingestKnowledge } from '../../../bot/app/ingest-knowledge.ts';
import type { ChannelEndpoint } from '../../../bot/app/channel-router.ts';
import { loadConfig } from '../../../bot/config/config.ts';
import type { OutboundMessage, Recipient } from '../../../bot/ports/channel-sender.ts';
import { silentLogger } from '../../../bot/shared/logger.ts';
import { FixedClock } from '../../fakes/fixed-clock.ts';
import { repoRoot } from '../../support/real-app.ts';

describe('FAQ revalidation', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lotse-faq-'));
  const folder = mkdtempSync(join(tmpdir(), 'lotse-faq-src-'));
  let lotse: Lotse | undefined;
  afterAll(async () => {
    await lotse?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  });

  it('reminds the owner once before expiry, stops using the entry after it, and extends it on revalidation', async () => {
    mkdirSync(join(folder, 'faq'));
    writeFileSync(
      join(folder, 'faq', 'kantine.md'),
      '---\ntitle: Kantine\ntype: faq\nstand: 2026-01-01\n---\n# Kantine\n\nDie Kantine öffnet um 11:30 Uhr.\n',
    );
    const clock = new FixedClock(new Date('2026-12-01T09:00:00Z'));
    lotse = await createLotse(loadConfig({}, { dataDir }, repoRoot), silentLogger, { clock });
    await ingestKnowledge(lotse.knowledge, { folder, dataDir });
    const received: { recipient: Recipient; message: OutboundMessage }[] = [];
    const endpoint: ChannelEndpoint = {
      reaches: () => true,
      send: async (recipient, message) => (received.push({ recipient, message }), { kind: 'delivered' }),
    };
    lotse.channels.register('teams', endpoint);

    const turn = await lotse.chat.handleTurn({ channel: 'web', userId: 'p-marek', text: 'Wer erhebt die Hundesteuer im Kreis?' });
    const created = await lotse.escalation.escalate({
      userId: 'p-marek',
      conversationId: turn.conversationId,
      channel: 'web',
      reason: 'no_answer',
    });
    if (created.kind !== 'created') throw new Error(created.kind);
    expect(
      (
        await lotse.escalation.act(created.ticket.id, {
          type: 'answer',
          by: 'p-aylin',
          text: 'Die Hundesteuer erhebt die Gemeinde, nicht der Kreis.',
        })
      ).kind,
    ).toBe('ok');
    const draft = await lotse.faq.draft(created.ticket.id, 'p-aylin');
    if (draft.kind !== 'ok') throw new Error(draft.message);
    expect((await lotse.faq.decide(draft.draftId!, 'p-frank', true)).kind).toBe('ok');
    const answerOf = async () =>
      (await lotse!.chat.handleTurn({ channel: 'web', userId: 'p-marek', text: 'Wer erhebt die Hundesteuer?' })).citations[0]?.document;
    expect(await answerOf()).toMatch(/^lotse-faq\//);

    received.length = 0;
    expect(await lotse.faq.remindRevalidation()).toBe(0);
    clock.advance(352 * 86_400_000);
    expect(await lotse.faq.remindRevalidation()).toBe(1);
    expect(received[0]).toMatchObject({ recipient: { kind: 'person', personId: 'p-frank' }, message: { kind: 'notice' } });
    expect(received[0]?.message.text).toContain('01.12.2027');
    expect(await lotse.faq.remindRevalidation()).toBe(0);

    clock.advance(14 * 86_400_000);
    const expiredConfig = loadConfig({ LOTSE_TODAY: '2027-12-02' }, { dataDir }, repoRoot);
    const later = await createLotse(expiredConfig, silentLogger, { clock });
    const afterExpiry = await later.chat.handleTurn({ channel: 'web', userId: 'p-marek', text: 'Wer erhebt die Hundesteuer?' });
    expect(afterExpiry.citations.map((citation) => citation.document)).not.toContainEqual(expect.stringMatching(/^lotse-faq\//));
    await later.close();

    expect((await lotse.faq.revalidate(draft.draftId!, 'p-aylin')).kind).toBe('refused');
    const extended = await lotse.faq.revalidate(draft.draftId!, 'p-frank');
    expect(extended).toMatchObject({ kind: 'ok' });
    expect(lotse.knowledge.store.getDocument(`lotse-faq/${draft.draftId}.md`)?.validTo).toBe('2028-12-02');
  }, 60_000);
});
