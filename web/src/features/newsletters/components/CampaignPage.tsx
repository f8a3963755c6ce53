import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CampaignFiguresResponse, NewsletterCampaignResponse, RecipientState } from '../../../api/generated';
import { ConfirmPanel } from '../../../components/ConfirmPanel';
import { FormField } from '../../../components/FormField';
import '../../../components/Pager.css';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { TableScroll } from '../../../components/TableScroll';
import { departmentName } from '../../../lib/bilingual';
import { useFaculties } from '../../../lib/departments/faculties';
import { formatDateTime, localDateTimeToIso } from '../../../lib/format';
import { focusSoon } from '../../../lib/focus';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem, type Problem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { viewerTimeZone } from '../../../lib/zoned-time';
import {
  useAudience,
  useCampaign,
  useCampaignAction,
  useCampaignFigures,
  useRecipients,
  useScheduleCampaign,
  useUncertainChoice,
  type CampaignAction,
  type UncertainChoice as Choice,
} from '../api/campaigns';
import { useTopics } from '../api/library';
import { campaignStatusBadge, RECIPIENT_STATES } from '../newsletter-options';
import { topicName } from '../newsletter-text';
import { editCampaignPath, GUID, NEWSLETTERS_PATH } from '../paths';
import './newsletters.css';

/** Staff: one campaign (`/staff/newsletters/campaigns/:campaignId`): its status, sending, figures and recipients. */
export function CampaignPage() {
  const { t } = useTranslation();
  const { campaignId = '' } = useParams();
  const wellFormed = GUID.test(campaignId);
  const campaign = useCampaign(campaignId, wellFormed);
  const problem = campaign.error ? toProblem(campaign.error) : null;
  useDocumentTitle(campaign.data?.name || t('newsletters.campaign.title'));
  const notFound = !wellFormed || (problem?.kind === 'not-found' && !campaign.data);
  return (
    <div className="page page--medium newsletters">
      <p className="back-link">
        <Link to={NEWSLETTERS_PATH}>{t('newsletters.back')}</Link>
      </p>
      {notFound ? (
        <>
          <h1>{t('newsletters.campaign.title')}</h1>
          <div className="notice notice--error" role="alert">
            <span className="problem__message">{t('newsletters.campaign.notFound')}</span>
          </div>
        </>
      ) : campaign.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : problem && !campaign.data ? (
        <>
          <h1>{t('newsletters.campaign.title')}</h1>
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={problem} lead={t('newsletters.campaign.loadError')} />
            <button type="button" className="button button--small" onClick={() => void campaign.refetch()}>
              {t('common.retry')}
            </button>
          </div>
        </>
      ) : campaign.data ? (
        <CampaignRecord campaign={campaign.data} />
      ) : null}
    </div>
  );
}

