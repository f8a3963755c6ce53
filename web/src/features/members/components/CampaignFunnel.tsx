import { useTranslation } from 'react-i18next';
import type { CampaignResponse } from '../../../api/generated';
import { currentLanguage } from '../../../lib/i18n';
import { formatPercent } from '../campaign-figures';

/**
 * A campaign's way from a visit to a member: visits, sign-ups, verified, each as a number in text
 * with the share of the step before it, and a bar beside it (only decoration: the text says it all).
 */
export function CampaignFunnel({ campaign }: { campaign: Pick<CampaignResponse, 'visits' | 'signUps' | 'verified'> }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { visits, signUps, verified } = campaign;
  const widest = Math.max(visits, signUps, verified, 1);
  const steps = [
    { key: 'visits', count: visits, share: null },
    { key: 'signUps', count: signUps, share: visits > 0 ? signUps / visits : null, of: 'ofVisits' },
    { key: 'verified', count: verified, share: signUps > 0 ? verified / signUps : null, of: 'ofSignUps' },
  ] as const;
  return (
    <ol className="funnel" aria-label={t('campaigns.funnel.label')}>
      {steps.map((step) => (
        <li key={step.key} className="funnel__step">
          <span className="funnel__bar" aria-hidden="true">
            <span className="funnel__fill" style={{ inlineSize: `${(step.count / widest) * 100}%` }} />
          </span>
          <span className="funnel__text">
            <strong className="funnel__count">{step.count}</strong> {t(`campaigns.funnel.${step.key}`, { count: step.count })}
            {step.share !== null ? (
              <span className="funnel__share">
                {' '}
                {t(`campaigns.funnel.${step.of}`, { percent: formatPercent(step.share, language) })}
              </span>
            ) : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
