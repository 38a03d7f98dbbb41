/**
 * The development login (`AUTH_MODE=dev`, loopback only): pick a person from the directory or a demo
 * person with one role. Every page says clearly that this is not for production.
 */
import type { Request, Response, Server } from 'restify';
import { roles, type Role } from '../../ports/directory.ts';
import type { Principal } from '../../ports/identity.ts';
import { renderConsolePage } from '../console/console-layout.ts';
import { roleNames } from '../console/console-texts.ts';
import { escapeHtml } from '../pages.ts';
import { sendError } from '../../adapters/http-kit/send-error.ts';
import { readLimitedBody } from '../../adapters/http-kit/read-limited-body.ts';
import { safeReturnTo, type AuthRouteDeps } from './auth-deps.ts';
import { foreignOrigin } from './access.ts';
import { loopbackRefusal } from '../../shared/loopback.ts';

const maxBytes = 8 * 1024;

async function readSmallForm(request: Request): Promise<URLSearchParams | undefined> {
  const bytes = await readLimitedBody(request, maxBytes);
  return bytes ? new URLSearchParams(bytes.toString('utf8')) : undefined;
}

function pickerPage(deps: AuthRouteDeps, returnTo: string): string {
  const people = deps.directory
    .people()
    .map(
      (person) =>
        `<li><label><input type="radio" name="person" value="${escapeHtml(person.id)}"> ${escapeHtml(person.name)} (${escapeHtml(roleNames(deps.texts, person.roles))})</label></li>`,
    )
    .join('');
  const roleOptions = roles
    .map(
      (role) =>
        `<li><label><input type="radio" name="role" value="${role}"> ${escapeHtml(deps.texts.devDemoName)} – ${escapeHtml(deps.texts.labels.roles[role])}</label></li>`,
    )
    .join('');
  const body = `<form method="post" action="/dev-login">
<input type="hidden" name="returnTo" value="${escapeHtml(returnTo)}">
<fieldset><legend>${escapeHtml(deps.texts.devPickPerson)}</legend><ul class="plain">${people}</ul></fieldset>
<fieldset><legend>${escapeHtml(deps.texts.devPickRole)}</legend><ul class="plain">${roleOptions}</ul></fieldset>
<button type="submit">${escapeHtml(deps.texts.devLoginButton)}</button>
</form>`;
  return renderConsolePage(deps.texts, { title: deps.texts.loginTitle, body, banner: deps.texts.devModeWarning });
}

function demoPrincipal(deps: AuthRouteDeps, form: URLSearchParams): Principal | undefined {
  const person = deps.directory.person(form.get('person') ?? '');
  if (person)
    return {
      userId: person.id,
      personId: person.id,
      displayName: person.name,
      roles: [...new Set<Role>(['staff', ...person.roles])],
      source: 'dev',
    };
  const role = roles.find((entry) => entry === form.get('role'));
  if (!role) return undefined;
  return {
    userId: `dev-${role}`,
    displayName: `${deps.texts.devDemoName} (${deps.texts.labels.roles[role]})`,
    roles: [...new Set<Role>(['staff', role])],
    source: 'dev',
  };
}

/** 403 for a dev-login request that did not come straight from this machine (proxy, foreign Host); issue #18. */
function refusedOffLoopback(deps: AuthRouteDeps, request: Request, response: Response): boolean {
  const refusal = loopbackRefusal(request);
  if (!refusal) return false;
  deps.logger.warn('dev-login-refused', { reason: refusal });
  sendError(response, 403, 'loopback_only', deps.texts.devLoopbackOnly);
  return true;
}

/** Registers `GET/POST /dev-login`; only called in development mode, and only answers direct loopback requests. */
export function registerDevLogin(server: Server, deps: AuthRouteDeps): void {
  server.get('/dev-login', async (request: Request, response: Response) => {
    if (refusedOffLoopback(deps, request, response)) return;
    const returnTo = safeReturnTo(new URL(request.url ?? '/', 'http://local').searchParams.get('returnTo'));
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.sendRaw(200, pickerPage(deps, returnTo));
  });
  server.post('/dev-login', async (request: Request, response: Response) => {
    if (refusedOffLoopback(deps, request, response)) return;
    if (foreignOrigin(request))
      return sendError(response, 403, 'foreign_origin', 'Diese Anfrage kam von einer fremden Seite und wurde abgelehnt.');
    const form = await readSmallForm(request);
    const principal = form ? demoPrincipal(deps, form) : undefined;
    if (!form || !principal) return sendError(response, 400, 'invalid_request', 'Bitte wählen Sie eine Person oder eine Rolle aus.');
    const previous = await deps.sessions.resolve(request);
    if (previous) await deps.store.delete(previous.idHash);
    await deps.sessions.start(response, principal);
    deps.logger.warn('dev-login', { roles: principal.roles.join(',') });
    response.setHeader('Location', safeReturnTo(form.get('returnTo')));
    response.send(302);
  });
}
