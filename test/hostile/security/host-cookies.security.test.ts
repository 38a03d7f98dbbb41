/**
 * Issue #18, item 7 (cookies): with https the session, CSRF and login cookies carry the `__Host-` prefix
 * (Secure, Path=/, no Domain), so a sibling subdomain of the county cannot plant a session id (cookie tossing).
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { SqlSessionStore } from '../../../bot/adapters/storage/sql-session-store.ts';
import { createSessionManager } from '../../../bot/http/auth/session-manager.ts';
import { loadRolePolicy } from '../../../policies/load-roles.ts';
import { repoRoot } from '../../support/real-app.ts';
import { memoryStore } from '../../support/store-database.ts';
import { securityTable } from './security-table.ts';

const table = securityTable('Cookie prefixes (issue #18, item 7)');
const policy = loadRolePolicy(join(repoRoot, 'policies'));

async function manager(secureCookies: boolean) {
  return createSessionManager({
    store: new SqlSessionStore((await memoryStore()).store),
    policy,
    clock: { now: () => new Date() },
    secureCookies,
  });
}

async function started(secureCookies: boolean): Promise<{ sessions: Awaited<ReturnType<typeof manager>>; cookies: string[] }> {
  const sessions = await manager(secureCookies);
  const response = new ServerResponse(new IncomingMessage(new Socket()));
  await sessions.start(response, { userId: 'p-erika', personId: 'p-erika', displayName: 'Erika', roles: ['staff'], source: 'oidc' });
  return { sessions, cookies: [response.getHeader('set-cookie') ?? []].flat().map(String) };
}

function requestWith(cookie: string): IncomingMessage {
  const request = new IncomingMessage(new Socket());
  request.headers.cookie = cookie;
  return request;
}

describe('cookie names with https', () => {
  it('sets __Host- cookies (Secure, Path=/, no Domain) and ignores unprefixed ones', async () => {
    const { sessions, cookies } = await started(true);
    const names = cookies.map((line) => line.split('=')[0]).join(',');
    table.record('https: names of the session and CSRF cookies', '__Host-lotse_session,__Host-lotse_csrf', names);
    table.record(
      'https: every cookie Secure, Path=/, no Domain',
      true,
      cookies.every((line) => /; Secure/.test(line) && /; Path=\//.test(line) && !/Domain=/i.test(line)),
    );
    const id = cookies[0]!.split(';')[0]!.split('=')[1]!;
    table.record(
      'planted unprefixed lotse_session=<valid id> (cookie tossing)',
      'ignored',
      (await sessions.resolve(requestWith(`lotse_session=${id}`))) ? 'accepted' : 'ignored',
    );
    table.record(
      '__Host-lotse_session=<valid id> (control)',
      'accepted',
      (await sessions.resolve(requestWith(`__Host-lotse_session=${id}`))) ? 'accepted' : 'ignored',
    );
  });

  it('keeps plain names on http (loopback development, tests)', async () => {
    const names = (await started(false)).cookies.map((line) => line.split('=')[0]).join(',');
    table.record('http: names of the session and CSRF cookies', 'lotse_session,lotse_csrf', names);
  });
});
