import { describe, expect, it } from 'vitest';
import { formatLongDate } from '../../core/dates';

describe('formatLongDate', () => {
  const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}-07`);

  it('writes every month of the year by name in Kazakh', () => {
    expect(months.map((d) => formatLongDate(d, 'kk'))).toEqual([
      '2026 жылғы 7 қаңтар',
      '2026 жылғы 7 ақпан',
      '2026 жылғы 7 наурыз',
      '2026 жылғы 7 сәуір',
      '2026 жылғы 7 мамыр',
      '2026 жылғы 7 маусым',
      '2026 жылғы 7 шілде',
      '2026 жылғы 7 тамыз',
      '2026 жылғы 7 қыркүйек',
      '2026 жылғы 7 қазан',
      '2026 жылғы 7 қараша',
      '2026 жылғы 7 желтоқсан',
    ]);
  });

  it('writes every month in Russian, in the genitive a day takes', () => {
    expect(months.map((d) => formatLongDate(d, 'ru'))).toEqual([
      '7 января 2026 г.',
      '7 февраля 2026 г.',
      '7 марта 2026 г.',
      '7 апреля 2026 г.',
      '7 мая 2026 г.',
      '7 июня 2026 г.',
      '7 июля 2026 г.',
      '7 августа 2026 г.',
      '7 сентября 2026 г.',
      '7 октября 2026 г.',
      '7 ноября 2026 г.',
      '7 декабря 2026 г.',
    ]);
  });

  it('writes every month in English', () => {
    expect(months.map((d) => formatLongDate(d, 'en'))).toEqual([
      '7 January 2026',
      '7 February 2026',
      '7 March 2026',
      '7 April 2026',
      '7 May 2026',
      '7 June 2026',
      '7 July 2026',
      '7 August 2026',
      '7 September 2026',
      '7 October 2026',
      '7 November 2026',
      '7 December 2026',
    ]);
  });

  it('drops a leading zero from the day, and refuses what is not a date', () => {
    expect(formatLongDate('2026-02-17', 'kk')).toBe('2026 жылғы 17 ақпан');
    expect(formatLongDate('2026-12-01', 'ru')).toBe('1 декабря 2026 г.');
    expect(() => formatLongDate('17.02.2026', 'en')).toThrow(/not a date/);
    expect(() => formatLongDate('2026-13-01', 'en')).toThrow(/not a date/);
  });
});
