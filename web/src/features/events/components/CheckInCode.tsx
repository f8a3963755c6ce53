import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { qrSvg } from '../../../lib/qr-code';

/**
 * My check-in code for an event: as a QR code to show at the door (staff scan it), and as text to read out or type
 * (the same code as in the confirmation mail).
 */
export function CheckInCode({ code, title }: { code: string; title: string }) {
  const { t } = useTranslation();
  const alt = t('events.member.mine.qrAlt', { code, title });
  const svg = useMemo(() => qrSvg(code, alt), [code, alt]);
  return (
    <figure className="check-in-code">
      <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={alt} width={184} height={184} />
      <figcaption>
        {t('events.member.mine.codeLabel')} <strong className="check-in-code__text">{code}</strong>
      </figcaption>
    </figure>
  );
}
