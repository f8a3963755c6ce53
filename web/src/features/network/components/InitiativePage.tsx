import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { InitiativeJoinResponse, InitiativeResponse } from '../../../api/generated';
import { ConfirmPanel } from '../../../components/ConfirmPanel';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { hasRole, useAuth } from '../../../lib/auth/me';
import { langAttribute, pickText } from '../../../lib/bilingual';
import { focusSoon } from '../../../lib/focus';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage, localName } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { formatInZone } from '../../../lib/zoned-time';
import { useInitiative, useInitiativeStatus, useLeaveInitiative } from '../api/initiatives';
import { editInitiativePath, INITIATIVES_PATH, staffCampaignPath, staffEventEditPath } from '../paths';
import { InitiativeEventButton } from './InitiativeEventButton';
import { InitiativeJoinForm } from './InitiativeJoinForm';
import { InitiativeBadges, InitiativePeriod } from './InitiativeParts';
import { NetworkNav } from './NetworkNav';
import './initiatives.css';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One initiative: its description, who joined with what they offer and their own events and campaigns, and joining. */
export function InitiativePage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { initiativeId = '' } = useParams();
  const wellFormed = GUID.test(initiativeId);
  const initiative = useInitiative(initiativeId, wellFormed);
  const problem = initiative.error ? toProblem(initiative.error) : null;
  const data = initiative.data;
  const title = data ? pickText(data.titleSv, data.titleEn, language) : null;
  useDocumentTitle(title?.text ?? t('network.initiatives.title'));
  return (
    <div className="page page--medium initiatives">
      <NetworkNav />
      <p className="back-link">
        <Link to={INITIATIVES_PATH}>{t('network.initiatives.back')}</Link>
      </p>
      {!wellFormed || (problem?.kind === 'not-found' && !data) ? (
        <>
          <h1>{t('network.initiatives.notFoundTitle')}</h1>
          <div className="notice notice--error" role="alert">
            <span className="problem__message">{t('network.initiatives.notFound')}</span>
          </div>
        </>
      ) : !data ? (
        problem ? (
          <>
            <h1>{t('network.initiatives.title')}</h1>
            <div className="notice notice--error" role="alert">
              <ProblemMessage problem={problem} lead={t('network.initiatives.loadError')} />
            </div>
          </>
        ) : (
          <p className="loading">{t('common.loading')}</p>
        )
      ) : (
        <InitiativeDetail initiative={data} title={title?.text ?? t('network.initiatives.untitled')} titleLang={langAttribute(title, language)} />
      )}
    </div>
  );
}

function InitiativeDetail({ initiative, title, titleLang }: { initiative: InitiativeResponse; title: string; titleLang?: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { me } = useAuth();
  const isAdmin = hasRole(me, 'admin');
  const status = useInitiativeStatus();
  const html = language === 'en' ? (initiative.descriptionEnHtml ?? initiative.descriptionSvHtml) : (initiative.descriptionSvHtml ?? initiative.descriptionEnHtml);
  const htmlLang = (language === 'en' ? initiative.descriptionEnHtml : initiative.descriptionSvHtml) ? undefined : language === 'en' ? 'sv' : 'en';
  const canJoin = initiative.status === 'open' && (isAdmin || (me?.departments.length ?? 0) > 0);
  return (
    <>
      <div className="page__header initiatives__header">
        <div>
          <h1 lang={titleLang}>{title}</h1>
          <p className="initiative-card__meta">
            <InitiativeBadges kind={initiative.kind} status={initiative.status} />
            <span>
              <InitiativePeriod startsOn={initiative.startsOn} endsOn={initiative.endsOn} />
            </span>
          </p>
        </div>
        {isAdmin ? (
          <div className="initiative-actions">
            <Link to={editInitiativePath(initiative.id)} className="button">
              {t('network.initiatives.edit')}
            </Link>
            <button
              type="button"
              className="button"
              aria-disabled={status.isPending || undefined}
              onClick={() => {
                if (!status.isPending) status.mutate({ id: initiative.id, version: initiative.version, action: initiative.status === 'open' ? 'close' : 'reopen' });
              }}
            >
              {initiative.status === 'open' ? t('network.initiatives.close') : t('network.initiatives.reopen')}
            </button>
          </div>
        ) : null}
      </div>
      <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
        {status.isSuccess ? (
          <p className="notice notice--success">{initiative.status === 'open' ? t('network.initiatives.reopened') : t('network.initiatives.closed')}</p>
        ) : null}
      </div>
      {status.error ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={toProblem(status.error)} lead={t('network.initiatives.statusFailed')} />
        </div>
      ) : null}
      {initiative.status === 'closed' ? <p className="notice notice--warning">{t('network.initiatives.closedNote')}</p> : null}
      {html ? (
        <section className="panel" aria-labelledby="initiative-about">
          <h2 id="initiative-about" className="panel__title">
            {t('network.initiatives.about')}
          </h2>
          {/* The API's HTML of the Markdown (Markdig, then HtmlSanitizer): only formatting, lists, links and headings. */}
          <div className="event-html initiative-html" lang={htmlLang} dangerouslySetInnerHTML={{ __html: html }} />
        </section>
      ) : null}
      <section className="panel" aria-labelledby="initiative-joins">
        <h2 id="initiative-joins" className="panel__title">
          {t('network.initiatives.whoJoined', { count: initiative.joins.length })}
        </h2>
        {initiative.joins.length === 0 ? (
          <p>{t('network.initiatives.noneJoined')}</p>
        ) : (
          <ul className="initiative-joins">
            {initiative.joins.map((join) => (
              <JoinItem key={join.departmentCode} join={join} open={initiative.status === 'open'} initiative={initiative} />
            ))}
          </ul>
        )}
      </section>
      {canJoin ? <InitiativeJoinForm initiative={initiative} /> : null}
      <p className="muted initiative-updated">{t('network.initiatives.updatedAt', { at: formatDateTime(initiative.updatedAt, language) })}</p>
    </>
  );
}

