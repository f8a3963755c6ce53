import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import type { NewsletterCampaignResponse, MessageResponse } from '../../../api/generated';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormField } from '../../../components/FormField';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { hasRole, useAuth } from '../../../lib/auth/me';
import { messagesAt, showsSummary, useFormFailure } from '../../../lib/form-errors';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { textIn } from '../../../lib/bilingual';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useAudience, useCampaign, useCreateCampaign, useUpdateCampaign } from '../api/campaigns';
import { useInvitableEvents, useMessage, useSegments, useTopics } from '../api/library';
import {
  CAMPAIGN_FIELD_ROUTES,
  CAMPAIGN_FIELDS,
  campaignSchema,
  campaignToValues,
  emptyCampaignValues,
  toCampaignInput,
  type CampaignField,
  type CampaignFormValues,
} from '../campaign-form';
import { topicName } from '../newsletter-text';
import { GUID, MESSAGES_PATH, NEWSLETTERS_PATH, campaignPath, editCampaignPath } from '../paths';
import { personalFields } from '../personal-fields';
import { CampaignPreview } from './CampaignPreview';
import { MarkdownField } from './MarkdownField';
import { SenderSelect, useDepartmentIds } from './SenderSelect';
import { TestSendPanel } from './TestSendPanel';
import './newsletters.css';

const ID = 'campaign-form';
const fieldId = (field: string) => `${ID}-${field}`;

/** What the editor page says after a save that opened it (a new draft opens on its own edit page). */
interface CampaignSavedState {
  campaignSaved?: 'created';
}

/**
 * Staff: a new campaign (`/staff/newsletters/campaigns/new`, blank or `?message=` a ready-made message's texts) or a
 * draft's change (`/:campaignId/edit`, from the version shown: If-Match). A saved draft can be previewed as the server
 * renders it and sent as a test.
 */
export function CampaignEditorPage() {
  const { t } = useTranslation();
  const { campaignId } = useParams();
  const editing = campaignId !== undefined;
  const wellFormed = !editing || GUID.test(campaignId);
  const campaign = useCampaign(campaignId ?? '', editing && wellFormed);
  const messageParam = useSearchParams()[0].get('message') ?? '';
  const fromMessage = !editing && GUID.test(messageParam) ? messageParam : '';
  const message = useMessage(fromMessage, fromMessage !== '');
  const title = editing ? t('newsletters.editor.editTitle') : t('newsletters.editor.newTitle');
  useDocumentTitle(title);
  const problem = campaign.error ? toProblem(campaign.error) : message.error ? toProblem(message.error) : null;
  const notFound = !wellFormed || (problem?.kind === 'not-found' && !campaign.data);
  const fixed = campaign.data && campaign.data.status !== 'draft' && campaign.data.status !== 'scheduled';
  return (
    <div className="page page--wide newsletters">
      <p className="back-link">
        <Link to={campaign.data ? campaignPath(campaign.data.id) : NEWSLETTERS_PATH}>
          {campaign.data ? t('newsletters.editor.backToCampaign') : t('newsletters.back')}
        </Link>
      </p>
      <div className="page__header">
        <h1>{title}</h1>
        {!editing ? (
          <p className="page__intro">
            {t('newsletters.editor.intro')} <Link to={MESSAGES_PATH}>{t('newsletters.editor.fromLibrary')}</Link>
          </p>
        ) : null}
      </div>
      {notFound ? (
        <div className="notice notice--error" role="alert">
          <span className="problem__message">{t('newsletters.campaign.notFound')}</span>
        </div>
      ) : (editing && campaign.isPending) || (fromMessage && message.isPending) ? (
        <p className="loading">{t('common.loading')}</p>
      ) : problem && !campaign.data ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={problem} lead={t('newsletters.editor.loadError')} />
        </div>
      ) : fixed ? (
        <p className="notice notice--warning">
          {t('newsletters.editor.notEditable')} <Link to={campaignPath(campaign.data.id)}>{t('newsletters.editor.backToCampaign')}</Link>
        </p>
      ) : (
        <CampaignForm campaign={campaign.data} message={message.data} />
      )}
    </div>
  );
}

