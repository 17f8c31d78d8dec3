import { LOCALES, type Locale } from '../locales.ts';
import type { StepStatus } from '../visit/plan.ts';

/**
 * Anonymous daily counts: how many visits, how many finished, sheets printed, print failures,
 * the languages chosen, how often each step was marked done, later or not relevant, and how many
 * of each document were printed. Only totals per day exist; nothing is ever stored per visit.
 */
export type MarkedStatus = Exclude<StepStatus, 'pending'>;
export const MARKED_STATUSES: readonly MarkedStatus[] = ['done', 'later', 'not-relevant'];

export interface DayCounts {
  /** The kiosk's local date, YYYY-MM-DD. */
  readonly date: string;
  readonly visits: number;
  readonly completed: number;
  readonly printed: number;
  readonly printFailures: number;
  readonly languages: Readonly<Record<Locale, number>>;
  readonly steps: Readonly<Record<string, Readonly<Record<MarkedStatus, number>>>>;
  /** Documents printed, by document id. */
  readonly documents: Readonly<Record<string, number>>;
}

/** The ids content knows, the only ones counted: its steps and its documents. */
export interface CountedIds {
  readonly steps: readonly string[];
  readonly documents: readonly string[];
}

/** What the page reports when a visit ends; added to the day's totals, then forgotten. */
export interface VisitTally {
  readonly locale: Locale;
  /** The visitor reached the summary. */
  readonly completed: boolean;
  /** The final mark of each step the visitor marked. */
  readonly marks: Readonly<Record<string, MarkedStatus>>;
}

export type CounterEvent =
  | { readonly type: 'visit'; readonly tally: VisitTally }
  | { readonly type: 'printed' }
  | { readonly type: 'document-printed'; readonly document: string }
  | { readonly type: 'print-failed' };

/** Days kept: a little over a year, then the oldest go. */
export const KEPT_DAYS = 400;

export function emptyDay(date: string): DayCounts {
  return {
    date,
    visits: 0,
    completed: 0,
    printed: 0,
    printFailures: 0,
    languages: { kk: 0, ru: 0, en: 0 },
    steps: {},
    documents: {},
  };
}

/** A date as YYYY-MM-DD in the kiosk's own time zone. */
export function localDate(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

function addToDay(
  day: DayCounts,
  event: CounterEvent,
  stepIds: ReadonlySet<string>,
  documentIds: ReadonlySet<string>,
): DayCounts {
  switch (event.type) {
    case 'printed':
      return { ...day, printed: day.printed + 1 };
    case 'document-printed': {
      if (!documentIds.has(event.document)) return day;
      const before = Object.hasOwn(day.documents, event.document)
        ? day.documents[event.document]!
        : 0;
      return { ...day, documents: { ...day.documents, [event.document]: before + 1 } };
    }
    case 'print-failed':
      return { ...day, printFailures: day.printFailures + 1 };
    case 'visit': {
      const { tally } = event;
      const steps = { ...day.steps };
      for (const [id, status] of Object.entries(tally.marks)) {
        // Only the steps content has: an id the page made up ("constructor") is never stored.
        if (!stepIds.has(id) || !MARKED_STATUSES.includes(status)) continue;
        const before = Object.hasOwn(steps, id)
          ? steps[id]!
          : { done: 0, later: 0, 'not-relevant': 0 };
        steps[id] = { ...before, [status]: before[status] + 1 };
      }
      return {
        ...day,
        visits: day.visits + 1,
        completed: day.completed + (tally.completed ? 1 : 0),
        languages: { ...day.languages, [tally.locale]: day.languages[tally.locale] + 1 },
        steps,
      };
    }
  }
}

/**
 * The days with the event added to `date`, newest first, at most KEPT_DAYS of them. Marks and
 * documents count only for the ids content knows (`ids`).
 */
export function addEvent(
  days: readonly DayCounts[],
  event: CounterEvent,
  date: string,
  ids: CountedIds,
): DayCounts[] {
  const today = days.find((d) => d.date === date) ?? emptyDay(date);
  const others = days.filter((d) => d.date !== date);
  return [addToDay(today, event, new Set(ids.steps), new Set(ids.documents)), ...others]
    .sort((a, b) => (a.date < b.date ? 1 : -1))
    .slice(0, KEPT_DAYS);
}

const count = (v: unknown): number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1e9 ? v : 0;

/**
 * The most entries of a counters file that are read. The kiosk writes at most KEPT_DAYS, newest
 * first; a longer file was written by something else, and reading all of a huge one would hold
 * up the kiosk's start.
 */
export const MAX_DAYS_READ = 4 * KEPT_DAYS;

/** The most step or document ids read for one day: content has a few dozen. */
export const MAX_IDS_READ = 200;
/** A step's or a document's id as content spells them (core/content/schema.ts). */
const COUNTED_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The ids of a stored day's steps or documents that look like content's ids. Not only those of
 * the content in use: counts of a step that a content pack added (or that came with the app
 * and a pack left out) stay in the file when the content changes, and show again when it comes
 * back. New counts only ever go to the ids of the content in use (`addEvent`).
 */
function storedIds(raw: object): string[] {
  if (Array.isArray(raw)) return [];
  return Object.keys(raw)
    .filter((id) => id.length <= 64 && COUNTED_ID.test(id))
    .slice(0, MAX_IDS_READ);
}

/**
 * Counts from an untrusted file: a broken day is dropped, a broken number is zero, an unknown
 * status or an id unlike content's is ignored, and only the first MAX_DAYS_READ entries are read.
 */
export function normalizeDays(raw: unknown): DayCounts[] {
  if (!Array.isArray(raw)) return [];
  const days: DayCounts[] = [];
  const seen = new Set<string>();
  for (const r of (raw as unknown[]).slice(0, MAX_DAYS_READ)) {
    if (typeof r !== 'object' || r === null) continue;
    const d = r as Record<string, unknown>;
    if (typeof d.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d.date)) continue;
    if (seen.has(d.date)) continue;
    seen.add(d.date);
    const langs = (typeof d.languages === 'object' && d.languages) || {};
    const steps: Record<string, Record<MarkedStatus, number>> = {};
    const rawSteps = (typeof d.steps === 'object' && d.steps) || {};
    const rawDocuments = (typeof d.documents === 'object' && d.documents) || {};
    for (const id of storedIds(rawSteps)) {
      const s = (rawSteps as Record<string, unknown>)[id];
      if (typeof s !== 'object' || s === null) continue;
      const v = s as Record<string, unknown>;
      steps[id] = {
        done: count(v.done),
        later: count(v.later),
        'not-relevant': count(v['not-relevant']),
      };
    }
    days.push({
      date: d.date,
      visits: count(d.visits),
      completed: count(d.completed),
      printed: count(d.printed),
      printFailures: count(d.printFailures),
      languages: Object.fromEntries(
        LOCALES.map((l) => [l, count((langs as Record<string, unknown>)[l])]),
      ) as Record<Locale, number>,
      steps,
      documents: Object.fromEntries(
        storedIds(rawDocuments).map((id) => [
          id,
          count((rawDocuments as Record<string, unknown>)[id]),
        ]),
      ),
    });
  }
  return days.sort((a, b) => (a.date < b.date ? 1 : -1)).slice(0, KEPT_DAYS);
}
