import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, STAFF_PIN, targetOf, test } from './fixtures';
import { visitEveryScreen } from './visit';
import type { Locale } from '../../core/locales';

/*
 * axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules on every screen of a visit, in every
 * language and both themes: no violation is allowed.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const answers = { shared: ['egov-code', 'card'], money: ['yes'], loan: ['not-sure'] };

// eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
test.beforeEach(({}, testInfo) => {
  test.skip(targetOf(testInfo) === 'electron', 'the page is checked in the browser build');
});

async function audit(page: Page, where: string): Promise<string[]> {
  // Let transitions and animations finish, so colours are measured as shown.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  const result = await new AxeBuilder({ page }).withTags(TAGS).exclude('#print-root').analyze();
  return result.violations.map(
    (v) =>
      `${where}: ${v.id} (${v.impact}) ${v.help}\n` +
      v.nodes
        .slice(0, 3)
        .map(
          (n) =>
            `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 3).join(' ')}`,
        )
        .join('\n'),
  );
}

for (const locale of ['kk', 'ru', 'en'] as const satisfies readonly Locale[]) {
  for (const contrast of [false, true]) {
    const theme = contrast ? 'high contrast' : 'calm';
    test(`every screen in ${locale}, ${theme}: no WCAG 2.2 A/AA violation`, async ({ kiosk }) => {
      test.setTimeout(120_000);
      const found: string[] = [];
      const check = async (where: string) => found.push(...(await audit(kiosk, where)));
      if (contrast) await kiosk.getByTestId('contrast').click();
      await visitEveryScreen(kiosk, locale, answers, async (name) => {
        // The first two steps stand for all: every step is the same screen.
        const step = /^step-(\d+)-/.exec(name);
        if (!step || Number(step[1]) < 2) await check(name);
        if (name === 'overview')
          await expect(kiosk.locator('html')).toHaveAttribute('lang', locale);
      });
      expect(found, found.join('\n')).toEqual([]);
    });
  }
}

test('the staff screens have no WCAG 2.2 A/AA violation', async ({ kiosk }) => {
  const found: string[] = [];
  await kiosk.mouse.move(30, 30);
  await kiosk.mouse.down();
  await kiosk.waitForTimeout(3100);
  await kiosk.mouse.up();
  found.push(...(await audit(kiosk, 'PIN pad')));
  for (const d of STAFF_PIN) await kiosk.getByTestId(`pin-key-${d}`).click();
  await kiosk.getByTestId('pin-enter').click();
  await kiosk.getByTestId('staff-panel').waitFor();
  found.push(...(await audit(kiosk, 'staff screen')));
  await kiosk.getByTestId('staff-branch-name').click();
  await kiosk.getByTestId('osk').waitFor();
  found.push(...(await audit(kiosk, 'on-screen keyboard')));
  await kiosk.getByTestId('staff-check-open').click();
  await kiosk.getByTestId('check-hashes').waitFor();
  found.push(...(await audit(kiosk, 'Check this kiosk')));
  expect(found, found.join('\n')).toEqual([]);
});
