import { z } from 'zod';
import type { CreateSegmentRequest, MemberOffer, SegmentFilter, SegmentResponse } from '../../api/generated';
import type { FieldRoute } from '../../lib/form-errors';
import type { Translate } from '../../lib/text-rules';

/** What a member can offer, as the member search offers it. */
export const OFFERS = ['mentor', 'guestLecture', 'studyVisitHost', 'panel'] as const satisfies readonly MemberOffer[];

/** The segment builder as typed: the filter in the member search's vocabulary, years and tags as text. */
export interface SegmentFormValues {
  name: string;
  description: string;
  /** The department the segment belongs to (its id); '' for the central office's. */
  departmentId: string;
  departments: string[];
  faculty: string;
  graduatedFrom: string;
  graduatedTo: string;
  country: string;
  city: string;
  language: '' | 'sv' | 'en';
  offers: MemberOffer[];
  industry: string;
  /** Interest tags, separated by commas. */
  tags: string;
  attendedEventIds: string[];
  registeredEventIds: string[];
}

export const SEGMENT_RULES = { nameMax: 200, descriptionMax: 1000, textMax: 100, tagsMax: 20 } as const;

export function emptySegmentValues(): SegmentFormValues {
  return {
    name: '',
    description: '',
    departmentId: '',
    departments: [],
    faculty: '',
    graduatedFrom: '',
    graduatedTo: '',
    country: '',
    city: '',
    language: '',
    offers: [],
    industry: '',
    tags: '',
    attendedEventIds: [],
    registeredEventIds: [],
  };
}

export function segmentToValues(segment: SegmentResponse): SegmentFormValues {
  const f = segment.filter;
  return {
    name: segment.name,
    description: segment.description ?? '',
    departmentId: segment.departmentId ?? '',
    departments: [...f.departments],
    faculty: f.faculty ?? '',
    graduatedFrom: f.graduatedFrom === undefined || f.graduatedFrom === null ? '' : String(f.graduatedFrom),
    graduatedTo: f.graduatedTo === undefined || f.graduatedTo === null ? '' : String(f.graduatedTo),
    country: f.country ?? '',
    city: f.city ?? '',
    language: f.language === 'sv' || f.language === 'en' ? f.language : '',
    offers: [...f.offers],
    industry: f.industry ?? '',
    tags: f.tags.join(', '),
    attendedEventIds: [...f.attendedEventIds],
    registeredEventIds: [...f.registeredEventIds],
  };
}

function text(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

const YEAR = /^\d{4}$/;

function year(value: string): number | undefined {
  return YEAR.test(value.trim()) ? Number(value.trim()) : undefined;
}

export function readTags(value: string): string[] {
  return [...new Set(value.split(',').map((tag) => tag.trim()).filter((tag) => tag !== ''))];
}

/** The filter the values describe (a year that is not one is left out: the schema says so on the field). */
export function toSegmentFilter(values: SegmentFormValues): SegmentFilter {
  return {
    departments: values.departments,
    faculty: text(values.faculty),
    graduatedFrom: year(values.graduatedFrom),
    graduatedTo: year(values.graduatedTo),
    country: text(values.country),
    city: text(values.city),
    language: values.language || undefined,
    offers: values.offers,
    industry: text(values.industry),
    tags: readTags(values.tags),
    attendedEventIds: values.attendedEventIds,
    registeredEventIds: values.registeredEventIds,
  };
}

export function toSegmentInput(values: SegmentFormValues): CreateSegmentRequest {
  return {
    name: values.name.trim(),
    description: text(values.description),
    departmentId: values.departmentId || undefined,
    filter: toSegmentFilter(values),
  };
}

/** Where the server's field errors go (`filter.graduatedFrom` on the year, `filter.departments[0]` on the departments). */
export const SEGMENT_FIELD_ROUTES: readonly FieldRoute[] = [
  'name',
  'description',
  'departmentId',
  ['filter.departments', 'departments'],
  ['filter.departments.#', 'departments'],
  ['filter.faculty', 'faculty'],
  ['filter.graduatedFrom', 'graduatedFrom'],
  ['filter.graduatedTo', 'graduatedTo'],
  ['filter.country', 'country'],
  ['filter.city', 'city'],
  ['filter.language', 'language'],
  ['filter.offers', 'offers'],
  ['filter.offers.#', 'offers'],
  ['filter.industry', 'industry'],
  ['filter.tags', 'tags'],
  ['filter.tags.#', 'tags'],
  ['filter.attendedEventIds', 'attendedEventIds'],
  ['filter.attendedEventIds.#', 'attendedEventIds'],
  ['filter.registeredEventIds', 'registeredEventIds'],
  ['filter.registeredEventIds.#', 'registeredEventIds'],
];

export const SEGMENT_FIELDS = [
  'name',
  'description',
  'departmentId',
  'departments',
  'faculty',
  'graduatedFrom',
  'graduatedTo',
  'country',
  'city',
  'language',
  'offers',
  'industry',
  'tags',
  'attendedEventIds',
  'registeredEventIds',
] as const;
export type SegmentField = (typeof SEGMENT_FIELDS)[number];

const MARKUP = /[<>]/;

/** The API's rules for a segment: a name; years of four digits, the first not after the last; short texts. */
export function segmentSchema(t: Translate, { departmentRequired }: { departmentRequired: boolean }) {
  const R = SEGMENT_RULES;
  const short = (max: number) =>
    z
      .string()
      .refine((value) => value.trim().length <= max, t('validation.tooLong', { max }))
      .refine((value) => !MARKUP.test(value), t('validation.markup'));
  const yearText = z.string().refine((value) => value.trim() === '' || YEAR.test(value.trim()), t('validation.yearFormat'));
  return z
    .object({
      name: short(R.nameMax).refine((value) => value.trim() !== '', t('validation.segmentName')),
      description: short(R.descriptionMax),
      departmentId: z.string(),
      departments: z.array(z.string()),
      faculty: z.string(),
      graduatedFrom: yearText,
      graduatedTo: yearText,
      country: z.string(),
      city: short(R.textMax),
      language: z.enum(['', 'sv', 'en']),
      offers: z.array(z.enum(OFFERS)),
      industry: short(R.textMax),
      tags: short(R.textMax * 5).refine((value) => readTags(value).length <= R.tagsMax, t('validation.tooMany', { max: R.tagsMax })),
      attendedEventIds: z.array(z.string()),
      registeredEventIds: z.array(z.string()),
    })
    .superRefine((v, ctx) => {
      if (departmentRequired && v.departmentId === '') ctx.addIssue({ code: 'custom', path: ['departmentId'], message: t('validation.department') });
      const from = year(v.graduatedFrom);
      const to = year(v.graduatedTo);
      if (from !== undefined && to !== undefined && to < from) ctx.addIssue({ code: 'custom', path: ['graduatedTo'], message: t('validation.yearOrder') });
    }) satisfies z.ZodType<SegmentFormValues, SegmentFormValues>;
}
