import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join, parse } from 'node:path';
import type { LogEntry } from '../../../core/kiosk/kiosk-api';
import { LOG_FILE_NAME, redact } from '../log';

/** How many of the newest warnings and errors "Check this kiosk" shows. */
export const RECENT_ERRORS = 20;
/** How much of the end of each log file is read: enough for many entries, never the whole file. */
export const TAIL_BYTES = 256 * 1024;
/** A shown entry's longest text; the log keeps the rest. */
export const ENTRY_TEXT_MAX = 300;

/**
 * A URL's query and fragment: a refused navigation is logged with its URL, and a link may carry a
 * visit's plan in its fragment (core/visit/plan-link.ts). Shown, only the address before it.
 */
const URL_TAIL = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s?#]*)[?#]\S*/gi;

/** A line as configureLogger writes it: `[2026-11-25 09:05:00.123] [warn] text`. */
const LINE = /^\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)(?:\.\d+)?\] \[(warn|error)\] (.*)$/;

/**
 * The warnings and errors in a piece of the log, oldest first, as time, level and text only.
 * Lines of other levels, a stack trace's continuation lines and anything not in the log's own
 * format are left out; each text is redacted again (the log was redacted when written; this
 * guards against a file written some other way), loses any URL's query and fragment, and is cut
 * to ENTRY_TEXT_MAX characters.
 */
export function parseLogEntries(text: string): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = LINE.exec(line);
    if (!m) continue;
    const body = redact(m[3]!.slice(0, 4 * ENTRY_TEXT_MAX))
      .replace(URL_TAIL, '$1…')
      .slice(0, ENTRY_TEXT_MAX);
    entries.push({ at: m[1]!, level: m[2] as LogEntry['level'], text: body });
  }
  return entries;
}

/** The last `bytes` of a file (from a line's start), or '' if it cannot be read. */
function tail(path: string, bytes: number): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return '';
  }
  try {
    const size = fstatSync(fd).size;
    const start = Math.max(0, size - bytes);
    const buf = Buffer.alloc(size - start);
    const n = readSync(fd, buf, 0, buf.length, start);
    const text = buf.subarray(0, n).toString('utf8');
    // A read that starts mid-file starts mid-line: that first part line is dropped.
    return start > 0 ? text.slice(text.indexOf('\n') + 1) : text;
  } catch {
    return '';
  } finally {
    closeSync(fd);
  }
}

/**
 * The newest `count` warnings and errors in the log folder, oldest first: from `main.log` and, if
 * that holds too few, the file rotated before it (`main.1.log`).
 */
export function recentErrors(logDir: string, count: number = RECENT_ERRORS): LogEntry[] {
  const { name, ext } = parse(LOG_FILE_NAME);
  const current = parseLogEntries(tail(join(logDir, LOG_FILE_NAME), TAIL_BYTES));
  const entries =
    current.length >= count
      ? current
      : [...parseLogEntries(tail(join(logDir, `${name}.1${ext}`), TAIL_BYTES)), ...current];
  return entries.slice(-count);
}
