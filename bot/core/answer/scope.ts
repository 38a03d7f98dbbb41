/**
 * Decides which documents may answer a question: the county (tenant) it is about, and which editions
 * are in force today. Never lets a fact from another county or an outdated edition into an answer.
 */
import type { DocumentMeta } from '../../ports/knowledge.ts';
import { foldGerman } from '../../shared/text.ts';

/** The documents allowed for one question, and why. */
export interface AnswerScope {
  readonly allowed: ReadonlySet<string>;
  /** The county the answer is restricted to, if any. */
  readonly tenant?: string;
  /** A county named in the question for which no documents exist. */
  readonly unknownTenant?: string;
  /** document id → the older edition it replaces (for the edition note). */
  readonly replaces: ReadonlyMap<string, DocumentMeta>;
}

const countyPattern = /\b(?:Land)?[Kk]reis(?:es|verwaltung)?\s+([A-ZÄÖÜ][\wäöüß-]+(?:\s+[A-ZÄÖÜ][\wäöüß-]+)?)/g;
const olderEditionPattern = /\b(alte[nrm]?|frühere[nrm]?|vorherige[nrm]?|bisherige[nrm]?|vorige[nrm]?)\s+(fassung|version|regelung|ausgabe)/i;

/** The distinguishing name of a tenant label, e.g. "Kreis Viersen" → "viersen". */
export function tenantKey(tenant: string): string {
  return foldGerman(tenant.replace(/^(land)?kreis(es|verwaltung)?\s+/i, '')).trim();
}

function mentionedTenant(question: string, known: readonly string[]): string | undefined {
  const folded = ` ${foldGerman(question).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return known.find((tenant) => folded.includes(` ${tenantKey(tenant)} `));
}

function unknownCounty(question: string, known: readonly string[]): string | undefined {
  const knownKeys = new Set(known.map(tenantKey));
  for (const match of question.matchAll(countyPattern)) {
    const name = match[1] ?? '';
    const first = tenantKey(name.split(/\s+/)[0] ?? '');
    if (!knownKeys.has(tenantKey(name)) && !knownKeys.has(first)) return `Kreis ${name}`;
  }
  return undefined;
}

function isInForce(meta: DocumentMeta, today: string): boolean {
  if (meta.validFrom && meta.validFrom > today) return false;
  return !(meta.validTo && meta.validTo < today);
}

function supersededIds(documents: readonly DocumentMeta[], today: string): Map<string, DocumentMeta> {
  const byReference = new Map<string, DocumentMeta>();
  for (const meta of documents) {
    byReference.set(meta.id, meta);
    byReference.set(foldGerman(meta.title), meta);
  }
  const replacedBy = new Map<string, DocumentMeta>();
  for (const meta of documents) {
    if (!isInForce(meta, today)) continue;
    for (const reference of meta.supersedes) {
      const older = byReference.get(reference) ?? byReference.get(foldGerman(reference));
      if (older && older.id !== meta.id) replacedBy.set(older.id, meta);
    }
  }
  return replacedBy;
}

/** Computes the scope of a question over the stored documents. */
export function scopeQuestion(input: {
  question: string;
  documents: readonly DocumentMeta[];
  today: string;
  userTenant?: string;
}): AnswerScope {
  const { question, documents, today } = input;
  const known = [...new Set(documents.flatMap((meta) => (meta.tenant ? [meta.tenant] : [])))];
  const named = mentionedTenant(question, known);
  const unknown = named ? undefined : unknownCounty(question, known);
  const tenant = named ?? (unknown ? undefined : input.userTenant);
  const wantsOlder = olderEditionPattern.test(question);
  const replacedBy = supersededIds(documents, today);
  const allowed = new Set<string>();
  const replaces = new Map<string, DocumentMeta>();
  if (!unknown) {
    for (const meta of documents) {
      if (tenant && meta.tenant && tenantKey(meta.tenant) !== tenantKey(tenant)) continue;
      if (!wantsOlder && (!isInForce(meta, today) || replacedBy.has(meta.id))) continue;
      allowed.add(meta.id);
    }
  }
  for (const [olderId, newer] of replacedBy) {
    const older = documents.find((meta) => meta.id === olderId);
    if (older) replaces.set(newer.id, older);
  }
  return {
    allowed,
    replaces,
    ...(tenant ? { tenant } : {}),
    ...(unknown ? { unknownTenant: unknown } : {}),
  };
}

/**
 * The question without the name of the county it is scoped to ("… im Kreis Unna?" → "…?"): the scope
 * already restricts the documents, and the name would only favour passages that repeat it.
 */
export function withoutTenantMention(question: string, tenant: string | undefined): string {
  if (!tenant) return question;
  const name = tenant.replace(/^(Land)?[Kk]reis(es|verwaltung)?\s+/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`\\b(?:(?:im|in|der|des|dem|vom|beim|für)\\s+)?(?:(?:Land)?[Kk]reis(?:es|verwaltung)?\\s+)?${name}s?\\b`, 'gi');
  const stripped = question.replace(pattern, ' ').replace(/\s{2,}/g, ' ').replace(/\s+([?!.,])/g, '$1').trim();
  return stripped.length >= 3 ? stripped : question;
}
