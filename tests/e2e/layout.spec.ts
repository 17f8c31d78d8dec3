import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { answerTriage, expectedPlan } from './visit';
import type { Locale } from '../../core/locales';

const SCREENS = [
  { name: 'landscape-1080p', width: 1920, height: 1080 },
  { name: 'portrait-1080p', width: 1080, height: 1920 },
  { name: 'sxga-1280x1024', width: 1280, height: 1024 },
];

const answers = {
  shared: ['not-sure'],
  acted: ['not-sure'],
  money: ['not-sure'],
  loan: ['not-sure'],
};

/**
 * What a visitor would stumble on: the page wider than the screen, text below 24 px, a main
 * button (back, next, finish, a step's done / later / not relevant) under 64 px or not wholly on
 * screen, any control under 48 px or closer than 8 px to the next, or a button whose words do
 * not fit inside it.
 */
async function check(page: Page, testInfo: TestInfo, label: string): Promise<void> {
  const m = await page.evaluate(() => {
    const body = document.querySelector('main p, main li, .attract__promise');
    const visible = (e: Element) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
    };
    const main = [
      ...document.querySelectorAll<HTMLElement>(
        '[data-testid="next"], [data-testid="back"], [data-testid="finish"], [data-testid^="status-"]',
      ),
    ];
    // A control counts where it can be touched: not scrolled out of its region, not covered.
    const touchable = (e: Element) => {
      const r = e.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return hit !== null && e.contains(hit);
    };
    const controls = [...document.querySelectorAll<HTMLElement>('button, [role="button"]')]
      .filter(visible)
      .filter(touchable)
      .filter((b) => !b.closest('#print-root') && b.dataset.testid !== 'attract');
    // The part of a control that shows: a control half scrolled out is cut at its region's edge.
    const shown = (b: HTMLElement) => {
      const r = b.getBoundingClientRect();
      const region = b.closest('.screen__body')?.getBoundingClientRect();
      if (!region) return r;
      const top = Math.max(r.top, region.top);
      const bottom = Math.min(r.bottom, region.bottom);
      return { left: r.left, right: r.right, top, bottom, width: r.width, height: r.height };
    };
    const rects = controls.map((b) => ({
      id: b.dataset.testid ?? b.textContent?.trim() ?? '',
      r: shown(b),
    }));
    const tooClose: string[] = [];
    for (const [i, a] of rects.entries())
      for (const b of rects.slice(i + 1)) {
        const gapX = Math.max(b.r.left - a.r.right, a.r.left - b.r.right);
        const gapY = Math.max(b.r.top - a.r.bottom, a.r.top - b.r.bottom);
        if (Math.max(gapX, gapY) < 7.5) tooClose.push(`${a.id} / ${b.id}`);
      }
    return {
      overflowX: document.documentElement.scrollWidth - window.innerWidth,
      bodyPx: body ? parseFloat(getComputedStyle(body).fontSize) : 0,
      main: main.map((b) => {
        const r = b.getBoundingClientRect();
        return { h: r.height, inView: r.bottom <= window.innerHeight + 0.5 && r.top >= 0 };
      }),
      small: rects
        .filter(({ r }) => r.height < 47.5 || r.width < 47.5)
        .map(({ id, r }) => `${id} ${Math.round(r.width)}x${Math.round(r.height)}`),
      clipped: controls
        .filter((b) => b.scrollWidth > b.clientWidth + 1)
        .map((b) => b.dataset.testid ?? b.textContent?.trim()),
      tooClose,
    };
  });
  expect(m.overflowX, `${label}: horizontal overflow`).toBeLessThanOrEqual(0);
  // Screens of buttons only (the language choice) have no body text to measure.
  if (m.bodyPx > 0) expect(m.bodyPx, `${label}: body text size`).toBeGreaterThanOrEqual(24);
  for (const b of m.main) {
    expect(b.h, `${label}: button height`).toBeGreaterThanOrEqual(64);
    expect(b.inView, `${label}: button on screen`).toBe(true);
  }
  expect(m.small, `${label}: controls under 48 px`).toEqual([]);
  expect(m.clipped, `${label}: words that do not fit their button`).toEqual([]);
  expect(m.tooClose, `${label}: controls closer than 8 px`).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('screens', `${label}.png`) });
}

for (const size of SCREENS) {
  test.describe(`on a ${size.name} screen`, () => {
    test.use({ viewportSize: { width: size.width, height: size.height } });

    test('every screen fits, keeps its buttons in reach and its text large', async ({
      kiosk: page,
    }, testInfo) => {
      await check(page, testInfo, `${size.name}-attract`);
      await answerTriage(page, 'kk', answers);
      await check(page, testInfo, `${size.name}-overview`);
      await page.getByTestId('next').click();
      const plan = expectedPlan(answers);
      for (const [i, id] of plan.entries()) {
        await check(page, testInfo, `${size.name}-step-${String(i + 1).padStart(2, '0')}-${id}`);
        await page.getByTestId('next').click();
      }
      await check(page, testInfo, `${size.name}-summary`);
    });

    for (const locale of ['kk', 'ru', 'en'] as const satisfies readonly Locale[]) {
      test(`the largest text holds in ${locale}`, async ({ kiosk: page }, testInfo) => {
        await page.getByTestId('text-size').click();
        await page.getByTestId('text-size').click();
        await expect(page.locator('html')).toHaveAttribute('data-text-size', '2');
        const at = (s: string) => `${size.name}-largest-${locale}-${s}`;
        await check(page, testInfo, at('attract'));
        await answerTriage(page, locale, answers, async (name) => {
          if (name === '02-language' || name === '03-question-1')
            await check(page, testInfo, at(name));
        });
        await check(page, testInfo, at('overview'));
        await page.getByTestId('next').click();
        const plan = expectedPlan(answers);
        for (const [i, id] of plan.entries()) {
          if (['contact-bank', 'stop-credit', 'renew-eds', 'report-fraud'].includes(id))
            await check(page, testInfo, at(`step-${String(i + 1).padStart(2, '0')}-${id}`));
          await page.getByTestId('next').click();
        }
        await check(page, testInfo, at('summary'));
      });
    }
  });
}
