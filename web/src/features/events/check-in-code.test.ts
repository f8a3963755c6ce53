import { describe, expect, it } from 'vitest';
import { canScan, codeFromScan, isCheckInCode, normaliseCode } from './check-in-code';

describe('check-in codes', () => {
  it('reads a typed code as the API does: case, spaces and hyphens do not matter', () => {
    expect(normaliseCode(' k7m2-q9xa ')).toBe('K7M2Q9XA');
    expect(isCheckInCode('k7m2 q9xa')).toBe(true);
    expect(isCheckInCode('')).toBe(false);
    expect(isCheckInCode('K7M2Q9XA!')).toBe(false);
    expect(isCheckInCode('A'.repeat(17))).toBe(false);
  });

  it('finds the code in a scanned QR code: the code itself, or an address carrying it', () => {
    expect(codeFromScan('K7M2Q9XA')).toBe('K7M2Q9XA');
    expect(codeFromScan('https://alumni.example.org/check-in?code=k7m2q9xa')).toBe('K7M2Q9XA');
    expect(codeFromScan('https://alumni.example.org/events/1/check-in/K7M2Q9XA')).toBe('K7M2Q9XA');
    expect(codeFromScan('https://example.org/?code=<script>')).toBe('');
    expect(codeFromScan('BEGIN:VCARD something else')).toBe('');
  });

  it('scans only where the browser has a BarcodeDetector and a camera', () => {
    const camera = { mediaDevices: { getUserMedia: () => Promise.reject(new Error('none')) } };
    expect(canScan({ navigator: camera } as unknown as Window)).toBe(false);
    expect(canScan({ BarcodeDetector: class {}, navigator: camera } as unknown as Window)).toBe(true);
    expect(canScan({ BarcodeDetector: class {}, navigator: {} } as unknown as Window)).toBe(false);
  });
});
