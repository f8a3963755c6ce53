import { describe, expect, it } from 'vitest';
import { formatDateTime, localDateTimeToIso, localDayToIso, waitParts } from './format';

describe('formatDateTime', () => {
  it('formats in the UI language and is empty for nothing', () => {
    const value = '2025-05-01T08:30:00Z';
    expect(formatDateTime(value, 'sv')).toBe(
      new Intl.DateTimeFormat('sv-SE', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value)),
    );
    expect(formatDateTime(value, 'en')).toBe(
      new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value)),
    );
    expect(formatDateTime(undefined, 'sv')).toBe('');
    expect(formatDateTime('not a date', 'sv')).toBe('');
  });
});

describe('waitParts', () => {
  it('words short waits in seconds and long ones in whole minutes', () => {
    expect(waitParts(0)).toEqual({ unit: 'seconds', count: 1 });
    expect(waitParts(42)).toEqual({ unit: 'seconds', count: 42 });
    expect(waitParts(118.2)).toEqual({ unit: 'seconds', count: 119 });
    expect(waitParts(120)).toEqual({ unit: 'minutes', count: 2 });
    expect(waitParts(121)).toEqual({ unit: 'minutes', count: 3 });
    expect(waitParts(900)).toEqual({ unit: 'minutes', count: 15 });
  });
});

describe('localDayToIso', () => {
  it('gives the start of the local day, or of the next one', () => {
    expect(localDayToIso('2025-03-09')).toBe(new Date(2025, 2, 9).toISOString());
    expect(localDayToIso('2025-03-09', true)).toBe(new Date(2025, 2, 10).toISOString());
    expect(localDayToIso('2025-12-31', true)).toBe(new Date(2026, 0, 1).toISOString());
    expect(localDayToIso('')).toBeUndefined();
    expect(localDayToIso('09/03/2025')).toBeUndefined();
  });
});

describe('localDateTimeToIso', () => {
  it('reads a datetime-local value as local time', () => {
    expect(localDateTimeToIso('2030-01-02T03:04')).toBe(new Date(2030, 0, 2, 3, 4).toISOString());
    expect(localDateTimeToIso('2030-01-02T03:04:05')).toBe(new Date(2030, 0, 2, 3, 4, 5).toISOString());
    expect(localDateTimeToIso('tomorrow')).toBeUndefined();
  });
});
