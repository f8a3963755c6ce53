import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewsletterCampaignResponse } from '../../../api/generated';
import { FormField } from '../../../components/FormField';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { toProblem, type Problem } from '../../../lib/problem-details';
import { useTestSendCampaign } from '../api/campaigns';
import { readAddresses } from '../newsletter-text';

export interface TestSendPanelProps {
  campaign: NewsletterCampaignResponse;
  unsaved: boolean;
  onFieldErrors: (error: unknown) => void;
}

const ID = 'campaign-test';
const MAX_ADDRESSES = 10;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Sends the saved draft to a few addresses as a test, with sample data for the personal fields. */
export function TestSendPanel({ campaign, unsaved, onFieldErrors }: TestSendPanelProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sentTo, setSentTo] = useState<string[] | null>(null);
  const test = useTestSendCampaign();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (test.isPending) return;
    setProblem(null);
    setSentTo(null);
    const addresses = readAddresses(text);
    if (addresses.length === 0) return setError(t('validation.testAddresses'));
    if (addresses.length > MAX_ADDRESSES) return setError(t('validation.tooMany', { max: MAX_ADDRESSES }));
    const wrong = addresses.find((address) => !EMAIL.test(address));
    if (wrong) return setError(t('validation.testAddress', { address: wrong }));
    setError(null);
    test.mutate(
      { id: campaign.id, addresses },
      {
        onSuccess: () => setSentTo(addresses),
        onError: (failure) => {
          const found = toProblem(failure);
          const addressMessages = Object.entries(found.errors)
            .filter(([key]) => key.toLowerCase().startsWith('addresses'))
            .flatMap(([, messages]) => messages);
          if (addressMessages.length > 0) setError(addressMessages.join(' '));
          else if (found.kind === 'validation' && Object.keys(found.errors).length > 0) onFieldErrors(failure);
          setProblem(found);
        },
      },
    );
  };
  return (
    <section className="panel" aria-labelledby={`${ID}-heading`}>
      <h2 id={`${ID}-heading`} className="panel__title">
        {t('newsletters.test.title')}
      </h2>
      {unsaved ? <p className="notice notice--warning">{t('newsletters.preview.unsaved')}</p> : null}
      <form noValidate onSubmit={submit}>
        <FormField id={`${ID}-addresses`} name="addresses" label={t('newsletters.test.addresses')} hint={t('newsletters.test.hint', { max: MAX_ADDRESSES })} errors={error ? [error] : undefined}>
          {(control) => <textarea {...control} className="input" rows={2} value={text} onChange={(event) => setText(event.target.value)} />}
        </FormField>
        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={test.isPending || undefined}>
            {test.isPending ? t('newsletters.test.sending') : t('newsletters.test.send')}
          </button>
        </div>
      </form>
      <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
        {sentTo ? <p className="notice notice--success">{t('newsletters.test.sent', { addresses: sentTo.join(', ') })}</p> : null}
      </div>
      {problem && !error ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={problem} lead={t('newsletters.test.failed')} />
        </div>
      ) : null}
    </section>
  );
}
