import type { Locale } from './locales.ts';

/*
 * Dates with month names, written by the kiosk itself: Chromium's Intl has no Kazakh month
 * names (it writes "2026 M02 17"), and the page must read the same in every runtime.
 */

const MONTHS: Readonly<Record<Locale, readonly string[]>> = {
  kk: [
    'қаңтар',
    'ақпан',
    'наурыз',
    'сәуір',
    'мамыр',
    'маусым',
    'шілде',
    'тамыз',
    'қыркүйек',
    'қазан',
    'қараша',
    'желтоқсан',
  ],
  // The genitive, as a day of the month takes it: "17 февраля".
  ru: [
    'января',
    'февраля',
    'марта',
    'апреля',
    'мая',
    'июня',
    'июля',
    'августа',
    'сентября',
    'октября',
    'ноября',
    'декабря',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/**
 * A calendar date (YYYY-MM-DD) as each language writes it in running text: "2026 жылғы
 * 17 ақпан", "17 февраля 2026 г.", "17 February 2026".
 */
export function formatLongDate(iso: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) throw new Error(`not a date: ${iso}`);
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const name = MONTHS[locale][Number(month) - 1];
  if (!name) throw new Error(`not a date: ${iso}`);
  const d = Number(day);
  switch (locale) {
    case 'kk':
      return `${year} жылғы ${d} ${name}`;
    case 'ru':
      return `${d} ${name} ${year} г.`;
    case 'en':
      return `${d} ${name} ${year}`;
  }
}
