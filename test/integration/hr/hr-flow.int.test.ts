import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeChannelEndpoint } from '../../fakes/fake-channel-endpoint.ts';
import { startHrAppWithTeams, type HrApp } from '../../support/hr-app.ts';

let app: HrApp;
let teams: FakeChannelEndpoint;
const hour = 3_600_000;

beforeAll(async () => {
  ({ app, teams } = await startHrAppWithTeams());
});

afterAll(async () => {
  await app?.close();
});

describe('HR broadcast end to end', () => {
  it('answers 401 without a signed-in person and 400 for malformed bodies, and keeps serving', async () => {
    const anonymous = await fetch(`${app.url}/api/hr/surveys`);
    expect(anonymous.status).toBe(401);
    const malformed = await fetch(`${app.url}/api/hr/broadcasts`, {
      method: 'POST',
      headers: { 'x-test-person': 'hr1', 'content-type': 'application/json' },
      body: '{"title":',
    });
    expect(malformed.status).toBe(400);
    const wrongShape = await app.call('hr1', 'POST', '/api/hr/broadcasts', {
      title: 'Hallo',
      text: 'Text',
      audience: { kind: 'everyone' },
    });
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.body.error.message).toContain('audience');
    expect((await app.call('hr1', 'GET', '/api/hr/topics')).status).toBe(200);
  });

  it('refuses senders without permission and empty audiences, with the reason', async () => {
    const staff = await app.call('a1', 'POST', '/api/hr/broadcasts', { title: 'Hallo', text: 'Text', audience: { kind: 'all' } });
    expect(staff.status).toBe(403);
    expect(staff.body.error.message).toContain('nicht anschreiben');
    const empty = await app.call('hr1', 'POST', '/api/hr/broadcasts', {
      title: 'Hallo',
      text: 'Text',
      audience: { kind: 'topic', topic: 'gesundheit' },
    });
    expect(empty.status).toBe(422);
    expect(empty.body.error.code).toBe('empty_audience');
    const big = `data:image/png;base64,${'A'.repeat(1_500_000)}`;
    const image = await app.call('hr1', 'POST', '/api/hr/broadcasts', {
      title: 'Bild',
      text: 'Text',
      image: big,
      audience: { kind: 'all' },
    });
    expect(image.body.error.code).toBe('image_too_large');
  });

  it('previews, releases with four eyes, delivers to the unit only, and counts acknowledgements', async () => {
    const audience = { kind: 'units', units: ['A11', 'A12'], includeSubunits: true };
    const preview = await app.call('hr1', 'POST', '/api/hr/audience/preview', { audience });
    expect(preview.body).toMatchObject({ kind: 'ok', recipients: 8 });
    const created = await app.call('hr1', 'POST', '/api/hr/broadcasts', {
      title: 'Neue Software',
      text: 'Ab Montag gilt …',
      acknowledge: true,
      audience,
    });
    expect(created.status).toBe(201);
    const id = created.body.broadcast.id as string;
    expect((await app.call('hr1', 'POST', `/api/hr/broadcasts/${id}/release`)).body.error.code).toBe('four_eyes');
    expect((await app.call('hr2', 'POST', `/api/hr/broadcasts/${id}/release`)).status).toBe(200);
    await app.lotse.hr.jobs.runDue();
    await app.lotse.hr.jobs.runDue();
    expect(teams.recipients('broadcast')).toEqual(['b1', 'b2', 'b3', 'b4', 'b5', 'b6']);
    expect((await app.lotse.inbox.unread('c1')).map((entry) => entry.text)[0]).toMatch(/^Neue Software\n\nAb Montag gilt/);
    expect(await app.lotse.inbox.unread('a1')).toEqual([]);
    expect(teams.sent[0]!.message).toMatchObject({
      kind: 'broadcast',
      title: 'Neue Software',
      acknowledgeJob: `broadcast:${id}`,
      deliveryId: `broadcast:${id}:b1`,
    });
    expect((await app.call('b1', 'POST', `/api/hr/broadcasts/${id}/acknowledge`)).status).toBe(200);
    expect((await app.call('b1', 'POST', `/api/hr/broadcasts/${id}/acknowledge`)).status).toBe(200);
    expect((await app.call('a1', 'POST', `/api/hr/broadcasts/${id}/acknowledge`)).status).toBe(404);
    // On Jabber there is no button: the text acknowledges the newest broadcast that asks for it.
    expect((await app.call('b2', 'POST', '/api/hr/chat', { text: 'Zur Kenntnis genommen' })).body.reply).toContain('vermerkt');
    expect((await app.call('b2', 'POST', '/api/hr/chat', { text: 'zur Kenntnis genommen' })).body.reply).toContain('keine Nachricht');
    const report = await app.call('hr1', 'GET', `/api/hr/broadcasts/${id}/report`);
    expect(report.body.report).toEqual({ recipients: 8, pending: 0, sent: 8, failed: 0, acknowledged: 2, failures: [] });
    expect(report.body.broadcast.state).toBe('sent');
    expect((await app.call('a1', 'GET', `/api/hr/broadcasts/${id}/report`)).status).toBe(403);
  });

  it('lets staff subscribe to topics and sends topic news to subscribers only', async () => {
    expect((await app.call('d1', 'PUT', '/api/hr/topics/fortbildung')).body.subscribed).toBe(true);
    expect((await app.call('a2', 'POST', '/api/hr/chat', { text: 'Newsletter abonnieren fortbildung' })).body.reply).toContain(
      'Fortbildung',
    );
    expect((await app.call('a4', 'POST', '/api/hr/chat', { text: 'Newsletter abonnieren katzen' })).body.reply).toContain('gibt es nicht');
    const created = await app.call('hr1', 'POST', '/api/hr/broadcasts', {
      title: 'Kurse',
      text: 'Neue Kurse im Januar',
      audience: { kind: 'topic', topic: 'fortbildung' },
    });
    await app.call('hr2', 'POST', `/api/hr/broadcasts/${created.body.broadcast.id}/release`);
    await app.lotse.hr.jobs.runDue();
    expect(teams.recipients('broadcast').filter((person) => !person.startsWith('b'))).toEqual(['a2', 'd1']);
  });

  it('keeps a scheduled broadcast until it is due', async () => {
    const sendAt = new Date(Date.now() + hour).toISOString();
    const created = await app.call('hr1', 'POST', '/api/hr/broadcasts', {
      title: 'Später',
      text: 'Morgen',
      audience: { kind: 'roles', roles: ['personalrat'] },
      sendAt,
    });
    await app.call('hr2', 'POST', `/api/hr/broadcasts/${created.body.broadcast.id}/release`);
    await app.lotse.hr.jobs.runDue();
    expect(await app.lotse.inbox.unread('pr1')).toEqual([]);
    expect((await app.lotse.hr.broadcasts.get(created.body.broadcast.id))!.state).toBe('released');
  });
});
