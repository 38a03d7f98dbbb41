/**
 * The knowledge sources page: documents with German type names and dates, skipped files of the last
 * run, the upload form (script `/assets/console.js`), "gültig bis" with a date picker and successors
 * picked from the stored documents, and re-indexing for admins.
 */
import type { Caller } from '../auth/access.ts';
import { escapeHtml as e } from '../pages.ts';
import { formatGermanDate } from './berlin-time.ts';
import type { ConsoleDeps } from './console-deps.ts';
import { ownsDocument } from './console-pages.ts';
import { documentPageHref } from './document-page.ts';
import { postForm, table } from './html.ts';

function uploadSection(deps: ConsoleDeps, caller: Caller): string {
  const t = deps.texts;
  return `<section class="card" aria-labelledby="upload-heading"><h2 id="upload-heading">${e(t.sourcesUpload)}</h2><p>${e(t.sourcesUploadHint)}</p>
<form id="upload-form" data-csrf="${e(caller.session?.csrfToken ?? '')}" data-busy="${e(t.uploadBusy)}" data-failed="${e(t.uploadFailed)}"><p><label for="upload-file">${e(t.sourcesUploadFile)}</label><input id="upload-file" type="file" required></p><button type="submit">${e(t.sourcesUpload)}</button><p id="upload-status" role="status"></p></form></section>
<script src="/assets/console.js" type="module"></script>`;
}

function validitySection(deps: ConsoleDeps, caller: Caller, documents: ReturnType<ConsoleDeps['documents']>): string {
  const t = deps.texts;
  const options = documents.map(({ meta }) => `<option value="${e(meta.id)}">${e(meta.title)} (${e(meta.id)})</option>`).join('');
  return `<section class="card" aria-labelledby="validity-heading"><h2 id="validity-heading">${e(t.validityTitle)}</h2>${postForm(
    '/konsole/quellen/gueltigkeit',
    caller.session?.csrfToken ?? '',
    `<p><label for="validity-document">${e(t.validityDocument)}</label><select id="validity-document" name="document" required>${options}</select></p>
<p><label for="validity-date">${e(t.validityDate)}</label><input id="validity-date" name="valid_to" type="date"></p>
<p><label for="validity-supersedes">${e(t.validitySupersedes)}</label><select id="validity-supersedes" name="supersedes" multiple size="6">${options}</select></p>
<button type="submit">${e(t.validitySave)}</button>`,
  )}</section>`;
}

/** Knowledge sources with index status, the last skipped files, upload, validity and re-index. */
export function sourcesBody(deps: ConsoleDeps, caller: Caller): string {
  const t = deps.texts;
  const documents = deps.documents();
  // Paths may break after "/" and "-", so that long file names do not widen the table.
  // Documents the caller may change link to their page (metadata, deletion; issue #22).
  const titleCell = (meta: (typeof documents)[number]['meta']): string | { html: string } =>
    deps.editDocument && ownsDocument(deps, caller, meta.id)
      ? { html: `<a href="${e(documentPageHref(meta.id))}" aria-label="${e(`${t.documentEditLink}: ${meta.title}`)}">${e(meta.title)}</a>` }
      : meta.title;
  const rows = documents.map(({ meta, chunks }) => [
    { html: e(meta.id).replace(/([/-])/g, '$1<wbr>') },
    titleCell(meta),
    t.labels.documentTypes[meta.type],
    meta.owner ?? '–',
    formatGermanDate(meta.stand),
    formatGermanDate(meta.validTo),
    String(chunks),
  ]);
  const last = deps.lastIngest();
  const skipped = last?.skipped.length
    ? table(
        t.sourcesSkipped,
        [t.skippedFile, t.skippedReason],
        last.skipped.map((entry) => [entry.file, entry.reason]),
      )
    : '';
  const reindex = caller.principal?.roles.includes('admin')
    ? postForm(
        '/konsole/quellen/neu-indizieren',
        caller.session?.csrfToken ?? '',
        `<button type="submit" class="secondary">${e(t.sourcesReindex)}</button>`,
      )
    : '';
  const listing = table(
    t.sourcesTitle,
    [t.sourcePath, t.sourceTitle, t.sourceType, t.sourceOwner, t.sourceStand, t.sourceValidity, t.sourceChunks],
    rows,
  );
  return uploadSection(deps, caller) + validitySection(deps, caller, documents) + reindex + listing + skipped;
}
