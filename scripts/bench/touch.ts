/**
 * Touch to the next screen painted. A real pointer input (the DevTools protocol's mouse events,
 * as a touchscreen's emulated mouse reaches the page), and in the page: the time of the release
 * (`pointerup`, where the button's click fires), a MutationObserver that sees the new screen's DOM
 * (a new screen's heading, or for a touch that stays on its screen, any change), then the
 * next `requestAnimationFrame` and the task after it, when that frame has been painted.
 */
import type { Page } from '@playwright/test';
import { throttle } from './start-up';

export interface Touch {
  /** The kind of screen the touch led to, or `same` when it stayed on its screen. */
  readonly kind: string;
  readonly testid: string;
  /** Release to the DOM showing the change, and to the frame after it painted. */
  readonly domMs: number;
  readonly paintMs: number;
}

/** What the page answers to the bench's calls (`window.__bench`). */
interface Armed {
  readonly x: number;
  readonly y: number;
}

/** Installs the in-page half once per document. A string, so that no build helper leaks in. */
const HARNESS = `(() => {
  if (window.__bench) return;
  // A new screen is a new heading (every screen's component is keyed, so even the next step's
  // heading is a new element); the attract screen has none, only its touch-anywhere button.
  const screenRoot = () =>
    document.querySelector('h1') ?? document.querySelector('[data-testid="attract"]');
  // What kind of screen is up, by what only that screen has.
  const MARKERS = [
    ['attract', '[data-testid="attract"]'],
    ['language', '[data-testid="language-kk"]'],
    ['triage', '[data-testid="option-not-sure"]'],
    ['overview', '[data-testid="intro"]'],
    ['step', '[data-testid="step-title"]'],
    ['summary', '[data-testid="print-plan"]'],
    ['preview', '[data-testid="preview"]'],
    ['goodbye', '[data-testid="goodbye-title"]'],
  ];
  const kindOf = () => MARKERS.find(([, sel]) => document.querySelector(sel))?.[0] ?? 'other';
  window.__bench = {
    screen() {
      return kindOf();
    },
    has(testid) {
      const el = document.querySelector('[data-testid="' + testid + '"]');
      return !!el && !el.disabled && el.getClientRects().length > 0;
    },
    arm(testid, waitFor) {
      const el = document.querySelector('[data-testid="' + testid + '"]');
      if (!el) throw new Error('no ' + testid + ' on screen');
      el.scrollIntoView({ block: 'nearest' });
      const r = el.getBoundingClientRect();
      const before = screenRoot();
      let released = null;
      document.addEventListener('pointerup', (e) => (released = e.timeStamp), { capture: true, once: true });
      this.result = new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error('nothing changed after a touch on ' + testid));
        }, 30000);
        const observer = new MutationObserver(() => {
          const now = screenRoot();
          if (waitFor === 'screen' && (!now || now === before)) return;
          observer.disconnect();
          clearTimeout(timer);
          const dom = performance.now();
          const kind = waitFor === 'screen' ? kindOf() : 'same';
          requestAnimationFrame(() =>
            setTimeout(() => resolve({ kind, released, dom, painted: performance.now() })),
          );
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      });
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
  };
})()`;

type Wait = 'screen' | 'same';

/**
 * A visitor reads before the next touch, for seconds: the page gets that time, up to a second,
 * until it is idle (an idle period of at least QUIET_MS, nothing of the page's left to run),
 * so a touch is not measured queued behind work the page does while the visitor reads (the sheet
 * laid out ahead), which a real visitor never waits for. Before `around` (a trace) starts, so
 * that a touch's trace holds the touch alone.
 */
const THINK_MAX_MS = 1000;
/** An idle period this long means the page has nothing left to do (the longest is 50 ms). */
const QUIET_MS = 40;

/** In the page; a string, as the harness is, so that no build helper leaks in. */
const UNTIL_QUIET = `new Promise((done) => {
  const until = performance.now() + ${THINK_MAX_MS};
  const wait = () =>
    requestIdleCallback(
      (idle) => (idle.timeRemaining() >= ${QUIET_MS} || performance.now() >= until ? done(null) : wait()),
      { timeout: Math.max(1, until - performance.now()) },
    );
  wait();
})`;

async function touch(page: Page, testid: string, waitFor: Wait): Promise<Touch> {
  const at = await page.evaluate<Armed, [string, Wait]>(
    ([id, w]) =>
      (window as unknown as { __bench: { arm: (id: string, w: Wait) => Armed } }).__bench.arm(
        id,
        w,
      ),
    [testid, waitFor],
  );
  await page.mouse.click(at.x, at.y);
  const r = await page.evaluate(
    () =>
      (
        window as unknown as {
          __bench: {
            result: Promise<{
              kind: string;
              released: number | null;
              dom: number;
              painted: number;
            }>;
          };
        }
      ).__bench.result,
  );
  if (r.released === null) throw new Error(`the touch on ${testid} did not reach the page`);
  return { kind: r.kind, testid, domMs: r.dom - r.released, paintMs: r.painted - r.released };
}

const screenOf = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __bench: { screen: () => string | null } }).__bench.screen(),
  );
const has = (page: Page, testid: string) =>
  page.evaluate(
    (id) => (window as unknown as { __bench: { has: (id: string) => boolean } }).__bench.has(id),
    testid,
  );

/**
 * One whole visit by touch (`around` each touch, to trace it): language, every question (an answer, then next), the overview,
 * every step (done where it can be, then next), the summary, the sheet's preview and back, and
 * finish. Locales and answers vary with `n`, so that plans of different lengths are measured.
 */
export async function touchVisit(
  page: Page,
  n: number,
  around: (run: () => Promise<Touch>) => Promise<Touch> = (run) => run(),
): Promise<Touch[]> {
  await page.evaluate(HARNESS);
  const out: Touch[] = [];
  const go = async (testid: string, waitFor: Wait = 'screen') => {
    await page.evaluate(UNTIL_QUIET);
    out.push(await around(() => touch(page, testid, waitFor)));
  };
  const locale = (['ru', 'kk', 'en'] as const)[n % 3]!;
  if ((await screenOf(page)) !== 'attract') throw new Error('a visit must start at attract');
  await go('attract');
  await go(`language-${locale}`);
  let question = 0;
  while ((await screenOf(page)) === 'triage') {
    const answers = n % 2 === 0 ? ['option-egov-code', 'option-yes'] : ['option-bank-code'];
    const answer = answers[question] ?? (question % 2 === 0 ? 'option-no' : 'option-not-sure');
    await go((await has(page, answer)) ? answer : 'option-not-sure', 'same');
    await go('next');
    question++;
  }
  await go('next'); // overview → first step
  while ((await screenOf(page)) === 'step') {
    if (await has(page, 'status-done')) await go('status-done', 'same');
    await go('next');
  }
  await go('print-plan'); // summary → preview
  await go('back'); // preview → summary
  await go('finish', 'same'); // the "finish without printing?" question
  await go('finish-leave');
  await go('done'); // goodbye → attract
  return out;
}

/** `visits` whole visits at a CPU throttling rate, after one unmeasured warm-up visit. */
export async function touchVisits(page: Page, rate: number, visits: number): Promise<Touch[]> {
  await throttle(page, rate);
  await touchVisit(page, 0);
  const all: Touch[] = [];
  for (let n = 1; n <= visits; n++) all.push(...(await touchVisit(page, n)));
  await throttle(page, 1);
  return all;
}
