import type { CountedIds, MarkedStatus } from '../../core/kiosk/counters';
import { counterColumns, type CounterColumn } from '../../core/kiosk/counters-csv';
import type { CountsTotals } from '../../core/kiosk/counters-view';
import { assertNever } from '../../core/assert-never';
import type { Locale } from '../../core/locales';
import { kioskContent } from '../content';
import type { MessageSchema } from '../i18n';
import { useVisit } from './use-visit';
import { useStaffMessages } from './use-staff-messages';

/** The ids the kiosk counts, as main.ts gives them to the kiosk API: content's, in its order. */
export const COUNTED_IDS: CountedIds = {
  steps: kioskContent.steps.map((s) => s.id),
  documents: kioskContent.documents.map((d) => d.id),
};

export const TOTAL_LABELS: Readonly<Record<keyof CountsTotals, keyof MessageSchema>> = {
  visits: 'labelStaffColVisits',
  completed: 'labelStaffColCompleted',
  printed: 'labelStaffColPrinted',
  documents: 'labelStaffColDocuments',
  printFailures: 'labelStaffColFailures',
};

export const STATUS_LABELS: Readonly<Record<MarkedStatus, keyof MessageSchema>> = {
  done: 'labelStatusDone',
  later: 'labelStatusLater',
  'not-relevant': 'labelStatusNotRelevant',
};

/**
 * Names for what the counters count, in the staff's language: steps and documents by their
 * titles in content (an id content no longer has keeps its id), languages by their own names,
 * dates in words, and the CSV export's header row.
 */
export function useCounterLabels() {
  useStaffMessages();
  const { t, locale, formatDate } = useVisit();
  const steps = new Map(kioskContent.steps.map((s) => [s.id, s.title]));
  const documents = new Map(kioskContent.documents.map((d) => [d.id, d.title]));

  const stepTitle = (id: string): string => steps.get(id)?.[locale.value] ?? id;
  const documentTitle = (id: string): string => documents.get(id)?.[locale.value] ?? id;
  const languageName = (l: Locale): string => t('labelLanguageName', {}, { locale: l });

  function columnLabel(c: CounterColumn): string {
    switch (c.kind) {
      case 'date':
        return t('labelStaffColDate');
      case 'total':
        return t(TOTAL_LABELS[c.total]);
      case 'language':
        return t('labelStaffCsvLanguage', { language: languageName(c.locale) });
      case 'step':
        return t('labelStaffCsvStep', {
          step: stepTitle(c.step),
          status: t(STATUS_LABELS[c.status]),
        });
      case 'document':
        return t('labelStaffCsvDocument', { document: documentTitle(c.document) });
      default:
        return assertNever(c);
    }
  }

  /** The CSV's header row in the staff's language, one name per column. */
  const csvHeader = (ids: CountedIds = COUNTED_IDS): string[] =>
    counterColumns(ids).map(columnLabel);

  /** Free space as staff read it: "14,2 GB" in the staff's own number format. */
  function freeSpace(bytes: number): string {
    const gb = bytes / 1e9;
    const size = (n: number) =>
      new Intl.NumberFormat(locale.value, { maximumFractionDigits: 1 }).format(n);
    return gb >= 1
      ? t('labelStaffDriveFreeGb', { size: size(gb) })
      : t('labelStaffDriveFreeMb', { size: size(Math.floor(bytes / 1e6)) });
  }

  return { t, locale, formatDate, stepTitle, documentTitle, languageName, csvHeader, freeSpace };
}
