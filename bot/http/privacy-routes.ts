/**
 * Data-subject requests for the Datenschutzbeauftragte over the web API (issue #22): `GET /api/privacy/:person`
 * returns the Art. 15 export as JSON, `DELETE /api/privacy/:person` with `{"confirm":true}` erases (Art. 17).
 * Only a signed-in directory person with the `dsb` role; each request is audited by the core.
 */
import type { Response, Server } from 'restify';
import { z } from 'zod';
import type { DataSubjectRequests, DataSubjectResult } from '../core/privacy/data-subject-requests.ts';
import type { Protect } from './auth/access.ts';
import { readJsonBody } from '../adapters/http-kit/json-body.ts';
import { sendError } from '../adapters/http-kit/send-error.ts';

/** What the privacy routes need. */
export interface PrivacyRouteDeps {
  readonly requests: DataSubjectRequests;
  readonly protect: Protect;
  readonly maxBodyBytes: number;
}

const person = z.string().regex(/^[\w.@-]{1,100}$/);
const confirmSchema = z.object({ confirm: z.literal(true) }).strict();

function send(response: Response, result: DataSubjectResult): void {
  response.setHeader('Cache-Control', 'no-store');
  if (result.kind === 'refused') return sendError(response, 403, result.reason, result.text);
  response.send(200, result);
}

/** Registers the routes (role `dsb`; the core checks the directory role again). */
export function registerPrivacyRoutes(server: Server, deps: PrivacyRouteDeps): void {
  server.get(
    '/api/privacy/:person',
    deps.protect(['dsb'], async (request, response, caller) => {
      const subject = person.safeParse(request.params.person);
      if (!subject.success) return sendError(response, 400, 'invalid_person', 'Bitte geben Sie eine gültige Personenkennung an.');
      send(response, await deps.requests.export({ subject: subject.data, by: caller.principal?.personId ?? '' }));
    }),
  );
  server.del(
    '/api/privacy/:person',
    deps.protect(['dsb'], async (request, response, caller) => {
      const subject = person.safeParse(request.params.person);
      if (!subject.success) return sendError(response, 400, 'invalid_person', 'Bitte geben Sie eine gültige Personenkennung an.');
      const body = await readJsonBody(request, deps.maxBodyBytes);
      if (!body.ok) return sendError(response, body.problem.status, body.problem.code, body.problem.message);
      if (!confirmSchema.safeParse(body.value).success)
        return sendError(response, 400, 'confirm_required', 'Die Löschung ist endgültig: Bitte bestätigen Sie sie mit {"confirm": true}.');
      send(response, await deps.requests.erase({ subject: subject.data, by: caller.principal?.personId ?? '' }));
    }),
  );
}