/** Whether an instant is still to come (read when the schedule is sent). */
function isFuture(iso: string): boolean {
  return new Date(iso).getTime() > Date.now();
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

type Confirming = 'send' | 'cancel' | null;

function CampaignRecord({ campaign }: { campaign: NewsletterCampaignResponse }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const topics = useTopics();
  const faculties = useFaculties(false);
  const action = useCampaignAction();
  const uncertain = useUncertainChoice();
  const schedule = useScheduleCampaign();
  const figures = useCampaignFigures(campaign.id, campaign.status);
  const audience = useAudience(campaign.status === 'draft' || campaign.status === 'scheduled' ? campaign.topicId : '', campaign.segmentId ?? '', campaign.departmentId ?? '');
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failed, setFailed] = useState<Problem | null>(null);
  const [when, setWhen] = useState('');
  const [whenError, setWhenError] = useState<string | null>(null);
  const topic = topics.data?.find((item) => item.id === campaign.topicId);
  const zone = viewerTimeZone();
  const startable = campaign.status === 'draft' || campaign.status === 'scheduled';

  const run = (kind: CampaignAction) => {
    if (action.isPending) return;
    setDone(null);
    setFailed(null);
    action.mutate(
      { id: campaign.id, action: kind },
      {
        onSuccess: () => {
          setConfirming(null);
          setDone(t(`newsletters.campaign.done.${kind}`));
        },
        onError: (error) => setFailed(toProblem(error)),
      },
    );
  };
  const decide = (choice: Choice) => {
    if (uncertain.isPending) return;
    setDone(null);
    setFailed(null);
    uncertain.mutate(
      { id: campaign.id, choice },
      {
        onSuccess: (result) => setDone(t(choice === 'resend' ? 'newsletters.uncertain.resent' : 'newsletters.uncertain.settled', { count: result.recipients })),
        onError: (error) => setFailed(toProblem(error)),
      },
    );
  };
  const confirm = (what: Confirming) => {
    setConfirming(what);
    focusSoon('campaign-confirm-heading');
  };
  const submitSchedule = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (schedule.isPending) return;
    const iso = localDateTimeToIso(when);
    if (!iso) return setWhenError(t('validation.dateTime'));
    if (!isFuture(iso)) return setWhenError(t('validation.future'));
    setWhenError(null);
    setDone(null);
    setFailed(null);
    schedule.mutate(
      { id: campaign.id, scheduledAt: iso },
      {
        onSuccess: (saved) => setDone(t('newsletters.campaign.done.schedule', { when: formatDateTime(saved.scheduledAt, language) })),
        onError: (error) => {
          const problem = toProblem(error);
          const messages = Object.values(problem.errors).flat();
          if (messages.length > 0) setWhenError(messages.join(' '));
          else setFailed(problem);
        },
      },
    );
  };
  const count = audience.data?.count;

  return (
    <>
      <div className="page__header">
        <h1>
          {campaign.name} <span className={campaignStatusBadge(campaign.status)}>{t(`newsletters.statuses.${campaign.status}`)}</span>
        </h1>
      </div>
      <p className="notice notice--info newsletter-privacy">{t('newsletters.campaign.noTracking')}</p>

      <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
        {done ? <p className="notice notice--success">{done}</p> : null}
      </div>
      {failed ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={failed} lead={t('newsletters.campaign.actionFailed')} />
        </div>
      ) : null}

      <section className="panel" aria-labelledby="campaign-facts-heading">
        <h2 id="campaign-facts-heading" className="panel__title">
          {t('newsletters.campaign.facts')}
        </h2>
        <dl className="newsletter-facts">
          <Fact label={t('newsletters.editor.topic')}>{topic ? topicName(topic, language) : '…'}</Fact>
          <Fact label={t('newsletters.editor.sender')}>
            {campaign.departmentCode ? `${departmentName(campaign.departmentCode, faculties.data, language)} (${campaign.departmentCode})` : t('newsletters.centralOffice')}
          </Fact>
          <Fact label={t('newsletters.campaign.kind')}>{t(`newsletters.kinds.${campaign.kind}`)}</Fact>
          <Fact label={t('newsletters.campaign.subjects')}>
            <span lang="sv" className="block">
              {campaign.subjectSv || '–'}
            </span>
            <span lang="en" className="block">
              {campaign.subjectEn || '–'}
            </span>
          </Fact>
          {campaign.scheduledAt ? (
            <Fact label={t('newsletters.campaign.scheduledAt')}>
              <time dateTime={campaign.scheduledAt}>{formatDateTime(campaign.scheduledAt, language)}</time> <span className="muted">({zone})</span>
            </Fact>
          ) : null}
          {campaign.startedAt ? (
            <Fact label={t('newsletters.campaign.startedAt')}>
              <time dateTime={campaign.startedAt}>{formatDateTime(campaign.startedAt, language)}</time>
            </Fact>
          ) : null}
          {campaign.finishedAt ? (
            <Fact label={t('newsletters.campaign.finishedAt')}>
              <time dateTime={campaign.finishedAt}>{formatDateTime(campaign.finishedAt, language)}</time>
            </Fact>
          ) : null}
        </dl>
      </section>

      {campaign.status !== 'sent' && campaign.status !== 'cancelled' ? (
        <section className="panel" aria-labelledby="campaign-actions-heading">
          <h2 id="campaign-actions-heading" className="panel__title">
            {t('newsletters.campaign.sending')}
          </h2>
          {startable ? (
            <p>
              {count === undefined ? t('newsletters.editor.audienceCounting') : t('newsletters.campaign.audienceNow', { count })}
            </p>
          ) : null}
          <div className="event-actions newsletter-actions">
            {startable ? (
              <Link className="button" to={editCampaignPath(campaign.id)}>
                {t('newsletters.campaign.edit')}
              </Link>
            ) : null}
            {startable ? (
              <button type="button" id="campaign-send" className="button button--primary" aria-expanded={confirming === 'send'} onClick={() => confirm('send')}>
                {t('newsletters.campaign.sendNow')}
              </button>
            ) : null}
            {campaign.status === 'sending' ? (
              <button type="button" className="button" aria-disabled={action.isPending || undefined} onClick={() => run('pause')}>
                {t('newsletters.campaign.pause')}
              </button>
            ) : null}
            {campaign.status === 'paused' ? (
              <button type="button" className="button button--primary" aria-disabled={action.isPending || undefined} onClick={() => run('resume')}>
                {t('newsletters.campaign.resume')}
              </button>
            ) : null}
            <button type="button" id="campaign-cancel" className="button button--danger" aria-expanded={confirming === 'cancel'} onClick={() => confirm('cancel')}>
              {t('newsletters.campaign.cancel')}
            </button>
          </div>
          {startable ? (
            <form className="newsletter-schedule" noValidate onSubmit={submitSchedule}>
              <FormField
                id="campaign-schedule"
                name="scheduledAt"
                label={t('newsletters.campaign.scheduleAt')}
                hint={t('newsletters.campaign.scheduleHint', { zone })}
                errors={whenError ? [whenError] : undefined}
              >
                {(control) => <input {...control} type="datetime-local" className="input" value={when} onChange={(event) => setWhen(event.target.value)} />}
              </FormField>
              <button type="submit" className="button" aria-disabled={schedule.isPending || undefined}>
                {campaign.status === 'scheduled' ? t('newsletters.campaign.reschedule') : t('newsletters.campaign.schedule')}
              </button>
            </form>
          ) : null}
        </section>
      ) : null}

      {confirming === 'send' ? (
        <ConfirmPanel
          headingId="campaign-confirm-heading"
          title={t('newsletters.campaign.sendTitle', { name: campaign.name })}
          body={count === undefined ? t('newsletters.campaign.sendBodyUnknown') : t('newsletters.campaign.sendBody', { count })}
          confirmLabel={t('newsletters.campaign.sendConfirm')}
          pending={action.isPending}
          onConfirm={() => run('send')}
          onCancel={() => {
            setConfirming(null);
            focusSoon('campaign-send');
          }}
        />
      ) : null}
      {confirming === 'cancel' ? (
        <ConfirmPanel
          headingId="campaign-confirm-heading"
          title={t('newsletters.campaign.cancelTitle', { name: campaign.name })}
          body={t('newsletters.campaign.cancelBody')}
          confirmLabel={t('newsletters.campaign.cancelConfirm')}
          pending={action.isPending}
          onConfirm={() => run('cancel')}
          onCancel={() => {
            setConfirming(null);
            focusSoon('campaign-cancel');
          }}
        />
      ) : null}

      {campaign.status !== 'draft' && campaign.status !== 'scheduled' ? (
        <>
          <CampaignProgress campaign={campaign} figures={figures.data} error={figures.error} />
          {figures.data && figures.data.uncertain > 0 ? (
            <UncertainChoice count={figures.data.uncertain} pending={uncertain.isPending} onResend={() => decide('resend')} onSettle={() => decide('settle')} />
          ) : null}
          <RecipientsList campaignId={campaign.id} />
        </>
      ) : null}
    </>
  );
}

