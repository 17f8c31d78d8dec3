import * as fs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic, type FileOps } from '../data-file';
import type { LogFn } from '../log';

/** The file is rewritten this often, so its heartbeat shows the kiosk alive (rules: 180 s). */
export const METRICS_INTERVAL_MS = 60_000;

/**
 * node_exporter runs as its own user and must read the file; it holds no personal data.
 * (The temporary file is created with this mode too, then renamed, so it never changes.)
 */
export const METRICS_FILE_MODE = 0o644;

export interface MetricsWriterOptions {
  /** Absolute, ending in `.prom` (checked by IT's policy). */
  readonly file: string;
  readonly render: () => string;
  readonly log: LogFn;
  /** Runs each minute before the write: main checks the printer itself. */
  readonly tick?: () => void;
  readonly ops?: FileOps;
  readonly setInterval?: (fn: () => void, ms: number) => unknown;
  readonly clearInterval?: (timer: unknown) => void;
}

/**
 * Writes the metrics file every METRICS_INTERVAL_MS and whenever asked (on events), atomically:
 * the text goes to `<file>.<pid>.tmp` in the same folder, which the textfile collector ignores
 * (it reads only `*.prom`), and is renamed over the file, so a scrape never sees half a file. A
 * write that fails (a missing folder the kiosk may not create, a full disk, no permission) is
 * logged once for each kind of failure, not each minute, and never throws: monitoring must not
 * take the kiosk down. A write that works again after a failure is logged once too.
 */
export class MetricsWriter {
  private timer: unknown = null;
  /** Kinds of failed writes already logged, until a write works again. */
  private readonly failuresLogged = new Set<string>();
  /** Whether the minute's check failing was logged, until it works again. */
  private tickFailureLogged = false;

  constructor(private readonly opts: MetricsWriterOptions) {}

  /** Removes a temporary file of this writer's that a power cut left, writes, starts the timer. */
  start(): void {
    this.removeLeftovers();
    this.write();
    const every = this.opts.setInterval ?? ((fn, ms) => setInterval(fn, ms));
    this.timer = every(() => {
      try {
        this.opts.tick?.();
        this.tickFailureLogged = false;
      } catch (err) {
        if (!this.tickFailureLogged)
          this.opts.log(`metrics: the minute's check failed: ${(err as Error).message}`);
        this.tickFailureLogged = true;
      }
      this.write();
    }, METRICS_INTERVAL_MS);
  }

  /** Stops the timer; `finalWrite` first writes once more (the quitting kiosk says up 0). */
  stop(finalWrite = false): void {
    if (this.timer !== null)
      (this.opts.clearInterval ?? ((t) => clearInterval(t as never)))(this.timer);
    this.timer = null;
    if (finalWrite) this.write();
  }

  /** Writes the file now; returns whether it was written. Never throws. */
  write(): boolean {
    let text: string;
    try {
      text = this.opts.render();
    } catch (err) {
      this.failed('render', `metrics: cannot render: ${(err as Error).message}`);
      return false;
    }
    try {
      writeFileAtomic(this.opts.file, text, this.opts.ops ?? fs, METRICS_FILE_MODE);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      this.failed(
        code,
        `metrics: cannot write ${this.opts.file} (${code}): ${(err as Error).message}`,
      );
      return false;
    }
    if (this.failuresLogged.size > 0) {
      this.failuresLogged.clear();
      this.opts.log(`metrics: writing ${this.opts.file} again`);
    }
    return true;
  }

  private failed(kind: string, message: string): void {
    if (this.failuresLogged.has(kind)) return;
    this.failuresLogged.add(kind);
    this.opts.log(message);
  }

  private removeLeftovers(): void {
    const dir = dirname(this.opts.file);
    const own = new RegExp(`^${escapeRegExp(basename(this.opts.file))}\\.\\d+\\.tmp$`);
    try {
      for (const name of fs.readdirSync(dir))
        if (own.test(name)) fs.rmSync(join(dir, name), { force: true });
    } catch {
      // No folder yet, or not readable: the write says so.
    }
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
