/**
 * Reads the cited document ids out of a stored bot message payload (JSON of the turn result).
 */

/** Documents cited in a stored bot message payload. */
export function citedDocuments(payload: string | null | undefined): string[] {
  if (!payload) return [];
  const parsed: unknown = JSON.parse(payload);
  const citations = (parsed as { citations?: unknown }).citations;
  if (!Array.isArray(citations)) return [];
  return [
    ...new Set(
      citations
        .map((entry: unknown) => (entry as { document?: unknown }).document)
        .filter((document): document is string => typeof document === 'string'),
    ),
  ];
}
