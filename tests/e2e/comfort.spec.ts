import { expect, targetOf, test } from './fixtures';
import { answerTriage, content, expectedPlan } from './visit';

/*
 * Comfort for every visitor: text size and contrast from every screen, both reset with the visit;
 * reading a step aloud where the machine has a voice for the language; scrolling by buttons.
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

test.describe('reading aloud', () => {
  test.beforeEach(async ({ kiosk }) => {
    // A machine with a Russian voice only: Chromium here has none, so one is put in its place,
    // recording what it is asked to say.
    await kiosk.evaluate(() => {
      const log: string[] = [];
      const voice = {
        lang: 'ru-RU',
        localService: true,
        name: 'Test ru',
        default: true,
        voiceURI: 'ru',
      };
      const fake = {
        getVoices: () => [voice],
        speak: (u: SpeechSynthesisUtterance) => log.push(`speak:${u.lang}:${u.text}`),
        cancel: () => log.push('cancel'),
        addEventListener: () => {},
        removeEventListener: () => {},
      };
      Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true });
      class Utterance {
        lang = '';
        voice: unknown = null;
        rate = 1;
        onend: (() => void) | null = null;
        onerror: (() => void) | null = null;
        constructor(public text: string) {}
      }
      Object.defineProperty(window, 'SpeechSynthesisUtterance', {
        value: Utterance,
        configurable: true,
      });
      (window as unknown as { speechLog: string[] }).speechLog = log;
    });
  });

  test("reads a step in the visitor's language, and stops when the visit ends", async ({
    kiosk,
  }) => {
    await answerTriage(kiosk, 'ru', answers);
    await kiosk.getByTestId('next').click();
    const first = content.steps.find((s) => s.id === expectedPlan(answers)[0])!;
    const button = kiosk.getByTestId('read-aloud');
    await expect(button).toHaveText('Прочитать вслух');
    await button.click();
    await expect(button).toHaveText('Остановить чтение');
    const log = () =>
      kiosk.evaluate(() => (window as unknown as { speechLog: string[] }).speechLog);
    const spoken = (await log()).find((l) => l.startsWith('speak:'))!;
    expect(spoken).toContain(`speak:ru-RU:${first.title.ru}`);
    expect(spoken).toContain(first.why.ru);
    await kiosk.getByTestId('start-over').click();
    await kiosk.getByTestId('confirm-start-over').click();
    await kiosk.getByTestId('attract').waitFor();
    expect((await log()).at(-1)).toBe('cancel');
  });

  test('is not offered where the machine has no voice for the language', async ({ kiosk }) => {
    await answerTriage(kiosk, 'kk', answers);
    await kiosk.getByTestId('next').click();
    await expect(kiosk.getByTestId('step-title')).toBeVisible();
    await expect(kiosk.getByTestId('read-aloud')).toHaveCount(0);
  });
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
