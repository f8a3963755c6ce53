import { useTranslation } from 'react-i18next';
import { TextInputField } from '../../../components/FormField';

/** What each of a campaign's texts asks for: its hint and the most the field takes (the rules then say what is too long). */
const CAMPAIGN_TEXTS = {
  channel: { hint: 'campaigns.create.channelHint', maxLength: 200 },
  label: { hint: 'campaigns.create.labelHint', maxLength: 400 },
} as const;

/**
 * A campaign's channel or label, as both the new-campaign and the edit form show it; `field` is what a
 * react-hook-form Controller hands its render function.
 */
export function CampaignTextField({
  idPrefix,
  name,
  label,
  errors,
  field,
  list,
}: {
  idPrefix: string;
  name: keyof typeof CAMPAIGN_TEXTS;
  label: string;
  errors: string[];
  field: { value: string; onChange: (value: string) => void; onBlur: () => void };
  /** The id of a datalist of suggestions. */
  list?: string;
}) {
  const { t } = useTranslation();
  return (
    <TextInputField
      id={`${idPrefix}-${name}`}
      name={name}
      label={label}
      hint={t(CAMPAIGN_TEXTS[name].hint)}
      errors={errors}
      list={list}
      value={field.value}
      onValueChange={field.onChange}
      onBlur={field.onBlur}
      autoComplete="off"
      required
      maxLength={CAMPAIGN_TEXTS[name].maxLength}
    />
  );
}
