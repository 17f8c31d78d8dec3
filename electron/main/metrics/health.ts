import type { PrinterReadiness, PrintOutcome } from '../../../core/kiosk/kiosk-api';
import type { SetupCodeResult } from '../../../core/staff/staff-core';
import type { UnlockResult } from '../../../core/staff/staff-lock';
import { DEFAULT_CONTENT_STALE_AFTER_DAYS, type HealthSnapshot } from './render';

/** What the kiosk knows that the metrics read when the file is written. */
export interface HealthSources {
  readonly appVersion: string;
  /** The content in use now (the bundled content, or an applied pack). */
  readonly content: () => { readonly version: string; readonly checkedAsOf: string };
  /** Today's visits and finished visits, from the daily counters. */
  readonly today: () => { readonly visits: number; readonly completed: number };
  /** When a print last succeeded, from the print history kept across restarts (ISO 8601). */
  readonly lastPrintSuccess: () => string | null;
  readonly contentStaleAfterDays?: number;
  readonly now?: () => number;
}

/** A staff entry attempt's result: a PIN's or a setup code's. */
export type StaffAttempt = UnlockResult | SetupCodeResult;

/**
 * The kiosk's health as the metrics file reports it: events from main (prints, the printer, the
 * page's crashes, staff entry) are counted here, and what is kept elsewhere (the counters, the
 * print history, the content) is read when a snapshot is taken. Each event calls `changed`, so
 * that the file is rewritten at once rather than at the next minute.
 */
export class KioskHealth {
  private readonly startedMs: number;
  private printer: HealthSnapshot['printer'] = null;
  private prints = 0;
  private printFailures = 0;
  private crashes = 0;
  private outOfService = false;
  private logins = 0;
  private lockouts = 0;
  private up = true;
  private listener: () => void = () => {};

  constructor(private readonly sources: HealthSources) {
    this.startedMs = this.now();
  }

  private now(): number {
    return (this.sources.now ?? Date.now)();
  }

  /** Called after every event; the writer rewrites the file. */
  onChange(listener: () => void): void {
    this.listener = listener;
  }

  private changed(): void {
    this.listener();
  }

  /** A print ended, whoever asked for it: a failure also says the printer's problem. */
  printOutcome(outcome: PrintOutcome): void {
    if (outcome.ok) {
      this.prints += 1;
      this.printer = { ready: true, problem: null };
    } else {
      this.printFailures += 1;
      // A problem of the job or the page is not the printer's: its state stays as last checked.
      if (!['job-failed', 'render-failed', 'unsupported', 'timeout'].includes(outcome.problem))
        this.printer = { ready: false, problem: outcome.problem };
    }
    this.changed();
  }

  /** The printer was checked (by the page, or by main's own check each minute). */
  printerChecked(readiness: Pick<PrinterReadiness, 'ready' | 'problem'>): void {
    const next = { ready: readiness.ready, problem: readiness.ready ? null : readiness.problem };
    const same = this.printer?.ready === next.ready && this.printer.problem === next.problem;
    this.printer = next;
    if (!same) this.changed();
  }

  /** A visit was counted: today's visits changed. */
  countsChanged(): void {
    this.changed();
  }

  rendererCrashed(): void {
    this.crashes += 1;
    this.changed();
  }

  outOfServiceChanged(outOfService: boolean): void {
    if (this.outOfService === outOfService) return;
    this.outOfService = outOfService;
    this.changed();
  }

  /**
   * A staff PIN or setup code attempt: an accepted PIN is a login; a wrong one that locks
   * entry is a lockout. An attempt refused because entry was already locked counts as neither.
   */
  staffAttempt(result: StaffAttempt, kind: 'pin' | 'setup-code'): void {
    if (result.ok) {
      // A right setup code only opens the choice of a first PIN: not a login.
      if (kind === 'setup-code') return;
      this.logins += 1;
    } else if (
      (result.reason === 'wrong-pin' || result.reason === 'wrong-code') &&
      result.lockedForMs > 0
    )
      this.lockouts += 1;
    else return;
    this.changed();
  }

  /** The app is quitting: the last file says so. */
  stopping(): void {
    this.up = false;
  }

  snapshot(): HealthSnapshot {
    const today = this.sources.today();
    const lastSuccess = this.sources.lastPrintSuccess();
    const lastMs = lastSuccess === null ? NaN : Date.parse(lastSuccess);
    return {
      nowMs: this.now(),
      startedMs: this.startedMs,
      up: this.up,
      appVersion: this.sources.appVersion,
      content: this.sources.content(),
      contentStaleAfterDays: this.sources.contentStaleAfterDays ?? DEFAULT_CONTENT_STALE_AFTER_DAYS,
      printer: this.printer,
      lastPrintSuccessMs: Number.isFinite(lastMs) ? lastMs : null,
      printsTotal: this.prints,
      printFailuresTotal: this.printFailures,
      rendererCrashesTotal: this.crashes,
      outOfService: this.outOfService,
      visitsToday: today.visits,
      visitsFinishedToday: today.completed,
      staffLoginsTotal: this.logins,
      staffLockoutsTotal: this.lockouts,
    };
  }
}
