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

/**
 * Long runs of digits are masked before anything is written: main never receives what a visitor
 * typed, but a phone number, an IIN or a card number must not reach a log even by mistake (in a
 * system error's text, say). Short numbers (job ids, counts, exit codes) stay readable.
 */
export function redact(text: string): string {
  return text.replace(/\+?\d[\d\s()-]*\d/g, (m) =>
    m.replace(/\D/g, '').length >= 6 ? '[number]' : m,
  );
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
    data: message.data.map((d) => redact(typeof d === 'string' ? d : String(d))),
  }));
  return {
    info: (m) => log.info(m),
    warn: (m) => log.warn(m),
    error: (m) => log.error(m),
  };
}
