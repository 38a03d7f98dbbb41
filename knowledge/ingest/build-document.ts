/**
 * Turns a parsed file into an `IngestedDocument`: validated metadata (front-matter or sidecar) merged
 * with what can be inferred from the text (title, type, county, Stand, the edition it replaces), and the chunks.
 */
import { basename } from 'node:path';
import type { Chunk, DocumentMeta, IngestedDocument } from '../../bot/ports/knowledge.ts';
import { parseDocumentMeta, type DocumentMetaInput } from '../schema/document-meta.ts';
import { chunkText } from './chunker.ts';
import { inferEditionYear, inferPredecessors } from './infer-edition.ts';
import { fallbackTitle, inferStand, inferTenant, inferType } from './infer-metadata.ts';
import { describeTitle, inferDesignation, inferTitle } from './infer-title.ts';
import { courseText } from './parsers/parse-catalogue.ts';
import type { ParsedDocument } from './parsers/parsed-document.ts';

function courseChunks(documentId: string, parsed: ParsedDocument): Chunk[] {
  let offset = 0;
  return (parsed.courses ?? []).map((course, ordinal) => {
    const text = courseText(course);
    const chunk: Chunk = {
      id: `${documentId}#${ordinal}`,
      documentId,
      ordinal,
      section: course.title,
      text,
      start: offset,
      end: offset + text.length,
      kind: 'course',
      course,
    };
    offset += text.length + 2;
    return chunk;
  });
}

/**
 * Title, type, county, Stand and replaced editions: from the metadata where given, else from the text.
 * A title described from the text of a new edition that names its predecessor says "(Neufassung)", so that
 * the citations of the two editions can be told apart without putting a guessed year into the index.
 */
function inferMeta(id: string, parsed: ParsedDocument, raw: DocumentMetaInput) {
  const heading = raw.title ?? inferTitle(parsed.text);
  const type = raw.type ?? (parsed.courses ? 'schulung' : inferType(heading ?? '', parsed.text));
  const tenant = raw.tenant ?? inferTenant(parsed.text);
  const stand = raw.stand ?? inferStand(parsed.text);
  if (parsed.courses)
    return { title: heading ?? fallbackTitle(type, tenant, basename(id)), type, tenant, stand, supersedes: raw.supersedes ?? [] };
  const year = inferEditionYear(parsed.text, stand);
  const designation = inferDesignation(parsed.text);
  const inferredPredecessors = inferPredecessors(parsed.text, {
    ...(designation ? { designation } : {}),
    ...(tenant ? { tenant } : {}),
    ...(year ? { year } : {}),
  });
  const supersedes = raw.supersedes ?? inferredPredecessors;
  const described = describeTitle(parsed.text, tenant);
  const renewed = described && !raw.supersedes && inferredPredecessors.length > 0 && designation && described.startsWith(designation);
  const title = heading ?? (renewed ? `${described} (Neufassung)` : described) ?? fallbackTitle(type, tenant, basename(id));
  return { title, type, tenant, stand, supersedes };
}

/** Builds the document, or returns the reason its metadata is invalid. */
export function buildDocument(input: {
  id: string;
  checksum: string;
  parsed: ParsedDocument;
  sidecar?: unknown;
}): { ok: true; document: IngestedDocument } | { ok: false; reason: string } {
  const { id, parsed } = input;
  const validated = parseDocumentMeta({
    ...(isRecord(parsed.rawMeta) ? parsed.rawMeta : {}),
    ...(isRecord(input.sidecar) ? input.sidecar : {}),
  });
  if (!validated.ok) return validated;
  const raw = validated.meta;
  const { title, type, tenant, stand, supersedes } = inferMeta(id, parsed, raw);
  const meta: DocumentMeta = {
    id,
    title,
    type,
    checksum: input.checksum,
    supersedes,
    visibility: raw.visibility ?? [],
    ...(tenant ? { tenant } : {}),
    ...(stand ? { stand } : {}),
    ...(raw.owner ? { owner: raw.owner } : {}),
    ...(raw.valid_from ? { validFrom: raw.valid_from } : {}),
    ...(raw.valid_to ? { validTo: raw.valid_to } : {}),
    ...(raw.url ? { url: raw.url } : {}),
  };
  const chunks = parsed.courses ? courseChunks(id, parsed) : chunkText(id, parsed.text, { faq: type === 'faq' });
  if (chunks.length === 0) return { ok: false, reason: 'no text to index' };
  return { ok: true, document: { meta, text: parsed.text, chunks } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
