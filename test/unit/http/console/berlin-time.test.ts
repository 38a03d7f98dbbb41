import { describe, expect, it } from 'vitest';
import { berlinLocalToIso, formatBerlinDateTime, formatGermanDate, isoToBerlinLocal } from '../../../../bot/http/console/berlin-time.ts';

describe('berlin-time', () => {
  it('reads a picker value as Berlin time in winter and in summer', () => {
    expect(berlinLocalToIso('2026-12-24T09:00')).toBe('2026-12-24T08:00:00.000Z');
    expect(berlinLocalToIso('2026-07-01T09:00')).toBe('2026-07-01T07:00:00.000Z');
  });

  it('handles the night of the clock change', () => {
    // 02:30 does not exist on 29 March 2026; the picker value means the instant one hour later on the wall clock.
    expect(berlinLocalToIso('2026-03-29T01:30')).toBe('2026-03-29T00:30:00.000Z');
    expect(berlinLocalToIso('2026-03-29T03:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(berlinLocalToIso('2026-10-25T03:30')).toBe('2026-10-25T02:30:00.000Z');
  });

  it('refuses malformed and impossible values', () => {
    for (const value of ['', '24.12.2026 09:00', '2026-02-30T09:00', '2026-12-24T24:00', '2026-12-24'])
      expect(berlinLocalToIso(value)).toBeUndefined();
  });

  it('round-trips an instant through the picker format', () => {
    for (const iso of ['2026-12-24T08:00:00.000Z', '2026-07-01T07:15:00.000Z']) expect(berlinLocalToIso(isoToBerlinLocal(iso))).toBe(iso);
  });

  it('shows dates the German way', () => {
    expect(formatBerlinDateTime('2026-07-01T07:00:00Z')).toBe('01.07.2026, 09:00');
    expect(formatBerlinDateTime(undefined)).toBe('–');
    expect(formatGermanDate('2026-09-01')).toBe('01.09.2026');
    expect(formatGermanDate(undefined)).toBe('–');
  });
});
