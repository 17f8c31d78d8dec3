import { CupsUnavailableError, type Cups } from './cups';

/*
 * A visitor's sheet must come out while they stand at the kiosk or never. CUPS keeps a job it
 * was given until it prints: a scheduler that stops mid-job reloads the job when it starts
 * again and prints it minutes later, in front of someone else; and after a job ends CUPS keeps
 * its document (PreserveJobFiles, a day by default), from which it can be printed again. So
 * every job of the kiosk is removed, document and all, as soon as it ends however it ends, and
 * a job the kiosk lost track of is removed as soon as CUPS answers again:
 *
 * - `end(id)`: the kiosk is done with a job (printed, failed, cancelled, timed out): purge it.
 * - `lost()`: CUPS stopped answering, or `lp` failed half-way: purge every job of the kiosk's
 *   own user once CUPS answers, retrying every SWEEP_RETRY_FAST_MS, later SWEEP_RETRY_SLOW_MS.
 * - `startUp()`: the kiosk (re)started, perhaps after a crash mid-job: the same sweep.
 * - `run(print)`: prints one at a time; a sweep never runs during a print, so it cannot remove
 *   the job being printed, and a print waits for a sweep under way.
 *
 * Where the scheduler's policy refuses the kiosk's user a purge, the job is at least cancelled,
 * and if CUPS says it still keeps the document, `keepsSheets` is set for the staff screen.
 */

export const SWEEP_RETRY_FAST_MS = 500;
export const SWEEP_RETRY_SLOW_MS = 5_000;
/** How long to retry fast before slowing down: CUPS restarts in seconds when it does. */
export const SWEEP_FAST_FOR_MS = 2 * 60_000;

export type ReaperCups = Pick<Cups, 'ownJobs' | 'purgeJob' | 'cancelJob' | 'jobStatus'>;

export interface ReaperOptions {
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (timer: unknown) => void;
  readonly now?: () => number;
}

export class JobReaper {
  private printing: Promise<unknown> | null = null;
  private sweeping: Promise<void> | null = null;
  private pending = false;
  private pendingSince = 0;
  private timer: unknown = null;
  private keeps = false;
  private waitingLogged = false;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;
  private readonly now: () => number;

  constructor(
    private readonly cups: ReaperCups,
    private readonly log: (message: string) => void,
    options: ReaperOptions = {},
  ) {
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer =
      options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
    this.now = options.now ?? (() => performance.now());
  }

  /** Whether the print system kept the document of a finished sheet the kiosk could not remove. */
  get keepsSheets(): boolean {
    return this.keeps;
  }

  /** Whether some job still waits to be removed (CUPS has not answered since it was lost). */
  get owesSweep(): boolean {
    return this.pending;
  }

  /** Runs one print; a sweep under way finishes first, and none starts until the print ends. */
  async run<T>(print: () => Promise<T>): Promise<T> {
    while (this.printing) await this.printing.catch(() => {});
    const job = (async () => {
      if (this.sweeping) await this.sweeping;
      return print();
    })();
    this.printing = job;
    try {
      return await job;
    } finally {
      this.printing = null;
      if (this.pending) this.sweepNow();
    }
  }

  /** The kiosk is done with this job: remove it and its document now, or once CUPS answers. */
  async end(jobId: number): Promise<void> {
    try {
      await this.remove(jobId);
    } catch (err) {
      this.log(`print: job ${jobId} could not be removed yet: ${(err as Error).message}`);
      this.lost();
    }
  }

  /** Some job of the kiosk's may be left in CUPS: remove all of them as soon as it answers. */
  lost(): void {
    if (!this.pending) this.pendingSince = this.now();
    this.pending = true;
    if (!this.printing) this.sweepNow();
  }

  /** At start: a job left from before (a crash mid-print, a power cut) is removed. */
  startUp(): void {
    this.lost();
  }

  private sweepNow(): void {
    this.clearTimer(this.timer);
    this.timer = null;
    if (this.sweeping || this.printing) return;
    this.sweeping = this.sweep().finally(() => {
      this.sweeping = null;
    });
  }

  private async sweep(): Promise<void> {
    try {
      const ids = await this.cups.ownJobs();
      for (const id of ids) {
        try {
          await this.remove(id);
        } catch (err) {
          if (err instanceof CupsUnavailableError) throw err;
          this.log(`print: job ${id} could not be removed: ${(err as Error).message}`);
        }
      }
      if (ids.length) this.log(`print: removed ${ids.length} job(s) left in the print system`);
      this.pending = false;
      this.waitingLogged = false;
    } catch (err) {
      if (!this.waitingLogged)
        this.log(`print: jobs to remove once the print system answers: ${(err as Error).message}`);
      this.waitingLogged = true;
      const fast = this.now() - this.pendingSince < SWEEP_FAST_FOR_MS;
      this.timer = this.setTimer(
        () => this.sweepNow(),
        fast ? SWEEP_RETRY_FAST_MS : SWEEP_RETRY_SLOW_MS,
      );
    }
  }

  /** Purges one job; where that is refused, cancels it and notes whether CUPS kept its document. */
  private async remove(jobId: number): Promise<void> {
    const result = await this.cups.purgeJob(jobId);
    if (result !== 'refused') {
      // A job purged while it prints is stopped and its document removed at once, but CUPS
      // keeps a record of it as cancelled until it is purged again.
      if (result === 'purged') await this.cups.purgeJob(jobId);
      this.keeps = false;
      return;
    }
    await this.cups.cancelJob(jobId).catch(() => {
      // A job that has already ended cannot be cancelled; what matters is whether it is kept.
    });
    const { preserved } = await this.cups.jobStatus(jobId);
    this.keeps = preserved;
    this.log(
      `print: the print system refused to remove job ${jobId}` +
        (preserved ? '; it keeps the sheet (PreserveJobFiles), see docs/printing.md' : ''),
    );
  }
}
