import { z } from 'zod';
import type { CreateToolkitItemRequest, ToolkitItemKind, ToolkitItemResponse } from '../../../api/generated';
import type { FieldRoute } from '../../../lib/form-errors';
import type { Translate } from '../../../lib/text-rules';

/** The kinds of toolkit items, in the order the filters and the editor offer them. */
export const TOOLKIT_KINDS: readonly ToolkitItemKind[] = ['message', 'template', 'guide', 'checklist'];

/** The placeholders an item may use (the API refuses any other), filled for the reader's department. */
export const TOOLKIT_PLACEHOLDERS = [
  'department.name',
  'department.code',
  'department.recruitment_link',
  'department.recruitment_qr',
  'coordinator.name',
  'coordinator.email',
  'coordinator.phone',
] as const;

export type ToolkitPlaceholder = (typeof TOOLKIT_PLACEHOLDERS)[number];

/** The key of a placeholder's description under `network.toolkit.placeholders`, or null for a name the toolkit does not know. */
export function placeholderKey(name: string) {
  return (TOOLKIT_PLACEHOLDERS as readonly string[]).includes(name)
    ? (`network.toolkit.placeholders.${name.replace('.', '_') as PlaceholderKey}` as const)
    : null;
}

type PlaceholderKey = {
  [P in ToolkitPlaceholder]: P extends `${infer A}.${infer B}` ? `${A}_${B}` : never;
}[ToolkitPlaceholder];

/** The toolkit's filters as the page holds them (and the address carries them). */
export interface ToolkitFilters {
  q: string;
  kind: ToolkitItemKind | '';
  tag: string;
  archived: boolean;
  page: number;
}

export const EMPTY_TOOLKIT_FILTERS: ToolkitFilters = { q: '', kind: '', tag: '', archived: false, page: 1 };

export function toolkitFiltersFromParams(params: URLSearchParams): ToolkitFilters {
  const page = Number(params.get('page'));
  const kind = params.get('kind') ?? '';
  return {
    q: (params.get('q') ?? '').trim(),
    kind: (TOOLKIT_KINDS as readonly string[]).includes(kind) ? (kind as ToolkitItemKind) : '',
    tag: (params.get('tag') ?? '').trim(),
    archived: params.get('archived') === 'true',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export function toolkitFiltersToParams(filters: ToolkitFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.tag) params.set('tag', filters.tag);
  if (filters.archived) params.set('archived', 'true');
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** An item as typed; the tags separated by commas. */
export interface ToolkitFormValues {
  kind: ToolkitItemKind;
  titleSv: string;
  summarySv: string;
  bodySv: string;
  titleEn: string;
  summaryEn: string;
  bodyEn: string;
  tags: string;
  changeNote: string;
}

export const TOOLKIT_FIELDS = ['kind', 'tags', 'titleSv', 'summarySv', 'bodySv', 'titleEn', 'summaryEn', 'bodyEn', 'changeNote'] as const;
export type ToolkitField = (typeof TOOLKIT_FIELDS)[number];

export const TOOLKIT_FIELD_ROUTES: readonly FieldRoute[] = [...TOOLKIT_FIELDS, ['tags.#', 'tags']];

export function emptyToolkitValues(): ToolkitFormValues {
  return { kind: 'message', titleSv: '', summarySv: '', bodySv: '', titleEn: '', summaryEn: '', bodyEn: '', tags: '', changeNote: '' };
}

export function toolkitToValues(item: ToolkitItemResponse): ToolkitFormValues {
  return {
    kind: item.kind,
    titleSv: item.titleSv ?? '',
    summarySv: item.summarySv ?? '',
    bodySv: item.bodySv ?? '',
    titleEn: item.titleEn ?? '',
    summaryEn: item.summaryEn ?? '',
    bodyEn: item.bodyEn ?? '',
    tags: item.tags.join(', '),
    changeNote: '',
  };
}

function text(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export function readToolkitTags(value: string): string[] {
  return [...new Set(value.split(',').map((tag) => tag.trim()).filter((tag) => tag !== ''))];
}

export function toToolkitInput(values: ToolkitFormValues): CreateToolkitItemRequest {
  return {
    kind: values.kind,
    titleSv: text(values.titleSv),
    titleEn: text(values.titleEn),
    summarySv: text(values.summarySv),
    summaryEn: text(values.summaryEn),
    bodySv: text(values.bodySv),
    bodyEn: text(values.bodyEn),
    tags: readToolkitTags(values.tags),
  };
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholders in a text that the toolkit does not know, once each. */
export function unknownPlaceholders(value: string): string[] {
  const known = new Set<string>(TOOLKIT_PLACEHOLDERS);
  return [...new Set([...value.matchAll(PLACEHOLDER)].map((m) => m[1]))].filter((name) => !known.has(name));
}

const MARKUP = /[<>]/;
export const TOOLKIT_RULES = { titleMax: 200, summaryMax: 1000, bodyMax: 50_000, noteMax: 1000, tagsMax: 10, tagMax: 50 } as const;

/** The editor's rules, as the API's: a title and a body in at least one language, known placeholders, a change note for a change. */
export function toolkitSchema(t: Translate, editing: boolean) {
  const R = TOOLKIT_RULES;
  const placeholders = (schema: z.ZodString) =>
    schema.superRefine((value, ctx) => {
      for (const name of unknownPlaceholders(value)) {
        ctx.addIssue({ code: 'custom', message: t('validation.toolkitPlaceholder', { name: `{{${name}}}`, known: TOOLKIT_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ') }) });
      }
    });
  const title = placeholders(
    z
      .string()
      .refine((value) => value.trim().length <= R.titleMax, t('validation.tooLong', { max: R.titleMax }))
      .refine((value) => !MARKUP.test(value), t('validation.markup')),
  );
  const summary = placeholders(z.string().refine((value) => value.trim().length <= R.summaryMax, t('validation.tooLong', { max: R.summaryMax })));
  const body = placeholders(z.string().refine((value) => value.length <= R.bodyMax, t('validation.tooLong', { max: R.bodyMax })));
  return z
    .object({
      kind: z.enum(['message', 'template', 'guide', 'checklist']),
      titleSv: title,
      summarySv: summary,
      bodySv: body,
      titleEn: title,
      summaryEn: summary,
      bodyEn: body,
      tags: z
        .string()
        .refine((value) => readToolkitTags(value).length <= R.tagsMax, t('validation.tooMany', { max: R.tagsMax }))
        .refine((value) => readToolkitTags(value).every((tag) => tag.length <= R.tagMax && !MARKUP.test(tag)), t('validation.tooLong', { max: R.tagMax })),
      changeNote: z
        .string()
        .refine((value) => !editing || value.trim() !== '', t('validation.changeNote'))
        .refine((value) => value.trim().length <= R.noteMax, t('validation.tooLong', { max: R.noteMax })),
    })
    .superRefine((values, ctx) => {
      const whole = (a: string, b: string) => a.trim() !== '' && b.trim() !== '';
      if (whole(values.titleSv, values.bodySv) || whole(values.titleEn, values.bodyEn)) return;
      const english = values.titleSv.trim() === '' && values.bodySv.trim() === '' && !(values.titleEn.trim() === '' && values.bodyEn.trim() === '');
      const [titleField, bodyField] = english ? (['titleEn', 'bodyEn'] as const) : (['titleSv', 'bodySv'] as const);
      ctx.addIssue({ code: 'custom', path: [values[titleField].trim() === '' ? titleField : bodyField], message: t('validation.toolkitOneLanguage') });
    });
}
