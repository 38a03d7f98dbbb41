/**
 * Issue #18, item 7 (cookies): with https the session, CSRF and login cookies carry the `__Host-` prefix
 * (Secure, Path=/, no Domain), so a sibling subdomain of the county cannot plant a session id (cookie tossing).
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { openMemoryDatabase } from '../../../bot/adapters/storage/sqlite-database.ts';
import { SqliteSessionStore } from '../../../bot/adapters/storage/sqlite-session-store.ts';
import { createSessionManager } from '../../../bot/http/auth/session-manager.ts';
import { loadRolePolicy } from '../../../policies/load-roles.ts';
import { repoRoot } from '../../support/real-app.ts';
import { securityTable } from './security-table.ts';

const table = securityTable('Cookie prefixes (issue #18, item 7)');
const policy = loadRolePolicy(join(repoRoot, 'policies'));

function manager(secureCookies: boolean) {
  return createSessionManager({ store: new SqliteSessionStore(openMemoryDatabase()), policy, clock: { now: () => new Date() }, secureCookies });
}

function started(secureCookies: boolean): { sessions: ReturnType<typeof manager>; cookies: string[] } {
  const sessions = manager(secureCookies);
  const response = new ServerResponse(new IncomingMessage(new Socket()));
  sessions.start(response, { userId: 'p-erika', personId: 'p-erika', displayName: 'Erika', roles: ['staff'], source: 'oidc' });
  return { sessions, cookies: [response.getHeader('set-cookie') ?? []].flat().map(String) };
}

function requestWith(cookie: string): IncomingMessage {
  const request = new IncomingMessage(new Socket());
  request.headers.cookie = cookie;
  return request;
}

describe('cookie names with https', () => {
  it('sets __Host- cookies (Secure, Path=/, no Domain) and ignores unprefixed ones', () => {
    const { sessions, cookies } = started(true);
    const names = cookies.map((line) => line.split('=')[0]).join(',');
    table.record('https: names of the session and CSRF cookies', '__Host-lotse_session,__Host-lotse_csrf', names);
    table.record('https: every cookie Secure, Path=/, no Domain', true, cookies.every((line) => /; Secure/.test(line) && /; Path=\//.test(line) && !/Domain=/i.test(line)));
    const id = cookies[0]!.split(';')[0]!.split('=')[1]!;
    table.record('planted unprefixed lotse_session=<valid id> (cookie tossing)', 'ignored', sessions.resolve(requestWith(`lotse_session=${id}`)) ? 'accepted' : 'ignored');
    table.record('__Host-lotse_session=<valid id> (control)', 'accepted', sessions.resolve(requestWith(`__Host-lotse_session=${id}`)) ? 'accepted' : 'ignored');
  });

  it('keeps plain names on http (loopback development, tests)', () => {
    const names = started(false).cookies.map((line) => line.split('=')[0]).join(',');
    table.record('http: names of the session and CSRF cookies', 'lotse_session,lotse_csrf', names);
  });
});
