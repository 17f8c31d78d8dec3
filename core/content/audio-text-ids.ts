import type { Content, LocalizedText } from './model.ts';
import { LOCALES, type Locale } from '../locales.ts';

/*
 * The visitor-facing texts that have an audio clip, each by a stable id. One list, used by the
 * clip generator (`npm run audio`), its check (`npm run audio:check`), the content test and the
 * page, so that what is recorded is what a screen reads.
 *
 * - UI messages by their locale key (`titleWhatToDo`), when a visitor screen shows them: not the
 *   staff screens, the staff card or the readiness report, not the printed sheet, and not the
 *   companion page (a phone has its own voices). A message with a placeholder ("Step {current}
 *   of {total}") has no clip: its variants would be many and each short; the page reads it with
 *   the machine's voice where there is one.
 * - Content texts by their place: `step.hang-up.why`, `step.hang-up.substeps.0.text`,
 *   `question.shared.options.egov-code.label`, `meta.intro.2.text`, and each official number as
 *   dialled (`number.1414.dial`), spoken in each language. Sources, staff notes, the
 *   brief versions printed on the sheet, and the documents' printed text are not read aloud;
 *   a document's title and purpose, which the documents screen shows, are.
 */

/** A text to record: its id, language and exact text. */
export interface AudioText {
  readonly id: string;
  readonly lang: Locale;
  readonly text: string;
}

/** UI messages that only staff, printed papers or the phone page show. */
const NOT_VISITOR_SCREEN = [
  /Staff/,
  /Keyboard/,
  /Readiness/,
  /Companion/,
  /^labelCheck(?!edAsOf)/,
  /^labelLeftOut/,
  /^(label|title|text)Sheet(?!PhonePlan)/,
  /^textPlan/,
  /^titlePlanUnreadable$/,
  /^buttonForgetPlan$/,
  /^buttonPrintHome$/,
  /^(button)(Show|Hide)Document$/,
  /^textDocumentsHome$/,
  /^labelStepDetails$/,
];

/** Whether a message has a placeholder such as `{n}` (left to the machine's voice). */
export const hasPlaceholder = (message: string): boolean => /\{[^}]*\}/.test(message);

/** Whether a UI message is read aloud from a clip: shown on a visitor screen, no placeholder. */
export function isVisitorMessage(key: string, message: string): boolean {
  return !NOT_VISITOR_SCREEN.some((re) => re.test(key)) && !hasPlaceholder(message);
}

/** Keys under which content holds nothing read aloud (see above). */
const SKIPPED_CONTENT_KEYS = new Set(['sources', 'staffNotes', 'brief', 'rules']);

const isLocalized = (v: unknown): v is LocalizedText =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  LOCALES.every((l) => typeof (v as Record<string, unknown>)[l] === 'string');

const COLLECTIONS = {
  meta: 'meta',
  numbers: 'number',
  questions: 'question',
  steps: 'step',
  documents: 'document',
} as const;

/** Every content text read aloud, by id, in content order. */
export function contentTextIds(content: Content): { id: string; text: LocalizedText }[] {
  const out: { id: string; text: LocalizedText }[] = [];
  const walk = (value: unknown, id: string): void => {
    if (isLocalized(value)) {
      out.push({ id, text: value });
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((v: unknown, i) => {
        const named =
          typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string';
        walk(v, `${id}.${named ? (v as { id: string }).id : i}`);
      });
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    for (const [k, v] of Object.entries(value))
      if (!SKIPPED_CONTENT_KEYS.has(k)) walk(v, `${id}.${k}`);
  };
  walk(content.meta, COLLECTIONS.meta);
  for (const n of content.numbers) {
    walk(n, `${COLLECTIONS.numbers}.${n.id}`);
    out.push({ id: dialTextId(n.id), text: { kk: n.dial, ru: n.dial, en: n.dial } });
  }
  for (const q of content.questions) walk(q, `${COLLECTIONS.questions}.${q.id}`);
  for (const s of content.steps) walk(s, `${COLLECTIONS.steps}.${s.id}`);
  // A document's printed text is in Kazakh and Russian only; the screen shows title and purpose.
  for (const d of content.documents) {
    out.push({ id: `${COLLECTIONS.documents}.${d.id}.title`, text: d.title });
    out.push({ id: `${COLLECTIONS.documents}.${d.id}.purpose`, text: d.purpose });
  }
  return out;
}

/** A phone number as dialled, read in each language: the number a visitor must call. */
export const dialTextId = (numberId: string) => `${COLLECTIONS.numbers}.${numberId}.dial`;

export type Messages = Readonly<Record<Locale, Readonly<Record<string, string>>>>;

/** Every text with a clip, in every language: the visitor UI messages, then the content. */
export function visitorTexts(content: Content, messages: Messages): AudioText[] {
  const out: AudioText[] = [];
  for (const key of Object.keys(messages.en).sort()) {
    if (!LOCALES.every((l) => isVisitorMessage(key, messages[l][key] ?? '{missing}'))) continue;
    for (const lang of LOCALES) out.push({ id: key, lang, text: messages[lang][key]! });
  }
  for (const { id, text } of contentTextIds(content))
    for (const lang of LOCALES) out.push({ id, lang, text: text[lang] });
  return out;
}
