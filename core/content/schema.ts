import { z } from 'zod';
import { LOCALES, LOCALE_NAMES, type Locale } from '../locales.ts';
import type { Condition, DocumentBlock } from './model.ts';
import { DOCUMENT_LOCALES, KIOSK_PHONES, NOT_SURE } from './model.ts';
import { isOfficialUrl, isOfficialHost } from './official-domains.ts';
import { isWellFormedPhone } from './phone.ts';
import { PLACES, type Place } from '../place.ts';

/*
 * Schemas for the files under content/. They run in Node at build and test time (see
 * scripts/vite-plugin-content.ts), so the page receives content that is already known good and
 * zod never ships to the kiosk.
 */

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SHORT_TITLE_MAX = 32;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** PDF extraction left Latin letters inside Cyrillic words ("схемаcының"); visitors must never see them. */
const MIXED_SCRIPT = /[а-яёәғқңөұүһі][a-z]|[a-z][а-яёәғқңөұүһі]/i;

export const idSchema = z
  .string({ error: 'expected an id' })
  .regex(ID, 'expected an id of lower-case letters, digits and hyphens');

function textIn(locale: Locale) {
  const name = LOCALE_NAMES[locale];
  return z
    .string({
      error: (issue) =>
        issue.input === undefined ? `missing ${name} translation` : `${name} text must be a string`,
    })
    .refine((s) => s.trim().length > 0, `empty ${name} translation`)
    .refine((s) => s === s.trim() && !/\s{2,}/.test(s), `${name} text has stray spaces`)
    .refine(
      (s) => !MIXED_SCRIPT.test(s),
      `${name} text mixes Latin and Cyrillic letters in one word (PDF extraction damage?)`,
    );
}

export const localizedSchema = z.strictObject(
  Object.fromEntries(LOCALES.map((l) => [l, textIn(l)])) as Record<
    Locale,
    ReturnType<typeof textIn>
  >,
  { error: 'expected a text in every language (kk, ru, en)' },
);

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union(
    [
      z.strictObject({ always: z.literal(true) }),
      z.strictObject({
        question: idSchema,
        anyOf: z.array(idSchema).min(1, 'expected at least one option'),
        notSure: z.boolean().optional(),
      }),
      z.strictObject({ place: z.enum(PLACES as [Place, ...Place[]]) }),
      z.strictObject({ not: conditionSchema }),
      z.strictObject({ any: z.array(conditionSchema).min(1) }),
      z.strictObject({ all: z.array(conditionSchema).min(1) }),
    ],
    {
      error:
        'expected a condition: {always}, {question, anyOf}, {place}, {not}, {any: […]} or {all: […]}',
    },
  ),
);

export const linkSchema = z.strictObject({
  url: z
    .string()
    .refine(
      isOfficialUrl,
      'link is not an https address on the allow-list of official domains (core/content/official-domains.ts)',
    ),
  label: localizedSchema,
});

const emailSchema = z
  .string()
  .regex(/^[a-z0-9._-]+@[a-z0-9.-]+$/, 'expected an e-mail address')
  .refine(
    (e) => isOfficialHost(e.slice(e.indexOf('@') + 1)),
    'e-mail address is not on an official domain',
  );

export const substepSchema = z.strictObject({
  text: localizedSchema,
  /** A shorter form for the printed sheet. */
  brief: localizedSchema.optional(),
  path: z.array(localizedSchema).min(2, 'a menu path has at least two items').optional(),
  onlyIf: conditionSchema.optional(),
});

const noteSchema = z.strictObject({
  kind: z.enum(['warning', 'info', 'leaflet']),
  text: localizedSchema,
  onlyIf: conditionSchema.optional(),
});

const routeSchema = z.strictObject({
  title: localizedSchema,
  substeps: z.array(substepSchema).min(1, 'a way to do a step needs at least one sub-step'),
});

const hereSchema = z.strictObject({
  text: localizedSchema.optional(),
  phones: z.array(z.enum(KIOSK_PHONES as ['branch', 'police'])).default([]),
});

export const stepSchema = z
  .strictObject({
    id: idSchema,
    kind: z.enum(['action', 'info']),
    title: localizedSchema,
    /** The title in a few words, for the "plan on your phone" QR code, which holds little text. */
    short: localizedSchema.refine(
      (t) => Object.values(t).every((s) => s.length <= SHORT_TITLE_MAX),
      `a short title has at most ${SHORT_TITLE_MAX} characters`,
    ),
    /**
     * On the printed sheet a step shows its sub-steps ("full"; shortened to why it matters when
     * an A4 sheet runs out of room), always all of them ("essential"), or only why it matters.
     */
    onSheet: z.enum(['full', 'essential', 'brief']).default('full'),
    why: localizedSchema,
    substeps: z.array(substepSchema).default([]),
    /** Ways to do the step (on a phone, on a computer), each shown apart, the phone way first. */
    routes: z.array(routeSchema).default([]),
    /** What to do after any of the ways, shown after them. */
    then: z.array(substepSchema).default([]),
    notes: z.array(noteSchema).default([]),
    /** What can be done right here, at a bank branch or a police station, and its phones. */
    here: z
      .strictObject({ bank: hereSchema.optional(), police: hereSchema.optional() })
      .default({}),
    /** The visitor is likely on the phone during this step: the kiosk waits longer. */
    phoneCall: z.boolean().default(false),
    numbers: z.array(idSchema).default([]),
    links: z.array(linkSchema).default([]),
    emails: z.array(emailSchema).default([]),
    sources: z.array(idSchema).min(1, 'every step names its sources'),
    /** What the clerk or officer can do at this step, by branch type; on screen only, never printed. */
    staffNotes: z
      .strictObject({ bank: localizedSchema.optional(), police: localizedSchema.optional() })
      .default({}),
  })
  .refine((s) => s.substeps.length + s.routes.length > 0, {
    message: 'a step needs at least one sub-step or way to do it',
    path: ['substeps'],
  });

