import { describe, expect, it } from 'vitest';
import { formatDay, formatInZone, isTimeZone, isoToZonedLocal, sameClock, timeZoneOptions, zonedLocalToIso } from './zoned-time';

describe('zoned wall-clock times', () => {
  it('reads a wall-clock time in the event’s zone as the instant, in winter and in summer', () => {
    expect(zonedLocalToIso('2026-01-15T18:00', 'Europe/Stockholm')).toBe('2026-01-15T17:00:00.000Z');
    expect(zonedLocalToIso('2026-07-15T18:00', 'Europe/Stockholm')).toBe('2026-07-15T16:00:00.000Z');
    expect(zonedLocalToIso('2026-07-15T18:00', 'America/New_York')).toBe('2026-07-15T22:00:00.000Z');
    expect(zonedLocalToIso('2026-07-15T18:00', 'UTC')).toBe('2026-07-15T18:00:00.000Z');
  });

  it('finds the instant on the days the clocks change', () => {
    // 29 March 2026: Stockholm goes from 02:00 CET to 03:00 CEST; 25 October back from 03:00 CEST to 02:00 CET.
    expect(zonedLocalToIso('2026-03-29T01:30', 'Europe/Stockholm')).toBe('2026-03-29T00:30:00.000Z');
    expect(zonedLocalToIso('2026-03-29T03:30', 'Europe/Stockholm')).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedLocalToIso('2026-10-25T04:00', 'Europe/Stockholm')).toBe('2026-10-25T03:00:00.000Z');
  });

  it('shows an instant as the wall-clock time in a zone, the way back', () => {
    expect(isoToZonedLocal('2026-01-15T17:00:00Z', 'Europe/Stockholm')).toBe('2026-01-15T18:00');
    expect(isoToZonedLocal('2026-07-15T22:00:00Z', 'America/New_York')).toBe('2026-07-15T18:00');
    expect(isoToZonedLocal('2026-07-15T22:00:00Z', 'Asia/Tokyo')).toBe('2026-07-16T07:00');
    for (const local of ['2026-02-01T09:15', '2026-08-31T23:45']) {
      expect(isoToZonedLocal(zonedLocalToIso(local, 'Australia/Sydney'), 'Australia/Sydney')).toBe(local);
    }
  });

  it('reads nothing from an empty or unreadable time or an unknown zone', () => {
    expect(zonedLocalToIso('', 'Europe/Stockholm')).toBeUndefined();
    expect(zonedLocalToIso('2026-13-01T10:00', 'Europe/Stockholm')).toBeUndefined();
    expect(zonedLocalToIso('2026-01-15T18:00', 'Mars/Olympus')).toBeUndefined();
    expect(isoToZonedLocal(undefined, 'Europe/Stockholm')).toBe('');
    expect(isoToZonedLocal('soon', 'Europe/Stockholm')).toBe('');
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('Europe/Stockholm')).toBe(true);
  });

  it('offers the IANA zones, sorted, with UTC and Stockholm among them', () => {
    const zones = timeZoneOptions();
    expect(zones).toContain('Europe/Stockholm');
    expect(zones).toContain('UTC');
    expect(zones).toEqual([...zones].sort((a, b) => a.localeCompare(b)));
  });

  it('formats an instant in a zone and tells when two zones show the same clock', () => {
    expect(formatInZone('2026-01-15T17:00:00Z', 'Europe/Stockholm', 'en')).toMatch(/15 Jan 2026.*18:00/);
    expect(formatInZone('2026-01-15T17:00:00Z', 'Europe/Stockholm', 'en', { zoneName: true })).toMatch(/18:00 CET$/);
    expect(formatInZone('2026-01-15T17:00:00Z', 'America/New_York', 'sv')).toMatch(/15 jan\.? 2026.*12:00/);
    expect(sameClock('2026-01-15T17:00:00Z', 'Europe/Stockholm', 'Europe/Paris')).toBe(true);
    expect(sameClock('2026-01-15T17:00:00Z', 'Europe/Stockholm', 'Europe/London')).toBe(false);
  });

  it('formats a day without a time of day, whatever the viewer’s zone', () => {
    expect(formatDay('2030-05-14', 'sv')).toBe('14 maj 2030');
    expect(formatDay('2030-05-14', 'en')).toBe('14 May 2030');
    expect(formatDay('14/5', 'en')).toBe('');
  });
});
