import type { Locale } from '../locales';
import { PLACES, type Place } from '../place';
import type { IdleSettings } from '../visit/idle';
import type { DayCounts, VisitTally } from './counters';
import type { PinProblem, UnlockResult } from '../staff/staff-lock';
import type { PinChangeResult, SetupCodeResult, StaffStatus } from '../staff/staff-core';
import type { PolicyProblem } from './policy';
import type { Content } from '../content/model';

export type { DayCounts, VisitTally, UnlockResult, PinProblem, PinChangeResult, StaffStatus };
export type { SetupCodeResult, PolicyProblem };

/*
 * The one contract between the page and the kiosk around it. The Electron preload implements it
 * over IPC (electron/preload); browser-kiosk.ts implements it in a plain browser for
 * development, demos and end-to-end tests. The page never reaches past it.
 */

/** The paper the kiosk's printer takes: A4 sheets, or an 80 mm receipt roll. */
export type PaperSize = 'a4' | 'receipt-80';
export const PAPER_SIZES: readonly PaperSize[] = ['a4', 'receipt-80'];

/**
 * The kind of place the kiosk stands in: it decides what a step says can be done right here,
 * which of the kiosk's phones a step shows, and the staff notes.
 */
export type BranchType = Place;
export const BRANCH_TYPES: readonly BranchType[] = PLACES;

/** What the staff set for this kiosk; nothing here is about a visitor. */
export interface KioskSettings {
  /** The kiosk's own name, to tell kiosks apart in counters exports; may be empty. */
  readonly kioskName: string;
  /** Shown on screen and on the printed sheet; may be empty until staff set it. */
  readonly branchName: string;
  readonly branchType: BranchType;
  /** The branch's own phone, as people dial it, or empty; printed on the sheet. */
  readonly branchPhone: string;
  /** The local police station's phone, as people dial it, or empty; printed on the sheet. */
  readonly policePhone: string;
  readonly defaultLocale: Locale;
  /**
   * The staff screen's language, whatever the visitor's: staff choose it there. Staff notes on
   * a step are shown in it (and in the visitor's too when that differs).
   */
  readonly staffLocale: Locale;
  /** The languages offered, in the language screen's order; never empty. */
  readonly enabledLocales: readonly Locale[];
  /** The print queue; empty means the system's default printer. */
  readonly printerName: string;
  readonly paper: PaperSize;
  /** Print the sheet in the visitor's language and a second one (Kazakh, or Russian for Kazakh). */
  readonly bilingualSheet: boolean;
  /**
   * Where the companion page for phones is hosted (https), or empty: the plan's QR codes then
   * hold the plan as plain text instead of a link to it.
   */
  readonly companionUrl: string;
  /** Idle times, each within the bounds of core/visit/idle.ts. */
  readonly idle: IdleSettings;
}

/**
 * Why a sheet could not be printed, in terms staff can act on. The page turns each into a plain
 * message; none carries a stack trace or a system message to the screen.
 */
/** Every way a print can fail, in a fixed order (the metrics' `problem` label follows it). */
export const PRINT_PROBLEMS = [
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
] as const;
export type PrintProblem = (typeof PRINT_PROBLEMS)[number];

/** Whether a value read from storage or a file is one of PRINT_PROBLEMS. */
export const isPrintProblem = (v: unknown): v is PrintProblem =>
  (PRINT_PROBLEMS as readonly unknown[]).includes(v);

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
  /**
   * A visitor's sheet (counted), one of the visitor's documents (A4 only; counted by type), or
   * staff's test page (staff mode only, not counted). A readiness report or the staff card
   * (STAFF_PRINT_KINDS) are printed for staff too: staff mode only, never counted.
   */
  readonly kind: 'visit' | 'document' | 'test' | 'readiness' | 'staff-card';
  /** The document's id, for a document. */
  readonly document?: string;
  readonly paper: PaperSize;
  /** The printed length of a receipt, measured by the page; ignored for A4. */
  readonly receiptLengthMm?: number;
}

/** What only staff print: in staff mode only, and never counted. */
export const STAFF_PRINT_KINDS: readonly PrintRequest['kind'][] = [
  'test',
  'readiness',
  'staff-card',
];

/** The last successful print and the last failure, whoever printed, kept across restarts. */
export interface PrintHistory {
  /** When the print system last took a job and said it went well (ISO 8601), or null. */
  readonly lastSuccess: string | null;
  readonly lastFailure: { readonly at: string; readonly problem: PrintProblem } | null;
}