function CampaignForm({ campaign, message }: { campaign?: NewsletterCampaignResponse; message?: MessageResponse }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const navigate = useNavigate();
  const location = useLocation();
  const auth = useAuth();
  const isAdmin = hasRole(auth.me, 'admin');
  const ownDepartments = useMemo(() => (auth.me?.departments ?? []).map((d) => d.code), [auth.me]);
  const create = useCreateCampaign();
  const update = useUpdateCampaign();
  const mutation = campaign ? update : create;
  const topics = useTopics();
  const segments = useSegments();
  const events = useInvitableEvents();
  const schema = useMemo(() => campaignSchema(t, { departmentRequired: !isAdmin }), [t, isAdmin]);
  const initial = useMemo(() => {
    if (campaign) return campaignToValues(campaign);
    const values = emptyCampaignValues();
    if (!message) return values;
    return {
      ...values,
      name: message.title,
      subjectSv: message.subjectSv ?? '',
      subjectEn: message.subjectEn ?? '',
      preheaderSv: message.preheaderSv ?? '',
      preheaderEn: message.preheaderEn ?? '',
      bodySv: message.bodySv ?? '',
      bodyEn: message.bodyEn ?? '',
    };
    // Only the campaign's version decides: a newer one (after a 412) fills the form again, below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [campaign?.id, campaign?.version, message?.id]);
  const { control, register, handleSubmit, setError, formState, reset, getValues, setValue } = useForm<CampaignFormValues>({
    resolver: zodResolver(schema),
    defaultValues: initial,
    shouldFocusError: false,
  });
  const { failure, refuse, clear, fail } = useFormFailure(mutation.error, setError, CAMPAIGN_FIELD_ROUTES);
  const [saved, setSaved] = useState<string | null>(() =>
    (location.state as CampaignSavedState | null)?.campaignSaved === 'created' ? t('newsletters.editor.created') : null,
  );

  const shownVersion = useRef(campaign?.version);
  useEffect(() => {
    if (!campaign || shownVersion.current === campaign.version) return;
    shownVersion.current = campaign.version;
    reset(campaignToValues(campaign));
  }, [campaign, reset]);

  // A coordinator's new campaign is sent by their (first) department, once its id is known.
  const ownIds = useDepartmentIds(ownDepartments);
  const firstOwn = isAdmin ? '' : (ownIds[0] ?? '');
  useEffect(() => {
    if (!campaign && firstOwn && getValues('departmentId') === '') setValue('departmentId', firstOwn);
  }, [campaign, firstOwn, getValues, setValue]);

  const [departmentId, topicId, segmentId, eventId] = useWatch({ control, name: ['departmentId', 'topicId', 'segmentId', 'eventId'] });
  const audience = useAudience(topicId, segmentId, departmentId);
  const fields = personalFields(eventId !== '');

  // The topics a sender may use: a department's own mailings (not another department's), the events and custom ones.
  const topicOptions = (topics.data ?? []).filter(
    (topic) => topic.active !== false && (topic.kind !== 'department' || !departmentId || topic.departmentId === departmentId),
  );
  const segmentOptions = (segments.data?.items ?? []).filter((segment) => !departmentId || !segment.departmentId || segment.departmentId === departmentId);

  const send = (values: CampaignFormValues) => {
    if (mutation.isPending) return;
    clear();
    setSaved(null);
    const body = toCampaignInput(values, campaign ? undefined : message?.id);
    if (campaign) {
      update.mutate({ id: campaign.id, version: campaign.version, body }, { onSuccess: () => setSaved(t('newsletters.editor.saved')) });
    } else {
      create.mutate(body, {
        onSuccess: (created) => void navigate(editCampaignPath(created.id), { state: { campaignSaved: 'created' } satisfies CampaignSavedState }),
      });
    }
  };

  const inLanguage = (field: string, lng: 'sv' | 'en') => t('newsletters.editor.inLanguage', { field, language: t(`newsletters.languages.${lng}`) });
  const labels: Record<CampaignField, string> = {
    name: t('newsletters.editor.name'),
    departmentId: t('newsletters.editor.sender'),
    topicId: t('newsletters.editor.topic'),
    segmentId: t('newsletters.editor.segment'),
    eventId: t('newsletters.editor.event'),
    subjectSv: inLanguage(t('newsletters.editor.subject'), 'sv'),
    subjectEn: inLanguage(t('newsletters.editor.subject'), 'en'),
    preheaderSv: inLanguage(t('newsletters.editor.preheader'), 'sv'),
    preheaderEn: inLanguage(t('newsletters.editor.preheader'), 'en'),
    bodySv: inLanguage(t('newsletters.editor.body'), 'sv'),
    bodyEn: inLanguage(t('newsletters.editor.body'), 'en'),
  };
  const errorsOf = (field: string) => messagesAt(formState.errors, field);
  const summary = CAMPAIGN_FIELDS.map((field) => ({ id: fieldId(field), label: labels[field], messages: errorsOf(field) }));
  const showSummary = showsSummary(failure, summary.flatMap((field) => field.messages));

  const text = (field: CampaignField, options: { lang?: 'sv' | 'en'; hint?: string } = {}) => (
    <FormField id={fieldId(field)} name={field} label={labels[field]} hint={options.hint} errors={errorsOf(field)}>
      {(controlProps) => <input {...controlProps} type="text" className="input" lang={options.lang} autoComplete="off" {...register(field)} />}
    </FormField>
  );
  const dirty = formState.isDirty;

  return (
    <>
      <form className="newsletter-form" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={mutation.isPending || undefined}>
        {showSummary ? (
          <ErrorSummary
            title={t(campaign ? 'newsletters.editor.saveFailed' : 'newsletters.editor.createFailed')}
            problem={failure.problem}
            attempt={failure.attempt}
            fields={summary}
            formMessages={failure.formMessages}
          />
        ) : null}
        <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
          {saved ? <p className="notice notice--success">{saved}</p> : null}
        </div>
        {message && !campaign ? <p className="notice notice--info">{t('newsletters.editor.fromMessage', { title: message.title })}</p> : null}

        <section className="panel" aria-labelledby={`${ID}-who-heading`}>
          <h2 id={`${ID}-who-heading`} className="panel__title">
            {t('newsletters.editor.sections.who')}
          </h2>
          <div className="newsletter-form__grid">
            {text('name')}
            <FormField id={fieldId('departmentId')} name="departmentId" label={labels.departmentId} errors={errorsOf('departmentId')}>
              {(controlProps) => (
                <Controller
                  control={control}
                  name="departmentId"
                  render={({ field }) => (
                    <SenderSelect control={controlProps} value={field.value} onChange={field.onChange} centralAllowed={isAdmin} only={isAdmin ? undefined : ownDepartments} />
                  )}
                />
              )}
            </FormField>
            <FormField id={fieldId('topicId')} name="topicId" label={labels.topicId} hint={t('newsletters.editor.topicHint')} errors={errorsOf('topicId')}>
              {(controlProps) => (
                <Controller
                  control={control}
                  name="topicId"
                  render={({ field }) => (
                    <select {...controlProps} className="input" name={field.name} ref={field.ref} value={field.value} onChange={field.onChange} onBlur={field.onBlur}>
                      <option value="">{t('newsletters.editor.chooseTopic')}</option>
                      {field.value && !topicOptions.some((topic) => topic.id === field.value) ? <option value={field.value}>{field.value}</option> : null}
                      {topicOptions.map((topic) => (
                        <option key={topic.id} value={topic.id}>
                          {topicName(topic, language)}
                        </option>
                      ))}
                    </select>
                  )}
                />
              )}
            </FormField>
            <FormField id={fieldId('segmentId')} name="segmentId" label={labels.segmentId} hint={t('newsletters.editor.segmentHint')} errors={errorsOf('segmentId')}>
              {(controlProps) => (
                <Controller
                  control={control}
                  name="segmentId"
                  render={({ field }) => (
                    <select {...controlProps} className="input" name={field.name} ref={field.ref} value={field.value} onChange={field.onChange} onBlur={field.onBlur}>
                      <option value="">{t('newsletters.editor.everyoneOnTopic')}</option>
                      {field.value && !segmentOptions.some((segment) => segment.id === field.value) ? <option value={field.value}>{field.value}</option> : null}
                      {segmentOptions.map((segment) => (
                        <option key={segment.id} value={segment.id}>
                          {segment.name}
                        </option>
                      ))}
                    </select>
                  )}
                />
              )}
            </FormField>
            <FormField id={fieldId('eventId')} name="eventId" label={labels.eventId} hint={t('newsletters.editor.eventHint')} errors={errorsOf('eventId')}>
              {(controlProps) => (
                <Controller
                  control={control}
                  name="eventId"
                  render={({ field }) => (
                    <select {...controlProps} className="input" name={field.name} ref={field.ref} value={field.value} onChange={field.onChange} onBlur={field.onBlur}>
                      <option value="">{t('newsletters.editor.noEvent')}</option>
                      {field.value && !(events.data?.items ?? []).some((event) => event.id === field.value) ? (
                        <option value={field.value}>{t('newsletters.editor.theEvent')}</option>
                      ) : null}
                      {(events.data?.items ?? []).map((event) => (
                        <option key={event.id} value={event.id}>
                          {textIn(event.titleSv, event.titleEn, language)}
                        </option>
                      ))}
                    </select>
                  )}
                />
              )}
            </FormField>
          </div>
          <p className="audience" aria-live="polite" aria-atomic="true">
            {topicId === ''
              ? t('newsletters.editor.audienceNone')
              : audience.data
                ? t('newsletters.editor.audience', { count: audience.data.count })
                : audience.isError
                  ? t('newsletters.editor.audienceError')
                  : t('newsletters.editor.audienceCounting')}
          </p>
        </section>

        <section className="panel" aria-labelledby={`${ID}-texts-heading`}>
          <h2 id={`${ID}-texts-heading`} className="panel__title">
            {t('newsletters.editor.sections.texts')}
          </h2>
          <p className="field__hint">{t('newsletters.editor.textsHint')}</p>
          <div className="newsletter-languages">
            {(['sv', 'en'] as const).map((lng) => {
              const suffix = lng === 'sv' ? 'Sv' : 'En';
              const body = `body${suffix}` as const;
              return (
                <fieldset key={lng} className="newsletter-language" lang={lng}>
                  <legend>{t(`newsletters.languages.${lng}Title`)}</legend>
                  {text(`subject${suffix}`, { lang: lng })}
                  {text(`preheader${suffix}`, { lang: lng, hint: t('newsletters.editor.preheaderHint') })}
                  <Controller
                    control={control}
                    name={body}
                    render={({ field }) => (
                      <MarkdownField
                        id={fieldId(body)}
                        name={body}
                        label={labels[body]}
                        hint={t('newsletters.editor.bodyHint')}
                        lang={lng}
                        errors={errorsOf(body)}
                        value={field.value}
                        onChange={field.onChange}
                        onBlur={field.onBlur}
                        textareaRef={field.ref}
                        fields={fields}
                      />
                    )}
                  />
                </fieldset>
              );
            })}
          </div>
        </section>

        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={mutation.isPending || undefined}>
            {mutation.isPending ? t('common.saving') : campaign ? t('newsletters.editor.save') : t('newsletters.editor.create')}
          </button>
          {campaign ? (
            <Link className="button" to={campaignPath(campaign.id)}>
              {t('newsletters.editor.toSending')}
            </Link>
          ) : null}
        </div>
      </form>

      {campaign ? (
        <>
          <CampaignPreview campaign={campaign} unsaved={dirty} onFieldErrors={fail} />
          <TestSendPanel campaign={campaign} unsaved={dirty} onFieldErrors={fail} />
        </>
      ) : (
        <p className="notice notice--info">{t('newsletters.editor.previewAfterSave')}</p>
      )}
    </>
  );
}
