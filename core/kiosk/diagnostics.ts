import type { Diagnostics, PrinterReadiness } from './kiosk-api';

/*
 * "Check this kiosk": what the readiness report checks, and the text of the auditor's QR code.
 * Plain functions of what main (or the browser build) reports, shared by the staff screen, the
 * printed report and scripts/hashes.ts, which prints the released values the same way.
 */

/** Below this much free space in the data folder, logs, settings and counters may fail to write. */
export const MIN_FREE_DISK_BYTES = 200 * 1024 * 1024;

/**
 * Content checked longer ago than this may name procedures or numbers that have changed: the
 * content owners re-check it at least twice a year. IT's policy may set another limit
 * (`contentPacks.maxAgeDays`), which main and the browser build report in the diagnostics.
 */
export const CONTENT_MAX_AGE_DAYS = 180;

/** An error in the log within this time makes the report ask staff to look (and call IT). */
export const RECENT_ERROR_HOURS = 24;

export type CheckStatus = 'ok' | 'attention' | 'unknown';

export type CheckId = 'printer' | 'last-print' | 'disk' | 'errors' | 'content' | 'app-hash';

export interface ReadinessCheck {
  readonly id: CheckId;
  readonly status: CheckStatus;
}

export interface ReadinessInput {
  readonly diagnostics: Diagnostics;
  readonly printer: PrinterReadiness | null;
  readonly now: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A log time ("2026-11-25 09:05:00", the kiosk's local time) as a Date, or null. */
export function logTime(at: string): Date | null {
  const m = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)/.exec(at);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, ...number[]];
  const date = new Date(y!, mo! - 1, d, h, mi, s);
  return Number.isNaN(date.getTime()) ? null : date;
}

function lastPrintStatus(d: Diagnostics): CheckStatus {
  const { lastSuccess, lastFailure } = d.prints;
  if (!lastFailure) return lastSuccess ? 'ok' : 'unknown';
  if (!lastSuccess) return 'attention';
  return Date.parse(lastSuccess) >= Date.parse(lastFailure.at) ? 'ok' : 'attention';
}

function contentStatus(d: Diagnostics, now: Date): CheckStatus {
  const checked = Date.parse(`${d.content.checkedAsOf}T00:00:00Z`);
  if (Number.isNaN(checked)) return 'unknown';
  const limit = d.contentMaxAgeDays ?? CONTENT_MAX_AGE_DAYS;
  return now.getTime() - checked <= limit * DAY_MS ? 'ok' : 'attention';
}

function errorsStatus(d: Diagnostics, now: Date): CheckStatus {
  const since = now.getTime() - RECENT_ERROR_HOURS * 60 * 60 * 1000;
  const recent = d.recentErrors.some((e) => {
    const t = logTime(e.at);
    return e.level === 'error' && t !== null && t.getTime() >= since;
  });
  return recent ? 'attention' : 'ok';
}

/** Each check of the readiness report, in the order it is printed. */
export function readinessChecks({
  diagnostics: d,
  printer,
  now,
}: ReadinessInput): ReadinessCheck[] {
  return [
    { id: 'printer', status: printer === null ? 'unknown' : printer.ready ? 'ok' : 'attention' },
    { id: 'last-print', status: lastPrintStatus(d) },
    {
      id: 'disk',
      status:
        d.freeDiskBytes === null
          ? 'unknown'
          : d.freeDiskBytes >= MIN_FREE_DISK_BYTES
            ? 'ok'
            : 'attention',
    },
    { id: 'errors', status: errorsStatus(d, now) },
    { id: 'content', status: contentStatus(d, now) },
    { id: 'app-hash', status: d.appSha256 === null ? 'unknown' : 'ok' },
  ];
}

/** Ready: no check asks for attention (one that cannot be known here does not hold it up). */
export function isReady(checks: readonly ReadinessCheck[]): boolean {
  return checks.every((c) => c.status !== 'attention');
}

/** The first line of the auditor's text: what it is and the format's version. */
export const AUDIT_HEADER = 'CitizenSec Kiosk hashes v1';

/** Where a hash could not be computed. */
export const NO_HASH = 'unavailable';

/**
 * The text of the auditor's QR code, three lines, exactly as `npm run hashes` prints the released
 * values, so that an auditor compares the two by eye or with diff:
 *
 *     CitizenSec Kiosk hashes v1
 *     app 0.1.0 sha256:<64 hex digits>
 *     content 2026-02-17 sha256:<64 hex digits>
 */
export function auditText(h: {
  readonly version: string;
  readonly appSha256: string | null;
  readonly checkedAsOf: string;
  readonly contentSha256: string | null;
}): string {
  return [
    AUDIT_HEADER,
    `app ${h.version} sha256:${h.appSha256 ?? NO_HASH}`,
    `content ${h.checkedAsOf} sha256:${h.contentSha256 ?? NO_HASH}`,
  ].join('\n');
}

/** Bytes as staff read them: "12.3 GB", "850 MB". */
export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1024) return `${(mb / 1024).toFixed(1)} GB`;
  return `${Math.floor(mb)} MB`;
}

/** A time as staff and IT read it on the kiosk: "2026-11-25 09:05", in the kiosk's local time. */
export function localTime(time: string | Date): string {
  const d = typeof time === 'string' ? new Date(time) : time;
  if (Number.isNaN(d.getTime())) return String(time);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
