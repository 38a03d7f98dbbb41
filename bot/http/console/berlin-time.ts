/**
 * Dates and times as German administrations read and enter them: shown as `06.12.2026, 14:30` in
 * Europe/Berlin, entered through `<input type="datetime-local">` (wall-clock time in Berlin) and stored as UTC.
 */

const zone = 'Europe/Berlin';
const wallClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: zone,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const shown = new Intl.DateTimeFormat('de-DE', {
  timeZone: zone,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** Berlin wall-clock fields of an instant. */
function fieldsAt(instant: number): Record<string, number> {
  return Object.fromEntries(
    wallClock
      .formatToParts(new Date(instant))
      .filter((part) => part.type !== 'literal')
      .map((part) => [part.type, Number(part.value)]),
  );
}

/** Minutes Berlin is ahead of UTC at `instant` (60 in winter, 120 in summer). */
function offsetMinutes(instant: number): number {
  const f = fieldsAt(instant);
  return (Date.UTC(f.year!, f.month! - 1, f.day!, f.hour!, f.minute!, f.second!) - Math.floor(instant / 1000) * 1000) / 60_000;
}

/** `2026-12-06T14:30` (Berlin wall clock, as a datetime-local input sends it) → ISO UTC; undefined if malformed. */
export function berlinLocalToIso(local: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return undefined;
  let instant = asUtc - offsetMinutes(asUtc) * 60_000;
  instant = asUtc - offsetMinutes(instant) * 60_000;
  return new Date(instant).toISOString();
}

/** An instant as a datetime-local value in Berlin (`2026-12-06T14:30`), e.g. for a form's default. */
export function isoToBerlinLocal(iso: string | Date): string {
  const f = fieldsAt(typeof iso === 'string' ? Date.parse(iso) : iso.getTime());
  const two = (value: number | undefined): string => String(value).padStart(2, '0');
  return `${f.year}-${two(f.month)}-${two(f.day)}T${two(f.hour)}:${two(f.minute)}`;
}

/** An instant as Germans read it in Berlin: `06.12.2026, 14:30`; '–' when missing or invalid. */
export function formatBerlinDateTime(iso: string | undefined): string {
  const instant = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(instant) ? '–' : shown.format(new Date(instant));
}

/** A calendar date `2026-09-01` as `01.09.2026`; '–' when missing, unchanged when not ISO. */
export function formatGermanDate(date: string | undefined): string {
  if (!date) return '–';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : date;
}
