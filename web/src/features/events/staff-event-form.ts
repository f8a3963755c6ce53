import { z } from 'zod';
import type { CreateEventRequest, EventAudience, EventKind, EventQuestionInput, EventResponse, QuestionKind } from '../../api/generated';
import { isCountryCode } from '../../lib/countries';
import type { FieldRoute } from '../../lib/form-errors';
import { type Translate } from '../../lib/text-rules';
import { EVENT_AUDIENCES, EVENT_KINDS, QUESTION_KINDS } from './staff-options';
import { DEFAULT_TIME_ZONE, isTimeZone, isoToZonedLocal, zonedLocalToIso } from '../../lib/zoned-time';

/** One choice of a choice question as typed, in both languages. */
export interface ChoiceValues {
  sv: string;
  en: string;
}

/** A question as the form holds it; `id` is the saved question's (kept with its answers), '' for a new one. */
export interface QuestionValues {
  id: string;
  kind: QuestionKind;
  labelSv: string;
  labelEn: string;
  choices: ChoiceValues[];
  required: boolean;
}

/**
 * The event form as typed. Times are `datetime-local` values, wall-clock time in `timeZone`; numbers are text until
 * sent. The organiser is a department code, '' for the central office.
 */
export interface EventFormValues {
  titleSv: string;
  titleEn: string;
  summarySv: string;
  summaryEn: string;
  descriptionSv: string;
  descriptionEn: string;
  kind: EventKind | '';
  occasionId: string;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  onSite: boolean;
  venue: string;
  address: string;
  city: string;
  country: string;
  online: boolean;
  onlineUrl: string;
  organiserDepartmentCode: string;
  cohostDepartmentCodes: string[];
  audience: EventAudience;
  audienceDepartmentCodes: string[];
  capacity: string;
  guestsAllowed: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  followUpSv: string;
  followUpEn: string;
  questions: QuestionValues[];
}

/** The API's limits on an event's texts (CreateEvent's validator). */
export const EVENT_RULES = {
  titleMax: 200,
  summaryMax: 500,
  descriptionMax: 20_000,
  venueMax: 200,
  addressMax: 300,
  cityMax: 100,
  urlMax: 500,
  labelMax: 300,
  choiceMax: 200,
  followUpMax: 20_000,
  guestsMax: 10,
  capacityMax: 100_000,
  questionsMax: 30,
  choicesMax: 30,
  departmentsMax: 50,
} as const;

export function emptyChoice(): ChoiceValues {
  return { sv: '', en: '' };
}

export function emptyQuestion(): QuestionValues {
  return { id: '', kind: 'text', labelSv: '', labelEn: '', choices: [], required: false };
}

/** A new event's form: in Stockholm's time, on site, for every member, the organiser given (a coordinator's own department). */
export function emptyEventValues(organiserDepartmentCode = ''): EventFormValues {
  return {
    titleSv: '',
    titleEn: '',
    summarySv: '',
    summaryEn: '',
    descriptionSv: '',
    descriptionEn: '',
    kind: '',
    occasionId: '',
    timeZone: DEFAULT_TIME_ZONE,
    startsAt: '',
    endsAt: '',
    onSite: true,
    venue: '',
    address: '',
    city: '',
    country: '',
    online: false,
    onlineUrl: '',
    organiserDepartmentCode,
    cohostDepartmentCodes: [],
    audience: 'all',
    audienceDepartmentCodes: [],
    capacity: '',
    guestsAllowed: '0',
    registrationOpensAt: '',
    registrationClosesAt: '',
    followUpSv: '',
    followUpEn: '',
    questions: [],
  };
}

