import { electronAppOf, expect, targetOf, test } from './fixtures';

/*
 * The real kiosk shell: only where an Electron binary exists (see tests/e2e/environment.ts for
 * why it is skipped here). The same lockdown is unit-tested in tests/main with a mocked electron;
 * this proves the wiring in electron/main/index.ts.
 */
// eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
test.beforeEach(({}, testInfo) => {
  test.skip(targetOf(testInfo) !== 'electron', 'checks the Electron shell, not the page');
});

test('opens a kiosk window on the attract screen, served from app://', async ({
  kiosk,
}, testInfo) => {
  const app = electronAppOf(testInfo);
  await expect(kiosk.getByTestId('attract')).toBeVisible();
  expect(kiosk.url()).toMatch(/^app:\/\/kiosk\//);
  const state = await app.evaluate(({ BrowserWindow }) => {
    const w = BrowserWindow.getAllWindows()[0]!;
    return {
      kiosk: w.isKiosk(),
      menu: w.isMenuBarVisible(),
      count: BrowserWindow.getAllWindows().length,
    };
  });
  expect(state).toEqual({ kiosk: true, menu: false, count: 1 });
  // The page has the named API and nothing of Node or Electron.
  const page = await kiosk.evaluate(() => ({
    api: Object.keys((window as unknown as { kiosk?: object }).kiosk ?? {}).sort(),
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    opened: window.open('https://example.com/') === null,
  }));
  expect(page.api).toContain('printSheet');
  expect(page).toMatchObject({ require: 'undefined', process: 'undefined', opened: true });
});

test('refuses exit shortcuts and a close outside staff mode', async ({ kiosk }, testInfo) => {
  const app = electronAppOf(testInfo);
  for (const key of ['Control+W', 'Control+Q', 'Alt+F4', 'F5', 'Control+R', 'F12'])
    await kiosk.keyboard.press(key);
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
  await kiosk.waitForTimeout(300);
  const open = await app.evaluate(
    ({ BrowserWindow }) => BrowserWindow.getAllWindows().filter((w) => !w.isDestroyed()).length,
  );
  expect(open).toBe(1);
  await expect(kiosk.getByTestId('attract')).toBeVisible();
  expect(kiosk.url()).toMatch(/^app:\/\/kiosk\//);
});
