/**
 * One knowledge document in the console (issue #22): its metadata form (title, owner, "gültig bis",
 * successors) and the deletion with a confirmation box. Owners change only their units' documents and may
 * name only their own units as owner; admins any. Every change re-indexes and is audited.
 */
import type { AdminAction } from '../../ports/audit-log.ts';
import type { DocumentMeta } from '../../ports/knowledge.ts';
import type { Caller, ProtectedHandler } from '../auth/access.ts';
import { escapeHtml as e } from '../pages.ts';
import type { ConsoleDeps } from './console-deps.ts';
import { callerUnitNames, consolePage, errorPage, ownsDocument } from './console-pages.ts';
import { fillText } from './console-texts.ts';
import { postForm, seeOther, sendHtml } from './html.ts';

/** Address of a document's page. */
export const documentPageHref = (documentId: string): string => `/konsole/quellen/dokument?id=${encodeURIComponent(documentId)}`;

function editForm(deps: ConsoleDeps, caller: Caller, meta: DocumentMeta): string {
  const t = deps.texts;
  const others = deps.documents().filter((entry) => entry.meta.id !== meta.id);
  const options = others
    .map(
      ({ meta: other }) =>
        `<option value="${e(other.id)}"${meta.supersedes.includes(other.id) ? ' selected' : ''}>${e(other.title)} (${e(other.id)})</option>`,
    )
    .join('');
  return `<section class="card" aria-labelledby="edit-heading"><h2 id="edit-heading">${e(t.documentEditTitle)}</h2>${postForm(
    '/konsole/quellen/dokument',
    caller.session?.csrfToken ?? '',
    `<input type="hidden" name="id" value="${e(meta.id)}">
<p><label for="document-title">${e(t.sourceTitle)}</label><input id="document-title" name="title" required maxlength="200" value="${e(meta.title)}"></p>
<p><label for="document-owner">${e(t.sourceOwner)}</label><input id="document-owner" name="owner" maxlength="200" value="${e(meta.owner ?? '')}"></p>
<p><label for="document-valid-to">${e(t.validityDate)}</label><input id="document-valid-to" name="valid_to" type="date" value="${e(meta.validTo ?? '')}"></p>
<p><label for="document-supersedes">${e(t.validitySupersedes)}</label><select id="document-supersedes" name="supersedes" multiple size="6">${options}</select></p>
<button type="submit">${e(t.documentSave)}</button>`,
  )}</section>`;
}

function deleteForm(deps: ConsoleDeps, caller: Caller, meta: DocumentMeta): string {
  const t = deps.texts;
  return `<section class="card" aria-labelledby="delete-heading"><h2 id="delete-heading">${e(t.documentDelete)}</h2>${postForm(
    '/konsole/quellen/loeschen',
    caller.session?.csrfToken ?? '',
    `<input type="hidden" name="id" value="${e(meta.id)}">
<p><input id="delete-confirm" name="confirm" type="checkbox" value="yes"> <label for="delete-confirm">${e(t.documentDeleteConfirm)}</label></p>
<button type="submit" class="secondary">${e(t.documentDelete)}</button>`,
  )}</section>`;
}

/** The handlers of the document page, its save and its deletion. */
export function documentHandlers(
  deps: ConsoleDeps,
  actorOf: (caller: Caller) => string,
): Record<'document-page' | 'document-save' | 'document-delete', ProtectedHandler> {
  const t = deps.texts;
  const refuse = (response: Parameters<ProtectedHandler>[1], caller: Caller, status: number, title: string, message: string): void =>
    sendHtml(response, status, errorPage(deps, caller, { title, message }));
  /** The document named by `id` if the caller may change it; otherwise the refusal is sent. */
  const target = (response: Parameters<ProtectedHandler>[1], caller: Caller, id: string): DocumentMeta | undefined => {
    const meta = deps.document(id);
    if (!meta || !deps.editDocument) return void refuse(response, caller, 404, t.notFoundTitle, t.validityUnknownDocument);
    if (!ownsDocument(deps, caller, id)) return void refuse(response, caller, 403, t.forbiddenTitle, t.validityNotOwner);
    return meta;
  };
  const done = async (caller: Caller, action: AdminAction): Promise<void> => deps.auditAdmin?.(action, actorOf(caller));
  return {
    'document-page': async (request, response, caller) => {
      const meta = target(response, caller, new URL(request.url ?? '/', 'http://local').searchParams.get('id') ?? '');
      if (!meta) return;
      const body =
        `<p><a href="/konsole/quellen">${e(t.sourcesTitle)}</a></p>` + editForm(deps, caller, meta) + deleteForm(deps, caller, meta);
      sendHtml(response, 200, consolePage(deps, caller, `${t.documentEditTitle}: ${meta.title}`, body, '/konsole/quellen'));
    },
    'document-save': async (_request, response, caller) => {
      const form = caller.form ?? new URLSearchParams();
      const meta = target(response, caller, form.get('id') ?? '');
      if (!meta || !deps.editDocument) return;
      const title = (form.get('title') ?? '').trim();
      const owner = (form.get('owner') ?? '').trim();
      const validTo = (form.get('valid_to') ?? '').trim();
      const supersedes = [
        ...new Set(
          form
            .getAll('supersedes')
            .map((entry) => entry.trim())
            .filter(Boolean),
        ),
      ];
      if (!title || title.length > 200) return refuse(response, caller, 400, t.documentEditTitle, t.documentTitleInvalid);
      if (validTo && (!/^\d{4}-\d{2}-\d{2}$/.test(validTo) || Number.isNaN(Date.parse(validTo))))
        return refuse(response, caller, 400, t.documentEditTitle, t.validityDateInvalid);
      const admin = caller.principal?.roles.includes('admin') ?? false;
      if (owner && !admin && !callerUnitNames(deps, caller).has(owner))
        return refuse(response, caller, 403, t.forbiddenTitle, fillText(t.documentOwnerForeign, { owner }));
      const foreign = supersedes.filter((id) => deps.document(id) && !ownsDocument(deps, caller, id));
      if (foreign.length)
        return refuse(response, caller, 403, t.forbiddenTitle, fillText(t.supersedesForeign, { documents: foreign.join(', ') }));
      const outcome = await deps.editDocument(meta.id, { title, ...(owner ? { owner } : {}), ...(validTo ? { validTo } : {}), supersedes });
      if (outcome.kind === 'rejected') return refuse(response, caller, outcome.status, t.documentEditTitle, outcome.message);
      await done(caller, 'metadata_change');
      seeOther(response, '/konsole/quellen');
    },
    'document-delete': async (_request, response, caller) => {
      const form = caller.form ?? new URLSearchParams();
      const meta = target(response, caller, form.get('id') ?? '');
      if (!meta || !deps.deleteDocument) return;
      if (form.get('confirm') !== 'yes') return refuse(response, caller, 400, t.documentDelete, t.documentDeleteUnconfirmed);
      const outcome = await deps.deleteDocument(meta.id);
      if (outcome.kind === 'rejected') return refuse(response, caller, outcome.status, t.documentDelete, outcome.message);
      await done(caller, 'document_delete');
      seeOther(response, '/konsole/quellen');
    },
  };
}
