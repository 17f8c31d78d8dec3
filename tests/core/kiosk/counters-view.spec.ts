import { describe, expect, it } from 'vitest';
import { emptyDay, type DayCounts } from '../../../core/kiosk/counters';
import {
  BREAKDOWN_MIN_VISITS,
  dayBreakdown,
  dayTotals,
  periodSummary,
  shiftDate,
  showsBreakdown,
  withheldBecause,
} from '../../../core/kiosk/counters-view';

/** The day staff look: the days below are over by then. */
const TODAY = '2026-11-26';

/** A day of `visits` visits, each in Russian, each marking hang-up done and printing a letter. */
function day(date: string, visits: number, extra: Partial<DayCounts> = {}): DayCounts {
  return {
    ...emptyDay(date),
    visits,
    completed: visits,
    printed: 1,
    languages: { kk: 0, ru: visits, en: 0 },
    steps: visits > 0 ? { 'hang-up': { done: visits, later: 0, 'not-relevant': 0 } } : {},
    documents: visits > 0 ? { 'bank-letter': visits } : {},
    ...extra,
  };
}

describe('what staff may read of the counters', () => {
  it('withholds the breakdown of a day with fewer than 5 visits, and shows it at 5', () => {
    expect(BREAKDOWN_MIN_VISITS).toBe(5);
    expect(showsBreakdown(day('2026-11-25', 4), TODAY)).toBe(false);
    expect(dayBreakdown(day('2026-11-25', 4), TODAY)).toBeNull();
    expect(dayBreakdown(day('2026-11-25', 1), TODAY)).toBeNull();
    expect(withheldBecause(day('2026-11-25', 4), TODAY)).toBe('few-visits');
    expect(withheldBecause(day('2026-11-25', 5), TODAY)).toBeNull();
    expect(dayBreakdown(day('2026-11-25', 5), TODAY)).toEqual({
      languages: { kk: 0, ru: 5, en: 0 },
      steps: { 'hang-up': { done: 5, later: 0, 'not-relevant': 0 } },
      documents: { 'bank-letter': 5 },
    });
  });

  it("withholds today's breakdown however many came, so that a look before and after a visit reads nothing", () => {
    for (const visits of [0, 5, 50]) {
      expect(withheldBecause(day(TODAY, visits), TODAY)).toBe('today');
      expect(dayBreakdown(day(TODAY, visits), TODAY)).toBeNull();
    }
    // A clock set back a day shows no breakdown of a day it thinks is still to come.
    expect(withheldBecause(day('2026-11-27', 9), TODAY)).toBe('today');
    // The next day, it is shown.
    expect(dayBreakdown(day(TODAY, 50), '2026-11-27')).not.toBeNull();
  });

  it("always shows a day's totals, documents summed over their types", () => {
    expect(
      dayTotals(day('2026-11-25', 2, { documents: { 'bank-letter': 2, 'police-report': 1 } })),
    ).toEqual({ visits: 2, completed: 2, printed: 1, documents: 3, printFailures: 0 });
  });

  it('counts dates by the calendar, across months, years and leap days', () => {
    expect(shiftDate('2026-11-25', -6)).toBe('2026-11-19');
    expect(shiftDate('2026-03-01', -1)).toBe('2026-02-28');
    expect(shiftDate('2028-03-01', -1)).toBe('2028-02-29');
    expect(shiftDate('2027-01-03', -29)).toBe('2026-12-05');
    expect(() => shiftDate('25.11.2026', 1)).toThrow(/not a date/);
  });

  it("sums a period's days, and leaves today and the days under 5 visits out of its breakdown, saying so", () => {
    const days = [
      day(TODAY, 8), // withheld until it is over
      day('2026-11-25', 6),
      day('2026-11-24', 3), // withheld
      day('2026-11-23', 0, { printed: 0 }), // nobody came: nothing to withhold
      day('2026-11-20', 5),
      day('2026-11-19', 1), // before the 7 days
      day('2026-11-18', 9), // before the 7 days
    ];
    const week = periodSummary(days, TODAY, 7);
    expect(week).toMatchObject({
      from: '2026-11-20',
      to: TODAY,
      totals: { visits: 22, completed: 22, printed: 4, documents: 22, printFailures: 0 },
      breakdownDays: 2,
      withheldDays: 2,
      withheldVisits: 11,
    });
    expect(week.breakdown).toEqual({
      languages: { kk: 0, ru: 11, en: 0 },
      steps: { 'hang-up': { done: 11, later: 0, 'not-relevant': 0 } },
      documents: { 'bank-letter': 11 },
    });
    const month = periodSummary(days, TODAY, 30);
    expect(month.from).toBe('2026-10-28');
    expect(month.totals.visits).toBe(32);
    expect(month.breakdown!.languages.ru).toBe(20);
  });

  it('gives a period no breakdown at all when none of its days had 5 visits', () => {
    const s = periodSummary([day('2026-11-25', 4), day('2026-11-24', 4)], TODAY, 7);
    expect(s.breakdown).toBeNull();
    expect(s.totals.visits).toBe(8);
    expect(s).toMatchObject({ breakdownDays: 0, withheldDays: 2, withheldVisits: 8 });
    expect(periodSummary([], TODAY, 30)).toMatchObject({
      breakdown: null,
      totals: { visits: 0 },
      withheldDays: 0,
    });
  });

  it('never lets a withheld day into a period, whatever it holds', () => {
    // Documents printed on a day whose visits ended after midnight are withheld with it too.
    const late = day('2026-11-24', 0, { documents: { 'bank-letter': 1 }, printed: 1 });
    const s = periodSummary([late, day('2026-11-25', 5)], TODAY, 7);
    expect(s.breakdown!.documents).toEqual({ 'bank-letter': 5 });
    expect(s.withheldDays).toBe(1);
    expect(s.totals.documents).toBe(6);
  });
});
