import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { toProblem } from '../../../lib/problem-details';
import { preferenceKeys } from '../api/keys';
import { useMyPreferences, useUpdateMyPreferences } from '../api/preferences';
import { TopicPreferences } from './TopicPreferences';
import './preferences.css';

export interface MyNewsletterSectionProps {
  /**
   * The version of my member record: when it changes (a consent switched in the profile's consents) the topics are
   * read again, since a topic rests on its consent.
   */
  memberVersion: number;
  /** Told after a save: turning a topic on may have given its consent, which the profile shows. */
  onConsentsChanged: () => void;
}

/**
 * The Newsletter section of my profile: which department mailings and other lists I get, with the same switches as
 * the preference page a mail's link opens. The central newsletter and event invitations are consents of their own,
 * switched among the profile's consents (as is "Unsubscribe from everything"), and my language is in the profile
 * form: neither is offered twice.
 */
export function MyNewsletterSection({ memberVersion, onConsentsChanged }: MyNewsletterSectionProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const preferences = useMyPreferences();
  const save = useUpdateMyPreferences();
  const seenVersion = useRef(memberVersion);

  useEffect(() => {
    if (seenVersion.current === memberVersion) return;
    seenVersion.current = memberVersion;
    void queryClient.invalidateQueries({ queryKey: preferenceKeys.mine() });
  }, [memberVersion, queryClient]);

  if (preferences.data === null) return null;
  const topics = preferences.data?.topics.filter((topic) => topic.kind !== 'central' && topic.kind !== 'events') ?? [];

  return (
    <section className="panel" aria-labelledby="my-newsletter-heading">
      <h2 id="my-newsletter-heading" className="panel__title">
        {t('preferences.profileTitle')}
      </h2>
      <p className="field__hint">{t('preferences.profileIntro')}</p>
      <div aria-busy={preferences.isPending || undefined}>
        {preferences.isPending ? (
          <p className="loading">{t('common.loading')}</p>
        ) : preferences.isError ? (
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={toProblem(preferences.error)} lead={t('preferences.loadError')} />
            <button type="button" className="button button--small" onClick={() => void preferences.refetch()}>
              {t('common.retry')}
            </button>
          </div>
        ) : (
          <TopicPreferences
            idPrefix="my-newsletter"
            preferences={preferences.data}
            topics={topics}
            save={save}
            withLanguage={false}
            withUnsubscribeAll={false}
            onSaved={onConsentsChanged}
          />
        )}
      </div>
    </section>
  );
}
