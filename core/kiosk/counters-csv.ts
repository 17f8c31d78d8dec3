import { LOCALES, type Locale } from '../locales.ts';
import { MARKED_STATUSES, type CountedIds, type DayCounts, type MarkedStatus } from './counters.ts';
import { dayBreakdown, dayTotals, type CountsTotals } from './counters-view.ts';

/*
 * The counters as a CSV file that Excel opens correctly with Russian (or Kazakh) regional
 * settings: UTF-8 with a byte order mark (without it Excel reads Cyrillic as the ANSI code
 * page), `;` between fields (the list separator where the decimal mark is a comma), CRLF line
 * ends, dates as dd.mm.yyyy, and a field quoted wherever it holds a separator, a quote or a line
 * break. The header row is in the staff's language; the columns and their order never change for
 * a kiosk's content, so a script can read exports in any language by position (docs/deploy.md).
 * Today's row and a finished day with fewer than BREAKDOWN_MIN_VISITS visits have their
 * breakdown cells left empty, as the staff screen withholds them (counters-view.ts).
 */

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
export const CSV_LINE_END = '\r\n';

/** The most characters a header cell may have; a longer one is refused, never cut silently. */
export const MAX_HEADER_LENGTH = 300;

/** One column of the export, in order. */
export type CounterColumn =
  | { readonly kind: 'date' }
  | { readonly kind: 'total'; readonly total: keyof CountsTotals }
  | { readonly kind: 'language'; readonly locale: Locale }
  | { readonly kind: 'step'; readonly step: string; readonly status: MarkedStatus }
  | { readonly kind: 'document'; readonly document: string };

const TOTALS: readonly (keyof CountsTotals)[] = [
  'visits',
  'completed',
  'printed',
  'documents',
  'printFailures',
];

/** The export's columns for the steps and documents content has (`ids`), in their order. */
export function counterColumns(ids: CountedIds): CounterColumn[] {
  return [
    { kind: 'date' },
    ...TOTALS.map((total) => ({ kind: 'total', total }) as const),
    ...LOCALES.map((locale) => ({ kind: 'language', locale }) as const),
    ...ids.steps.flatMap((step) =>
      MARKED_STATUSES.map((status) => ({ kind: 'step', step, status }) as const),
    ),
    ...ids.documents.map((document) => ({ kind: 'document', document }) as const),
  ];
}

/** Why a header row cannot head the export of `ids`, or null if it can. */
export function headerProblem(header: readonly string[], ids: CountedIds): string | null {
  const expected = counterColumns(ids).length;
  if (header.length !== expected) return `${header.length} column names for ${expected} columns`;
  const bad = header.findIndex(
    (h) => typeof h !== 'string' || h.trim() === '' || h.length > MAX_HEADER_LENGTH,
  );
  return bad === -1 ? null : `column ${bad + 1} has no name or one over ${MAX_HEADER_LENGTH}`;
}

/** YYYY-MM-DD as dd.mm.yyyy, the form Excel with Russian settings reads as a date. */
export function csvDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/**
 * A text cell: quoted when it holds the separator, a quote, a line break or spaces at either
 * end; and, when it begins as a formula would (= + - @, a tab or a return), led by an apostrophe
 * so that a spreadsheet shows it as text and never runs it.
 */
export function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function cell(day: DayCounts, column: CounterColumn, today: string): string {
  if (column.kind === 'date') return csvDate(day.date);
  if (column.kind === 'total') return String(dayTotals(day)[column.total]);
  const breakdown = dayBreakdown(day, today);
  // Withheld: empty, not 0, so that a spreadsheet sums only what was counted and shown.
  if (!breakdown) return '';
  switch (column.kind) {
    case 'language':
      return String(breakdown.languages[column.locale]);
    case 'step':
      return String(
        Object.hasOwn(breakdown.steps, column.step)
          ? breakdown.steps[column.step]![column.status]
          : 0,
      );
    case 'document':
      return String(
        Object.hasOwn(breakdown.documents, column.document)
          ? breakdown.documents[column.document]!
          : 0,
      );
  }
}

/**
 * The export on `today` (the kiosk's local date): the BOM, the header row (`header`, one name
 * per column of `counterColumns(ids)`) and one row per day, oldest first. Throws if the header
 * does not fit the columns.
 */
export function countersCsv(
  days: readonly DayCounts[],
  ids: CountedIds,
  header: readonly string[],
  today: string,
): string {
  const problem = headerProblem(header, ids);
  if (problem) throw new Error(`counters CSV: ${problem}`);
  const columns = counterColumns(ids);
  const rows = [...days]
    .sort((a, b) => (a.date < b.date ? -1 : 1))
    .map((d) => columns.map((c) => cell(d, c, today)));
  return (
    CSV_BOM +
    [header.map(csvText), ...rows].map((r) => r.join(CSV_SEPARATOR) + CSV_LINE_END).join('')
  );
}

/** The export's bytes, as the kiosk writes them to the drive (UTF-8, the BOM first). */
export function countersCsvBytes(
  days: readonly DayCounts[],
  ids: CountedIds,
  header: readonly string[],
  today: string,
): Uint8Array {
  return new TextEncoder().encode(countersCsv(days, ids, header, today));
}

/**
 * The export's file name: `citizensec-counters-<kiosk name>-<YYYY-MM-DD>.csv`. The kiosk's name
 * keeps its letters (Cyrillic included: USB sticks' file systems store them) and digits; every
 * other run of characters becomes one dash, so the name is valid on FAT, exFAT and NTFS alike.
 */
export function countersFileName(kioskName: string, date: string): string {
  const slug = kioskName
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `citizensec-counters-${slug || 'kiosk'}-${date}.csv`;
}
