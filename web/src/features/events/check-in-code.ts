/**
 * Check-in codes as staff type or scan them: the letters and digits under a member's QR code. The QR code holds the
 * code itself or an address carrying it (`…?code=K7M2Q9XA` or `…/K7M2Q9XA`); case, spaces and hyphens do not matter.
 */

/** A code as the API compares it: upper case, without spaces or hyphens. */
export function normaliseCode(text: string): string {
  return text.replace(/[\s-]/g, '').toUpperCase();
}

/** Whether a typed or scanned code can be one (1–16 letters and digits once normalised), as the API checks it. */
export function isCheckInCode(text: string): boolean {
  return /^[A-Z0-9]{1,16}$/.test(normaliseCode(text));
}

/** The code a scanned QR code carries, or '' when it carries none. */
export function codeFromScan(raw: string): string {
  const text = raw.trim();
  if (/^https?:\/\//i.test(text)) {
    try {
      const url = new URL(text);
      const fromQuery = url.searchParams.get('code');
      const last = url.pathname.split('/').filter(Boolean).at(-1) ?? '';
      const candidate = fromQuery ?? decodeURIComponent(last);
      return isCheckInCode(candidate) ? normaliseCode(candidate) : '';
    } catch {
      return '';
    }
  }
  return isCheckInCode(text) ? normaliseCode(text) : '';
}

/** The browser's BarcodeDetector, where it has one, and a camera to feed it. */
export interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<Array<{ rawValue: string }>>;
}

type DetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

/** Whether QR codes can be scanned here: `BarcodeDetector` in the window and a camera through getUserMedia. */
export function canScan(win: Window = window): boolean {
  return 'BarcodeDetector' in win && typeof win.navigator.mediaDevices?.getUserMedia === 'function';
}

export function createQrDetector(win: Window = window): BarcodeDetectorLike {
  const Detector = (win as unknown as { BarcodeDetector: DetectorConstructor }).BarcodeDetector;
  return new Detector({ formats: ['qr_code'] });
}
