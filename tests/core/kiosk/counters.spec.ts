import { describe, expect, it } from 'vitest';
import {
  addEvent,
  KEPT_DAYS,
  MAX_DAYS_READ,
  normalizeDays,
  type DayCounts,
} from '../../../core/kiosk/counters';

const IDS = { steps: ['hang-up', 'contact-bank'], documents: ['police-application'] };

describe('daily counters', () => {
  const visit = (marks: Record<string, 'done' | 'later' | 'not-relevant'>, completed = true) =>
    ({ type: 'visit', tally: { locale: 'kk', completed, marks } }) as const;

  it('adds visits, marks and prints to the day, newest day first', () => {
    let days: DayCounts[] = [];
    days = addEvent(days, visit({ 'hang-up': 'done', 'contact-bank': 'later' }), '2026-11-21', IDS);
    days = addEvent(days, visit({ 'hang-up': 'done' }, false), '2026-11-22', IDS);
    days = addEvent(days, { type: 'printed' }, '2026-11-22', IDS);
    days = addEvent(days, visit({ 'hang-up': 'not-relevant' }), '2026-11-22', IDS);
    expect(days.map((d) => d.date)).toEqual(['2026-11-22', '2026-11-21']);
    expect(days[0]).toMatchObject({ visits: 2, completed: 1, printed: 1, languages: { kk: 2 } });
    expect(days[0]!.steps['hang-up']).toEqual({ done: 1, later: 0, 'not-relevant': 1 });
  });

  it('keeps at most KEPT_DAYS days', () => {
    let days: DayCounts[] = [];
    const start = Date.UTC(2025, 0, 1);
    for (let i = 0; i < KEPT_DAYS + 5; i += 1) {
      const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
      days = addEvent(days, { type: 'printed' }, date, IDS);
    }
    expect(days).toHaveLength(KEPT_DAYS);
    expect(days.at(-1)!.date).toBe('2025-01-06');
  });

  it('reads a damaged file as far as it can', () => {
    const days = normalizeDays([
      {
        date: '2026-11-22',
        visits: 3,
        completed: -1,
        printed: 'x',
        languages: { ru: 2, xx: 9 },
        steps: {
          'hang-up': { done: 2 },
          'Evil step': { done: 1 },
          ['x'.repeat(65)]: { done: 1 },
          'no-counts': 'x',
        },
        documents: JSON.parse(
          '{"police-application": 2, "__proto__": 5, "../made-up": 1, "UPPER": 1}',
        ) as Record<string, number>,
      },
      { date: 'yesterday', visits: 1 },
      { date: '2026-11-22', visits: 99 },
      null,
    ]);
    expect(days).toHaveLength(1);
    expect(days[0]).toEqual({
      date: '2026-11-22',
      visits: 3,
      completed: 0,
      printed: 0,
      printFailures: 0,
      languages: { kk: 0, ru: 2, en: 0 },
      steps: { 'hang-up': { done: 2, later: 0, 'not-relevant': 0 } },
      documents: { 'police-application': 2 },
    });
    expect(normalizeDays({ not: 'a list' })).toEqual([]);
  });

  it('counts documents by type, only those content has', () => {
    let days = addEvent(
      [],
      { type: 'document-printed', document: 'police-application' },
      '2026-11-22',
      IDS,
    );
    days = addEvent(days, { type: 'document-printed', document: 'constructor' }, '2026-11-22', IDS);
    days = addEvent(
      days,
      { type: 'document-printed', document: 'police-application' },
      '2026-11-22',
      IDS,
    );
    expect(days[0]!.documents).toEqual({ 'police-application': 2 });
    expect(days[0]!.printed).toBe(0);
  });

  it('counts marks only for the steps content has, never one the page made up', () => {
    const marks = JSON.parse(
      '{"constructor":"done","__proto__":"later","hang-up":"done","made-up":"later","x":"lost"}',
    ) as Record<string, 'done'>;
    const days = addEvent([], visit(marks), '2026-11-22', IDS);
    expect(Object.keys(days[0]!.steps)).toEqual(['hang-up']);
    expect(JSON.parse(JSON.stringify(days))[0].steps).toEqual({
      'hang-up': { done: 1, later: 0, 'not-relevant': 0 },
    });
  });

  it('reads at most MAX_DAYS_READ entries of an overlong file, keeping the newest KEPT_DAYS', () => {
    const start = Date.UTC(1900, 0, 1);
    const huge = Array.from({ length: 40_000 }, (_, i) => ({
      date: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
      visits: 1,
    }));
    // A newest day far down the file is past what is read.
    huge[30_000] = { date: '2099-01-01', visits: 99 };
    const days = normalizeDays(huge);
    expect(days).toHaveLength(KEPT_DAYS);
    expect(days.some((d) => d.date === '2099-01-01')).toBe(false);
    expect(days[0]!.date).toBe(huge[MAX_DAYS_READ - 1]!.date);
  });
});
