import { LOCALES, type Locale } from '../locales.ts';
import { MARKED_STATUSES, type DayCounts, type MarkedStatus } from './counters.ts';

/*
 * What staff may read of the daily counts. A day's totals (visits, finished, printed, print
 * failures) are always shown; its breakdown (languages, steps marked, documents by type) only
 * once the day is over, and only when enough visitors shared it that no one visitor's answers
 * can be read from it. The same rule holds on the staff screen, in a period's totals and in the
 * CSV export.
 */

/**
 * The fewest visits a day needs before its breakdown is shown: with fewer, staff who saw the
 * day's few visitors could tell what each answered (issue 18).
 */
export const BREAKDOWN_MIN_VISITS = 5;

/**
 * Why a day's breakdown is withheld: `today`, because a breakdown shown while the day goes on
 * changes with each visit, and the change is that one visitor's answers (staff who look before
 * and after a visit would read them, however many came before); `few-visits`, fewer than
 * BREAKDOWN_MIN_VISITS in a finished day.
 */
export type WithheldBecause = 'today' | 'few-visits';

/** Periods the staff screen sums up, in days ending today. */
export const COUNTER_PERIODS_DAYS = [7, 30] as const;
export type CounterPeriodDays = (typeof COUNTER_PERIODS_DAYS)[number];

/** Languages, steps marked and documents by type: the part of the counts that is withheld. */
export interface CountsBreakdown {
  readonly languages: Readonly<Record<Locale, number>>;
  readonly steps: Readonly<Record<string, Readonly<Record<MarkedStatus, number>>>>;
  readonly documents: Readonly<Record<string, number>>;
}

/** Counts that are always shown: a day's or a period's totals. */
export interface CountsTotals {
  readonly visits: number;
  readonly completed: number;
  readonly printed: number;
  /** Documents of every type printed. */
  readonly documents: number;
  readonly printFailures: number;
}

export interface PeriodSummary {
  /** The first and last day of the period, YYYY-MM-DD, both included. */
  readonly from: string;
  readonly to: string;
  /** Every counted day of the period, whatever its visits. */
  readonly totals: CountsTotals;
  /** The breakdown of the days that had at least BREAKDOWN_MIN_VISITS, or null if none had. */
  readonly breakdown: CountsBreakdown | null;
  /** Days of the period that have a breakdown, and those left out of it (and their visits). */
  readonly breakdownDays: number;
  readonly withheldDays: number;
  readonly withheldVisits: number;
}

/** Why the breakdown of `day` is withheld on `today` (both local dates), or null if it is not. */
export function withheldBecause(day: DayCounts, today: string): WithheldBecause | null {
  if (day.date >= today) return 'today';
  return day.visits < BREAKDOWN_MIN_VISITS ? 'few-visits' : null;
}

/** Whether a day's breakdown may be shown on `today`: a finished day with enough visits. */
export function showsBreakdown(day: DayCounts, today: string): boolean {
  return withheldBecause(day, today) === null;
}

const documentsOf = (day: DayCounts): number =>
  Object.values(day.documents).reduce((a, b) => a + b, 0);

export function dayTotals(day: DayCounts): CountsTotals {
  return {
    visits: day.visits,
    completed: day.completed,
    printed: day.printed,
    documents: documentsOf(day),
    printFailures: day.printFailures,
  };
}

/** A day's breakdown, or null while it is withheld (see withheldBecause). */
export function dayBreakdown(day: DayCounts, today: string): CountsBreakdown | null {
  if (!showsBreakdown(day, today)) return null;
  return { languages: day.languages, steps: day.steps, documents: day.documents };
}

/** The date `delta` days after `iso` (YYYY-MM-DD); calendar arithmetic, free of time zones. */
export function shiftDate(iso: string, delta: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`not a date: ${iso}`);
  const d = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + delta));
  return d.toISOString().slice(0, 10);
}

/**
 * The totals of the `length` days ending `today` (both as the kiosk's local dates), and the
 * breakdown of those of them with BREAKDOWN_MIN_VISITS or more; the days with fewer are counted
 * in the totals but left out of the breakdown, and the summary says how many there were.
 */
export function periodSummary(
  days: readonly DayCounts[],
  today: string,
  length: number,
): PeriodSummary {
  const from = shiftDate(today, -(length - 1));
  const inPeriod = days.filter((d) => d.date >= from && d.date <= today);
  const totals = { visits: 0, completed: 0, printed: 0, documents: 0, printFailures: 0 };
  const languages = Object.fromEntries(LOCALES.map((l) => [l, 0])) as Record<Locale, number>;
  const steps = new Map<string, Record<MarkedStatus, number>>();
  const documents = new Map<string, number>();
  let breakdownDays = 0;
  let withheldDays = 0;
  let withheldVisits = 0;
  for (const day of inPeriod) {
    const t = dayTotals(day);
    for (const k of Object.keys(totals) as (keyof CountsTotals)[]) totals[k] += t[k];
    if (!showsBreakdown(day, today)) {
      // A day nobody visited has nothing to withhold.
      if (day.visits > 0 || t.documents > 0) {
        withheldDays += 1;
        withheldVisits += day.visits;
      }
      continue;
    }
    breakdownDays += 1;
    for (const l of LOCALES) languages[l] += day.languages[l];
    for (const [id, marks] of Object.entries(day.steps)) {
      const sum = steps.get(id) ?? { done: 0, later: 0, 'not-relevant': 0 };
      for (const s of MARKED_STATUSES) sum[s] += marks[s];
      steps.set(id, sum);
    }
    for (const [id, n] of Object.entries(day.documents))
      documents.set(id, (documents.get(id) ?? 0) + n);
  }
  return {
    from,
    to: today,
    totals,
    breakdown:
      breakdownDays === 0
        ? null
        : {
            languages,
            steps: Object.fromEntries(steps),
            documents: Object.fromEntries(documents),
          },
    breakdownDays,
    withheldDays,
    withheldVisits,
  };
}
