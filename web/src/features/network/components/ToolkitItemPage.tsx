import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { FilledToolkitItemResponse, ToolkitItemResponse } from '../../../api/generated';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { hasRole, useAuth } from '../../../lib/auth/me';
import { textIn } from '../../../lib/bilingual';
import { useFaculties } from '../../../lib/departments/faculties';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage, localName, type Language } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import {
  NoDepartmentTopicError,
  useArchiveToolkitItem,
  useCreateDraftMailing,
  useCreateRecruitmentCampaign,
  useFilledToolkitItem,
  useToolkitItem,
  useToolkitVersion,
  useToolkitVersions,
} from '../api/toolkit';
import { editToolkitItemPath, RECRUITMENT_CAMPAIGNS_PATH, staffCampaignEditPath, TOOLKIT_PATH } from '../paths';
import { NetworkNav } from './NetworkNav';
import { ToolkitFiles } from './ToolkitFiles';
import { placeholderKey } from './ToolkitForm';
import './toolkit.css';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Where "use this" leads: the owners' own pages (Newsletters' campaign editor, Members' recruitment links). */
/** Channels a recruitment link is often spread through (the label is the item's title). */
const CHANNELS = ['linkedIn', 'email', 'graduation', 'lastLecture', 'newsletter', 'event'] as const;

async function copy(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * A toolkit item (`/staff/network/toolkit/:itemId`): its texts filled for the reader's department (a picker for admins
 * and coordinators of several), with copy buttons, the recruitment link's QR code, what has no value yet, "use this"
 * (a draft mailing or a recruitment link for the department), and its version history with what changed.
 */
export function ToolkitItemPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { itemId = '' } = useParams();
  const wellFormed = GUID.test(itemId);
  const item = useToolkitItem(itemId, wellFormed);
  const problem = item.error ? toProblem(item.error) : null;
  const title = item.data ? textIn(item.data.titleSv, item.data.titleEn, language) : t('network.toolkit.itemTitle');
  useDocumentTitle(title);
  const notFound = !wellFormed || (problem?.kind === 'not-found' && !item.data);
  return (
    <div className="page page--wide toolkit">
      <NetworkNav />
      <p className="back-link">
        <Link to={TOOLKIT_PATH}>{t('network.toolkit.back')}</Link>
      </p>
      {notFound ? (
        <>
          <h1>{t('network.toolkit.itemTitle')}</h1>
          <div className="notice notice--error" role="alert">
            <span className="problem__message">{t('network.toolkit.notFound')}</span>
          </div>
        </>
      ) : item.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : problem && !item.data ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={problem} lead={t('network.toolkit.loadError')} />
        </div>
      ) : item.data ? (
        <ItemView item={item.data} language={language} />
      ) : null}
    </div>
  );
}

