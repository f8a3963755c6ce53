import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { codeFromScan, createQrDetector } from '../check-in-code';

export interface QrScannerProps {
  /** A check-in code was read (once; the camera stops). */
  onCode: (code: string) => void;
  onClose: () => void;
}

/** How often the camera picture is looked at for a QR code. */
const SCAN_INTERVAL_MS = 250;

/**
 * The back camera's picture, looked at with the browser's BarcodeDetector until it shows a QR code that carries a
 * check-in code; then the camera stops and the code is handed on. Shown only where `canScan()`; when the camera
 * cannot be started it says so (typing the code still works).
 */
export function QrScanner({ onCode, onClose }: QrScannerProps) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  const found = useEffectEvent((code: string) => onCode(code));

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    const stop = () => {
      stopped = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        const element = video.current;
        if (stopped || !element) {
          stop();
          return;
        }
        element.srcObject = stream;
        await element.play();
        const detector = createQrDetector();
        const look = async () => {
          if (stopped) return;
          try {
            for (const result of await detector.detect(element)) {
              const code = codeFromScan(result.rawValue);
              if (code) {
                stop();
                found(code);
                return;
              }
            }
          } catch {
            // A frame that could not be read: try the next one.
          }
          timer = window.setTimeout(() => void look(), SCAN_INTERVAL_MS);
        };
        void look();
      } catch {
        if (!stopped) setFailed(true);
      }
    })();
    return stop;
  }, []);

  return (
    <section className="panel qr-scanner" aria-labelledby="qr-scanner-heading">
      <h2 id="qr-scanner-heading" className="panel__title" tabIndex={-1}>
        {t('events.staff.checkIn.scanTitle')}
      </h2>
      {failed ? (
        <p className="notice notice--error" role="alert">
          {t('events.staff.checkIn.scanFailed')}
        </p>
      ) : (
        <>
          <p className="field__hint">{t('events.staff.checkIn.scanHint')}</p>
          <video ref={video} className="qr-scanner__video" muted playsInline aria-label={t('events.staff.checkIn.cameraLabel')} />
        </>
      )}
      <div className="form-actions">
        <button type="button" className="button check-in__button" onClick={onClose}>
          {t('events.staff.checkIn.scanStop')}
        </button>
      </div>
    </section>
  );
}
