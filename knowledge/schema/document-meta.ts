/**
 * zod schema of document metadata (Markdown front-matter or a `<file>.meta.yaml` sidecar). All fields
 * are optional; what is missing is inferred from the text where obvious.
 */
import { z } from 'zod';
import { documentTypes } from '../../bot/ports/knowledge.ts';

const isoDate = z.union([z.string(), z.date()]).transform((value, context) => {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    context.addIssue({ code: 'custom', message: `expected a date YYYY-MM-DD, got "${text}"` });
    return z.NEVER;
  }
  return text;
});

const stringList = z.union([z.string(), z.array(z.string())]).transform((value) => (Array.isArray(value) ? value : [value]));

/** Metadata as written by document owners (snake_case keys). */
export const documentMetaInputSchema = z
  .object({
    title: z.string().min(1).optional(),
    type: z.enum(documentTypes).optional(),
    tenant: z.string().min(1).optional(),
    owner: z.string().min(1).optional(),
    stand: isoDate.optional(),
    valid_from: isoDate.optional(),
    valid_to: isoDate.optional(),
    supersedes: stringList.optional(),
    visibility: stringList.optional(),
    url: z.string().min(1).optional(),
  })
  .strict();

/** Parsed metadata input. */
export type DocumentMetaInput = z.infer<typeof documentMetaInputSchema>;

/** Validates raw metadata; the error names each failing field. */
export function parseDocumentMeta(raw: unknown): { ok: true; meta: DocumentMetaInput } | { ok: false; reason: string } {
  const parsed = documentMetaInputSchema.safeParse(raw ?? {});
  if (parsed.success) return { ok: true, meta: parsed.data };
  const reason = parsed.error.issues.map((issue) => `metadata ${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
  return { ok: false, reason };
}
