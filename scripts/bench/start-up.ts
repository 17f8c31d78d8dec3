/**
 * Start-up: time from navigation to the page's `kiosk-interactive` mark (the attract screen is
 * mounted and answers a touch), for the kiosk and the blank Vue page, at a CPU throttling rate.
 */
import type { Browser, CDPSession, Page } from '@playwright/test';
import { profileFor, type Site } from './server';
import { median } from './stats';

export interface StartUp {
  readonly kiosk: number;
  readonly blank: number;
  readonly ratio: number;
}

/** Chrome's own CPU throttling, for this page's renderer: 1 is none, 4 is four times slower. */
export async function throttle(page: Page, rate: number): Promise<void> {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    sessions.set(page, cdp);
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/** One DevTools session per page, which keeps the throttling it set. */
const sessions = new WeakMap<Page, CDPSession>();

async function loadAndTime(page: Page, base: string, site: Site): Promise<number> {
  await page.goto(`${base}/${site}/`, { waitUntil: 'load' });
  const at = await page.waitForFunction(
    () => performance.getEntriesByName('kiosk-interactive')[0]?.startTime,
  );
  return (await at.jsonValue()) as number;
}

/**
 * Cold: each load in a fresh browser profile (no HTTP cache, no V8 code cache), the two pages
 * alternating. The first round warms the browser itself and is left out of both.
 */
export async function coldStartUp(
  browser: Browser,
  base: string,
  rate: number,
  rounds: number,
): Promise<StartUp> {
  const times: Record<Site, number[]> = { kiosk: [], blank: [] };
  for (let i = 0; i < rounds; i++) {
    for (const site of ['kiosk', 'blank'] as const) {
      const context = await profileFor(browser, site);
      const page = await context.newPage();
      await throttle(page, rate);
      times[site].push(await loadAndTime(page, base, site));
      await context.close();
    }
  }
  const kiosk = median(times.kiosk.slice(1));
  const blank = median(times.blank.slice(1));
  return { kiosk, blank, ratio: kiosk / blank };
}

/**
 * Warm: the page reloaded in one profile, as the kiosk starts after its first start (V8's code
 * cache and the HTTP cache filled; Electron keeps both in the data folder, and the app:// scheme
 * has the codeCache privilege).
 */
export async function warmStartUp(
  browser: Browser,
  base: string,
  rate: number,
  rounds: number,
): Promise<StartUp> {
  const result: Record<Site, number> = { kiosk: 0, blank: 0 };
  for (const site of ['kiosk', 'blank'] as const) {
    const context = await profileFor(browser, site);
    const page = await context.newPage();
    await throttle(page, rate);
    const times: number[] = [];
    for (let i = 0; i < rounds + 2; i++) times.push(await loadAndTime(page, base, site));
    // V8 caches code from the third load of a script on; those loads are the warm ones.
    result[site] = median(times.slice(3));
    await context.close();
  }
  return { ...result, ratio: result.kiosk / result.blank };
}
