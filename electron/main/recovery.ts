import type { BrowserWindow, RenderProcessGoneDetails } from 'electron';

/**
 * A renderer that crashes or hangs is reloaded to the attract screen with the visit discarded.
 * Crashes are weighed by how recent they are: each adds 1 to a score that halves every
 * CRASH_HALF_LIFE_MS, and a score past MAX_CRASH_SCORE means something is broken for good (a
 * crash every couple of minutes trips it as surely as four in a row). The kiosk then shows a
 * static "out of service" page instead of crashing in a loop in front of visitors, and tries
 * the page again on its own, after RETRY_FIRST_MS, then twice as long each time, up to
 * RETRY_MAX_MS.
 */
export const MAX_CRASH_SCORE = 3;
export const CRASH_HALF_LIFE_MS = 10 * 60_000;
export const RETRY_FIRST_MS = 5 * 60_000;
export const RETRY_MAX_MS = 60 * 60_000;

export class CrashGuard {
  private score = 0;
  private last = 0;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Records a crash; says whether to try again or give up. */
  record(): 'reload' | 'out-of-service' {
    const t = this.now();
    this.score = this.score * 0.5 ** ((t - this.last) / CRASH_HALF_LIFE_MS) + 1;
    this.last = t;
    return this.score > MAX_CRASH_SCORE ? 'out-of-service' : 'reload';
  }

  /** A retry from out of service starts just below the cap: one more crash soon gives up again. */
  retrying(): void {
    this.score = Math.min(this.score, MAX_CRASH_SCORE);
    this.last = this.now();
  }
}

/** The page shown when the kiosk gives up: static, bilingual, nothing to load. */
export const OUT_OF_SERVICE_URL = `data:text/html;charset=utf-8,${encodeURIComponent(`<!doctype html>
<html><head><meta charset="utf-8"><title>CitizenSec</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body{margin:0;height:100vh;display:grid;place-items:center;background:#f6f4ef;color:#1c2126;
font:32px/1.4 sans-serif;text-align:center}p{margin:.4em}</style></head><body><div>
<p lang="kk">Терминал уақытша жұмыс істемейді. Қызметкерге хабарласыңыз.</p>
<p lang="ru">Терминал временно не работает. Обратитесь к сотруднику.</p>
<p lang="en">This kiosk is out of service. Please ask a member of staff.</p>
</div></body></html>`)}`;

export interface RecoveryOptions {
  readonly pageUrl: string;
  readonly guard: CrashGuard;
  readonly log: (m: string) => void;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (timer: unknown) => void;
  /** Hears each crash or hang of the page (the health metrics). */
  readonly onCrash?: () => void;
  /** Hears the kiosk go out of service (true) and try the page again (false). */
  readonly onOutOfService?: (outOfService: boolean) => void;
}

/**
 * Watches the kiosk window's renderer: a crash reloads the page; a hang first crashes the stuck
 * renderer (a reload alone can wait on it for ever), and its crash then reloads; a crash loop
 * puts the kiosk out of service, from which it tries the page again on a timer with back-off.
 * While out of service, a crash of the static page changes nothing: only the timer brings the
 * kiosk back.
 */
export function watchRenderer(
  win: Pick<BrowserWindow, 'on' | 'webContents' | 'loadURL'>,
  opts: RecoveryOptions,
): void {
  const setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = opts.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  let outOfService = false;
  let retryMs = RETRY_FIRST_MS;
  let retry: unknown;

  const scheduleRetry = () => {
    clearTimer(retry);
    opts.log(`recovery: out of service; trying the page again in ${Math.round(retryMs / 1000)} s`);
    retry = setTimer(() => {
      opts.log('recovery: trying the page again');
      outOfService = false;
      opts.onOutOfService?.(false);
      opts.guard.retrying();
      void win.loadURL(opts.pageUrl);
    }, retryMs);
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
  };

  const recover = (why: string) => {
    opts.onCrash?.();
    if (outOfService) {
      opts.log(`recovery: renderer ${why} while out of service`);
      return;
    }
    const decision = opts.guard.record();
    opts.log(`recovery: renderer ${why}; ${decision}`);
    if (decision === 'reload') {
      void win.loadURL(opts.pageUrl);
      return;
    }
    outOfService = true;
    opts.onOutOfService?.(true);
    void win.loadURL(OUT_OF_SERVICE_URL);
    scheduleRetry();
  };
  win.webContents.on('render-process-gone', (_event, details: RenderProcessGoneDetails) => {
    // A clean exit happens when the window closes; anything else is a crash to recover from.
    if (details.reason !== 'clean-exit') recover(`gone (${details.reason})`);
  });
  win.on('unresponsive', () => {
    const contents = win.webContents as { forcefullyCrashRenderer?: () => void };
    if (typeof contents.forcefullyCrashRenderer === 'function') {
      opts.log('recovery: renderer unresponsive; crashing it to start afresh');
      // Its 'render-process-gone' then reloads the page, or puts the kiosk out of service.
      contents.forcefullyCrashRenderer();
    } else recover('unresponsive');
  });
}
