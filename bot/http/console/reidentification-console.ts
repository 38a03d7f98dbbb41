/**
 * Re-identification in the console (issue #18, item 12): a logged-in person requests, and the Personalrat and
 * the data-protection officer approve as themselves. Who acts and in which role comes from the session (roles
 * of the login, person id of the directory), never from a form field naming a person; the store refuses the
 * requester's own approval, one person in both roles, and people who do not hold the role in the directory.
 */
import type { ApprovalRole, ReidentificationResult } from '../../ports/reidentification.ts';
import type { ReidentificationTexts } from '../../../prompts/load-reidentification-texts.ts';
import type { Caller, ProtectedHandler } from '../auth/access.ts';
import { escapeHtml as e } from '../pages.ts';
import type { ConsoleDeps, ReidentificationConsole } from './console-deps.ts';
import { consolePage } from './console-pages.ts';
import { fillText } from './console-texts.ts';
import { postForm, sendHtml, table } from './html.ts';

/** Route path of the page (also in the route table). */
export const reidentificationPath = '/konsole/reidentifizierung';

const approvalRoles: readonly ApprovalRole[] = ['personalrat', 'dsb'];
const notice = (text: string): string => `<p class="notice" role="status">${e(text)}</p>`;

async function body(deps: ConsoleDeps, store: ReidentificationConsole, caller: Caller, message?: string): Promise<string> {
  const t = store.texts;
  const csrf = caller.session?.csrfToken ?? '';
  const roles = caller.principal?.roles ?? [];
  const nameOf = (id: string): string => deps.directory.person(id)?.name ?? id;
  const roleLabel = (role: ApprovalRole): string => deps.texts.labels.roles[role];
  const rows = (await store.open(store.now())).map((request) => {
    const given = approvalRoles.flatMap((role) =>
      request.approvals[role] ? [fillText(t.approvedBy, { role: roleLabel(role), name: nameOf(request.approvals[role]!) })] : [],
    );
    const buttons = approvalRoles
      .filter((role) => roles.includes(role) && !request.approvals[role])
      .map((role) =>
        postForm(
          `${reidentificationPath}/${request.id}/freigeben`,
          csrf,
          `<input type="hidden" name="role" value="${role}"><button type="submit">${e(fillText(t.approveAs, { role: roleLabel(role) }))}</button>`,
        ),
      );
    return [
      String(request.id),
      request.pseudonym,
      request.reason,
      nameOf(request.requestedBy),
      request.expiresAt.slice(0, 10),
      { html: [...given.map(e), ...buttons].join('<br>') },
    ];
  });
  const list = rows.length ? table(t.openCaption, t.columns.split('|'), rows) : `<p class="empty">${e(t.none)}</p>`;
  const form = postForm(
    reidentificationPath,
    csrf,
    `<h2>${e(t.requestHeading)}</h2>
<p><label>${e(t.pseudonymLabel)} <input name="pseudonym" required pattern="[0-9a-f]{32}" maxlength="32"></label></p>
<p><label>${e(t.reasonLabel)} <textarea name="reason" required minlength="10" maxlength="2000"></textarea></label></p>
<p><button type="submit">${e(t.requestButton)}</button></p>`,
  );
  return (message ? notice(message) : '') + `<p>${e(t.intro)}</p>` + list + form;
}

/** The German message for a result. */
function describe(deps: ConsoleDeps, t: ReidentificationTexts, result: ReidentificationResult): string {
  switch (result.kind) {
    case 'requested':
      return fillText(t.requested, { id: String(result.id) });
    case 'approved':
      return fillText(t.approved, {
        id: String(result.id),
        missing: result.missing.map((role) => deps.texts.labels.roles[role]).join(', '),
      });
    case 'revealed':
      return result.userIds.length
        ? fillText(t.revealed, {
            id: String(result.id),
            people: result.userIds.map((id) => deps.directory.person(id)?.name ?? id).join(', '),
          })
        : fillText(t.revealedNobody, { id: String(result.id) });
    case 'refused':
      return fillText(t.refused, { reason: t.reasons[result.reason] });
  }
}

const statusOf = (result: ReidentificationResult): number =>
  result.kind !== 'refused' ? 200 : result.reason === 'not_found' ? 404 : result.reason === 'reason_missing' ? 400 : 409;

/** Handlers of the re-identification routes (ids as in the route table). */
export function reidentificationHandlers(
  deps: ConsoleDeps,
  store: ReidentificationConsole,
): Record<'reidentification-page' | 'reidentification-request' | 'reidentification-approve', ProtectedHandler> {
  const t = store.texts;
  const render = async (response: Parameters<ProtectedHandler>[1], caller: Caller, status: number, message?: string): Promise<void> =>
    sendHtml(response, status, consolePage(deps, caller, t.title, await body(deps, store, caller, message), reidentificationPath));
  // The acting person is the session's directory person; without one (IdP-only login) nobody can act.
  const actor = (caller: Caller): string | undefined => caller.principal?.personId;
  return {
    'reidentification-page': async (_request, response, caller) => render(response, caller, 200),
    'reidentification-request': async (_request, response, caller) => {
      const by = actor(caller);
      if (!by) return render(response, caller, 409, fillText(t.refused, { reason: t.reasons.not_permitted }));
      const form = caller.form ?? new URLSearchParams();
      const result = await store.request({
        pseudonym: (form.get('pseudonym') ?? '').trim().slice(0, 64),
        reason: (form.get('reason') ?? '').slice(0, 2000),
        by,
        now: store.now(),
      });
      await render(response, caller, result.kind === 'requested' ? 201 : statusOf(result), describe(deps, t, result));
    },
    'reidentification-approve': async (request, response, caller) => {
      const roles = caller.principal?.roles ?? [];
      const held = approvalRoles.filter((role) => roles.includes(role));
      const asked = caller.form?.get('role');
      // The role is one the login holds; a form may only choose between the caller's own roles.
      const role = asked ? held.find((candidate) => candidate === asked) : held.length === 1 ? held[0] : undefined;
      const by = actor(caller);
      if (!role) return render(response, caller, 403, fillText(t.refused, { reason: t.reasons.not_permitted }));
      if (!by) return render(response, caller, 409, fillText(t.refused, { reason: t.reasons.not_permitted }));
      const id = Number(request.params.id);
      const result = Number.isSafeInteger(id)
        ? await store.approve({ id, role, by, now: store.now() })
        : ({ kind: 'refused', reason: 'not_found' } as const);
      await render(response, caller, statusOf(result), describe(deps, t, result));
    },
  };
}
