import { zodResolver } from '@hookform/resolvers/zod';
import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CampaignResponse, FacultyResponse } from '../../../api/generated';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormField } from '../../../components/FormField';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { messagesAt, showsSummary, useFormFailure } from '../../../lib/form-errors';
import { toProblem, type Problem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useAuth } from '../../../lib/auth/me';
import { JOIN_PATH } from '../../../lib/paths';
import { useFaculties } from '../../../lib/departments/faculties';
import { useCampaigns, useCreateCampaign, useSetCampaignClosed } from '../api/campaigns';
import { CAMPAIGN_FIELDS, campaignSchema, toCreateCampaignRequest, type CampaignValues } from '../campaign-form';
import { CampaignFunnel } from './CampaignFunnel';
import { CampaignTextField } from './CampaignTextField';
import { CampaignShare } from './CampaignShare';
import { DepartmentSelect } from './DepartmentSelect';
import { EditCampaignForm } from './EditCampaignForm';
import { departmentName } from './study-format';
import './network.css';
import './staff.css';
import './campaigns.css';

const ID = 'new-campaign';
type Field = keyof CampaignValues;

/** Channels often used (suggestions; any channel can be typed). */
const CHANNEL_SUGGESTIONS = ['linkedIn', 'email', 'graduation', 'courseEvaluation', 'newsletter', 'event'] as const;

/** The full invitation link of a campaign: `<origin>/join/<token>`. */
export function invitationLink(token: string, origin: string = window.location.origin): string {
  return `${origin}${JOIN_PATH}/${encodeURIComponent(token)}`;
}

/** What is open below a campaign's row: its link and QR code, or the change of its channel and label. */
type Open = { id: string; kind: 'share' | 'edit' } | null;

/** Feedback beside a campaign's buttons, about the last thing done there. */
type RowFeedback = { id: string; message: string; problem?: Problem } | null;

const COLUMNS = 7;

function detailsId(campaign: CampaignResponse): string {
  return `campaign-details-${campaign.id}`;
}

function editButtonId(campaign: CampaignResponse): string {
  return `campaign-edit-${campaign.id}`;
}

/**
 * Staff: recruitment campaigns. Create an invitation link for one of my departments (any department
 * for admins) and a channel; the table shows each campaign's status and its funnel (visits, sign-ups,
 * verified members). Below a row open its link and QR code (PNG and SVG), or change its channel and
 * label; close a campaign (its link then says so and counts nothing) and reopen it. On a narrow
 * screen the rows stack.
 */
