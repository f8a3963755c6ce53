import { z } from 'zod';
import type { CreateOccasionRequest, OccasionResponse } from '../../api/generated';
import { isCountryCode } from '../../lib/countries';
import { name, optionalText, type Translate } from '../../lib/text-rules';

/** An occasion abroad as the form holds it; days as `<input type="date">` values (yyyy-mm-dd). */
export interface OccasionFormValues {
  title: string;
  purpose: string;
  city: string;
  country: string;
  startsOn: string;
  endsOn: string;
}

export const OCCASION_FIELDS = ['title', 'purpose', 'city', 'country', 'startsOn', 'endsOn'] as const;
export type OccasionField = (typeof OCCASION_FIELDS)[number];

/** The API's limits (OccasionRules). */
export const OCCASION_RULES = { titleMax: 200, cityMax: 100, purposeMax: 2000 } as const;

export const EMPTY_OCCASION: OccasionFormValues = { title: '', purpose: '', city: '', country: '', startsOn: '', endsOn: '' };

export function occasionToValues(occasion: OccasionResponse): OccasionFormValues {
  return {
    title: occasion.title,
    purpose: occasion.purpose ?? '',
    city: occasion.city,
    country: occasion.country,
    startsOn: occasion.startsOn,
    endsOn: occasion.endsOn,
  };
}

export function toOccasionInput(values: OccasionFormValues): CreateOccasionRequest {
  const purpose = values.purpose.trim();
  return {
    title: values.title.trim(),
    purpose: purpose === '' ? undefined : purpose,
    city: values.city.trim(),
    country: values.country.trim().toUpperCase(),
    startsOn: values.startsOn,
    endsOn: values.endsOn,
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The API's rules for an occasion: a name and a city (no markup), a known country, both days, the last not before the first. */
export function occasionSchema(t: Translate) {
  return z
    .object({
      title: name(t, OCCASION_RULES.titleMax),
      purpose: optionalText(t, OCCASION_RULES.purposeMax),
      city: name(t, OCCASION_RULES.cityMax),
      country: z.string().refine((code) => isCountryCode(code.trim().toUpperCase()), t('validation.eventCountry')),
      startsOn: z.string().refine((day) => DAY.test(day), t('validation.day')),
      endsOn: z.string().refine((day) => DAY.test(day), t('validation.day')),
    })
    .superRefine((v, ctx) => {
      if (DAY.test(v.startsOn) && DAY.test(v.endsOn) && v.endsOn < v.startsOn) {
        ctx.addIssue({ code: 'custom', path: ['endsOn'], message: t('validation.lastDayBeforeFirst') });
      }
    }) satisfies z.ZodType<OccasionFormValues, OccasionFormValues>;
}