function JoinItem({ join, open, initiative }: { join: InitiativeJoinResponse; open: boolean; initiative: InitiativeResponse }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const leave = useLeaveInitiative();
  const [confirming, setConfirming] = useState(false);
  const name = localName({ nameSv: join.departmentNameSv, nameEn: join.departmentNameEn }, language);
  const eventTitle = join.event ? pickText(join.event.titleSv, join.event.titleEn, language) : null;
  const headingId = `join-${join.departmentCode}`;
  return (
    <li className="initiative-join">
      <h3 id={headingId} className="initiative-join__name">
        {name} ({join.departmentCode})
      </h3>
      {join.offerNote ? (
        <div className="initiative-join__offer">
          <span className="initiative-join__label">{t('network.initiatives.offers')}</span>
          <p className="initiative-join__note">{join.offerNote}</p>
        </div>
      ) : null}
      <p className="muted">
        {t('network.initiatives.joinedBy', { at: formatDateTime(join.joinedAt, language), name: join.joinedByName ?? t('network.initiatives.someone') })}
      </p>
      {join.event ? (
        <p>
          <span className="initiative-join__label">{t('network.initiatives.event')}</span>{' '}
          {join.canChange ? (
            <Link to={staffEventEditPath(join.event.id)} lang={langAttribute(eventTitle, language)}>
              {eventTitle?.text ?? t('network.initiatives.untitled')}
            </Link>
          ) : (
            <span lang={langAttribute(eventTitle, language)}>{eventTitle?.text ?? t('network.initiatives.untitled')}</span>
          )}{' '}
          <span className="muted">
            ({formatInZone(join.event.startsAt, join.event.timeZone, language)}, {t(`network.initiatives.eventStatuses.${join.event.status}`)})
          </span>
        </p>
      ) : null}
      {join.campaign ? (
        <p>
          <span className="initiative-join__label">{t('network.initiatives.campaign')}</span>{' '}
          {join.canChange ? <Link to={staffCampaignPath(join.campaign.id)}>{join.campaign.name}</Link> : join.campaign.name}{' '}
          <span className="muted">({t(`network.initiatives.campaignStatuses.${join.campaign.status}`)})</span>
        </p>
      ) : null}
      {join.canChange && open ? (
        <div className="initiative-join__actions">
          <InitiativeEventButton initiative={initiative} join={join} />
          {!confirming ? (
            <button type="button" className="button button--small" aria-describedby={headingId} onClick={() => {
                setConfirming(true);
                focusSoon(`${headingId}-leave`);
              }}>
              {t('network.initiatives.leave')}
            </button>
          ) : null}
        </div>
      ) : null}
      {confirming ? (
        <ConfirmPanel
          headingId={`${headingId}-leave`}
          headingLevel={3}
          title={t('network.initiatives.leaveTitle', { name })}
          body={t('network.initiatives.leaveBody')}
          confirmLabel={t('network.initiatives.leaveConfirm')}
          pending={leave.isPending}
          onConfirm={() => leave.mutate({ initiativeId: join.initiativeId, departmentCode: join.departmentCode, version: join.version })}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
      {leave.error ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={toProblem(leave.error)} lead={t('network.initiatives.leaveFailed')} />
        </div>
      ) : null}
    </li>
  );
}
