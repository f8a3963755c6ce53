import { z } from 'zod';
import type { CreateCampaignRequest } from '../../api/generated';
import { hasMarkup, type Translate } from '../../lib/text-rules';

/** The new-campaign form: the department, the channel and the label, as typed. */
export interface CampaignValues {
  departmentCode: string;
  channel: string;
  label: string;
}

export const CAMPAIGN_FIELDS = ['departmentCode', 'channel', 'label'] as const;

/** The request: channel and label trimmed. */
export function toCreateCampaignRequest(values: CampaignValues): CreateCampaignRequest {
  return { departmentCode: values.departmentCode, channel: values.channel.trim(), label: values.label.trim() };
}

/** Given, at most `max` characters once trimmed, no markup: one message for all of it, as the API has it. */
const shortText = (max: number, message: string) =>
  z.string().refine((text) => text.trim() !== '' && text.trim().length <= max && !hasMarkup(text), message);

/**
 * The campaign's rules, as the API's CreateCampaign has them: a department, a channel of 1–100
 * characters and a label of 1–200, neither with markup. Whether the department is one of the
 * person's active ones only the server can tell.
 */
export function campaignSchema(t: Translate) {
  return z.object({
    departmentCode: z.string().refine((code) => code.trim() !== '', t('validation.department')),
    channel: shortText(100, t('validation.channel')),
    label: shortText(200, t('validation.label')),
  }) satisfies z.ZodType<CampaignValues, CampaignValues>;
}

/** The change of a campaign: its channel and label (its department and link stay). */
export type EditCampaignValues = Pick<CampaignValues, 'channel' | 'label'>;

export const EDIT_CAMPAIGN_FIELDS = ['channel', 'label'] as const;

/** The change's rules: those of a new campaign for the channel and the label. */
export function editCampaignSchema(t: Translate) {
  return campaignSchema(t).pick({ channel: true, label: true }) satisfies z.ZodType<EditCampaignValues, EditCampaignValues>;
}
