import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { answerTriage } from './visit';
import { DEFAULT_IDLE } from '../../core/visit/idle';

test.use({ fakeClock: true });

const answers = { shared: ['eds', 'card'], money: ['yes'], loan: ['not-sure'] };
const seconds = (s: number) => s * 1000;

/** The seconds the warning's countdown shows (the fake clock also runs on in real time). */
async function countdown(page: Page): Promise<number> {
  const text = (await page.getByTestId('idle-countdown').textContent()) ?? '';
  return Number(/\d+/.exec(text)?.[0]);
}

/** Everything a visit could leave in the page and its storage, as plain data. */
async function traces(page: Page) {
  return page.evaluate(async () => ({
    text: document.body.innerText,
    checked: document.querySelectorAll(
      '[aria-checked="true"], [data-status="done"], [data-status="later"]',
    ).length,
    sessionStorage: Object.keys(sessionStorage),
    localStorage: Object.keys(localStorage).filter((k) => !k.startsWith('citizensec-kiosk:')),
    cookies: document.cookie,
    indexedDb: (await indexedDB.databases()).map((d) => d.name),
    history: history.length,
    scrolled: [...document.querySelectorAll('*')].filter((e) => e.scrollTop > 0).length,
  }));
}

/** A visit with answers and marks, left on a step that is read, not one with a phone call. */
async function visit(page: Page) {
  await answerTriage(page, 'ru', answers);
  await page.getByTestId('next').click();
  // The bank first (a call: the kiosk waits longest there), then Stop credit, read on screen.
  await page.getByTestId('status-done').click();
  await page.getByTestId('next').click();
  await page.getByTestId('status-later').click();
}

test('idle → warning → "I\'m still here" keeps the visit where it was', async ({ kiosk: page }) => {
  await visit(page);
  const title = await page.getByTestId('step-title').textContent();
  await page.clock.runFor(seconds(DEFAULT_IDLE.readingIdleSeconds - 5));
  await expect(page.getByTestId('idle-warning')).toBeHidden();
  await page.clock.runFor(seconds(6));
  await expect(page.getByTestId('idle-warning')).toBeVisible();
  expect(await countdown(page)).toBeGreaterThanOrEqual(DEFAULT_IDLE.warningSeconds - 3);
  await page.clock.runFor(seconds(10));
  await expect.poll(() => countdown(page)).toBeLessThanOrEqual(DEFAULT_IDLE.warningSeconds - 10);
  expect(await countdown(page)).toBeGreaterThanOrEqual(DEFAULT_IDLE.warningSeconds - 14);
  await page.getByTestId('still-here').click();
  await expect(page.getByTestId('idle-warning')).toBeHidden();
  await expect(page.getByTestId('step-title')).toHaveText(title!);
  await expect(page.getByTestId('status-later')).toHaveAttribute('aria-checked', 'true');
  // The timer started again: the full reading time passes before the next warning.
  await page.clock.runFor(seconds(DEFAULT_IDLE.readingIdleSeconds - 5));
  await expect(page.getByTestId('idle-warning')).toBeHidden();
});

test('idle → warning → reset wipes every trace of the visit', async ({ kiosk: page }) => {
  const fresh = await traces(page);
  await visit(page);
  await page.evaluate(() => document.querySelector('.screen__body')?.scrollTo(0, 200));
  await page.clock.runFor(seconds(DEFAULT_IDLE.readingIdleSeconds + 1));
  await expect(page.getByTestId('idle-warning')).toBeVisible();
  await page.clock.runFor(seconds(DEFAULT_IDLE.warningSeconds + 1));
  await expect(page.getByTestId('attract')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');

  expect(await traces(page)).toEqual(fresh);

  // The next visitor finds no answer chosen and no step marked.
  await page.getByTestId('attract').click();
  await page.getByTestId('language-ru').click();
  await expect(page.locator('[aria-checked="true"]')).toHaveCount(0);
  await expect(page.getByTestId('next')).toBeDisabled();
});

test('the attract screen never times out', async ({ kiosk: page }) => {
  await page.clock.runFor(seconds(3600));
  await expect(page.getByTestId('attract')).toBeVisible();
  await expect(page.getByTestId('idle-warning')).toBeHidden();
});

test('after a finished print the kiosk says goodbye and resets by itself', async ({
  kiosk: page,
}) => {
  await page.evaluate(() => localStorage.setItem('citizensec-kiosk:print-simulation', 'ok'));
  await page.reload();
  await page.getByTestId('attract').waitFor();
  await answerTriage(page, 'kk', { shared: ['bank-code'], money: ['no'], loan: ['no'] });
  await page.getByTestId('next').click();
  while (!(await page.getByTestId('print-plan').isVisible()))
    await page.getByTestId('next').click();
  await page.getByTestId('print-plan').click();
  await page.getByTestId('print').click();
  await expect(page.getByTestId('printing')).toHaveAttribute('data-phase', 'done');
  await page.clock.runFor(seconds(DEFAULT_IDLE.goodbyeSeconds + 1));
  await expect(page.getByTestId('done')).toBeVisible();
  await page.clock.runFor(seconds(DEFAULT_IDLE.goodbyeSeconds + 1));
  await expect(page.getByTestId('attract')).toBeVisible();
});

test('staff-set idle times apply, within their safe bounds', async ({ kiosk: page }) => {
  await page.evaluate(() =>
    localStorage.setItem(
      'citizensec-kiosk:settings',
      JSON.stringify({ idle: { idleSeconds: 60, warningSeconds: 1 } }),
    ),
  );
  await page.reload();
  await page.getByTestId('attract').click();
  await page.clock.runFor(seconds(59));
  await expect(page.getByTestId('idle-warning')).toBeHidden();
  await page.clock.runFor(seconds(2));
  await expect(page.getByTestId('idle-warning')).toBeVisible();
  // A warning of 1 s would be unfair: it lasts the minimum of 20 s.
  expect(await countdown(page)).toBeGreaterThan(15);
  expect(await countdown(page)).toBeLessThanOrEqual(20);
  await page.clock.runFor(seconds(12));
  await expect(page.getByTestId('idle-warning')).toBeVisible();
  await page.clock.runFor(seconds(10));
  await expect(page.getByTestId('attract')).toBeVisible();
});
