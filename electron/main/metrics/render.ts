import { PRINT_PROBLEMS, type PrintProblem } from '../../../core/kiosk/kiosk-api';

/*
 * The kiosk's health in Prometheus' text exposition format (version 0.0.4), for node_exporter's
 * textfile collector (docs/deploy.md, Monitoring). Every name starts with `citizensec_kiosk_`.
 * Nothing here can carry personal data: values are numbers, and the only labels are a printer
 * problem from a closed list and two version strings cut to a safe character set. Visitors'
 * answers, printer names, kiosk names and paths never become labels.
 */

export const METRIC_PREFIX = 'citizensec_kiosk_';

/** The closed list the `problem` label takes: every print problem, in a fixed order. */
export const PRINTER_PROBLEMS = PRINT_PROBLEMS;

/** A version label's value: letters, digits, `.`, `_`, `+`, `-`; at most 64 characters. */
const SAFE_LABEL = /^[0-9A-Za-z][0-9A-Za-z._+-]{0,63}$/;
/** What a version label says when its value is not one it may carry. */
export const INVALID_LABEL = 'invalid';

/** A label value as written: the value if it is safe, otherwise `invalid`. */
export function safeLabel(value: string): string {
  return SAFE_LABEL.test(value) ? value : INVALID_LABEL;
}

/** How old content may be before it counts as stale, unless IT's policy says otherwise. */
export const DEFAULT_CONTENT_STALE_AFTER_DAYS = 180;

const DAY_MS = 86_400_000;

/** Everything one metrics file says, gathered by KioskHealth (health.ts). */
export interface HealthSnapshot {
  /** When the file is written: the heartbeat. */
  readonly nowMs: number;
  readonly startedMs: number;
  /** Whether the kiosk is running; a clean quit writes 0 as its last word. */
  readonly up: boolean;
  readonly appVersion: string;
  /** The active content: its version and its checked-as-of date (YYYY-MM-DD). */
  readonly content: { readonly version: string; readonly checkedAsOf: string };
  readonly contentStaleAfterDays: number;
  /** The printer as last checked; null until the first check. */
  readonly printer: { readonly ready: boolean; readonly problem: PrintProblem | null } | null;
  readonly lastPrintSuccessMs: number | null;
  readonly printsTotal: number;
  readonly printFailuresTotal: number;
  readonly rendererCrashesTotal: number;
  readonly outOfService: boolean;
  readonly visitsToday: number;
  readonly visitsFinishedToday: number;
  readonly staffLoginsTotal: number;
  readonly staffLockoutsTotal: number;
}

/** The content's age in whole days, or null if its date is not a real YYYY-MM-DD. */
export function contentAgeDays(checkedAsOf: string, nowMs: number): number | null {
  const ms = checkedAsOfMs(checkedAsOf);
  return ms === null ? null : Math.max(0, Math.floor((nowMs - ms) / DAY_MS));
}

function checkedAsOfMs(date: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const ms = Date.parse(`${date}T00:00:00Z`);
  // Date.parse rolls 2026-02-31 over to March; a date that does not come back the same is wrong.
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === date ? ms : null;
}

type MetricType = 'gauge' | 'counter';

interface Family {
  readonly name: string;
  readonly type: MetricType;
  readonly help: string;
  readonly samples: readonly { readonly labels?: string; readonly value: number }[];
}

const seconds = (ms: number) => Math.floor(ms / 1000);
const flag = (b: boolean) => (b ? 1 : 0);
/** A count as written: a whole number, never negative, never NaN. */
const count = (n: number) => (Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);

