import { z } from 'zod';
import type { CreateLayoutRequest, LayoutResponse } from '../../api/generated';
import type { FieldRoute } from '../../lib/form-errors';
import type { Translate } from '../../lib/text-rules';

/** A layout as typed: header and footer in Markdown per language, the postal address on its lines. */
export interface LayoutFormValues {
  name: string;
  headerSv: string;
  headerEn: string;
  footerSv: string;
  footerEn: string;
  postalAddress: string;
  isDefault: boolean;
}

export const LAYOUT_FIELDS = ['name', 'postalAddress', 'headerSv', 'footerSv', 'headerEn', 'footerEn'] as const;
export type LayoutField = (typeof LAYOUT_FIELDS)[number];
export const LAYOUT_FIELD_ROUTES: readonly FieldRoute[] = [...LAYOUT_FIELDS, 'isDefault'];

export function layoutToValues(layout?: LayoutResponse): LayoutFormValues {
  return {
    name: layout?.name ?? '',
    headerSv: layout?.headerSv ?? '',
    headerEn: layout?.headerEn ?? '',
    footerSv: layout?.footerSv ?? '',
    footerEn: layout?.footerEn ?? '',
    postalAddress: layout?.postalAddress ?? '',
    isDefault: layout?.isDefault ?? false,
  };
}

function markdown(value: string): string | undefined {
  const trimmed = value.replace(/^\s*\n/, '').trimEnd();
  return trimmed.trim() === '' ? undefined : trimmed;
}

export function toLayoutInput(values: LayoutFormValues): CreateLayoutRequest {
  return {
    name: values.name.trim(),
    headerSv: markdown(values.headerSv),
    headerEn: markdown(values.headerEn),
    footerSv: markdown(values.footerSv),
    footerEn: markdown(values.footerEn),
    postalAddress: values.postalAddress.trim(),
    isDefault: values.isDefault,
  };
}

const MARKUP = /[<>]/;

/** A name without markup; a postal address; the texts within their limits. */
export function layoutSchema(t: Translate) {
  const long = z.string().refine((value) => value.length <= 5000, t('validation.tooLong', { max: 5000 }));
  return z.object({
    name: z
      .string()
      .refine((value) => value.trim() !== '', t('validation.layoutName'))
      .refine((value) => value.trim().length <= 200, t('validation.tooLong', { max: 200 }))
      .refine((value) => !MARKUP.test(value), t('validation.nameMarkup')),
    headerSv: long,
    headerEn: long,
    footerSv: long,
    footerEn: long,
    postalAddress: z
      .string()
      .refine((value) => value.trim() !== '', t('validation.postalAddress'))
      .refine((value) => value.trim().length <= 500, t('validation.tooLong', { max: 500 }))
      .refine((value) => !MARKUP.test(value), t('validation.markup')),
    isDefault: z.boolean(),
  }) satisfies z.ZodType<LayoutFormValues, LayoutFormValues>;
}