export function CampaignsPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  useDocumentTitle(t('campaigns.title'));
  const auth = useAuth();
  const campaigns = useCampaigns();
  const faculties = useFaculties(false);
  const setClosed = useSetCampaignClosed();
  const [status, setStatus] = useState('');
  const [newest, setNewest] = useState<string | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [feedback, setFeedback] = useState<RowFeedback>(null);
  const departments = auth.isAdmin ? undefined : (auth.me?.departments ?? []).map((d) => d.code);

  const focusedNewest = useRef<string | null>(null);

  // Once the new campaign's row is there, its link gets the focus (once: not again on later refetches).
  useEffect(() => {
    if (!newest || focusedNewest.current === newest) return;
    const field = document.getElementById(`campaign-link-${newest}`);
    if (!field) return;
    focusedNewest.current = newest;
    field.focus();
  }, [newest, campaigns.data, open]);

  const toggle = (campaign: CampaignResponse, kind: 'share' | 'edit') => {
    setFeedback(null);
    setOpen(open?.id === campaign.id && open.kind === kind ? null : { id: campaign.id, kind });
  };

  const closeEdit = (campaign: CampaignResponse) => {
    setOpen(null);
    // The edit button was the way in: focus goes back to it once the form has gone.
    requestAnimationFrame(() => document.getElementById(editButtonId(campaign))?.focus());
  };

  const changeClosed = (campaign: CampaignResponse) => {
    if (setClosed.isPending) return;
    const closing = !campaign.closedAt;
    setFeedback(null);
    setClosed.mutate(
      { id: campaign.id, version: campaign.version, closed: closing },
      {
        onSuccess: (changed) =>
          setFeedback({ id: changed.id, message: t(closing ? 'campaigns.closed' : 'campaigns.reopened', { label: changed.label }) }),
        onError: (error) =>
          setFeedback({
            id: campaign.id,
            message: t(closing ? 'campaigns.closeFailed' : 'campaigns.reopenFailed', { label: campaign.label }),
            problem: toProblem(error),
          }),
      },
    );
  };

  return (
    <div className="page page--wide campaigns-page">
      <div className="page__header">
        <h1>{t('campaigns.title')}</h1>
        <p className="page__intro">{t('campaigns.intro')}</p>
      </div>

      <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
        {status ? <p className="notice notice--success">{status}</p> : null}
      </div>

      <CreateCampaignForm
        faculties={faculties.data}
        only={departments}
        onCreated={(created) => {
          setFeedback(null);
          setStatus(t('campaigns.created', { label: created.label }));
          setNewest(created.id);
          setOpen({ id: created.id, kind: 'share' });
        }}
      />

      <section aria-labelledby="campaigns-heading">
        <h2 id="campaigns-heading" className="section-title">
          {t('campaigns.listTitle')}
        </h2>
        <div aria-busy={campaigns.isPending || undefined}>
          {campaigns.isPending ? (
            <p className="loading">{t('common.loading')}</p>
          ) : campaigns.isError && !campaigns.data ? (
            <div className="notice notice--error" role="alert">
              <ProblemMessage problem={toProblem(campaigns.error)} lead={t('campaigns.loadError')} />
              <button type="button" className="button button--small" onClick={() => void campaigns.refetch()}>
                {t('common.retry')}
              </button>
            </div>
          ) : campaigns.data.length === 0 ? (
            <p>{t('campaigns.none')}</p>
          ) : (
            <div className="table-wrap campaign-table-wrap">
              <table className="data-table data-table--dense campaign-table">
                <caption className="data-table__caption">{t('campaigns.summary', { count: campaigns.data.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('campaigns.columns.label')}</th>
                    <th scope="col">{t('campaigns.columns.department')}</th>
                    <th scope="col">{t('campaigns.columns.channel')}</th>
                    <th scope="col">{t('campaigns.columns.created')}</th>
                    <th scope="col">{t('campaigns.columns.status')}</th>
                    <th scope="col">{t('campaigns.columns.funnel')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('campaigns.columns.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {campaigns.data.map((campaign) => {
                    const opened = open?.id === campaign.id ? open.kind : null;
                    const busy = setClosed.isPending && setClosed.variables?.id === campaign.id;
                    const rowFeedback = feedback?.id === campaign.id ? feedback : null;
                    return (
                      <Fragment key={campaign.id}>
                        <tr
                          className={
                            [campaign.id === newest ? 'is-new' : '', campaign.closedAt ? 'is-inactive' : ''].filter(Boolean).join(' ') ||
                            undefined
                          }
                        >
                          <th scope="row" className="campaign-table__label">
                            {campaign.label}
                          </th>
                          <td>
                            <span className="cell-label">{t('campaigns.columns.department')}</span>
                            <abbr title={departmentName(campaign.departmentCode, faculties.data, language)}>{campaign.departmentCode}</abbr>
                          </td>
                          <td>
                            <span className="cell-label">{t('campaigns.columns.channel')}</span>
                            {campaign.channel}
                          </td>
                          <td className="nowrap">
                            <span className="cell-label">{t('campaigns.columns.created')}</span>
                            <time dateTime={campaign.createdAt}>{formatDateTime(campaign.createdAt, language)}</time>
                          </td>
                          <td>
                            <span className="cell-label">{t('campaigns.columns.status')}</span>
                            {campaign.closedAt ? (
                              <span className="badge badge--inactive" title={formatDateTime(campaign.closedAt, language)}>
                                {t('campaigns.status.closed')}
                              </span>
                            ) : (
                              <span className="badge badge--active">{t('campaigns.status.open')}</span>
                            )}
                          </td>
                          <td className="campaign-table__funnel">
                            <CampaignFunnel campaign={campaign} />
                          </td>
                          <td className="campaign-table__actions">
                            <div className="campaign-actions">
                              <button
                                type="button"
                                className="button button--small"
                                aria-expanded={opened === 'share'}
                                aria-controls={opened === 'share' ? detailsId(campaign) : undefined}
                                onClick={() => toggle(campaign, 'share')}
                              >
                                <span aria-hidden="true">{t('campaigns.actions.share')}</span>
                                <span className="visually-hidden">{t('campaigns.actions.shareNamed', { label: campaign.label })}</span>
                              </button>
                              <button
                                type="button"
                                id={editButtonId(campaign)}
                                className="button button--small"
                                aria-expanded={opened === 'edit'}
                                aria-controls={opened === 'edit' ? detailsId(campaign) : undefined}
                                onClick={() => toggle(campaign, 'edit')}
                              >
                                <span aria-hidden="true">{t('campaigns.actions.edit')}</span>
                                <span className="visually-hidden">{t('campaigns.actions.editNamed', { label: campaign.label })}</span>
                              </button>
                              {/* One button for both directions, so the focus stays on it when it turns. */}
                              <button
                                type="button"
                                className={campaign.closedAt ? 'button button--small' : 'button button--small button--danger'}
                                aria-disabled={busy || undefined}
                                onClick={() => changeClosed(campaign)}
                              >
                                <span aria-hidden="true">{t(campaign.closedAt ? 'campaigns.actions.reopen' : 'campaigns.actions.close')}</span>
                                <span className="visually-hidden">
                                  {t(campaign.closedAt ? 'campaigns.actions.reopenNamed' : 'campaigns.actions.closeNamed', {
                                    label: campaign.label,
                                  })}
                                </span>
                              </button>
                            </div>
                            <div className="row-feedback" role="status" aria-live="polite" aria-atomic="true">
                              {rowFeedback && !rowFeedback.problem ? <p className="row-feedback__message">{rowFeedback.message}</p> : null}
                            </div>
                            {rowFeedback?.problem ? (
                              <p className="row-feedback__message row-feedback__message--error" role="alert">
                                <ProblemMessage problem={rowFeedback.problem} lead={rowFeedback.message} />
                              </p>
                            ) : null}
                          </td>
                        </tr>
                        {opened ? (
                          <tr id={detailsId(campaign)} className="campaign-table__details">
                            <td colSpan={COLUMNS}>
                              {opened === 'share' ? (
                                <CampaignShare campaign={campaign} link={invitationLink(campaign.token)} />
                              ) : (
                                <EditCampaignForm
                                  campaign={campaign}
                                  onSaved={(saved) => {
                                    setFeedback({ id: saved.id, message: t('campaigns.edit.saved', { label: saved.label }) });
                                    closeEdit(saved);
                                  }}
                                  onCancel={() => closeEdit(campaign)}
                                />
                              )}
                            </td>
                          </tr>
                        ) : null}
                      </Fragment>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </div>
      </section>
    </div>
  );
}

/**
 * A new campaign: department, channel and label. The API's rules are checked here first
 * (campaignSchema); what only the server can judge (a department that is not one of yours, or no
 * longer active) comes back on the field.
 */
function CreateCampaignForm({
  faculties,
  only,
  onCreated,
}: {
  faculties: readonly FacultyResponse[] | undefined;
  /** A coordinator's departments; undefined for admins (any department). */
  only: readonly string[] | undefined;
  onCreated: (created: CampaignResponse) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateCampaign();
  // The messages are in the UI language: the rules are made again when it changes.
  const schema = useMemo(() => campaignSchema(t), [t]);
  const { control, handleSubmit, setError, formState, reset, getValues } = useForm<CampaignValues>({
    resolver: zodResolver(schema),
    defaultValues: { departmentCode: only?.length === 1 ? only[0] : '', channel: '', label: '' },
    shouldFocusError: false,
  });
  const error = create.error;
  const labels: Record<Field, string> = {
    departmentCode: t('campaigns.create.department'),
    channel: t('campaigns.create.channel'),
    label: t('campaigns.create.label'),
  };

  const { failure, refuse, clear } = useFormFailure(error, setError, CAMPAIGN_FIELDS);

  const send = (values: CampaignValues) => {
    if (create.isPending) return;
    clear();
    create.mutate(toCreateCampaignRequest(values), {
      onSuccess: (created) => {
        // The department stays chosen for the next campaign.
        reset({ departmentCode: getValues('departmentCode'), channel: '', label: '' });
        onCreated(created);
      },
    });
  };

  const errorsOf = (field: Field) => messagesAt(formState.errors, field);
  const summary = CAMPAIGN_FIELDS.map((field) => ({ id: `${ID}-${field}`, label: labels[field], messages: errorsOf(field) }));
  const showSummary = showsSummary(failure, summary.flatMap((field) => field.messages));

  return (
    <section className="panel" aria-labelledby={`${ID}-heading`}>
      <h2 id={`${ID}-heading`} className="panel__title">
        {t('campaigns.create.title')}
      </h2>
      {only && only.length === 0 ? <p className="notice notice--warning">{t('campaigns.create.noDepartments')}</p> : null}
      <form className="stack-form" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={create.isPending || undefined}>
        {showSummary ? (
          <ErrorSummary
            title={t('campaigns.create.failed')}
            problem={failure.problem}
            attempt={failure.attempt}
            fields={summary}
            formMessages={failure.formMessages}
          />
        ) : null}
        <div className="filter-form__fields">
          <Controller
            control={control}
            name="departmentCode"
            render={({ field }) => (
              <FormField id={`${ID}-departmentCode`} name="departmentCode" label={labels.departmentCode} errors={errorsOf('departmentCode')}>
                {(controlProps) => (
                  <DepartmentSelect
                    control={controlProps}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    faculties={faculties}
                    only={only}
                    emptyLabel={t('campaigns.create.chooseDepartment')}
                    required
                  />
                )}
              </FormField>
            )}
          />
          <Controller
            control={control}
            name="channel"
            render={({ field }) => (
              <CampaignTextField
                idPrefix={ID}
                name="channel"
                label={labels.channel}
                errors={errorsOf('channel')}
                field={field}
                list={`${ID}-channels`}
              />
            )}
          />
          <datalist id={`${ID}-channels`}>
            {CHANNEL_SUGGESTIONS.map((suggestion) => (
              <option key={suggestion} value={t(`campaigns.channels.${suggestion}`)} />
            ))}
          </datalist>
          <Controller
            control={control}
            name="label"
            render={({ field }) => (
              <CampaignTextField
                idPrefix={ID}
                name="label"
                label={labels.label}
                errors={errorsOf('label')}
                field={field}
              />
            )}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={create.isPending || undefined}>
            {create.isPending ? t('common.saving') : t('campaigns.create.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
