import { _electron, test as base, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import {
  BROWSER_PIN_KEY,
  browserPinRecord,
  PIN_FILE_NAME,
  scryptPinRecord,
  STAFF_PIN,
} from './staff-pin';

import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ElectronApplication, TestInfo } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath, electronUnavailableReason } from './environment';

export type Target = 'chromium' | 'electron';

export interface KioskOptions {
  /** Device pixels per CSS pixel; the docs screenshots use less than 1 to keep the files small. */
  screenScale: number;
}

interface KioskFixtures extends KioskOptions {
  /** The kiosk page on the attract screen, in a browser or in the real Electron window. */
  kiosk: Page;
  /** Every URL the page requested, to prove it loads nothing from outside. */
  requests: string[];
  viewportSize: { width: number; height: number };
  /** Install Playwright's fake clock before the page loads, so idle time can be fast-forwarded. */
  fakeClock: boolean;
  /** Give the kiosk a staff PIN (STAFF_PIN) before it starts, as IT would; false: none set. */
  staffPin: boolean;
  /** A touchscreen (the browser build only): `locator.tap()` sends touch events, as a finger does. */
  touch: boolean;
  /**
   * IT's policy file (core/kiosk/policy.ts) before the kiosk starts: an object as JSON, or a
   * string as the file's text (to try a malformed one); null: no policy file.
   */
  policy: object | string | null;
}

export { STAFF_PIN } from './staff-pin';

const electronApps = new Map<string, ElectronApplication>();
const win0Key = (t: TestInfo) => t.testId;

/** The Electron app behind the current test's kiosk page (Electron project only). */
export function electronAppOf(testInfo: TestInfo): ElectronApplication {
  const app = electronApps.get(win0Key(testInfo));
  if (!app) throw new Error('no Electron app: this test does not run in the Electron project');
  return app;
}

/** Which of the two targets the current test drives. */
export function targetOf(testInfo: TestInfo): Target {
  return (testInfo.project.metadata as { target?: Target }).target ?? 'chromium';
}

const MAIN_ENTRY = resolve(import.meta.dirname, '../../out/main/index.js');

/** Where the browser build reads IT's policy (src/kiosk/browser-kiosk.ts). */
export const BROWSER_POLICY_KEY = 'citizensec-kiosk:policy';
const policyText = (policy: object | string) =>
  typeof policy === 'string' ? policy : JSON.stringify(policy);

interface WorkerFixtures {
  launchBrowser: () => Promise<Browser>;
  /** Chromium's flags: CHROMIUM_ARGS, and more where a spec needs them (audio autoplay). */
  chromiumArgs: readonly string[];
}

export const test = base.extend<KioskFixtures, WorkerFixtures>({
  chromiumArgs: [CHROMIUM_ARGS, { option: true, scope: 'worker' }],
  viewportSize: [{ width: 1920, height: 1080 }, { option: true }],
  fakeClock: [false, { option: true }],
  staffPin: [true, { option: true }],
  touch: [false, { option: true }],
  policy: [null, { option: true }],
  screenScale: [1, { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  requests: async ({}, use) => {
    await use([]);
  },
  // Launched on first use only, so the Electron project never starts a browser it does not need.
  launchBrowser: [
    async ({ playwright, chromiumArgs }, use) => {
      let browser: Promise<Browser> | undefined;
      await use(() => {
        browser ??= playwright.chromium.launch({
          executablePath: chromiumPath(),
          args: [...chromiumArgs],
        });
        return browser;
      });
      if (browser) await (await browser).close();
    },
    { scope: 'worker' },
  ],
  kiosk: async (
    {
      launchBrowser,
      requests,
      viewportSize,
      baseURL,
      fakeClock,
      staffPin,
      policy,
      screenScale,
      touch,
    },
    use,
    testInfo,
  ) => {
    if (targetOf(testInfo) === 'electron') {
      const why = electronUnavailableReason();
      testInfo.skip(why !== null, `Electron: ${why}`);
      // A data folder of its own, so a test never touches a real kiosk's settings or logs.
      const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-electron-'));
      if (staffPin) {
        writeFileSync(join(dataDir, PIN_FILE_NAME), scryptPinRecord(STAFF_PIN));
      }
      const policyFile = join(dataDir, 'it-policy.json');
      if (policy !== null) writeFileSync(policyFile, policyText(policy));
      const app = await _electron.launch({
        args: [MAIN_ENTRY],
        env: {
          ...process.env,
          CITIZENSEC_KIOSK_DATA_DIR: dataDir,
          // Never the machine's own /etc/citizensec-kiosk/policy.json: a test's, or none.
          CITIZENSEC_KIOSK_POLICY: policyFile,
        },
      });
      electronApps.set(win0Key(testInfo), app);
      const win = await app.firstWindow();
      if (fakeClock) await win.clock.install();
      win.on('request', (r) => requests.push(r.url()));
      await win.setViewportSize(viewportSize);
      await win.getByTestId('attract').waitFor();
      await use(win);
      await app.close();
      electronApps.delete(win0Key(testInfo));
      rmSync(dataDir, { recursive: true, force: true });
      return;
    }
    const browser = await launchBrowser();
    const context = await browser.newContext({
      viewport: viewportSize,
      baseURL,
      locale: 'ru-RU',
      deviceScaleFactor: screenScale,
      hasTouch: touch,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    if (fakeClock) await page.clock.install();
    if (staffPin) {
      await context.addInitScript(
        ([key, record]) => {
          if (!localStorage.getItem(key)) localStorage.setItem(key, record);
        },
        [BROWSER_PIN_KEY, browserPinRecord(STAFF_PIN)] as const,
      );
    }
    if (policy !== null) {
      await context.addInitScript(
        ([key, text]) => {
          if (localStorage.getItem(key) === null) localStorage.setItem(key, text);
        },
        [BROWSER_POLICY_KEY, policyText(policy)] as const,
      );
    }
    await page.goto('/');
    await page.getByTestId('attract').waitFor();
    await use(page);
    await context.close();
    if (errors.length > 0) throw new Error(`The page reported errors:\n${errors.join('\n')}`);
  },
});

export const expect = test.expect;
