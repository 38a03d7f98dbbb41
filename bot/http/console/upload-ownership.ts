/**
 * What an owner may publish through an upload (issue #18, item 10): only into their own unit's documents.
 * The metadata the ingestion will read (front-matter) may name only the uploader's units as `owner`, their
 * tenant, and `supersedes` only documents they own; an upload never replaces another unit's upload.
 */
import { parseFile } from '../../../knowledge/ingest/parsers/parse-file.ts';
import { parseDocumentMeta } from '../../../knowledge/schema/document-meta.ts';
import type { ConsoleTexts } from './console-texts.ts';

/** The refusal texts (`prompts/ui/console.de.yaml`). */
export type OwnershipTexts = Pick<ConsoleTexts, 'uploadForeignFile' | 'uploadForeignOwner' | 'uploadForeignTenant' | 'supersedesForeign'>;

const fill = (template: string, values: Readonly<Record<string, string>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

/** Who uploads: admins may do anything; everyone else is bound to their units. */
export interface Uploader {
  readonly admin: boolean;
  /** Names of the uploader's unit and its parents (what documents carry as `owner`). */
  readonly unitNames: ReadonlySet<string>;
  readonly tenant?: string;
  /** Whether the uploader owns the stored document `id`. */
  owns(documentId: string): boolean;
  /** Whether a document with this id is stored. */
  exists(documentId: string): boolean;
}

/** The German reason an upload is refused (403), or undefined when it may be stored. */
export async function uploadOwnershipProblem(
  name: string,
  bytes: Buffer,
  uploader: Uploader,
  texts: OwnershipTexts,
): Promise<string | undefined> {
  if (uploader.admin) return undefined;
  const id = `uploads/${name}`;
  if (uploader.exists(id) && !uploader.owns(id)) return fill(texts.uploadForeignFile, { name });
  const parsed = await parseFile(name, bytes);
  if (parsed.kind !== 'parsed' || parsed.rawMeta === undefined) return undefined;
  const meta = parseDocumentMeta(parsed.rawMeta);
  // Invalid metadata is reported by the ingestion (skipped file); only valid claims need a decision here.
  if (!meta.ok) return undefined;
  if (meta.meta.owner !== undefined && !uploader.unitNames.has(meta.meta.owner))
    return fill(texts.uploadForeignOwner, { owner: meta.meta.owner });
  if (meta.meta.tenant !== undefined && meta.meta.tenant !== uploader.tenant)
    return fill(texts.uploadForeignTenant, { tenant: meta.meta.tenant });
  const foreign = (meta.meta.supersedes ?? []).filter((documentId) => !uploader.owns(documentId));
  if (foreign.length) return fill(texts.supersedesForeign, { documents: foreign.join(', ') });
  return undefined;
}