function ItemView({ item, language }: { item: ToolkitItemResponse; language: Language }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const isAdmin = hasRole(me, 'admin');
  const mine = me?.departments ?? [];
  const faculties = useFaculties(false);
  const options = isAdmin
    ? (faculties.data ?? []).flatMap((f) => f.departments).map((d) => ({ code: d.code, nameSv: d.nameSv, nameEn: d.nameEn }))
    : mine;
  const [department, setDepartment] = useState('');
  const filled = useFilledToolkitItem(item.id, department);
  const filledProblem = filled.error ? toProblem(filled.error) : null;
  const archive = useArchiveToolkitItem();
  const title = textIn(item.titleSv, item.titleEn, language);
  const pickerId = useId();
  return (
    <>
      <div className="page__header toolkit__header">
        <div>
          <p className="toolkit-card__kind">
            <span className="badge">{t(`network.toolkit.kinds.${item.kind}`)}</span>
            {item.archivedAt ? <span className="badge badge--inactive">{t('network.toolkit.archivedBadge')}</span> : null}
          </p>
          <h1>{title}</h1>
          {textIn(item.summarySv, item.summaryEn, language) ? <p className="page__intro">{textIn(item.summarySv, item.summaryEn, language)}</p> : null}
          <p className="muted">
            {t('network.toolkit.changedBy', {
              version: item.currentVersion,
              when: formatDateTime(item.changedAt, language),
              who: item.changedBy ?? t('network.toolkit.theOffice'),
            })}
          </p>
          {item.tags.length > 0 ? (
            <p className="toolkit-card__tags">
              <span className="visually-hidden">{t('network.toolkit.tags')}: </span>
              {item.tags.map((tag) => (
                <Link key={tag} className="badge badge--inactive" to={`${TOOLKIT_PATH}?tag=${encodeURIComponent(tag)}`}>
                  {tag}
                </Link>
              ))}
            </p>
          ) : null}
        </div>
        {isAdmin ? (
          <div className="toolkit__header-actions">
            <Link to={editToolkitItemPath(item.id)} className="button">
              {t('network.toolkit.edit')}
            </Link>
            <button
              type="button"
              className="button"
              aria-disabled={archive.isPending || undefined}
              onClick={() => !archive.isPending && archive.mutate({ id: item.id, version: item.version, archive: !item.archivedAt })}
            >
              {item.archivedAt ? t('network.toolkit.unarchive') : t('network.toolkit.archive')}
            </button>
          </div>
        ) : null}
      </div>
      {archive.error ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={toProblem(archive.error)} lead={t('network.toolkit.archiveFailed')} />
        </div>
      ) : null}

      <section className="panel" aria-labelledby="toolkit-filled-heading">
        <h2 id="toolkit-filled-heading" className="panel__title">
          {filled.data
            ? t('network.toolkit.filledFor', { department: localName(filled.data.department, language) })
            : t('network.toolkit.filledTitle')}
        </h2>
        {options.length > 1 ? (
          <div className="field toolkit-picker">
            <label htmlFor={pickerId}>{t('network.toolkit.department')}</label>
            <select id={pickerId} className="input" value={department || filled.data?.department.code || ''} onChange={(e) => setDepartment(e.target.value)}>
              {options.map((d) => (
                <option key={d.code} value={d.code}>
                  {localName(d, language)} ({d.code})
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {filled.isPending ? (
          <p className="loading">{t('common.loading')}</p>
        ) : filledProblem && !filled.data ? (
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={filledProblem} lead={t('network.toolkit.filledError')} />
          </div>
        ) : filled.data ? (
          <FilledView filled={filled.data} />
        ) : null}
      </section>

      {filled.data ? <UseThis filled={filled.data} title={title} /> : null}

      <ToolkitFiles itemId={item.id} canEdit={isAdmin} />

      <VersionHistory item={item} language={language} />
    </>
  );
}

function FilledView({ filled }: { filled: FilledToolkitItemResponse }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<string | null>(null);
  const doCopy = async (key: string, text: string) => setCopied((await copy(text)) ? key : `${key}:failed`);
  const languages = (['sv', 'en'] as const).filter((lng) => (lng === 'sv' ? filled.titleSv || filled.bodySv : filled.titleEn || filled.bodyEn));
  return (
    <>
      {filled.missing.length > 0 ? (
        <div className="notice notice--warning">
          <p>{t('network.toolkit.missingLead')}</p>
          <ul>
            {filled.missing.map((name) => (
              <li key={name}>
                <code>{`{{${name}}}`}</code> – {placeholderKey(name) ? t(placeholderKey(name)!) : name}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {filled.recruitmentLink ? (
        <div className="toolkit-link">
          <p>
            <strong>{t('network.toolkit.recruitmentLink')}:</strong> <a href={filled.recruitmentLink}>{filled.recruitmentLink}</a>
          </p>
          <button type="button" className="button button--small" onClick={() => void doCopy('link', filled.recruitmentLink!)}>
            {t('network.toolkit.copyLink')}
          </button>
          {filled.recruitmentQrUrl ? (
            <p className="toolkit-qr">
              <img src={filled.recruitmentQrUrl} alt={t('network.toolkit.qrAlt', { code: filled.department.code })} width={160} height={160} />
              <a href={filled.recruitmentQrUrl} download={`qr-${filled.department.code}.png`}>
                {t('network.toolkit.downloadQr')}
              </a>
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="toolkit-languages">
        {languages.map((lng) => {
          const titleText = lng === 'sv' ? filled.titleSv : filled.titleEn;
          const body = lng === 'sv' ? filled.bodySv : filled.bodyEn;
          return (
            <section key={lng} className="toolkit-language" lang={lng} aria-labelledby={`toolkit-text-${lng}`}>
              <h3 id={`toolkit-text-${lng}`}>{t(`network.toolkit.inLanguage.${lng}`)}</h3>
              {titleText ? <p className="toolkit-language__title">{titleText}</p> : null}
              {body ? <pre className="toolkit-text">{body}</pre> : null}
              <div className="form-actions">
                {titleText ? (
                  <button type="button" className="button button--small" onClick={() => void doCopy(`title-${lng}`, titleText)}>
                    {t(`network.toolkit.copyTitle.${lng}`)}
                  </button>
                ) : null}
                {body ? (
                  <button type="button" className="button button--small" onClick={() => void doCopy(`body-${lng}`, body)}>
                    {t(`network.toolkit.copyText.${lng}`)}
                  </button>
                ) : null}
              </div>
            </section>
          );
        })}
      </div>
      <p role="status" className="toolkit-copied">
        {copied === null ? '' : copied.endsWith(':failed') ? t('network.toolkit.copyFailed') : t('network.toolkit.copied')}
      </p>
    </>
  );
}

function UseThis({ filled, title }: { filled: FilledToolkitItemResponse; title: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mailing = useCreateDraftMailing();
  const recruitment = useCreateRecruitmentCampaign();
  const [channel, setChannel] = useState<(typeof CHANNELS)[number]>('linkedIn');
  const channelId = useId();
  const mailingError = mailing.error instanceof NoDepartmentTopicError ? null : mailing.error ? toProblem(mailing.error) : null;
  return (
    <section className="panel" aria-labelledby="toolkit-use-heading">
      <h2 id="toolkit-use-heading" className="panel__title">
        {t('network.toolkit.useTitle')}
      </h2>
      <p>{t('network.toolkit.useIntro', { code: filled.department.code })}</p>
      <div className="toolkit-use">
        <div className="toolkit-use__option">
          <h3>{t('network.toolkit.useMailingTitle')}</h3>
          <p className="muted">{t('network.toolkit.useMailingHint')}</p>
          <button
            type="button"
            className="button button--primary"
            aria-disabled={mailing.isPending || undefined}
            onClick={() =>
              !mailing.isPending &&
              mailing.mutate({ filled, name: title }, { onSuccess: (campaign) => void navigate(staffCampaignEditPath(campaign.id)) })
            }
          >
            {mailing.isPending ? t('common.saving') : t('network.toolkit.useMailing')}
          </button>
        </div>
        <div className="toolkit-use__option">
          <h3>{t('network.toolkit.useRecruitmentTitle')}</h3>
          <div className="field">
            <label htmlFor={channelId}>{t('network.toolkit.channel')}</label>
            <select id={channelId} className="input" value={channel} onChange={(e) => setChannel(e.target.value as typeof channel)}>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`network.toolkit.channels.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="button"
            aria-disabled={recruitment.isPending || undefined}
            onClick={() =>
              !recruitment.isPending &&
              recruitment.mutate(
                { departmentCode: filled.department.code, channel: t(`network.toolkit.channels.${channel}`), label: title.slice(0, 200) },
                { onSuccess: () => void navigate(RECRUITMENT_CAMPAIGNS_PATH) },
              )
            }
          >
            {recruitment.isPending ? t('common.saving') : t('network.toolkit.useRecruitment')}
          </button>
        </div>
      </div>
      {mailing.error instanceof NoDepartmentTopicError ? (
        <div className="notice notice--error" role="alert">
          {t('network.toolkit.noTopic', { code: filled.department.code })}
        </div>
      ) : mailingError ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={mailingError} lead={t('network.toolkit.useMailingFailed')} />
        </div>
      ) : null}
      {recruitment.error ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={toProblem(recruitment.error)} lead={t('network.toolkit.useRecruitmentFailed')} />
        </div>
      ) : null}
    </section>
  );
}

function VersionHistory({ item, language }: { item: ToolkitItemResponse; language: Language }) {
  const { t } = useTranslation();
  const versions = useToolkitVersions(item.id);
  const [open, setOpen] = useState<number | null>(null);
  const old = useToolkitVersion(item.id, open);
  return (
    <section className="panel" aria-labelledby="toolkit-history-heading">
      <h2 id="toolkit-history-heading" className="panel__title">
        {t('network.toolkit.historyTitle')}
      </h2>
      {versions.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : versions.error ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={toProblem(versions.error)} lead={t('network.toolkit.historyError')} />
        </div>
      ) : (
        <ol className="toolkit-history" aria-label={t('network.toolkit.historyLabel', { count: versions.data.length })}>
          {versions.data.map((v) => (
            <li key={v.number} className="toolkit-history__entry">
              <p>
                <strong>{t('network.toolkit.versionNumber', { number: v.number })}</strong>
                {v.number === item.currentVersion ? ` (${t('network.toolkit.current')})` : ''} –{' '}
                {t('network.toolkit.versionMade', { when: formatDateTime(v.createdAt, language), who: v.createdBy ?? t('network.toolkit.theOffice') })}
              </p>
              <p>{v.changeNote ?? (v.number === 1 ? t('network.toolkit.firstVersion') : t('network.toolkit.noNote'))}</p>
              {v.number !== item.currentVersion ? (
                <button
                  type="button"
                  className="button button--small"
                  aria-expanded={open === v.number}
                  onClick={() => setOpen(open === v.number ? null : v.number)}
                >
                  {open === v.number ? t('network.toolkit.hideVersion') : t('network.toolkit.showVersion', { number: v.number })}
                </button>
              ) : null}
              {open === v.number ? (
                old.data && old.data.number === v.number ? (
                  <div className="toolkit-languages">
                    {(['sv', 'en'] as const).map((lng) => {
                      const oldTitle = lng === 'sv' ? old.data.titleSv : old.data.titleEn;
                      const oldBody = lng === 'sv' ? old.data.bodySv : old.data.bodyEn;
                      return oldTitle || oldBody ? (
                        <div key={lng} className="toolkit-language" lang={lng}>
                          <h3>{t(`network.toolkit.inLanguage.${lng}`)}</h3>
                          {oldTitle ? <p className="toolkit-language__title">{oldTitle}</p> : null}
                          {oldBody ? <pre className="toolkit-text">{oldBody}</pre> : null}
                        </div>
                      ) : null;
                    })}
                  </div>
                ) : old.error ? (
                  <div className="notice notice--error" role="alert">
                    <ProblemMessage problem={toProblem(old.error)} lead={t('network.toolkit.historyError')} />
                  </div>
                ) : (
                  <p className="loading">{t('common.loading')}</p>
                )
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