/** The sending's progress (a bar, and the counts in words) and the campaign's figures; read again while it sends. */
function CampaignProgress({ campaign, figures, error }: { campaign: NewsletterCampaignResponse; figures?: CampaignFiguresResponse; error: unknown }) {
  const { t } = useTranslation();
  const problem = error && !figures ? toProblem(error) : null;
  const item = (value: number, label: string) => (
    <li className="figure">
      <span className="figure__value">{value}</span>
      <span className="figure__label">{label}</span>
    </li>
  );
  const total = figures?.recipients ?? campaign.recipientCount;
  const handled = figures ? figures.sent + figures.failed + figures.skipped : 0;
  return (
    <section className="panel" aria-labelledby="campaign-figures-heading">
      <h2 id="campaign-figures-heading" className="panel__title">
        {t('newsletters.campaign.figures')}
      </h2>
      {problem ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={problem} lead={t('newsletters.campaign.figuresError')} />
        </div>
      ) : !figures ? (
        <p className="loading">{t('common.loading')}</p>
      ) : (
        <>
          <div className="newsletter-progress">
            <label htmlFor="campaign-progress">{t('newsletters.campaign.progress')}</label>
            <progress
              id="campaign-progress"
              max={Math.max(total, 1)}
              value={Math.min(handled, Math.max(total, 1))}
              aria-valuetext={t('newsletters.campaign.progressText', { handled, total })}
            />
            <p aria-live={campaign.status === 'sending' ? 'polite' : undefined}>
              {t('newsletters.campaign.progressText', { handled, total })}
              {campaign.status === 'sending' ? ` ${t('newsletters.campaign.live')}` : ''}
            </p>
          </div>
          <ul className="figures">
            {item(figures.recipients, t('newsletters.figures.recipients'))}
            {item(figures.sent, t('newsletters.figures.sent'))}
            {item(figures.failed, t('newsletters.figures.failed'))}
            {item(figures.skipped, t('newsletters.figures.skipped'))}
            {item(figures.uncertain, t('newsletters.figures.uncertain'))}
            {item(figures.bounces, t('newsletters.figures.bounces'))}
            {item(figures.unsubscribes, t('newsletters.figures.unsubscribes'))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Recipients in flight when a sender stopped: the operator resends them (some may get it twice) or not (some may miss it). */
function UncertainChoice({ count, pending, onResend, onSettle }: { count: number; pending: boolean; onResend: () => void; onSettle: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="panel panel--warning" aria-labelledby="campaign-uncertain-heading">
      <h2 id="campaign-uncertain-heading" className="panel__title">
        {t('newsletters.uncertain.title', { count })}
      </h2>
      <p>{t('newsletters.uncertain.body', { count })}</p>
      <ul>
        <li>{t('newsletters.uncertain.resendExplained')}</li>
        <li>{t('newsletters.uncertain.settleExplained')}</li>
      </ul>
      <div className="event-actions">
        <button type="button" className="button button--primary" aria-disabled={pending || undefined} onClick={onResend}>
          {t('newsletters.uncertain.resend')}
        </button>
        <button type="button" className="button" aria-disabled={pending || undefined} onClick={onSettle}>
          {t('newsletters.uncertain.settle')}
        </button>
      </div>
    </section>
  );
}

const RECIPIENTS_PAGE_SIZE = 50;

function RecipientsList({ campaignId }: { campaignId: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [state, setState] = useState<RecipientState | ''>('');
  const [page, setPage] = useState(1);
  const recipients = useRecipients(campaignId, { state: state || undefined, page, pageSize: RECIPIENTS_PAGE_SIZE });
  const data = recipients.data;
  const problem = recipients.error && !data ? toProblem(recipients.error) : null;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <section className="panel" aria-labelledby="campaign-recipients-heading" aria-busy={recipients.isFetching || undefined}>
      <h2 id="campaign-recipients-heading" className="panel__title">
        {t('newsletters.recipients.title')}
      </h2>
      <FormField id="recipients-state" name="state" label={t('newsletters.recipients.state')} className="newsletter-filter">
        {(control) => (
          <select
            {...control}
            className="input"
            value={state}
            onChange={(event) => {
              setState(event.target.value as RecipientState | '');
              setPage(1);
            }}
          >
            <option value="">{t('newsletters.recipients.anyState')}</option>
            {RECIPIENT_STATES.map((value) => (
              <option key={value} value={value}>
                {t(`newsletters.recipientStates.${value}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {problem ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={problem} lead={t('newsletters.recipients.loadError')} />
        </div>
      ) : !data ? (
        <p className="loading">{t('common.loading')}</p>
      ) : data.items.length === 0 ? (
        <p role="status">{t('newsletters.recipients.none')}</p>
      ) : (
        <>
          <TableScroll label={t('newsletters.recipients.caption', { count: data.total })}>
            <table className="data-table">
              <caption className="data-table__caption">{t('newsletters.recipients.caption', { count: data.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('newsletters.recipients.name')}</th>
                  <th scope="col">{t('newsletters.recipients.state')}</th>
                  <th scope="col">{t('newsletters.recipients.language')}</th>
                  <th scope="col">{t('newsletters.recipients.updated')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((recipient) => (
                  <tr key={recipient.memberId}>
                    <th scope="row">
                      {recipient.name || t('newsletters.recipients.noName')}
                      {recipient.email ? <span className="muted block break-all">{recipient.email}</span> : null}
                    </th>
                    <td>
                      {t(`newsletters.recipientStates.${recipient.state}`)}
                      {recipient.reason ? <span className="muted block">{recipient.reason}</span> : null}
                    </td>
                    <td>{recipient.language}</td>
                    <td>{recipient.updatedAt ? formatDateTime(recipient.updatedAt, language) : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {pages > 1 ? (
            <nav className="pager" aria-label={t('newsletters.recipients.pager')}>
              {page > 1 ? (
                <button type="button" className="button button--small" onClick={() => setPage(page - 1)}>
                  {t('pager.previous')}
                </button>
              ) : null}
              <p className="pager__status">{t('pager.status', { page, pages })}</p>
              {page < pages ? (
                <button type="button" className="button button--small" onClick={() => setPage(page + 1)}>
                  {t('pager.next')}
                </button>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </section>
  );
}
