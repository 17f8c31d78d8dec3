import type { KioskApi, PrintOutcome, PrintProblem } from './kiosk-api';
import { normalizeSettings } from './settings';

/** Where the browser build keeps kiosk settings (staff settings, never visitor data). */
export const BROWSER_SETTINGS_KEY = 'citizensec-kiosk:settings';
/**
 * For demos, staff training and tests: a print problem the browser build pretends to have
 * ("paper-out", …), or "ok" to report success without opening the print dialog.
 */
export const BROWSER_PRINT_SIMULATION_KEY = 'citizensec-kiosk:print-simulation';

const PROBLEMS: readonly PrintProblem[] = [
  'no-printer',
  'printer-stopped',
  'printer-offline',
  'paper-out',
  'paper-jam',
  'printer-needs-attention',
  'print-service-down',
  'job-failed',
  'timeout',
  'render-failed',
  'unsupported',
];

/**
 * The kiosk API in a plain browser: settings from local storage and printing through the
 * browser's own print dialog, for development, staff demos and end-to-end tests where no
 * Electron binary is installed.
 */
export function createBrowserKiosk(
  storage: Storage | undefined = globalThis.localStorage,
  print: () => void = () => window.print(),
): KioskApi {
  const simulation = (): string | null => {
    try {
      return storage?.getItem(BROWSER_PRINT_SIMULATION_KEY) ?? null;
    } catch {
      return null;
    }
  };
  const simulatedProblem = (): PrintProblem | null => {
    const s = simulation();
    return PROBLEMS.includes(s as PrintProblem) ? (s as PrintProblem) : null;
  };
  return {
    getInfo: () => Promise.resolve({ runtime: 'browser', version: __APP_VERSION__ }),
    getSettings: () => {
      let raw: unknown;
      try {
        const text = storage?.getItem(BROWSER_SETTINGS_KEY);
        raw = text ? JSON.parse(text) : undefined;
      } catch {
        // Broken JSON falls back to defaults, as a broken settings file does in Electron.
        raw = undefined;
      }
      return Promise.resolve(normalizeSettings(raw));
    },
    checkPrinter: () => {
      const problem = simulatedProblem();
      return Promise.resolve({ printer: 'browser', ready: problem === null, problem });
    },
    // Nothing outside the page's own storage to wipe in a browser; resetSession clears that.
    endVisit: () => Promise.resolve(),
    listPrinters: () => Promise.resolve([{ name: 'browser', isDefault: true, problem: null }]),
    printSheet: (): Promise<PrintOutcome> => {
      const problem = simulatedProblem();
      if (problem) return Promise.resolve({ ok: false, problem });
      // The browser's dialog says nothing of what happened after it: unconfirmed.
      if (simulation() !== 'ok') print();
      return Promise.resolve({ ok: true, confirmed: false });
    },
  };
}
