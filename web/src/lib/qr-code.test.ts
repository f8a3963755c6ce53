import { describe, expect, it } from 'vitest';
import { fileSlug, qrModules, qrSvg } from './qr-code';

describe('QR codes', () => {
  it('are square grids with a quiet zone of four light modules', () => {
    const modules = qrModules('K7M2QX9P');
    expect(modules.length).toBeGreaterThanOrEqual(21 + 8);
    expect(modules.every((row) => row.length === modules.length)).toBe(true);
    expect(modules.slice(0, 4).flat().some(Boolean)).toBe(false);
  });

  it('draw as an SVG with an escaped title', () => {
    const svg = qrSvg('K7M2QX9P', 'Check-in <code>', 4);
    expect(svg).toContain('<title>Check-in &#60;code&#62;</title>');
    expect(svg).toMatch(/^<svg [^>]*width="\d+"/);
  });

  it('name files after a label, with a fallback when nothing is left', () => {
    expect(fileSlug('Återträff på Öland')).toBe('atertraff-pa-oland');
    expect(fileSlug('???', 'event')).toBe('event');
  });
});
