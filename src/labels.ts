import type { Urgency } from '../core/content/model';
import type { PrintProblem } from '../core/kiosk/kiosk-api';
import type { KioskPhoneEntry } from '../core/visit/kiosk-phones';
import { assertNever } from '../core/assert-never';
import type { MessageSchema } from './i18n';

/*
 * The UI message that names each value of the core's unions, in one place for every screen and
 * the printed sheet.
 */

/** The heading of each urgency: on the badges, the overview, the summary and the sheet. */
export const URGENCY_LABELS: Readonly<Record<Urgency, keyof MessageSchema>> = {
  now: 'labelUrgencyNow',
  today: 'labelUrgencyToday',
  'this-week': 'labelUrgencyThisWeek',
};

/** Whose number a phone staff set for this kiosk is, as the visitor reads it. */
export const KIOSK_PHONE_LABELS: Readonly<Record<KioskPhoneEntry['role'], keyof MessageSchema>> = {
  'bank-branch': 'labelPhoneBankBranch',
  'police-station': 'labelPhonePoliceStation',
  'local-police': 'labelPhoneLocalPolice',
};

/** The message that says a print problem plainly, for the visitor and for staff alike. */
export function printProblemKey(p: PrintProblem): keyof MessageSchema {
  switch (p) {
    case 'no-printer':
      return 'labelPrintProblemNoPrinter';
    case 'printer-stopped':
      return 'labelPrintProblemStopped';
    case 'printer-offline':
      return 'labelPrintProblemOffline';
    case 'paper-out':
      return 'labelPrintProblemPaperOut';
    case 'paper-jam':
      return 'labelPrintProblemPaperJam';
    case 'printer-needs-attention':
      return 'labelPrintProblemNeedsAttention';
    case 'print-service-down':
      return 'labelPrintProblemServiceDown';
    case 'job-failed':
      return 'labelPrintProblemJobFailed';
    case 'timeout':
      return 'labelPrintProblemTimeout';
    case 'render-failed':
      return 'labelPrintProblemRenderFailed';
    case 'unsupported':
      return 'labelPrintProblemUnsupported';
    default:
      return assertNever(p);
  }
}
