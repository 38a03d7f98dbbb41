/**
 * Decides which documents may answer a question and how they weigh: the county (tenant) it is about
 * — named as "Kreis Unna", "Unna", "KV Viersen", "PB", "Paderborner" — and which editions are in force. A county or
 * kreisfreie Stadt without documents ("kreis wesel", "in Gütersloh", "Märkischer Kreis") allows nothing (unknown-place.ts).
 * Never lets a fact from another county into an answer; an older edition stays answerable but ranks
 * below the edition that replaces it (see editions.ts).
 */
import type { DocumentMeta } from '../../ports/knowledge.ts';
import { escapeRegExp, foldGerman } from '../../shared/text.ts';
import { countyCodes, countyDemonyms, countyName, internationalCodes, namedTenants } from './county-aliases.ts';
import { asksForOlderEdition, editionWeights, isInForce, supersededBy } from './editions.ts';
import { reweighPlaces } from './reweigh-places.ts';
import { unknownPlace } from './unknown-place.ts';

/** The documents allowed for one question, and why. */
export interface AnswerScope {
  readonly allowed: ReadonlySet<string>;
  /**
   * Document id → ranking factor in (0, 1] (absent = 1) among editions of one document: apply with
   * `weighHitsByScope` right after retrieval. Older editions the question does not ask for get < 1.
   */
  readonly weights: ReadonlyMap<string, number>;
  /** The county the answer is restricted to, if any. */
  readonly tenant?: string;
  /** A county named in the question for which no documents exist. */
  readonly unknownTenant?: string;
  /** document id → the older edition it replaces (for the edition note). */
  readonly replaces: ReadonlyMap<string, DocumentMeta>;
  /** older document id → the edition in force that replaces it (for a note when the older one is cited). */
  readonly replacedBy: ReadonlyMap<string, DocumentMeta>;
}

const tenantKeys = new Map<string, string>();

/** The distinguishing name of a tenant label, e.g. "Kreis Viersen" → "viersen" (memoised: labels are few, calls many). */
export function tenantKey(tenant: string): string {
  let key = tenantKeys.get(tenant);
  if (key === undefined) {
    key = foldGerman(tenant.replace(/^(land)?kreis(es|verwaltung)?\s+/i, '')).trim();
    if (tenantKeys.size < 10_000) tenantKeys.set(tenant, key);
  }
  return key;
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
  const named = namedTenants(question, known)[0];
  const unknown = named ? undefined : unknownPlace(question, new Set(known.map(tenantKey)));
  const tenant = named ?? (unknown ? undefined : input.userTenant);
  const wantsOlder = asksForOlderEdition(question);
  const replacedBy = supersededBy(documents, today);
  const allowed = new Set<string>();
  const replaces = new Map<string, DocumentMeta>();
  if (!unknown) {
    for (const meta of documents) {
      if (tenant && meta.tenant && tenantKey(meta.tenant) !== tenantKey(tenant)) continue;
      if (!wantsOlder && !isInForce(meta, today)) continue;
      allowed.add(meta.id);
    }
  }
  for (const [olderId, newer] of replacedBy) {
    const older = documents.find((meta) => meta.id === olderId);
    if (older) replaces.set(newer.id, older);
  }
  const weights = new Map([...editionWeights(question, documents, replacedBy)].filter(([id]) => allowed.has(id)));
  return {
    allowed,
    weights,
    replaces,
    replacedBy,
    ...(tenant ? { tenant } : {}),
    ...(unknown ? { unknownTenant: unknown } : {}),
  };
}

/**
 * Applies the scope's edition weights to retrieved hits: only the hits of documents that are editions of
 * one another (older and newer) are re-ordered among the places they hold, by score × weight, each taking
 * the score of the place it moves to; hits of all other documents keep their place and score. So the newer
 * edition wins where both answer, and an older edition never loses ground to another document.
 * Without weights the hits come back unchanged.
 */
export function weighHitsByScope<H extends { readonly id: string; readonly score: number }>(
  hits: readonly H[],
  scope: Pick<AnswerScope, 'weights' | 'replacedBy'>,
  documentOf: (chunkId: string) => string,
): H[] {
  if (scope.weights.size === 0) return [...hits];
  const editions = new Set([...scope.replacedBy].flatMap(([older, newer]) => [older, newer.id]));
  const places = hits.flatMap((hit, index) => (editions.has(documentOf(hit.id)) ? [index] : []));
  return reweighPlaces(hits, places, (hit) => scope.weights.get(documentOf(hit.id)) ?? 1);
}

/**
 * The question without the name of the county it is scoped to ("… im Kreis Unna?" → "…?"): the scope
 * already restricts the documents, and the name would only favour passages that repeat it.
 */
export function withoutTenantMention(question: string, tenant: string | undefined): string {
  if (!tenant) return question;
  const name = countyName(tenant);
  const forms = [name, ...(countyDemonyms[name] ?? [])].map(escapeRegExp).join('|');
  const lead = String.raw`(?:(?:im|in|der|des|dem|vom|beim|für)\s+)?(?:(?:(?:Land)?[Kk]reis(?:es|verwaltung)?|KV)\s+)?`;
  const words = new RegExp(String.raw`(?<![\p{L}\p{N}])${lead}(?:${forms})(?:s|er|ern|ers|n)?(?![\p{L}\p{N}])`, 'giu');
  const codes = (countyCodes[name] ?? []).map(escapeRegExp).join('|');
  const coded = codes ? new RegExp(String.raw`(?<![\p{L}\p{N}-])${lead}(?:${codes})(?![\p{L}\p{N}-])`, 'gu') : undefined;
  const compoundCodes = (countyCodes[name] ?? [])
    .filter((code) => !internationalCodes.has(code))
    .map(escapeRegExp)
    .join('|');
  const prefixed = compoundCodes ? new RegExp(String.raw`(?<![\p{L}\p{N}-])(?:${compoundCodes})-(?=\p{L})`, 'gu') : undefined;
  const withoutCodes = [coded, prefixed].reduce(
    (text, pattern) => (pattern ? text.replace(pattern, pattern === coded ? ' ' : '') : text),
    question,
  );
  const stripped = withoutCodes
    .replace(words, ' ')
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([?!.,])/g, '$1')
    .trim();
  return stripped.length >= 3 ? stripped : question;
}
