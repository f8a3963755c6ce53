import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DepartmentMemberFigures, MemberFiguresTotals, NetworkHomeResponse } from '../../../api/generated';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { langAttribute, pickText } from '../../../lib/bilingual';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage, localName, type Language } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useNetworkHome } from '../api/home';
import {
  COVERAGE_PATH,
  DIRECTORY_PATH,
  INITIATIVES_PATH,
  MEETINGS_PATH,
  NEW_SUPPORT_REQUEST_PATH,
  NEWS_PATH,
  SUPPORT_PATH,
  TOOLKIT_PATH,
  initiativePath,
  meetingPath,
  supportRequestPath,
  toolkitItemPath,
} from '../paths';
import { NetworkNav } from './NetworkNav';
import { formatDay, formatShare } from './network-text';
import './network-home.css';

/**
 * The network's start page (`/staff/network`): a coordinator's departments with their members' figures (the office:
 * the university's totals and a way to the coverage), what is new in the toolkit and the initiatives, the open support
 * requests, the next network meetings and the latest news, each section leading on to its own page.
 */
export function NetworkHomePage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  useDocumentTitle(t('network.home.title'));
  const home = useNetworkHome();
  const problem = home.error && !home.data ? toProblem(home.error) : null;
  const data = home.data;
  return (
    <div className="page page--medium network-home">
      <NetworkNav />
      <div className="page__header">
        <h1>{t('network.home.title')}</h1>
        <p className="page__intro">{data?.office ? t('network.home.introOffice') : t('network.home.intro')}</p>
      </div>
      {home.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : problem ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={problem} lead={t('network.home.loadError')} />
        </div>
      ) : data ? (
        <>
          {data.office ? <UniversitySection totals={data.university} /> : <DepartmentsSection departments={data.departments} language={language} />}
          <ToolkitSection data={data} language={language} />
          <InitiativesSection data={data} language={language} />
          <SupportSection data={data} language={language} />
          <MeetingsSection data={data} language={language} />
          <NewsSection data={data} language={language} />
        </>
      ) : null}
    </div>
  );
}

function Section({ id, title, more, children }: { id: string; title: string; more?: ReactNode; children: ReactNode }) {
  return (
    <section className="panel network-home__section" aria-labelledby={id}>
      <h2 id={id} className="panel__title">
        {title}
      </h2>
      {children}
      {more ? <p className="network-home__more">{more}</p> : null}
    </section>
  );
}

function Figures({ figures, language }: { figures: Pick<DepartmentMemberFigures, 'members' | 'newMembersThisYear' | 'reachable' | 'reachableShare'>; language: Language }) {
  const { t } = useTranslation();
  return (
    <dl className="network-figures">
      <div>
        <dt>{t('network.figures.members')}</dt>
        <dd>{figures.members}</dd>
      </div>
      <div>
        <dt>{t('network.figures.newThisYear')}</dt>
        <dd>{figures.newMembersThisYear}</dd>
      </div>
      <div>
        <dt>{t('network.figures.reachable')}</dt>
        <dd>
          {figures.reachable} <span className="muted">({formatShare(figures.reachableShare, language)})</span>
        </dd>
      </div>
    </dl>
  );
}

