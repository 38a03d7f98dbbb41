import { describe, expect, it } from 'vitest';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createSessionManager } from '../../../bot/http/auth/session-manager.ts';
import type { Principal, RolePolicy } from '../../../bot/ports/identity.ts';
import { InMemorySessionStore } from '../../fakes/in-memory-session-store.ts';

const policy: RolePolicy = {
  version: '1',
  groupClaim: 'groups',
  personClaim: 'email',
  defaultRoles: ['staff'],
  groups: {},
  directoryRoles: true,
  idleMinutes: 30,
  absoluteHours: 8,
};
const principal: Principal = { userId: 'p-erika', personId: 'p-erika', displayName: 'Erika', roles: ['lotse', 'staff'], source: 'dev' };

function fakeResponse(): ServerResponse & { cookies(): string[] } {
  const headers = new Map<string, unknown>();
  return {
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    setHeader: (name: string, value: unknown) => headers.set(name.toLowerCase(), value),
    cookies: () => (headers.get('set-cookie') as string[] | undefined) ?? [],
  } as unknown as ServerResponse & { cookies(): string[] };
}

const requestWith = (cookie: string, headers: Record<string, string> = {}): IncomingMessage =>
  ({ headers: { cookie, ...headers } }) as unknown as IncomingMessage;

async function setup() {
  let now = new Date('2026-12-03T08:00:00Z');
  const store = new InMemorySessionStore();
  const sessions = createSessionManager({ store, policy, clock: { now: () => now }, secureCookies: true });
  const response = fakeResponse();
  const session = await sessions.start(response, principal);
  const cookie = response
    .cookies()
    .map((line) => line.split(';')[0])
    .join('; ');
  return {
    sessions,
    store,
    session,
    cookie,
    response,
    advance: (minutes: number) => {
      now = new Date(now.getTime() + minutes * 60_000);
    },
  };
}

describe('session manager', () => {
  it('sets an httpOnly, Secure, SameSite session cookie and stores only its hash', async () => {
    const { response, session, cookie } = await setup();
    // Secure cookies carry the __Host- prefix (issue #18, item 7).
    expect(response.cookies()[0]).toMatch(/^__Host-lotse_session=[\w-]{43}; Path=\/; SameSite=Lax; HttpOnly; Secure$/);
    expect(response.cookies()[1]).not.toMatch(/HttpOnly/);
    expect(cookie).not.toContain(session.idHash);
  });

  it('resolves the session, keeps it alive with activity and ends it after 30 idle minutes', async () => {
    const { sessions, store, cookie, advance } = await setup();
    advance(29);
    expect((await sessions.resolve(requestWith(cookie)))?.principal.userId).toBe('p-erika');
    advance(29);
    expect(await sessions.resolve(requestWith(cookie))).toBeDefined();
    advance(31);
    expect(await sessions.resolve(requestWith(cookie))).toBeUndefined();
    expect(store.sessions.size).toBe(0);
  });

  it('purges idle sessions and ends a session with its cookies', async () => {
    const { sessions, store, session, advance } = await setup();
    const response = fakeResponse();
    await sessions.end(response, session);
    expect(store.sessions.size).toBe(0);
    expect(response.cookies().every((line) => /Max-Age=0/.test(line))).toBe(true);
    await sessions.start(fakeResponse(), principal);
    expect(await sessions.purge()).toBe(0);
    advance(30);
    expect(await sessions.purge()).toBe(1);
  });

  it('ends a session after its absolute lifetime even when active', async () => {
    const { sessions, cookie, advance } = await setup();
    for (let step = 0; step < 23; step += 1) {
      advance(20);
      expect(await sessions.resolve(requestWith(cookie))).toBeDefined();
    }
    advance(21);
    expect(await sessions.resolve(requestWith(cookie))).toBeUndefined();
  });

  it('ignores tampered cookies and checks the CSRF token', async () => {
    const { sessions, cookie, session } = await setup();
    const tampered = cookie.replace(/lotse_session=([\w-])/, (_match, first: string) => `lotse_session=${first === 'Z' ? 'Y' : 'Z'}`);
    expect(tampered).not.toBe(cookie);
    expect(await sessions.resolve(requestWith(tampered))).toBeUndefined();
    expect(sessions.csrfValid(requestWith(cookie, { 'x-csrf-token': session.csrfToken }), session)).toBe(true);
    expect(sessions.csrfValid(requestWith(cookie, { 'x-csrf-token': session.csrfToken.slice(1) + 'A' }), session)).toBe(false);
    expect(sessions.csrfValid(requestWith(cookie), session, session.csrfToken)).toBe(true);
    expect(sessions.csrfValid(requestWith(cookie), session)).toBe(false);
  });
});
