import type { BrowserWindow, RenderProcessGoneDetails } from 'electron';

/**
 * A renderer that crashes or hangs is reloaded to the attract screen with the visit discarded;
 * more than MAX_CRASHES within CRASH_WINDOW_MS means something is broken for good, and the kiosk
 * shows a static "out of service" page instead of crashing in a loop in front of visitors.
 */
export const MAX_CRASHES = 3;
export const CRASH_WINDOW_MS = 5 * 60_000;

export class CrashGuard {
  private times: number[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Records a crash; says whether to try again or give up. */
  record(): 'reload' | 'out-of-service' {
    const t = this.now();
    this.times = [...this.times.filter((x) => t - x < CRASH_WINDOW_MS), t];
    return this.times.length > MAX_CRASHES ? 'out-of-service' : 'reload';
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

export function watchRenderer(
  win: Pick<BrowserWindow, 'on' | 'webContents' | 'loadURL'>,
  opts: { pageUrl: string; guard: CrashGuard; log: (m: string) => void },
): void {
  const recover = (why: string) => {
    const decision = opts.guard.record();
    opts.log(`recovery: renderer ${why}; ${decision}`);
    void win.loadURL(decision === 'reload' ? opts.pageUrl : OUT_OF_SERVICE_URL);
  };
  win.webContents.on('render-process-gone', (_event, details: RenderProcessGoneDetails) => {
    // A clean exit happens when the window closes; anything else is a crash to recover from.
    if (details.reason !== 'clean-exit') recover(`gone (${details.reason})`);
  });
  win.on('unresponsive', () => recover('unresponsive'));
}
