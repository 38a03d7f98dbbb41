/**
 * Editing and deleting a knowledge document from the console (issue #22): metadata changes go into the
 * document's sidecar (`<file>.meta.yaml`, which wins over front-matter), a deletion removes the file and its
 * sidecar; both re-index at once so the index never serves what the console no longer shows.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { IngestReport, UploadOutcome } from '../http/console/console-deps.ts';
import type { DocumentMeta } from '../ports/knowledge.ts';

/** A metadata change; `validTo` absent means "no end date". */
export interface DocumentChange {
  readonly title: string;
  readonly owner?: string;
  readonly validTo?: string;
  readonly supersedes: readonly string[];
}

/** What the document functions need: the stored documents, the source folder and a re-index. */
export interface DocumentAdminDeps {
  readonly listDocuments: () => readonly DocumentMeta[];
  readonly folder: () => string;
  readonly reindex: () => Promise<IngestReport>;
}

const notFound: UploadOutcome = { kind: 'rejected', status: 404, message: 'Dieses Dokument gibt es nicht in der Quellablage.' };

function readSidecar(path: string): Record<string, unknown> {
  const current: unknown = existsSync(path) ? parseYaml(readFileSync(path, 'utf8')) : {};
  return typeof current === 'object' && current !== null ? { ...current } : {};
}

/** `editDocument` and `deleteDocument` over the source folder. */
export function createDocumentAdmin(deps: DocumentAdminDeps) {
  const fileOf = (documentId: string): string | undefined => {
    const path = resolve(deps.folder(), documentId);
    const known = deps.listDocuments().some((meta) => meta.id === documentId);
    return known && path.startsWith(resolve(deps.folder()) + sep) && existsSync(path) ? path : undefined;
  };
  return {
    /** Writes title, owner, validity and successors into the sidecar, then re-indexes. */
    async editDocument(documentId: string, change: DocumentChange): Promise<UploadOutcome> {
      const path = fileOf(documentId);
      if (!path) return notFound;
      const known = new Set(deps.listDocuments().map((meta) => meta.id));
      const unknown = change.supersedes.filter((id) => !known.has(id) || id === documentId);
      if (unknown.length)
        return { kind: 'rejected', status: 400, message: `Unbekannte oder unzulässige Dokumente bei „ersetzt“: ${unknown.join(', ')}` };
      const { valid_to: _validTo, owner: _owner, ...rest } = readSidecar(`${path}.meta.yaml`);
      writeFileSync(
        `${path}.meta.yaml`,
        stringifyYaml({
          ...rest,
          title: change.title,
          ...(change.owner ? { owner: change.owner } : {}),
          ...(change.validTo ? { valid_to: change.validTo } : {}),
          supersedes: [...change.supersedes],
        }),
      );
      const report = await deps.reindex();
      return { kind: 'stored', report, message: 'Metadaten gespeichert und neu indiziert.' };
    },
    /** Removes the file and its sidecar, then re-indexes (the document leaves the index). */
    async deleteDocument(documentId: string): Promise<UploadOutcome> {
      const path = fileOf(documentId);
      if (!path) return notFound;
      rmSync(path);
      rmSync(`${path}.meta.yaml`, { force: true });
      const report = await deps.reindex();
      return { kind: 'stored', report, message: 'Dokument gelöscht.' };
    },
  };
}