function DepartmentsSection({ departments, language }: { departments: DepartmentMemberFigures[]; language: Language }) {
  const { t } = useTranslation();
  return (
    <Section id="network-home-departments" title={t('network.home.departments.title')} more={<Link to={DIRECTORY_PATH}>{t('network.home.departments.directory')}</Link>}>
      {departments.length === 0 ? (
        <p>{t('network.home.departments.none')}</p>
      ) : (
        <>
          <p className="field__hint">{t('network.figures.reachableHint')}</p>
          <ul className="network-home__list">
            {departments.map((department) => (
              <li key={department.departmentId} className="network-home__item">
                <h3 className="network-home__item-title">
                  {localName(department, language)} <span className="muted">({department.departmentCode})</span>
                </h3>
                <Figures figures={department} language={language} />
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

function UniversitySection({ totals }: { totals: MemberFiguresTotals | undefined }) {
  const { t, i18n } = useTranslation();
  return (
    <Section id="network-home-university" title={t('network.home.university.title')} more={<Link to={COVERAGE_PATH}>{t('network.home.university.coverage')}</Link>}>
      <p className="field__hint">{t('network.figures.universityHint')}</p>
      {totals ? <Figures figures={totals} language={currentLanguage(i18n)} /> : null}
    </Section>
  );
}

function Localised({ sv, en, language, fallback }: { sv: string | null | undefined; en: string | null | undefined; language: Language; fallback: string }) {
  const text = pickText(sv, en, language);
  return <span lang={langAttribute(text, language)}>{text?.text ?? fallback}</span>;
}

function ToolkitSection({ data, language }: { data: NetworkHomeResponse; language: Language }) {
  const { t } = useTranslation();
  return (
    <Section id="network-home-toolkit" title={t('network.home.toolkit.title')} more={<Link to={TOOLKIT_PATH}>{t('network.home.toolkit.all')}</Link>}>
      {data.toolkit.length === 0 ? (
        <p>{t('network.home.toolkit.none')}</p>
      ) : (
        <ul className="network-home__list">
          {data.toolkit.map((item) => (
            <li key={item.itemId} className="network-home__item">
              <p className="network-home__item-title">
                <Link to={toolkitItemPath(item.itemId)}>
                  <Localised sv={item.titleSv} en={item.titleEn} language={language} fallback={t('network.home.untitled')} />
                </Link>{' '}
                <span className="badge">{item.isNew ? t('network.home.toolkit.new') : t('network.home.toolkit.version', { number: item.versionNumber })}</span>
              </p>
              <p className="muted">
                {t(`network.home.toolkit.kind.${item.kind}`, { defaultValue: item.kind })} · {formatDateTime(item.changedAt, language)}
              </p>
              {item.changeNote ? <p className="network-home__note">{item.changeNote}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function InitiativesSection({ data, language }: { data: NetworkHomeResponse; language: Language }) {
  const { t } = useTranslation();
  return (
    <Section id="network-home-initiatives" title={t('network.home.initiatives.title')} more={<Link to={INITIATIVES_PATH}>{t('network.home.initiatives.all')}</Link>}>
      {data.initiatives.length === 0 ? (
        <p>{t('network.home.initiatives.none')}</p>
      ) : (
        <ul className="network-home__list">
          {data.initiatives.map((initiative) => (
            <li key={initiative.id} className="network-home__item">
              <p className="network-home__item-title">
                <Link to={initiativePath(initiative.id)}>
                  <Localised sv={initiative.titleSv} en={initiative.titleEn} language={language} fallback={t('network.home.untitled')} />
                </Link>{' '}
                {initiative.isNew ? <span className="badge">{t('network.home.initiatives.new')}</span> : null}{' '}
                <span className="badge">{t(`network.home.initiatives.status.${initiative.status}`, { defaultValue: initiative.status })}</span>
              </p>
              <p className="muted">
                {initiative.endsOn
                  ? t('network.home.period', { from: formatDay(initiative.startsOn, language), to: formatDay(initiative.endsOn, language) })
                  : t('network.home.from', { from: formatDay(initiative.startsOn, language) })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function SupportSection({ data, language }: { data: NetworkHomeResponse; language: Language }) {
  const { t } = useTranslation();
  const more = data.office ? (
    <Link to={SUPPORT_PATH}>{t('network.home.support.all')}</Link>
  ) : (
    <>
      <Link to={SUPPORT_PATH}>{t('network.home.support.all')}</Link> · <Link to={NEW_SUPPORT_REQUEST_PATH}>{t('network.home.support.ask')}</Link>
    </>
  );
  return (
    <Section id="network-home-support" title={data.office ? t('network.home.support.titleOffice') : t('network.home.support.title')} more={more}>
      {data.supportRequests.length === 0 ? (
        <p>{data.office ? t('network.home.support.noneOffice') : t('network.home.support.none')}</p>
      ) : (
        <ul className="network-home__list">
          {data.supportRequests.map((request) => (
            <li key={request.id} className="network-home__item">
              <p className="network-home__item-title">
                <Link to={supportRequestPath(request.id)}>{request.title}</Link>{' '}
                <span className="badge">{t(`network.home.support.status.${request.status}`, { defaultValue: request.status })}</span>
              </p>
              <p className="muted">
                {request.departmentCode} · {t('network.home.period', { from: formatDay(request.startsOn, language), to: formatDay(request.endsOn, language) })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function MeetingsSection({ data, language }: { data: NetworkHomeResponse; language: Language }) {
  const { t } = useTranslation();
  return (
    <Section id="network-home-meetings" title={t('network.home.meetings.title')} more={<Link to={MEETINGS_PATH}>{t('network.home.meetings.all')}</Link>}>
      {data.meetings.length === 0 ? (
        <p>{t('network.home.meetings.none')}</p>
      ) : (
        <ul className="network-home__list">
          {data.meetings.map((meeting) => (
            <li key={meeting.eventId} className="network-home__item">
              <p className="network-home__item-title">
                <Link to={meetingPath(meeting.eventId)}>
                  <Localised sv={meeting.titleSv} en={meeting.titleEn} language={language} fallback={t('network.home.untitled')} />
                </Link>
              </p>
              <p className="muted">
                {formatDateTime(meeting.startsAt, language)}
                {[meeting.venue, meeting.city].filter(Boolean).length > 0 ? ` · ${[meeting.venue, meeting.city].filter(Boolean).join(', ')}` : ''}
                {meeting.online ? ` · ${t('network.home.meetings.online')}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function NewsSection({ data, language }: { data: NetworkHomeResponse; language: Language }) {
  const { t } = useTranslation();
  return (
    <Section id="network-home-news" title={t('network.home.news.title')} more={<Link to={NEWS_PATH}>{t('network.home.news.all')}</Link>}>
      {data.news.length === 0 ? (
        <p>{t('network.home.news.none')}</p>
      ) : (
        <ul className="network-home__list">
          {data.news.map((item) => {
            const body = pickText(item.bodySv, item.bodyEn, language);
            return (
              <li key={item.id} className="network-home__item">
                <h3 className="network-home__item-title">
                  <Localised sv={item.titleSv} en={item.titleEn} language={language} fallback={t('network.home.untitled')} />
                </h3>
                <p className="muted">{formatDateTime(item.publishedAt, language)}</p>
                {body ? (
                  <p className="network-home__note" lang={langAttribute(body, language)}>
                    {body.text}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
