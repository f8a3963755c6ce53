import { describe, expect, it } from 'vitest';
import { formatDayInZone, formatInZone, isTimeZone } from '../../lib/zoned-time';
import { eventDay, eventTimes, zonedTime } from './event-time';

// 18:00–20:30 in Stockholm (CET, UTC+1 in December).
const REUNION = { startsAt: '2026-12-03T17:00:00Z', endsAt: '2026-12-03T19:30:00Z', timeZone: 'Europe/Stockholm' };

describe('an event’s time', () => {
  it('is shown in the event’s zone, the date once when it starts and ends on one day', () => {
    const { event } = eventTimes(REUNION, 'en', 'Europe/Stockholm');
    expect(event.text).toBe('Thu, 3 Dec 2026, 18:00–20:30');
    expect(event.zoneName).toBe('Central European Time');
    expect(event.dateTime).toBe('2026-12-03T17:00:00.000Z');
    expect(eventTimes(REUNION, 'sv', 'Europe/Stockholm').event.text).toBe('tors 3 dec. 2026 18:00–20:30');
  });

  it('is also shown in the viewer’s zone when it reads differently there', () => {
    const { event, viewer } = eventTimes(REUNION, 'en', 'America/Bogota');
    expect(event.text).toBe('Thu, 3 Dec 2026, 18:00–20:30');
    expect(viewer?.text).toBe('Thu, 3 Dec 2026, 12:00–14:30');
    expect(viewer?.timeZone).toBe('America/Bogota');
  });

  it('is shown once when the viewer’s zone reads the same (another zone at the same offset)', () => {
    expect(eventTimes(REUNION, 'en', 'Europe/Stockholm').viewer).toBeNull();
    expect(eventTimes(REUNION, 'en', 'Europe/Berlin').viewer).toBeNull();
  });

  it('names both days when the event ends on another day', () => {
    const text = zonedTime('2026-12-03T17:00:00Z', '2026-12-04T19:30:00Z', 'Europe/Stockholm', 'en').text;
    expect(text).toContain('Thu, 3 Dec 2026');
    expect(text).toContain('Fri, 4 Dec 2026, 20:30');
  });

  it('falls back to UTC, naming the zone by its id, where the browser does not know the zone', () => {
    expect(isTimeZone('Mars/Base')).toBe(false);
    const time = zonedTime('2026-12-03T17:00:00Z', '2026-12-03T19:30:00Z', 'Mars/Base', 'en');
    expect(time.text).toBe('Thu, 3 Dec 2026, 17:00–19:30');
    expect(time.zoneName).toBe('Mars/Base');
  });

  it('gives the start day in the event’s zone for a date badge', () => {
    // 23:30 UTC on the 3rd is already the 4th in Stockholm.
    expect(eventDay({ startsAt: '2026-12-03T23:30:00Z', timeZone: 'Europe/Stockholm' }, 'en')).toEqual({ day: '4', month: 'Dec' });
  });

  it('formats one instant in the event’s zone', () => {
    expect(formatInZone('2026-12-01T08:00:00Z', 'Europe/Stockholm', 'en')).toBe('Tue, 1 Dec 2026, 09:00');
    expect(formatInZone(null, 'Europe/Stockholm', 'en')).toBe('');
    expect(formatDayInZone('2027-12-03T23:30:00Z', 'Europe/Stockholm', 'en')).toBe('Sat, 4 Dec 2027');
    expect(formatDayInZone('2027-12-03T19:30:00Z', 'Europe/Stockholm', 'sv')).toBe('fre 3 dec. 2027');
  });
});
