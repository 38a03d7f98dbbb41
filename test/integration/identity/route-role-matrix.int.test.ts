/**
 * Issue #6 measure: every console and API route requested as every role and anonymously; a role may
 * reach a route only if the access table grants it. Prints the matrix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleRoutes, type ConsoleRoute } from '../../../bot/http/console/route-table.ts';
import { roles, type Role } from '../../../bot/ports/directory.ts';
import { HttpSession } from '../../support/http-session.ts';
import { startRealAppOnCopy } from '../../support/real-app.ts';

const chatRoutes: ConsoleRoute[] = [
  { id: 'chat-page', method: 'GET', path: '/', access: 'chat', probe: '/' },
  { id: 'chat', method: 'POST', path: '/api/chat', access: 'chat', probe: '/api/chat' },
  { id: 'feedback', method: 'POST', path: '/api/feedback', access: 'chat', probe: '/api/feedback' },
  { id: 'ticket-create', method: 'POST', path: '/api/tickets', access: 'chat', probe: '/api/tickets' },
  { id: 'messages', method: 'GET', path: '/api/conversations/:id/messages', access: 'chat', probe: '/api/conversations/x/messages' },
];
const allRoutes: readonly ConsoleRoute[] = [...(consoleRoutes as readonly ConsoleRoute[]), ...chatRoutes];

function allowed(route: ConsoleRoute, role: Role | 'anonymous', anonymousChat: boolean): boolean {
  if (route.access === 'public') return true;
  if (role === 'anonymous') return route.access === 'chat' && anonymousChat;
  if (route.access === 'chat' || route.access === 'authenticated') return true;
  return route.access.includes(role);
}

async function probe(session: HttpSession, route: ConsoleRoute): Promise<number> {
  const post = route.method === 'POST';
  const upload = route.id === 'api-source-upload';
  const response = await session.request(route.method, route.probe, {
    csrf: true,
    accept: route.method === 'GET' && !route.probe.startsWith('/api/') ? 'text/html' : 'application/json',
    ...(post ? { body: upload ? '# Probe\n\nText.' : '{}', type: upload ? 'application/octet-stream' : 'application/json' } : {}),
  });
  await response.arrayBuffer();
  return response.status;
}

describe('route-by-role matrix (development login)', () => {
  let app: Awaited<ReturnType<typeof startRealAppOnCopy>>;

  beforeAll(async () => {
    app = await startRealAppOnCopy();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('lets no role reach a route it should not, and every allowed role through', async () => {
    const lines: string[] = [];
    const violations: string[] = [];
    for (const role of ['anonymous', ...roles] as const) {
      const session = new HttpSession(app.url);
      if (role !== 'anonymous') await session.devLogin({ role });
      const cells: string[] = [];
      for (const route of allRoutes) {
        const status = await probe(session, route);
        const expected = allowed(route, role, true);
        const denied = status === 401 || status === 403 || status === 302;
        if (expected === denied || status >= 500) violations.push(`${role} ${route.method} ${route.probe} → ${status}`);
        cells.push(String(status));
      }
      lines.push(`${role.padEnd(11)} ${cells.map((cell) => cell.padStart(4)).join('')}`);
    }
    console.log(
      `route-by-role matrix (status per route):\n${allRoutes.map((route, index) => `  [${index}] ${route.method} ${route.probe}`).join('\n')}\n${' '.repeat(12)}${allRoutes.map((_route, index) => String(index).padStart(4)).join('')}\n${lines.join('\n')}\nviolations: ${violations.length}`,
    );
    expect(violations).toEqual([]);
  }, 120_000);
});