/** A saved event as the form shows it, its times in its own zone. */
export function eventToValues(event: EventResponse): EventFormValues {
  const zone = event.timeZone;
  const onSite = !!(event.venue || event.address || event.city || event.country);
  return {
    titleSv: event.titleSv ?? '',
    titleEn: event.titleEn ?? '',
    summarySv: event.summarySv ?? '',
    summaryEn: event.summaryEn ?? '',
    descriptionSv: event.descriptionSv ?? '',
    descriptionEn: event.descriptionEn ?? '',
    kind: event.kind,
    occasionId: event.occasionId ?? '',
    timeZone: zone,
    startsAt: isoToZonedLocal(event.startsAt, zone),
    endsAt: isoToZonedLocal(event.endsAt, zone),
    onSite: onSite || !event.onlineUrl,
    venue: event.venue ?? '',
    address: event.address ?? '',
    city: event.city ?? '',
    country: event.country ?? '',
    online: !!event.onlineUrl,
    onlineUrl: event.onlineUrl ?? '',
    organiserDepartmentCode: event.organiserDepartmentCode ?? '',
    cohostDepartmentCodes: [...event.cohostDepartmentCodes],
    audience: event.audience,
    audienceDepartmentCodes: [...event.audienceDepartmentCodes],
    capacity: event.capacity === undefined || event.capacity === null ? '' : String(event.capacity),
    guestsAllowed: String(event.guestsAllowed),
    registrationOpensAt: isoToZonedLocal(event.registrationOpensAt, zone),
    registrationClosesAt: isoToZonedLocal(event.registrationClosesAt, zone),
    followUpSv: event.followUpSv ?? '',
    followUpEn: event.followUpEn ?? '',
    questions: [...event.questions]
      .sort((a, b) => a.position - b.position)
      .map((question) => ({
        id: question.id,
        kind: question.kind,
        labelSv: question.labelSv ?? '',
        labelEn: question.labelEn ?? '',
        choices: question.choices.map((choice) => ({ sv: choice.sv ?? '', en: choice.en ?? '' })),
        required: question.required,
      })),
  };
}

