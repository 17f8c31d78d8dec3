import type { Locale } from '../domain/locales';
import type { IdleSettings } from '../domain/idle';

/*
 * The one contract between the page and the kiosk around it. The Electron preload implements it
 * over IPC (electron/preload); browser-kiosk.ts implements it in a plain browser for
 * development, demos and end-to-end tests. The page never reaches past it.
 */

/** The paper the kiosk's printer takes: A4 sheets, or an 80 mm receipt roll. */
export type PaperSize = 'a4' | 'receipt-80';
export const PAPER_SIZES: readonly PaperSize[] = ['a4', 'receipt-80'];

/** What the staff set for this kiosk; nothing here is about a visitor. */
export interface KioskSettings {
  /** Shown on screen and on the printed sheet; may be empty until staff set it. */
  readonly branchName: string;
  readonly defaultLocale: Locale;
  /** The languages offered, in the language screen's order; never empty. */
  readonly enabledLocales: readonly Locale[];
  /** The print queue; empty means the system's default printer. */
  readonly printerName: string;
  readonly paper: PaperSize;
  /** Print the sheet in the visitor's language and a second one (Kazakh, or Russian for Kazakh). */
  readonly bilingualSheet: boolean;
  /** Idle times, each within the bounds of src/domain/idle.ts. */
  readonly idle: IdleSettings;
}

/**
 * Why a sheet could not be printed, in terms staff can act on. The page turns each into a plain
 * message; none carries a stack trace or a system message to the screen.
 */
export type PrintProblem =
  | 'no-printer'
  | 'printer-stopped'
  | 'printer-offline'
  | 'paper-out'
  | 'paper-jam'
  | 'printer-needs-attention'
  | 'print-service-down'
  | 'job-failed'
  | 'timeout'
  | 'render-failed'
  | 'unsupported';

export type PrintOutcome =
  /** `confirmed`: the print system reported the job complete, not only accepted. */
  | { readonly ok: true; readonly confirmed: boolean }
  | { readonly ok: false; readonly problem: PrintProblem };

export interface PrinterReadiness {
  readonly printer: string | null;
  readonly ready: boolean;
  readonly problem: PrintProblem | null;
}

export interface PrinterInfo {
  readonly name: string;
  readonly isDefault: boolean;
  readonly problem: PrintProblem | null;
}

export interface PrintRequest {
  readonly paper: PaperSize;
  /** The printed length of a receipt, measured by the page; ignored for A4. */
  readonly receiptLengthMm?: number;
}

export interface KioskInfo {
  readonly runtime: 'electron' | 'browser';
  readonly version: string;
}

export interface KioskApi {
  getInfo(): Promise<KioskInfo>;
  getSettings(): Promise<KioskSettings>;
  /** Whether the configured printer can take a job now. */
  checkPrinter(): Promise<PrinterReadiness>;
  listPrinters(): Promise<PrinterInfo[]>;
  /** Prints the sheet the page shows in print media, and says how it went. */
  printSheet(request: PrintRequest): Promise<PrintOutcome>;
  /**
   * The visit has ended: wipe what the page cannot reach itself (Electron: the session's
   * storage and cache, and the clipboard). Resolves when done; never rejects.
   */
  endVisit(): Promise<void>;
}

/** The name of a call in the contract. */
export type KioskMethod = keyof KioskApi;

/**
 * The channel of each call in the Electron implementation, one per method: main registers
 * exactly these and the preload forwards each method to its own channel.
 */
export const IPC_CHANNELS = {
  getInfo: 'kiosk:get-info',
  getSettings: 'kiosk:get-settings',
  checkPrinter: 'kiosk:check-printer',
  listPrinters: 'kiosk:list-printers',
  printSheet: 'kiosk:print-sheet',
  endVisit: 'kiosk:end-visit',
} as const satisfies Record<KioskMethod, `kiosk:${string}` | `staff:${string}`>;

declare global {
  interface Window {
    /** Present only inside the Electron kiosk, put there by the preload. */
    readonly kiosk?: KioskApi;
  }
}
