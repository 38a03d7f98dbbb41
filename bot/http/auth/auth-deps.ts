/**
 * Shared pieces of the login routes: their dependencies, the redirect target check and page helpers.
 */
import type { Response } from 'restify';
import type { OidcLogin } from '../../adapters/auth/oidc-login.ts';
import type { Clock } from '../../ports/clock.ts';
import type { Directory } from '../../ports/directory.ts';
import type { RolePolicy, SessionStore } from '../../ports/identity.ts';
import type { Logger } from '../../shared/logger.ts';
import type { ConsoleTexts } from '../console/console-texts.ts';
import type { Protect } from './access.ts';
import { sendHtml } from '../console/html.ts';
import type { PendingLoginSeal } from './pending-login-cookie.ts';
import type { SessionManager } from './session-manager.ts';

/** What the login routes need. */
export interface AuthRouteDeps {
  readonly mode: 'oidc' | 'dev';
  /** The connected relying party; undefined while the issuer is unreachable (discovery is retried). */
  readonly oidc: () => OidcLogin | undefined;
  /** The registered redirect URL (its path is the callback route). */
  readonly redirectUrl?: URL;
  readonly sessions: SessionManager;
  readonly store: SessionStore;
  readonly policy: RolePolicy;
  readonly directory: Directory;
  readonly pseudonym: (sub: string) => string;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly texts: ConsoleTexts;
  readonly protect: Protect;
  /** Seals the pending login into the login cookie (no database row per `/login`). */
  readonly pendingSeal: PendingLoginSeal;
}

/** Only local paths are followed after login (no open redirect). */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[\x21-\x7e]*$/.test(value) ? value : '/konsole';
}

/** Sends an HTML page (the console's helper). */
export { sendHtml as sendPage };

/** A 302 to `location`, never cached. */
export function redirect(response: Response, location: string): void {
  response.setHeader('Location', location);
  response.setHeader('Cache-Control', 'no-store');
  response.send(302);
}