export const numbersFileSchema = z.strictObject({
  numbers: z.array(
    z.strictObject({
      id: idSchema,
      dial: z
        .string()
        .refine(
          isWellFormedPhone,
          'malformed phone number: expected 3–4 digits, or 8 / +7 and ten digits, grouped by single spaces',
        ),
      label: localizedSchema,
      note: localizedSchema.optional(),
      free: z.boolean().optional(),
      sources: z.array(idSchema).min(1, 'every number names its sources'),
    }),
  ),
});

export const sourcesFileSchema = z.strictObject({
  sources: z.array(
    z.strictObject({
      id: idSchema,
      publisher: z.string().min(1),
      title: z.string().min(1),
      date: z.string().regex(ISO_DATE, 'expected a date as YYYY-MM-DD').optional(),
      where: z.string().min(1).optional(),
    }),
  ),
});

export const planFileSchema = z.strictObject({
  questions: z
    .array(
      z.strictObject({
        id: idSchema,
        multiple: z.boolean(),
        title: localizedSchema,
        hint: localizedSchema.optional(),
        options: z
          .array(
            z.strictObject({
              id: idSchema.refine((id) => id !== NOT_SURE, `"${NOT_SURE}" is reserved`),
              label: localizedSchema,
              exclusive: z.boolean().optional(),
            }),
          )
          .min(2, 'a question needs at least two options besides "not sure"'),
      }),
    )
    .min(1),
  rules: z
    .array(
      z.strictObject({
        step: idSchema,
        cases: z
          .array(
            z.strictObject({
              when: conditionSchema,
              urgency: z.enum(['now', 'today', 'this-week']),
            }),
          )
          .min(1),
      }),
    )
    .min(1),
});

/** Texts for cases, the first that holds shown; the last holds always, so every visitor gets one. */
const caseTextsSchema = z
  .array(z.strictObject({ when: conditionSchema, text: localizedSchema }))
  .min(1)
  .refine(
    (cases) => 'always' in cases[cases.length - 1]!.when,
    'the last case holds always, so that every visitor gets a text',
  );

export const metaFileSchema = z.strictObject({
  checkedAsOf: z
    .string()
    .regex(ISO_DATE, 'expected a date as YYYY-MM-DD')
    .refine((d) => !Number.isNaN(Date.parse(d)), 'not a real date'),
  intro: caseTextsSchema,
  goodbye: caseTextsSchema,
  recoveryWarning: localizedSchema,
});

/** A document's text: Kazakh and Russian, the languages of papers for officials. */
export const documentTextSchema = z.strictObject(
  Object.fromEntries(DOCUMENT_LOCALES.map((l) => [l, textIn(l)])) as Record<
    (typeof DOCUMENT_LOCALES)[number],
    ReturnType<typeof textIn>
  >,
  { error: 'expected a document text in Kazakh and Russian (kk, ru)' },
);

const lines = z.number().int().min(1).max(8);

const documentBlockSchema: z.ZodType<DocumentBlock> = z.union(
  [
    z.strictObject({ text: documentTextSchema, onlyIf: conditionSchema.optional() }),
    z.strictObject({
      field: documentTextSchema,
      lines: lines.default(1),
      short: z.boolean().default(false),
      onlyIf: conditionSchema.optional(),
    }),
    z.strictObject({
      addressee: documentTextSchema,
      place: z.enum(PLACES as [Place, ...Place[]]),
      hint: documentTextSchema,
    }),
    z.strictObject({
      chosen: z
        .array(
          z.strictObject({
            question: idSchema,
            options: z.record(idSchema, documentTextSchema),
          }),
        )
        .min(1),
      intro: documentTextSchema,
      otherwise: z.strictObject({ field: documentTextSchema, lines }).optional(),
      onlyIf: conditionSchema.optional(),
    }),
    z.strictObject({ done: z.record(idSchema, documentTextSchema), intro: documentTextSchema }),
    z.strictObject({
      list: z
        .array(z.strictObject({ text: documentTextSchema, onlyIf: conditionSchema.optional() }))
        .min(1),
      intro: documentTextSchema,
    }),
    z.strictObject({
      table: documentTextSchema,
      columns: z.array(documentTextSchema).min(2).max(5),
      rows: z.number().int().min(1).max(10),
    }),
    z.strictObject({ signature: documentTextSchema, date: documentTextSchema }),
  ],
  {
    error:
      'expected a document block: {text}, {field}, {addressee}, {chosen}, {done}, {list}, {table} or {signature}',
  },
);

export const documentSchema = z.strictObject({
  id: idSchema,
  planStep: idSchema,
  when: conditionSchema.default({ always: true }),
  title: localizedSchema,
  purpose: localizedSchema,
  heading: documentTextSchema,
  subject: documentTextSchema,
  to: z.array(documentBlockSchema).min(1),
  body: z.array(documentBlockSchema).min(1),
  sources: z.array(idSchema).min(1, 'every document names its sources'),
});
