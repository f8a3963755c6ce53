import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentChannel, MemberResponse } from '../../../api/generated';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem, type Problem } from '../../../lib/problem-details';
import { useUnsubscribeMe, useUpdateMyConsents } from '../api/my-profile';
import { consentChange, isGranted, shownGranted } from '../consents';
import { CONSENT_CHANNELS } from '../options';
import { focusSoon } from '../../../lib/focus';
import './network.css';
import './profile.css';

const UNSUBSCRIBE_BUTTON_ID = 'unsubscribe-button';

export interface ConsentsSectionProps {
  member: MemberResponse;
  announce: (message: string) => void;
  /** Told each record these changes produce, before it is shown (see useProfileDraft). */
  onRecord: (member: MemberResponse) => void;
}

/**
 * My consents, one switch per channel, each change saved at once (and kept in the consent history),
 * and "unsubscribe from everything" after a confirmation.
 */
export function ConsentsSection({ member, announce, onRecord }: ConsentsSectionProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const update = useUpdateMyConsents({ onRecord });
  const unsubscribe = useUnsubscribeMe({ onRecord });
  const [failure, setFailure] = useState<Problem | null>(null);
  const [confirming, setConfirming] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const anyGranted = CONSENT_CHANNELS.some((channel) => isGranted(member.consents, channel));

  useEffect(() => {
    if (failure) errorRef.current?.focus();
  }, [failure]);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const toggle = (channel: ConsentChannel, granted: boolean) => {
    if (update.isPending || unsubscribe.isPending) return;
    setFailure(null);
    announce('');
    update.mutate(consentChange(channel, granted), {
      onSuccess: () =>
        announce(
          t(granted ? 'consents.granted' : 'consents.withdrawn', { channel: t(`members.consent.${channel}.label`) }),
        ),
      onError: (error) => setFailure(toProblem(error)),
    });
  };

  const unsubscribeFromEverything = () => {
    if (unsubscribe.isPending) return;
    setFailure(null);
    unsubscribe.mutate(undefined, {
      onSuccess: () => {
        setConfirming(false);
        announce(t('consents.unsubscribed'));
        focusSoon(`consent-${CONSENT_CHANNELS[0]}`);
      },
      onError: (error) => {
        setConfirming(false);
        setFailure(toProblem(error));
      },
    });
  };

  return (
    <section className="panel" aria-labelledby="my-consents-heading">
      <h2 id="my-consents-heading" className="panel__title">
        {t('consents.title')}
      </h2>
      <p className="field__hint">{t('consents.intro')}</p>
      {failure ? (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={errorRef}>
          <ProblemMessage problem={failure} lead={t('consents.failed')} />
        </div>
      ) : null}
      <ul className="checkbox-list consent-list" aria-busy={update.isPending || undefined}>
        {CONSENT_CHANNELS.map((channel) => {
          const id = `consent-${channel}`;
          const consent = member.consents.find((c) => c.channel === channel);
          const checked = shownGranted(member.consents, channel, update.isPending ? update.variables : undefined);
          return (
            <li key={channel} className="checkbox-list__item">
              <input
                id={id}
                type="checkbox"
                role="switch"
                className="checkbox"
                checked={checked}
                onChange={(event) => toggle(channel, event.target.checked)}
                aria-describedby={`${id}-hint`}
              />
              <label htmlFor={id}>{t(`members.consent.${channel}.label`)}</label>
              <p className="field__hint checkbox-list__hint" id={`${id}-hint`}>
                {t(`members.consent.${channel}.hint`)}
                {' '}
                <span className="nowrap">
                  {consent && consent.state !== 'notGiven'
                    ? t(consent.state === 'given' ? 'consents.givenAt' : 'consents.withdrawnAt', {
                        at: formatDateTime(consent.changedAt, language),
                      })
                    : t('consents.notGiven')}
                </span>
              </p>
            </li>
          );
        })}
      </ul>

      {confirming ? (
        <section id="unsubscribe-confirm" className="panel panel--danger panel--nested" aria-labelledby="unsubscribe-heading">
          <h3 id="unsubscribe-heading" className="panel__title" tabIndex={-1} ref={confirmRef}>
            {t('consents.unsubscribeTitle')}
          </h3>
          <p>{t('consents.unsubscribeBody')}</p>
          <div className="form-actions">
            <button
              type="button"
              className="button button--danger"
              onClick={unsubscribeFromEverything}
              aria-disabled={unsubscribe.isPending || undefined}
            >
              {t('consents.unsubscribeConfirm')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setConfirming(false);
                focusSoon(UNSUBSCRIBE_BUTTON_ID);
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </section>
      ) : (
        <div className="form-actions">
          <button
            type="button"
            id={UNSUBSCRIBE_BUTTON_ID}
            className="button button--danger"
            onClick={() => {
              announce('');
              setConfirming(true);
            }}
            disabled={!anyGranted && member.status === 'unsubscribed'}
          >
            {t('consents.unsubscribe')}
          </button>
        </div>
      )}
    </section>
  );
}
