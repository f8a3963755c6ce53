import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CampaignResponse } from '../../../api/generated';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { messagesAt, showsSummary, useFormFailure } from '../../../lib/form-errors';
import { useUpdateCampaign } from '../api/campaigns';
import { CampaignTextField } from './CampaignTextField';
import { EDIT_CAMPAIGN_FIELDS, editCampaignSchema, type EditCampaignValues } from '../campaign-form';

type Field = keyof EditCampaignValues;

/**
 * Changes a campaign's channel and label. The save carries the version shown in If-Match; when
 * someone else saved in between (412), the summary says so and the form is filled again with the
 * current campaign, to be changed and saved again.
 */
export function EditCampaignForm({
  campaign,
  onSaved,
  onCancel,
}: {
  /** The campaign as the list has it now (the list is reloaded after a 412). */
  campaign: CampaignResponse;
  onSaved: (saved: CampaignResponse) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateCampaign();
  const schema = useMemo(() => editCampaignSchema(t), [t]);
  const id = `edit-campaign-${campaign.id}`;
  const { control, handleSubmit, setError, formState, reset } = useForm<EditCampaignValues>({
    resolver: zodResolver(schema),
    defaultValues: { channel: campaign.channel, label: campaign.label },
    shouldFocusError: false,
  });
  const { failure, refuse, clear } = useFormFailure(update.error, setError, EDIT_CAMPAIGN_FIELDS);
  const labels: Record<Field, string> = { channel: t('campaigns.create.channel'), label: t('campaigns.create.label') };

  // A newer version (someone else's change, reloaded after a 412) fills the form again.
  const shownVersion = useRef(campaign.version);
  useEffect(() => {
    if (shownVersion.current === campaign.version) return;
    shownVersion.current = campaign.version;
    reset({ channel: campaign.channel, label: campaign.label });
  }, [campaign.version, campaign.channel, campaign.label, reset]);

  useEffect(() => {
    document.getElementById(`${id}-label`)?.focus();
  }, [id]);

  const send = (values: EditCampaignValues) => {
    if (update.isPending) return;
    clear();
    update.mutate(
      { id: campaign.id, version: campaign.version, channel: values.channel.trim(), label: values.label.trim() },
      { onSuccess: onSaved },
    );
  };

  const errorsOf = (field: Field) => messagesAt(formState.errors, field);
  const summary = EDIT_CAMPAIGN_FIELDS.map((field) => ({ id: `${id}-${field}`, label: labels[field], messages: errorsOf(field) }));
  const showSummary = showsSummary(failure, summary.flatMap((field) => field.messages));

  return (
    <section className="campaign-edit" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="campaign-details__title">
        {t('campaigns.edit.title', { label: campaign.label })}
      </h3>
      <form className="stack-form" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={update.isPending || undefined}>
        {showSummary ? (
          <ErrorSummary
            title={t('campaigns.edit.failed')}
            problem={failure.problem}
            attempt={failure.attempt}
            fields={summary}
            formMessages={failure.formMessages}
          />
        ) : null}
        <div className="filter-form__fields">
          <Controller
            control={control}
            name="label"
            render={({ field }) => (
              <CampaignTextField
                idPrefix={id}
                name="label"
                label={labels.label}
                errors={errorsOf('label')}
                field={field}
              />
            )}
          />
          <Controller
            control={control}
            name="channel"
            render={({ field }) => (
              <CampaignTextField
                idPrefix={id}
                name="channel"
                label={labels.channel}
                errors={errorsOf('channel')}
                field={field}
              />
            )}
          />
        </div>
        <p className="field__hint">{t('campaigns.edit.stays')}</p>
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={update.isPending || undefined}>
            {update.isPending ? t('common.saving') : t('campaigns.edit.submit')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