/** Trimmed text, or undefined when there is none (the API's "missing in this language"). */
function text(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Markdown keeps its inner line breaks and indentation; only blank ends go. */
function markdown(value: string): string | undefined {
  const trimmed = value.replace(/^\s*\n/, '').trimEnd();
  return trimmed.trim() === '' ? undefined : trimmed;
}

/** A typed whole number, or NaN when it is not one; undefined when empty. */
export function readWholeNumber(value: string): number | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function questionInput(question: QuestionValues): EventQuestionInput {
  return {
    id: question.id || undefined,
    kind: question.kind,
    labelSv: text(question.labelSv),
    labelEn: text(question.labelEn),
    choices: question.kind === 'choice' ? question.choices.map((choice) => ({ sv: text(choice.sv), en: text(choice.en) })) : [],
    required: question.required,
  };
}

/**
 * The request for the form's values (already checked by the schema): times read in the event's zone, the place only
 * when on site, the link only when online, audience departments only for that audience.
 */
export function toEventInput(values: EventFormValues): CreateEventRequest {
  const zone = values.timeZone;
  const at = (local: string) => (local.trim() === '' ? undefined : zonedLocalToIso(local, zone));
  return {
    kind: values.kind as EventKind,
    organiserDepartmentCode: values.organiserDepartmentCode || undefined,
    cohostDepartmentCodes: values.cohostDepartmentCodes.filter((code) => code !== values.organiserDepartmentCode),
    occasionId: values.occasionId || undefined,
    titleSv: text(values.titleSv),
    titleEn: text(values.titleEn),
    summarySv: text(values.summarySv),
    summaryEn: text(values.summaryEn),
    descriptionSv: markdown(values.descriptionSv),
    descriptionEn: markdown(values.descriptionEn),
    startsAt: at(values.startsAt) ?? '',
    endsAt: at(values.endsAt) ?? '',
    timeZone: zone,
    venue: values.onSite ? text(values.venue) : undefined,
    address: values.onSite ? text(values.address) : undefined,
    city: values.onSite ? text(values.city) : undefined,
    country: values.onSite ? text(values.country.toUpperCase()) : undefined,
    onlineUrl: values.online ? text(values.onlineUrl) : undefined,
    audience: values.audience,
    audienceDepartmentCodes: values.audience === 'departments' ? values.audienceDepartmentCodes : [],
    capacity: readWholeNumber(values.capacity),
    guestsAllowed: readWholeNumber(values.guestsAllowed) ?? 0,
    registrationOpensAt: at(values.registrationOpensAt),
    registrationClosesAt: at(values.registrationClosesAt),
    followUpSv: markdown(values.followUpSv),
    followUpEn: markdown(values.followUpEn),
    questions: values.questions.map(questionInput),
  };
}

/** Where the server's field errors go on the form (its keys are the request's: `questions[1].choices[0].sv`). */
export const EVENT_FIELD_ROUTES: readonly FieldRoute[] = [
  'titleSv',
  'titleEn',
  ['title', 'titleSv'],
  'summarySv',
  'summaryEn',
  'descriptionSv',
  'descriptionEn',
  'kind',
  'occasionId',
  'timeZone',
  'startsAt',
  'endsAt',
  'venue',
  'address',
  'city',
  'country',
  'onlineUrl',
  'organiserDepartmentCode',
  'cohostDepartmentCodes',
  ['cohostDepartmentCodes.#', 'cohostDepartmentCodes'],
  'audience',
  'audienceDepartmentCodes',
  ['audienceDepartmentCodes.#', 'audienceDepartmentCodes'],
  'capacity',
  'guestsAllowed',
  'registrationOpensAt',
  'registrationClosesAt',
  'followUpSv',
  'followUpEn',
  ['questions', 'questions.root'],
  ['questions.#', 'questions.#.labelSv'],
  ['questions.#.kind', 'questions.#.labelSv'],
  ['questions.#.id', 'questions.#.labelSv'],
  'questions.#.labelSv',
  'questions.#.labelEn',
  ['questions.#.label', 'questions.#.labelSv'],
  'questions.#.choices',
  ['questions.#.choices.#', 'questions.#.choices.#.sv'],
  'questions.#.choices.#.sv',
  'questions.#.choices.#.en',
];

/** The form's fields in the order they stand (for the error summary), without the questions. */
export const EVENT_FIELDS = [
  'titleSv',
  'titleEn',
  'summarySv',
  'summaryEn',
  'descriptionSv',
  'descriptionEn',
  'kind',
  'occasionId',
  'timeZone',
  'startsAt',
  'endsAt',
  'venue',
  'address',
  'city',
  'country',
  'onlineUrl',
  'organiserDepartmentCode',
  'cohostDepartmentCodes',
  'audience',
  'audienceDepartmentCodes',
  'capacity',
  'guestsAllowed',
  'registrationOpensAt',
  'registrationClosesAt',
  'followUpSv',
  'followUpEn',
] as const;
export type EventField = (typeof EVENT_FIELDS)[number];

const MARKUP = /[<>]/;
const HTTPS_URL = /^https:\/\/[^\s/?#]+\.[^\s]*$/i;

export interface EventSchemaOptions {
  /** Whether the central office may organise (admins): else a department is required. */
  centralAllowed: boolean;
}

/**
 * The API's rules for an event (EventRules.AddEventRules): a title in at least one language; a kind; a known time zone;
 * start and end given, the end after the start; registration opening before the end and closing after it opens and
 * not after the end; on site needs
 * a city and a country, online an https link (both: hybrid; one of them); an organiser (a department unless the central
 * office may organise); audience departments for that audience; capacity empty or a whole number from 1; 0–10 guests;
 * each question worded in a language, a choice question with two or more worded choices. Short texts have no markup.
 */
export function eventSchema(t: Translate, { centralAllowed }: EventSchemaOptions) {
  const R = EVENT_RULES;
  const short = (max: number) =>
    z
      .string()
      .refine((value) => value.trim().length <= max, t('validation.tooLong', { max }))
      .refine((value) => !MARKUP.test(value), t('validation.markup'));
  const long = (max: number) => z.string().refine((value) => value.length <= max, t('validation.tooLong', { max }));
  const choice = z.object({ sv: short(R.choiceMax), en: short(R.choiceMax) });
  const question = z
    .object({
      id: z.string(),
      kind: z.enum(QUESTION_KINDS),
      labelSv: short(R.labelMax),
      labelEn: short(R.labelMax),
      choices: z.array(choice),
      required: z.boolean(),
    })
    .superRefine((q, ctx) => {
      if (q.labelSv.trim() === '' && q.labelEn.trim() === '') {
        ctx.addIssue({ code: 'custom', path: ['labelSv'], message: t('validation.questionLabel') });
      }
      if (q.kind !== 'choice') return;
      if (q.choices.length < 2) ctx.addIssue({ code: 'custom', path: ['choices'], message: t('validation.choiceCount') });
      if (q.choices.length > R.choicesMax) {
        ctx.addIssue({ code: 'custom', path: ['choices'], message: t('validation.tooMany', { max: R.choicesMax }) });
      }
      q.choices.forEach((c, i) => {
        if (c.sv.trim() === '' && c.en.trim() === '') {
          ctx.addIssue({ code: 'custom', path: ['choices', i, 'sv'], message: t('validation.choiceLabel') });
        }
      });
    });
  return z
    .object({
      titleSv: short(R.titleMax),
      titleEn: short(R.titleMax),
      summarySv: short(R.summaryMax),
      summaryEn: short(R.summaryMax),
      descriptionSv: long(R.descriptionMax),
      descriptionEn: long(R.descriptionMax),
      kind: z.enum([...EVENT_KINDS, '']).refine((kind) => kind !== '', t('validation.eventKind')),
      occasionId: z.string(),
      timeZone: z.string().refine(isTimeZone, t('validation.timeZone')),
      startsAt: z.string(),
      endsAt: z.string(),
      onSite: z.boolean(),
      venue: short(R.venueMax),
      address: short(R.addressMax),
      city: short(R.cityMax),
      country: z.string(),
      online: z.boolean(),
      onlineUrl: z.string(),
      organiserDepartmentCode: z.string(),
      cohostDepartmentCodes: z.array(z.string()),
      audience: z.enum(EVENT_AUDIENCES),
      audienceDepartmentCodes: z.array(z.string()),
      capacity: z.string(),
      guestsAllowed: z.string(),
      registrationOpensAt: z.string(),
      registrationClosesAt: z.string(),
      followUpSv: long(R.followUpMax),
      followUpEn: long(R.followUpMax),
      questions: z.array(question).max(R.questionsMax, t('validation.tooMany', { max: R.questionsMax })),
    })
    .superRefine((v, ctx) => {
      const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
      if (v.titleSv.trim() === '' && v.titleEn.trim() === '') issue(['titleSv'], t('validation.eventTitle'));

      const zone = isTimeZone(v.timeZone) ? v.timeZone : 'UTC';
      const instant = (field: 'startsAt' | 'endsAt' | 'registrationOpensAt' | 'registrationClosesAt', required: boolean) => {
        if (v[field].trim() === '') {
          if (required) issue([field], t('validation.dateTime'));
          return undefined;
        }
        const iso = zonedLocalToIso(v[field], zone);
        if (!iso) issue([field], t('validation.dateTime'));
        return iso;
      };
      const starts = instant('startsAt', true);
      const ends = instant('endsAt', true);
      if (starts && ends && ends <= starts) issue(['endsAt'], t('validation.endAfterStart'));
      const opens = instant('registrationOpensAt', false);
      const closes = instant('registrationClosesAt', false);
      if (opens && ends && opens >= ends) issue(['registrationOpensAt'], t('validation.opensBeforeEnd'));
      if (closes && opens && closes <= opens) issue(['registrationClosesAt'], t('validation.closesAfterOpens'));
      else if (closes && ends && closes > ends) issue(['registrationClosesAt'], t('validation.closesBeforeEnd'));

      if (!v.onSite && !v.online) issue(['onlineUrl'], t('validation.eventPlace'));
      if (v.onSite) {
        if (v.city.trim() === '') issue(['city'], t('validation.eventCity'));
        if (!isCountryCode(v.country.trim().toUpperCase())) issue(['country'], t('validation.eventCountry'));
      }
      if (v.online && (!HTTPS_URL.test(v.onlineUrl.trim()) || v.onlineUrl.trim().length > R.urlMax)) {
        issue(['onlineUrl'], t('validation.httpsUrl'));
      }

      if (!centralAllowed && v.organiserDepartmentCode === '') issue(['organiserDepartmentCode'], t('validation.organiser'));
      if (v.audience === 'departments' && v.audienceDepartmentCodes.length === 0) {
        issue(['audienceDepartmentCodes'], t('validation.audienceDepartments'));
      }
      for (const field of ['audienceDepartmentCodes', 'cohostDepartmentCodes'] as const) {
        if (v[field].length > R.departmentsMax) issue([field], t('validation.tooMany', { max: R.departmentsMax }));
      }
      const capacity = readWholeNumber(v.capacity);
      if (capacity !== undefined && (Number.isNaN(capacity) || capacity < 1 || capacity > R.capacityMax)) {
        issue(['capacity'], t('validation.capacity'));
      }
      const guests = readWholeNumber(v.guestsAllowed);
      if (guests === undefined || Number.isNaN(guests) || guests > R.guestsMax) issue(['guestsAllowed'], t('validation.guestsAllowed'));
    }) satisfies z.ZodType<EventFormValues, EventFormValues>;
}
