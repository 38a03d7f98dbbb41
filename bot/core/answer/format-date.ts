/**
 * German date formatting for answers ("2025-03-01" → "01.03.2025", with time when given).
 */

/** Formats an ISO date or date-time in German notation; returns the input when it is not ISO. */
export function formatGermanDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(iso);
  if (!match) return iso;
  const [, year, month, day, hour, minute] = match;
  const date = `${day}.${month}.${year}`;
  return hour && minute ? `${date}, ${hour}:${minute} Uhr` : date;
}
