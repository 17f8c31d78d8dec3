import type { IpcMain } from 'electron';
import {
  STAFF_PRINT_KINDS,
  type KioskSettings,
  type PrinterReadiness,
  type PrintOutcome,
} from '../../../core/kiosk/kiosk-api';
import type { CounterEvent } from '../../../core/kiosk/counters';
import type { Cups } from '../print/cups';
import type { JobReaper } from '../print/job-reaper';
import { inches, pageSizeFor } from '../print/paper';
import { checkCupsPrinter, printViaCups } from '../print/print-via-cups';
import { printViaWindows } from '../print/print-via-windows';
import { handle, type HandlerContext } from './contract';

export interface PrintIpcDeps extends HandlerContext {
  readonly platform: NodeJS.Platform;
  readonly cups: Cups;
  readonly reaper: JobReaper;
  readonly readSettings: () => KioskSettings;
  /** Whether staff mode is on: a test page, readiness report or staff card only then. */
  readonly staffActive: () => boolean;
  /** Counts visitors' sheets and documents printed, and failures; test pages are not counted. */
  readonly count: (event: CounterEvent) => void;
  /** The documents of the content in use: the only ones a page may ask to print. */
  readonly documentIds: () => readonly string[];
  /** Records each print's outcome, whoever printed, for "Check this kiosk". */
  readonly recordOutcome?: (outcome: PrintOutcome) => void;
  /** Hears each readiness check the page asks for (the health metrics). */
  readonly onReadiness?: (readiness: PrinterReadiness) => void;
}

/**
 * Printing for the page: readiness, the printer list for staff, and printing the sheet the page
 * shows in print media. One print runs at a time; a second request while one runs gets the
 * first one's outcome rather than a second sheet.
 */
export function register(ipc: Pick<IpcMain, 'handle'>, deps: PrintIpcDeps): void {
  const usesCups = deps.platform !== 'win32';
  let inFlight: Promise<PrintOutcome> | null = null;

  handle(ipc, deps, 'checkPrinter', async (event) => {
    const { printerName } = deps.readSettings();
    const readiness = await (async (): Promise<PrinterReadiness> => {
      if (usesCups) return checkCupsPrinter(deps.cups, printerName, deps.log);
      // Electron does not say which Windows printer is the default; with no name set, the silent
      // print goes to the system default, so any installed printer counts as ready.
      const printers = await event.sender.getPrintersAsync();
      const exists = printerName
        ? printers.some((p) => p.name === printerName)
        : printers.length > 0;
      return { printer: printerName || null, ready: exists, problem: exists ? null : 'no-printer' };
    })();
    deps.onReadiness?.(readiness);
    return readiness;
  });

  handle(ipc, deps, 'listPrinters', async (event) => {
    if (usesCups) {
      try {
        return await deps.cups.listPrinters();
      } catch (err) {
        deps.log(`print: cannot list printers: ${(err as Error).message}`);
        return [];
      }
    }
    const printers = await event.sender.getPrintersAsync();
    return printers.map((p) => ({ name: p.name, isDefault: false, problem: null }));
  });

  handle(ipc, deps, 'printSheet', (event, request) => {
    if (STAFF_PRINT_KINDS.includes(request.kind) && !deps.staffActive()) {
      deps.log(`print: refused a staff print (${request.kind}) outside staff mode`);
      return Promise.resolve({ ok: false, problem: 'unsupported' } as const);
    }
    if (
      request.kind === 'document' &&
      (request.paper !== 'a4' || !deps.documentIds().includes(request.document ?? ''))
    ) {
      // Documents are A4 forms; the page never offers them on a receipt printer.
      deps.log('print: refused a document that is not A4 or not known');
      return Promise.resolve({ ok: false, problem: 'unsupported' } as const);
    }
    if (inFlight) return inFlight;
    const size = pageSizeFor(request.paper, request.receiptLengthMm);
    const settings = deps.readSettings();
    const wc = event.sender;
    const render = async () =>
      wc.printToPDF({
        pageSize: inches(size),
        margins: { top: 0, bottom: 0, left: 0, right: 0 },
        printBackground: true,
        preferCSSPageSize: false,
      });
    const job = usesCups
      ? printViaCups(
          {
            cups: deps.cups,
            reaper: deps.reaper,
            printerName: settings.printerName,
            log: deps.log,
          },
          request.paper,
          size,
          render,
        )
      : printViaWindows(wc, settings.printerName, size, deps.log);
    inFlight = job
      .catch((err: Error) => {
        deps.log(`print: unexpected failure: ${err.message}`);
        return { ok: false, problem: 'job-failed' } as const;
      })
      .then((outcome) => {
        deps.recordOutcome?.(outcome);
        if (request.kind === 'visit') deps.count({ type: outcome.ok ? 'printed' : 'print-failed' });
        if (request.kind === 'document')
          deps.count(
            outcome.ok
              ? { type: 'document-printed', document: request.document! }
              : { type: 'print-failed' },
          );
        return outcome;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  });
}
