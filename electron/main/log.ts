import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, parse } from 'node:path';
import type { NodeLogger } from 'electron-log';

/** How main modules report: one plain line, never an object that could carry a payload. */
export type LogFn = (message: string) => void;

export interface Logger {
  readonly info: LogFn;
  readonly warn: LogFn;
  readonly error: LogFn;
}

export const LOG_FILE_NAME = 'main.log';
/** A file is rotated when it passes this size… */
export const MAX_LOG_BYTES = 1024 * 1024;
/** …and this many rotated files are kept beside the current one: at most 6 MiB of logs. */
export const KEPT_LOG_FILES = 5;

/**
 * Rotates `main.log` to `main.1.log`, `main.1.log` to `main.2.log` and so on, dropping the
 * oldest beyond `keep`. The current file is moved, not copied: the logger starts a new one.
 */
export function rotateLogFiles(file: string, keep: number = KEPT_LOG_FILES): void {
  const { dir, name, ext } = parse(file);
  const numbered = (n: number) => join(dir, `${name}.${n}${ext}`);
  rmSync(numbered(keep), { force: true });
  for (let n = keep - 1; n >= 1; n -= 1) {
    if (existsSync(numbered(n))) renameSync(numbered(n), numbered(n + 1));
  }
  if (keep >= 1) renameSync(file, numbered(1));
  else rmSync(file, { force: true });
}

/** The longest line written; the rest is cut, so a huge message cannot flood the log. */
export const MAX_LOG_LINE = 2_000;

/** Digits with at most two separators between them: "8701.0130.0123", "4400_4301_…", "+7 (701)…". */
const DIGIT_RUN = /\+?\d(?:[\s.\-_/()+]{0,2}\d)+/g;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** Dates and times the kiosk writes itself ("2026-11-25", "2026-11-25T09-05-00") stay readable. */
const OWN_STAMP = /\b20\d\d-[01]\d-[0-3]\d(?:T[0-2]\d[-:][0-5]\d[-:][0-5]\d)?\b/g;

/**
 * Anything that could identify a person is masked before it is written: main never receives what
 * a visitor typed, but a phone number, an IIN, a card number or an e-mail address must not reach
 * a log even by mistake (in a system error's text, say). Digits count however they are written
 * (full-width digits, dots, underscores or spaces between groups); six or more in one run are
 * masked. Short numbers (job ids, counts, exit codes) and the kiosk's own dates stay readable.
 */
export function redact(text: string): string {
  const stamps: string[] = [];
  const kept = text
    .normalize('NFKC')
    // A private-use mark holds each kept stamp's place; any such mark in the text itself goes.
    .replace(/\uE000/g, '')
    .replace(OWN_STAMP, (m) => `\uE000${stamps.push(m) - 1}\uE000`)
    // Only where there is an @: the pattern is slow on a long line without one.
    .replace(text.includes('@') || text.includes('＠') ? EMAIL : /(?!)/g, '[email]')
    .replace(DIGIT_RUN, (m) => (m.replace(/\D/g, '').length >= 6 ? '[number]' : m));
  return kept.replace(/\uE000(\d+)\uE000/g, (_, i: string) => stamps[Number(i)]!);
}

/** A line as written: masked, and cut at MAX_LOG_LINE characters. */
export function logLine(text: string): string {
  const line = redact(text.length > 4 * MAX_LOG_LINE ? text.slice(0, 4 * MAX_LOG_LINE) : text);
  return line.length > MAX_LOG_LINE
    ? `${line.slice(0, MAX_LOG_LINE)}… [${text.length - MAX_LOG_LINE} more characters cut]`
    : line;
}

/**
 * Points an electron-log logger at `<dir>/main.log`, rotated at MAX_LOG_BYTES with
 * KEPT_LOG_FILES kept, with every message redacted. The console gets warnings and errors only
 * (under systemd they reach the journal); the file gets everything from `info` up.
 */
export function configureLogger(log: NodeLogger, dir: string, development: boolean): Logger {
  const file = log.transports.file;
  file.resolvePathFn = () => join(dir, LOG_FILE_NAME);
  file.maxSize = MAX_LOG_BYTES;
  file.level = 'info';
  file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}] {text}';
  file.archiveLogFn = (old) => {
    try {
      rotateLogFiles(old.path);
    } catch {
      // A file that cannot be moved is cut to its newest quarter instead, so the disk never
      // fills. (electron-log's LogFile has crop() but its type does not declare it.)
      (old as unknown as { crop(bytesAfterCut: number): void }).crop(MAX_LOG_BYTES / 4);
    }
  };
  log.transports.console.level = development ? 'info' : 'warn';
  log.hooks.push((message) => ({
    ...message,
    data: message.data.map((d) => logLine(typeof d === 'string' ? d : String(d))),
  }));
  return {
    info: (m) => log.info(m),
    warn: (m) => log.warn(m),
    error: (m) => log.error(m),
  };
}
