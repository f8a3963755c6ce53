import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignResponse } from '../../../api/generated';
import { copyText, saveFile } from '../download';
import { fileSlug, qrPng, qrSvg } from '../../../lib/qr-code';

/** The id of a campaign's link field (focused once a new campaign is there). */
export function linkFieldId(campaign: Pick<CampaignResponse, 'id'>): string {
  return `campaign-link-${campaign.id}`;
}

/**
 * A campaign's link to share: the link with a copy button, and its QR code for posters and slides,
 * made in the browser and downloadable as PNG (for slides and print shops) and SVG (scales without
 * blur). What happens is said in a status region right here.
 */
export function CampaignShare({ campaign, link }: { campaign: CampaignResponse; link: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState('');
  const [failed, setFailed] = useState('');
  const fieldRef = useRef<HTMLInputElement>(null);
  const title = t('campaigns.qr.alt', { label: campaign.label, link });
  const svg = useMemo(() => qrSvg(link, title), [link, title]);
  const fileName = `${fileSlug(campaign.label)}-qr`;

  const say = (message: string, problem = '') => {
    setStatus(problem ? '' : message);
    setFailed(problem);
  };

  const copy = async () => {
    say('');
    if (await copyText(link)) say(t('campaigns.copied', { label: campaign.label }));
    else {
      say('', t('campaigns.copyFailed'));
      fieldRef.current?.focus();
      fieldRef.current?.select();
    }
  };

  const download = async (format: 'png' | 'svg') => {
    say('');
    const blob = format === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await qrPng(link);
    if (blob && saveFile(blob, `${fileName}.${format}`)) say(t('campaigns.qr.downloaded', { file: `${fileName}.${format}` }));
    else say('', t('campaigns.qr.downloadFailed'));
  };

  return (
    <div className="campaign-share">
      <div className="campaign-share__link">
        <label className="field__label" htmlFor={linkFieldId(campaign)}>
          {t('campaigns.link', { label: campaign.label })}
        </label>
        <div className="secret secret--compact">
          <input
            ref={fieldRef}
            id={linkFieldId(campaign)}
            type="text"
            className="input secret__value campaign-link"
            value={link}
            readOnly
            spellCheck={false}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="button button--small" onClick={() => void copy()}>
            <span aria-hidden="true">{t('campaigns.copy')}</span>
            <span className="visually-hidden">{t('campaigns.copyNamed', { label: campaign.label })}</span>
          </button>
        </div>
        {campaign.closedAt ? <p className="field__hint">{t('campaigns.closedLinkHint')}</p> : null}
        <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
          {status ? <p className="notice notice--success">{status}</p> : null}
        </div>
        {failed ? (
          <p className="notice notice--warning" role="alert">
            {failed}
          </p>
        ) : null}
      </div>
      <figure className="campaign-share__qr">
        <img className="campaign-qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={title} width={160} height={160} />
        <figcaption className="campaign-share__downloads">
          <button type="button" className="button button--small" onClick={() => void download('png')}>
            <span aria-hidden="true">{t('campaigns.qr.png')}</span>
            <span className="visually-hidden">{t('campaigns.qr.pngNamed', { label: campaign.label })}</span>
          </button>
          <button type="button" className="button button--small" onClick={() => void download('svg')}>
            <span aria-hidden="true">{t('campaigns.qr.svg')}</span>
            <span className="visually-hidden">{t('campaigns.qr.svgNamed', { label: campaign.label })}</span>
          </button>
        </figcaption>
      </figure>
    </div>
  );
}
