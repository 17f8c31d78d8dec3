import { expect, targetOf, test } from './fixtures';
import { answerTriage } from './visit';

/*
 * Comfort for every visitor: text size and contrast from every screen, both reset with the visit;
 * scrolling by buttons. Audio guidance has its own spec (audio.spec.ts).
 */
// eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
test.beforeEach(({}, testInfo) => {
  test.skip(targetOf(testInfo) === 'electron', 'checked in the browser build');
});

const answers = { shared: ['egov-code'], money: ['no'], loan: ['no'] };

test('text size and contrast are on every screen, and the next visitor starts afresh', async ({
  kiosk,
}) => {
  const html = kiosk.locator('html');
  const sizes: string[] = [];
  await kiosk.getByTestId('text-size').click();
  sizes.push((await html.getAttribute('data-text-size'))!);
  await kiosk.getByTestId('contrast').click();
  await expect(html).toHaveAttribute('data-theme', 'contrast');
  await answerTriage(kiosk, 'ru', answers, async () => {
    await expect(kiosk.getByTestId('text-size')).toBeVisible();
    await expect(kiosk.getByTestId('contrast')).toHaveAttribute('aria-pressed', 'true');
  });
  await kiosk.getByTestId('text-size').click();
  sizes.push((await html.getAttribute('data-text-size'))!);
  await kiosk.getByTestId('text-size').click();
  sizes.push((await html.getAttribute('data-text-size'))!);
  expect(sizes).toEqual(['1', '2', '0']);
  const rootPx = () =>
    kiosk.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await kiosk.getByTestId('text-size').click();
  await kiosk.getByTestId('text-size').click();
  expect(await rootPx()).toBeGreaterThan(26 * 1.3);
  await kiosk.getByTestId('start-over').click();
  await kiosk.getByTestId('confirm-start-over').click();
  await kiosk.getByTestId('attract').waitFor();
  await expect(html).toHaveAttribute('data-text-size', '0');
  await expect(html).toHaveAttribute('data-theme', 'calm');
  expect(await rootPx()).toBe(26);
});

test('a long screen scrolls with buttons, no swipe needed', async ({ kiosk }) => {
  await kiosk.setViewportSize({ width: 1280, height: 1024 });
  await answerTriage(kiosk, 'kk', {
    shared: ['not-sure'],
    money: ['not-sure'],
    loan: ['not-sure'],
  });
  const body = kiosk.locator('.screen__body');
  const down = kiosk.getByTestId('scroll-down');
  const up = kiosk.getByTestId('scroll-up');
  await expect(down).toBeEnabled();
  await expect(up).toBeDisabled();
  await down.click();
  await expect.poll(() => body.evaluate((e) => e.scrollTop)).toBeGreaterThan(100);
  await expect(up).toBeEnabled();
  // Press down until the end: the button turns off there (a press on it then does nothing).
  for (let i = 0; i < 30 && (await down.isEnabled()); i++) {
    await down.click({ force: true });
    await kiosk.waitForTimeout(400);
  }
  await expect(down).toBeDisabled();
  const atEnd = await body.evaluate((e) => Math.abs(e.scrollTop + e.clientHeight - e.scrollHeight));
  expect(atEnd).toBeLessThan(3);
});
