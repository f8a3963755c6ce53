import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CampaignResponse, FacultyResponse } from '../../../api/generated';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormField, TextInputField } from '../../../components/FormField';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { messagesAt, showsSummary, useFormFailure } from '../../../lib/form-errors';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useAuth } from '../../../lib/auth/me';
import { JOIN_PATH } from '../../../lib/paths';
import { useFaculties } from '../../../lib/departments/faculties';
import { useCampaigns, useCreateCampaign } from '../api/campaigns';
import { CAMPAIGN_FIELDS, campaignSchema, toCreateCampaignRequest, type CampaignValues } from '../campaign-form';
import { copyText } from '../download';
import { DepartmentSelect } from './DepartmentSelect';
import { departmentName } from './study-format';
import './network.css';
import './staff.css';

const ID = 'new-campaign';
type Field = keyof CampaignValues;

/** Channels often used (suggestions; any channel can be typed). */
const CHANNEL_SUGGESTIONS = ['linkedIn', 'email', 'graduation', 'courseEvaluation', 'newsletter', 'event'] as const;

/** The full invitation link of a campaign: `<origin>/join/<token>`. */
export function invitationLink(token: string, origin: string = window.location.origin): string {
  return `${origin}${JOIN_PATH}/${encodeURIComponent(token)}`;
}

function linkFieldId(campaign: CampaignResponse): string {
  return `campaign-link-${campaign.id}`;
}

/**
 * Staff: recruitment campaigns. Create an invitation link for one of my departments (any department
 * for admins) and a channel; the table shows each link with a copy button and its figures: visits,
 * sign-ups and verified members.
 */
export function CampaignsPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  useDocumentTitle(t('campaigns.title'));
  const auth = useAuth();
  const campaigns = useCampaigns();
  const faculties = useFaculties(false);
  const [status, setStatus] = useState('');
  const [copyFailed, setCopyFailed] = useState<string | null>(null);
  const [newest, setNewest] = useState<string | null>(null);
  const departments = auth.isAdmin ? undefined : (auth.me?.departments ?? []).map((d) => d.code);

  const focusedNewest = useRef<string | null>(null);

  // Once the new campaign's row is there, its link gets the focus (once: not again on later refetches).
  useEffect(() => {
    if (!newest || focusedNewest.current === newest) return;
    const field = document.getElementById(`campaign-link-${newest}`);
    if (!field) return;
    focusedNewest.current = newest;
    field.focus();
  }, [newest, campaigns.data]);

  const copy = async (campaign: CampaignResponse) => {
    setStatus('');
    setCopyFailed(null);
    const link = invitationLink(campaign.token);
    if (await copyText(link)) setStatus(t('campaigns.copied', { label: campaign.label }));
    else {
      setCopyFailed(campaign.id);
      const field = document.getElementById(linkFieldId(campaign)) as HTMLInputElement | null;
      field?.focus();
      field?.select();
    }
  };

  return (
    <div className="page page--wide">
      <div className="page__header">
        <h1>{t('campaigns.title')}</h1>
        <p className="page__intro">{t('campaigns.intro')}</p>
      </div>

      <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
        {status ? <p className="notice notice--success">{status}</p> : null}
      </div>
      {copyFailed ? (
        <p className="notice notice--warning" role="alert">
          {t('campaigns.copyFailed')}
        </p>
      ) : null}

      <CreateCampaignForm
        faculties={faculties.data}
        only={departments}
        onCreated={(created) => {
          setCopyFailed(null);
          setStatus(t('campaigns.created', { label: created.label }));
          setNewest(created.id);
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
            <div className="table-wrap">
              <table className="data-table data-table--dense">
                <caption className="data-table__caption">{t('campaigns.summary', { count: campaigns.data.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('campaigns.columns.label')}</th>
                    <th scope="col">{t('campaigns.columns.department')}</th>
                    <th scope="col">{t('campaigns.columns.channel')}</th>
                    <th scope="col">{t('campaigns.columns.created')}</th>
                    <th scope="col" className="numeric">
                      {t('campaigns.columns.visits')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('campaigns.columns.signUps')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('campaigns.columns.verified')}
                    </th>
                    <th scope="col">{t('campaigns.columns.link')}</th>
                  </tr>
                </thead>
                <tbody>
                  {campaigns.data.map((campaign) => (
                    <tr key={campaign.id} className={campaign.id === newest ? 'is-new' : undefined}>
                      <th scope="row">{campaign.label}</th>
                      <td>
                        <abbr title={departmentName(campaign.departmentCode, faculties.data, language)}>{campaign.departmentCode}</abbr>
                      </td>
                      <td>{campaign.channel}</td>
                      <td className="nowrap">
                        <time dateTime={campaign.createdAt}>{formatDateTime(campaign.createdAt, language)}</time>
                      </td>
                      <td className="numeric">{campaign.visits}</td>
                      <td className="numeric">{campaign.signUps}</td>
                      <td className="numeric">{campaign.verified}</td>
                      <td>
                        <div className="secret secret--compact">
                          <label className="visually-hidden" htmlFor={linkFieldId(campaign)}>
                            {t('campaigns.link', { label: campaign.label })}
                          </label>
                          <input
                            id={linkFieldId(campaign)}
                            type="text"
                            className="input secret__value campaign-link"
                            value={invitationLink(campaign.token)}
                            readOnly
                            spellCheck={false}
                            onFocus={(event) => event.currentTarget.select()}
                          />
                          <button type="button" className="button button--small" onClick={() => void copy(campaign)}>
                            <span aria-hidden="true">{t('campaigns.copy')}</span>
                            <span className="visually-hidden">{t('campaigns.copyNamed', { label: campaign.label })}</span>
                          </button>
                        </div>
                      </td>
                    </tr>
                  ))}
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
              <TextInputField
                id={`${ID}-channel`}
                name="channel"
                label={labels.channel}
                hint={t('campaigns.create.channelHint')}
                errors={errorsOf('channel')}
                list={`${ID}-channels`}
                value={field.value}
                onValueChange={field.onChange}
                onBlur={field.onBlur}
                autoComplete="off"
                required
                maxLength={200}
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
              <TextInputField
                id={`${ID}-label`}
                name="label"
                label={labels.label}
                hint={t('campaigns.create.labelHint')}
                errors={errorsOf('label')}
                value={field.value}
                onValueChange={field.onChange}
                onBlur={field.onBlur}
                autoComplete="off"
                required
                maxLength={400}
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
