import type { PrintProblem } from '../kiosk/kiosk-api';
import { assertNever } from '../domain/session';
import type { MessageSchema } from '../i18n';

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
