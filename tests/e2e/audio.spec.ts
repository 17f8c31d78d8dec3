import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, targetOf, test } from './fixtures';
import { CHROMIUM_ARGS } from './environment';
import { answerTriage, content, expectedPlan } from './visit';

/*
 * Audio guidance from the clips shipped with the app (docs/accessibility.md): off until the
 * visitor turns it on, then each screen is read as it opens, through the page's own audio
 * element, at the visitor's volume and speed; all of it reset for the next visitor.
 */
// The clips play when a screen opens, not at a touch: Chromium is told to allow that, as the
// kiosk's Electron window does.
test.use({ chromiumArgs: [...CHROMIUM_ARGS, '--autoplay-policy=no-user-gesture-required'] });
// eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
test.beforeEach(({}, testInfo) => {
  test.skip(targetOf(testInfo) === 'electron', 'checked in the browser build');
});

const answers = { shared: ['egov-code'], money: ['no'], loan: ['no'] };
const firstStep = content.steps.find((s) => s.id === expectedPlan(answers)[0])!;

/** Every clip the page's audio element played to its end, and every text the machine spoke. */
async function listen(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { ended: string[]; spoken: string[] };
    w.ended = [];
    w.spoken = [];
    // Media events do not bubble; a listener in the capture phase hears them all the same.
    document.addEventListener(
      'ended',
      (e) => w.ended.push(new URL((e.target as HTMLAudioElement).src).pathname),
      true,
    );
    const voice = {
      lang: 'ru-RU',
      localService: true,
      name: 'Test ru',
      default: true,
      voiceURI: 'ru',
    };
    Object.defineProperty(window, 'speechSynthesis', {
      configurable: true,
      value: {
        getVoices: () => [voice],
        speak: (u: SpeechSynthesisUtterance) => {
          w.spoken.push(u.text);
          setTimeout(() => (u.onend as (() => void) | null)?.(), 0);
        },
        cancel: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
      },
    });
    class Utterance {
      lang = '';
      voice: unknown = null;
      rate = 1;
      volume = 1;
      onend: (() => void) | null = null;
      onerror: (() => void) | null = null;
      constructor(public text: string) {}
    }
    Object.defineProperty(window, 'SpeechSynthesisUtterance', {
      configurable: true,
      value: Utterance,
    });
  });
}
const ended = (page: Page) => page.evaluate(() => (window as unknown as { ended: string[] }).ended);
const spoken = (page: Page) =>
  page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
const player = (page: Page) => page.getByTestId('clip-player');

test('a step is read from its clips to the end, at the visitor’s volume and speed', async ({
  kiosk,
}) => {
  await listen(kiosk);
  const toggle = kiosk.getByTestId('audio');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  // Nothing plays before the visitor asks for it.
  await answerTriage(kiosk, 'ru', answers);
  expect(await ended(kiosk)).toEqual([]);
  await expect(player(kiosk)).toHaveCount(0);

  await kiosk.getByTestId('next').click();
  await expect(kiosk.getByTestId('step-title')).toHaveText(firstStep.title.ru);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(kiosk.getByTestId('audio-bar')).toBeVisible();
  // Volume and speed change the clip being played.

  // Louder and quieter in five steps, slower and faster from 0.75× to 1.5×.
  await kiosk.getByTestId('volume-down').click();
  await kiosk.getByTestId('volume-down').click();
  await expect(kiosk.getByTestId('volume')).toContainText('2/5');
  await kiosk.getByTestId('speed-up').click();
  await kiosk.getByTestId('speed-up').click();
  await expect(kiosk.getByTestId('speed')).toContainText('1,5×');
  await expect(kiosk.getByTestId('speed-up')).toBeDisabled();

  // The screen was read as soon as audio was turned on: the title's clip plays to its `ended`.
  const title = `/audio/ru/step.${firstStep.id}.title.opus`;
  await expect.poll(() => ended(kiosk), { timeout: 20_000 }).toContain(title);
  const el = await player(kiosk).evaluate((a: HTMLAudioElement) => ({
    volume: a.volume,
    rate: a.playbackRate,
    pitch: a.preservesPitch,
  }));
  expect(el).toEqual({ volume: 0.4, rate: 1.5, pitch: true });
  // Where it is in the plan has a number in it, so no clip: the machine's voice reads it.
  expect(await spoken(kiosk)).toContain(`Шаг 1 из ${expectedPlan(answers).length}`);
  expect(await spoken(kiosk)).not.toContain(firstStep.title.ru);

  // Stop, then read again from the start.
  const again = kiosk.getByTestId('read-again');
  await expect(again).toHaveText('Остановить чтение');
  await again.click();
  await expect(again).toHaveText('Прочитать ещё раз');
  await expect(player(kiosk)).not.toHaveAttribute('src', /.+/);
  await again.click();
  await expect
    .poll(async () => (await ended(kiosk)).filter((p) => p === title).length, { timeout: 20_000 })
    .toBe(2);

  // A new screen stops the old one's reading and reads its own.
  await kiosk.getByTestId('next').click();
  const second = content.steps.find((s) => s.id === expectedPlan(answers)[1])!;
  await expect
    .poll(() => ended(kiosk), { timeout: 20_000 })
    .toContain(`/audio/ru/step.${second.id}.title.opus`);
  expect((await ended(kiosk)).filter((p) => p.includes(`step.${firstStep.id}.substeps`))).toEqual(
    [],
  );

  // The next visitor: audio off, nothing playing, the kiosk's volume and speed.
  await kiosk.getByTestId('start-over').click();
  await kiosk.getByTestId('confirm-start-over').click();
  await kiosk.getByTestId('attract').waitFor();
  await expect(player(kiosk)).toHaveCount(0);
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(kiosk.getByTestId('audio-bar')).toHaveCount(0);
  await toggle.click();
  await expect(kiosk.getByTestId('volume')).toContainText('4/5');
  await expect(kiosk.getByTestId('speed')).toContainText('1×');
});

test('turned on at the start, the language screen greets in each language', async ({ kiosk }) => {
  await listen(kiosk);
  await kiosk.getByTestId('audio').click();
  await kiosk.getByTestId('attract').click();
  await expect
    .poll(() => ended(kiosk), { timeout: 20_000 })
    .toEqual(expect.arrayContaining(['/audio/kk/titleLanguage.opus']));
  await kiosk.getByTestId('audio').click();
  await expect(player(kiosk)).not.toHaveAttribute('src', /.+/);
});

test('the audio controls are accessible and fit, at the largest text, in both themes', async ({
  kiosk,
}) => {
  await kiosk.setViewportSize({ width: 1080, height: 1920 });
  await answerTriage(kiosk, 'kk', answers);
  await kiosk.getByTestId('next').click();
  await kiosk.getByTestId('audio').click();
  await kiosk.getByTestId('text-size').click();
  await kiosk.getByTestId('text-size').click();
  for (const contrast of [false, true]) {
    if (contrast) await kiosk.getByTestId('contrast').click();
    const result = await new AxeBuilder({ page: kiosk })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
      .include('[data-testid="audio-bar"]')
      .include('.comfort')
      .analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    const overflow = await kiosk.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    for (const id of [
      'read-again',
      'volume-down',
      'volume-up',
      'speed-down',
      'speed-up',
      'audio',
    ]) {
      const box = (await kiosk.getByTestId(id).boundingBox())!;
      expect(Math.min(box.width, box.height), id).toBeGreaterThanOrEqual(48);
    }
  }
});