/** One warning or error from the kiosk's own log: its time, level and (redacted) text only. */
export interface LogEntry {
  /** As the log writes it: "2026-11-25 09:05:00". */
  readonly at: string;
  readonly level: 'warn' | 'error';
  readonly text: string;
}

/**
 * What "Check this kiosk" shows that only the kiosk around the page knows. The printer's state
 * comes from checkPrinter, the paper from the settings.
 */
export interface Diagnostics {
  readonly runtime: 'electron' | 'browser';
  readonly version: string;
  /** The content in use: bundled with the app, its checked-as-of date and its SHA-256. */
  readonly content: {
    /** `pack`: a signed content pack (docs/content-packs.md) serves instead of the bundled content. */
    readonly source: 'bundled' | 'pack';
    readonly checkedAsOf: string;
    readonly sha256: string | null;
  };
  /** Content packs: what is active, kept and pending, and the newest refusal; null where none. */
  readonly contentPacks?: ContentPackView | null;
  /** Content checked longer ago than this many days asks staff for attention (IT's policy). */
  readonly contentMaxAgeDays?: number;
  /**
   * The SHA-256 of the app's files (scripts/hashes.ts says how it is computed), or null where it
   * cannot be computed (a browser, or files that cannot be read).
   */
  readonly appSha256: string | null;
  /** Free space in the kiosk's data folder, in bytes, or null where it cannot be known. */
  readonly freeDiskBytes: number | null;
  readonly prints: PrintHistory;
  /** The newest warnings and errors of the kiosk's log, oldest first; nothing about visitors. */
  readonly recentErrors: readonly LogEntry[];
}

/** A content pack as staff see it. */
export interface ContentPackSummary {
  readonly id: string;
  readonly version: number;
  readonly checkedAsOf: string;
}

/** The content packs' state, for "Check this kiosk". */
export interface ContentPackView {
  readonly active: ContentPackSummary | null;
  readonly previous: ContentPackSummary | null;
  /** Checked and waiting for the attract screen. */
  readonly pending: ContentPackSummary | null;
  readonly lastCheckAt: string | null;
  /** The newest refusal or unreachable source: a reason code and a message. */
  readonly lastProblem: {
    readonly code: string;
    readonly message: string;
    readonly source: string;
    readonly at: string;
  } | null;
}

/**
 * The active pack's content for the page, as main validated it with the build's schema; the page
 * checks it again (core/content/content-check.ts) before it uses it.
 */
export interface ActiveContentPack {
  readonly version: number;
  readonly checkedAsOf: string;
  readonly content: Content;
}

export interface KioskInfo {
  readonly runtime: 'electron' | 'browser';
  readonly version: string;
}

/**
 * Why the settings in use are not simply the ones last saved, for the staff screen: the file was
 * damaged and the last good copy (or, failing that, the defaults) is in use, or some hand-edited
 * fields were missing or wrong and keep their last good values (or, with no good copy, the
 * defaults).
 */
export type SettingsNotice =
  | { readonly kind: 'restored-last-good' }
  | { readonly kind: 'defaults-used' }
  | {
      readonly kind: 'fields-reset';
      readonly fields: readonly string[];
      readonly from: 'last-good' | 'defaults';
    };

export interface StaffView {
  readonly settings: KioskSettings;
  readonly notice: SettingsNotice | null;
  /** The name a damaged counters file was set aside under at start, or null. */
  readonly countersSetAside: string | null;
  /**
   * The print system kept a finished sheet's document that the kiosk was not allowed to remove
   * (CUPS PreserveJobFiles): IT must turn that off (docs/printing.md).
   */
  readonly printKeepsSheets: boolean;
  /** The daily counts, newest first. */
  readonly days: readonly DayCounts[];
  /**
   * The settings IT's policy file sets, by path (`branchPhone`, `idle.warningSeconds`): shown
   * locked, and a save that changes one is refused.
   */
  readonly locked: readonly string[];
  /** What is wrong with IT's policy file, field by field; each bad field was ignored. */
  readonly policyProblems: readonly PolicyProblem[];
}

