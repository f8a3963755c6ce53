import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewsletterCampaignResponse } from '../../../api/generated';
import { FormField } from '../../../components/FormField';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem, type Problem } from '../../../lib/problem-details';
import { usePreviewCampaign } from '../api/campaigns';
import { useSavedSegmentPreview } from '../api/library';

export interface CampaignPreviewProps {
  campaign: NewsletterCampaignResponse;
  /** The form holds changes not saved yet: the preview is of the saved draft. */
  unsaved: boolean;
  /** The server refused the texts (an unknown personal field): its field messages go on the form. */
  onFieldErrors: (error: unknown) => void;
}

const ID = 'campaign-preview';

/**
 * The saved draft as the server renders it for one member of the segment's sample (or made-up sample data), in a
 * language: the subject, the HTML in a sandboxed frame (no scripts, no same origin: the mail cannot reach the app),
 * and the plain-text part.
 */
export function CampaignPreview({ campaign, unsaved, onFieldErrors }: CampaignPreviewProps) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<'sv' | 'en'>(currentLanguage(i18n));
  const [memberId, setMemberId] = useState('');
  const sample = useSavedSegmentPreview(campaign.segmentId ?? '');
  const preview = usePreviewCampaign();
  const [problem, setProblem] = useState<Problem | null>(null);
  const show = () => {
    if (preview.isPending) return;
    setProblem(null);
    preview.mutate(
      { id: campaign.id, language, memberId: memberId || undefined },
      {
        onError: (error) => {
          const found = toProblem(error);
          if (found.kind === 'validation' && Object.keys(found.errors).length > 0) onFieldErrors(error);
          setProblem(found);
        },
      },
    );
  };
  const result = preview.data;
  return (
    <section className="panel" aria-labelledby={`${ID}-heading`}>
      <h2 id={`${ID}-heading`} className="panel__title">
        {t('newsletters.preview.title')}
      </h2>
      {unsaved ? <p className="notice notice--warning">{t('newsletters.preview.unsaved')}</p> : null}
      <div className="newsletter-form__grid">
        <FormField id={`${ID}-language`} name="language" label={t('newsletters.preview.language')}>
          {(control) => (
            <select {...control} className="input" value={language} onChange={(event) => setLanguage(event.target.value as 'sv' | 'en')}>
              <option value="sv">{t('newsletters.languages.svTitle')}</option>
              <option value="en">{t('newsletters.languages.enTitle')}</option>
            </select>
          )}
        </FormField>
        <FormField id={`${ID}-member`} name="member" label={t('newsletters.preview.as')} hint={t('newsletters.preview.asHint')}>
          {(control) => (
            <select {...control} className="input" value={memberId} onChange={(event) => setMemberId(event.target.value)}>
              <option value="">{t('newsletters.preview.sample')}</option>
              {(sample.data?.sample ?? []).map((member) => (
                <option key={member.memberId} value={member.memberId}>
                  {member.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <div className="form-actions">
        <button type="button" className="button" aria-disabled={preview.isPending || undefined} onClick={show}>
          {preview.isPending ? t('common.loading') : t('newsletters.preview.show')}
        </button>
      </div>
      {problem ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={problem} lead={t('newsletters.preview.failed')} />
        </div>
      ) : null}
      {result && !problem ? (
        <div className="mail-preview" aria-live="polite">
          <p className="mail-preview__subject">
            <span className="muted">{t('newsletters.preview.subject')}</span> <strong>{result.subject}</strong>
          </p>
          {/* The server's HTML of the mail, in a frame that runs no script and is not of this origin. */}
          <iframe className="mail-preview__frame" title={t('newsletters.preview.htmlTitle')} sandbox="" srcDoc={result.html} />
          <details className="mail-preview__text">
            <summary>{t('newsletters.preview.text')}</summary>
            <pre>{result.text}</pre>
          </details>
        </div>
      ) : null}
    </section>
  );
}