function families(s: HealthSnapshot): Family[] {
  const one = (
    name: string,
    type: MetricType,
    help: string,
    value: number,
    labels?: string,
  ): Family => ({ name, type, help, samples: [{ labels, value }] });
  const ageDays = contentAgeDays(s.content.checkedAsOf, s.nowMs);
  const checkedMs = checkedAsOfMs(s.content.checkedAsOf);
  // Content whose date cannot be read cannot be vouched for: it counts as stale.
  const stale = ageDays === null || ageDays > s.contentStaleAfterDays;
  const out: Family[] = [
    one(
      'up',
      'gauge',
      'Whether the kiosk app is running (0 is written on a clean quit).',
      flag(s.up),
    ),
    one(
      'heartbeat_timestamp_seconds',
      'gauge',
      'When the kiosk last wrote this file (Unix time); it writes every 60 s.',
      seconds(s.nowMs),
    ),
    one(
      'start_time_seconds',
      'gauge',
      'When the kiosk app started (Unix time).',
      seconds(s.startedMs),
    ),
    one(
      'build_info',
      'gauge',
      'The app version running, as a label; always 1.',
      1,
      `version="${safeLabel(s.appVersion)}"`,
    ),
    one(
      'content_info',
      'gauge',
      'The content version in use, as a label; always 1.',
      1,
      `content_version="${safeLabel(s.content.version)}"`,
    ),
  ];
  if (checkedMs !== null && ageDays !== null)
    out.push(
      one(
        'content_checked_timestamp_seconds',
        'gauge',
        'The day the content in use was last checked against official sources (Unix time).',
        seconds(checkedMs),
      ),
      // In seconds, Prometheus' base unit (promtool refuses `_days`): days are this / 86400.
      one(
        'content_age_seconds',
        'gauge',
        'Time since the content in use was last checked (its checked-as-of day, 00:00 UTC).',
        Math.max(0, seconds(s.nowMs - checkedMs)),
      ),
    );
  out.push(
    one(
      'content_stale_after_seconds',
      'gauge',
      'The content age past which content counts as stale (IT policy; default 180 days).',
      count(s.contentStaleAfterDays) * 86_400,
    ),
    one(
      'content_stale',
      'gauge',
      'Whether the content in use is older than the stale limit, or its date cannot be read.',
      flag(stale),
    ),
  );
  if (s.printer !== null) {
    const problem = s.printer.ready ? null : (s.printer.problem ?? 'printer-needs-attention');
    out.push(
      one(
        'printer_ready',
        'gauge',
        'Whether the printer was ready when last checked.',
        flag(s.printer.ready),
      ),
      {
        name: 'printer_problem',
        type: 'gauge',
        help: 'The printer problem when last checked: 1 for the current one, 0 for the others.',
        samples: PRINTER_PROBLEMS.map((p) => ({
          labels: `problem="${p}"`,
          value: flag(p === problem),
        })),
      },
    );
  }
  out.push(
    one(
      'last_print_success_timestamp_seconds',
      'gauge',
      'When a print last succeeded (Unix time); 0 if never.',
      s.lastPrintSuccessMs === null ? 0 : seconds(s.lastPrintSuccessMs),
    ),
    one(
      'prints_total',
      'counter',
      'Prints that succeeded since the app started.',
      count(s.printsTotal),
    ),
    one(
      'print_failures_total',
      'counter',
      'Prints that failed since the app started.',
      count(s.printFailuresTotal),
    ),
    one(
      'renderer_crashes_total',
      'counter',
      'Crashes or hangs of the kiosk page since the app started.',
      count(s.rendererCrashesTotal),
    ),
    one(
      'out_of_service',
      'gauge',
      'Whether the kiosk shows its out-of-service page after a crash loop.',
      flag(s.outOfService),
    ),
    one('visits_today', 'gauge', 'Visits started today (kiosk local date).', count(s.visitsToday)),
    one(
      'visits_finished_today',
      'gauge',
      'Visits today that reached the summary (kiosk local date).',
      count(s.visitsFinishedToday),
    ),
    one(
      'staff_logins_total',
      'counter',
      'Staff PIN entries accepted since the app started.',
      count(s.staffLoginsTotal),
    ),
    one(
      'staff_lockouts_total',
      'counter',
      'Times wrong PINs or setup codes locked staff entry since the app started.',
      count(s.staffLockoutsTotal),
    ),
  );
  return out;
}

/** The metrics file's text: a HELP and a TYPE line, then the samples, for each metric. */
export function renderMetrics(s: HealthSnapshot): string {
  const lines: string[] = [];
  for (const f of families(s)) {
    const name = METRIC_PREFIX + f.name;
    lines.push(`# HELP ${name} ${f.help}`, `# TYPE ${name} ${f.type}`);
    for (const { labels, value } of f.samples)
      lines.push(`${name}${labels ? `{${labels}}` : ''} ${value}`);
  }
  return `${lines.join('\n')}\n`;
}