export type SaveSettingsResult =
  | { readonly ok: true; readonly settings: KioskSettings }
  | {
      readonly ok: false;
      /** `locked`: a field IT's policy file sets was changed. */
      readonly problem: 'invalid' | 'write-failed' | 'not-staff' | 'locked';
    };

/** A removable drive (a USB stick) main found mounted, to export the counters to. */
export interface RemovableDrive {
  /** Where it is mounted (`/media/kiosk/KINGSTON`, `E:\\`): main's own name for it. */
  readonly path: string;
  /** What staff read on its button: its volume label (and letter, on Windows). */
  readonly label: string;
  /** Free space in bytes, or null if unknown. */
  readonly freeBytes: number | null;
  /** Mounted read-only: an export to it will fail. */
  readonly readOnly: boolean;
}

/** The counters export: to which of main's drives, and the CSV's header row in staff's language. */
export interface CountersExportRequest {
  /** The `path` of a drive from the latest `listDrives()`; main refuses any other. */
  readonly drive: string;
  /** One name per column (core/kiosk/counters-csv.ts `counterColumns`). */
  readonly header: readonly string[];
}

/**
 * How an export went: the file's name and the drive's label; or the drive is gone (pulled out),
 * full, read-only, or could not be written to for another reason; or the header did not fit.
 */
export type ExportResult =
  | { readonly ok: true; readonly file: string; readonly drive: string }
  | {
      readonly ok: false;
      readonly problem:
        'no-drive' | 'full' | 'read-only' | 'write-failed' | 'invalid' | 'not-staff';
    };

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
  /** Adds a finished visit to today's anonymous counts. */
  countVisit(tally: VisitTally): Promise<void>;

  staffStatus(): Promise<StaffStatus>;
  /**
   * IT's one-time setup code from the policy file, asked for before the first PIN; a wrong one
   * counts toward the PIN lockout.
   */
  enterSetupCode(code: string): Promise<SetupCodeResult>;
  /** Sets the first staff PIN, only while none exists and after the setup code; staff mode starts. */
  setupStaffPin(pin: string): Promise<PinChangeResult>;
  unlockStaff(pin: string): Promise<UnlockResult>;
  /** Ends staff mode. */
  lockStaff(): Promise<void>;
  /** Staff mode only, as are the methods below. */
  changeStaffPin(pin: string): Promise<PinChangeResult>;
  getStaffView(): Promise<StaffView>;
  saveSettings(settings: KioskSettings): Promise<SaveSettingsResult>;
  /** The removable drives (USB sticks) mounted now. */
  listDrives(): Promise<RemovableDrive[]>;
  /** Writes the counts as CSV to one of those drives; no dialog. */
  exportCounters(request: CountersExportRequest): Promise<ExportResult>;
  /** Quits or restarts the kiosk app. */
  leaveApp(kind: 'quit' | 'restart'): Promise<void>;
  /** What "Check this kiosk" shows; staff mode only. */
  getDiagnostics(): Promise<Diagnostics>;

  /** The active content pack, or null when the content bundled with the page serves. */
  getContentPack(): Promise<ActiveContentPack | null>;
  /**
   * The page is on the attract screen, between visits: a pending content pack applies now.
   * True when the content changed (the page then reloads to take it).
   */
  betweenVisits(): Promise<boolean>;
  /** Staff only: look for a new content pack now (as the daily poll does). */
  checkContentPacks(): Promise<ContentPackView>;
  /** Staff only: one touch back to the previous pack, or to the bundled content. */
  rollbackContentPack(): Promise<ContentPackView>;
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
  countVisit: 'kiosk:count-visit',
  staffStatus: 'staff:status',
  enterSetupCode: 'staff:setup-code',
  setupStaffPin: 'staff:setup-pin',
  unlockStaff: 'staff:unlock',
  lockStaff: 'staff:lock',
  changeStaffPin: 'staff:change-pin',
  getStaffView: 'staff:get-view',
  saveSettings: 'staff:save-settings',
  listDrives: 'staff:list-drives',
  exportCounters: 'staff:export-counters',
  leaveApp: 'staff:leave-app',
  getDiagnostics: 'staff:get-diagnostics',
  getContentPack: 'kiosk:get-content-pack',
  betweenVisits: 'kiosk:between-visits',
  checkContentPacks: 'staff:check-content-packs',
  rollbackContentPack: 'staff:rollback-content-pack',
} as const satisfies Record<KioskMethod, `kiosk:${string}` | `staff:${string}`>;
