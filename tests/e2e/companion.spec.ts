import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page, TestInfo } from '@playwright/test';
import { expect, targetOf, test } from './fixtures';
import { answerTriage, content, expectedPlan } from './visit';
import type { Answers } from '../../core/visit/plan';

/*
 * The companion page, as a visitor's phone opens it: the sheet's QR code is read back from the
 * printed PDF (zbarimg), its link opened in Chromium as a phone (small viewport, touch, a dense
 * screen), with the companion's build served locally as the kiosk's companion address.
 */
const COMPANION = `http://127.0.0.1:${process.env.E2E_COMPANION_PORT ?? 4174}/`;
const SETTINGS_KEY = 'citizensec-kiosk:settings';
const SIMULATION_KEY = 'citizensec-kiosk:print-simulation';
const answers: Answers = {
  shared: ['egov-code', 'card'],
  acted: ['none'],
  money: ['yes'],
  loan: ['no'],
};

// eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
test.beforeEach(({}, testInfo) => {
  test.skip(
    targetOf(testInfo) === 'electron',
    'the companion is a web page; the kiosk side of the code is the sheet spec’s',
  );
});

async function configure(page: Page, settings: object) {
  await page.evaluate(
    ([k, v, s]) => {
      localStorage.setItem(k!, v!);
      localStorage.setItem(s!, 'ok');
    },
    [SETTINGS_KEY, JSON.stringify({ companionUrl: COMPANION, ...settings }), SIMULATION_KEY],
  );
  await page.reload();
  await page.getByTestId('attract').waitFor();
}

/** A visit to the sheet's preview, the first action marked done. */
async function toPreview(page: Page, a: Answers) {
  await answerTriage(page, 'ru', a);
  await page.getByTestId('next').click();
  for (const [i] of expectedPlan(a).entries()) {
    if (i === 0) await page.getByTestId('status-done').click();
    await page.getByTestId('next').click();
  }
  await page.getByTestId('print-plan').click();
}

/** The companion link the printed sheet's phone code holds, read back from the PDF. */
async function linkFromPaper(page: Page, testInfo: TestInfo): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const pdf = testInfo.outputPath('sheet.pdf');
  await page.pdf({
    path: pdf,
    format: 'A4',
    margin: { top: '0', bottom: '0', left: '0', right: '0' },
  });
  await page.emulateMedia({ media: 'screen' });
  const dir = mkdtempSync(join(tmpdir(), 'companion-png-'));
  execFileSync('pdftoppm', ['-r', '300', '-png', pdf, join(dir, 'page')]);
  const codes = readdirSync(dir).flatMap((f) =>
    (spawnSync('zbarimg', ['-q', '--raw', join(dir, f)], { encoding: 'utf8' }).stdout ?? '')
      .split('\n')
      .filter((l) => l.startsWith(COMPANION)),
  );
  expect(codes).toHaveLength(1);
  return codes[0]!;
}

async function phone(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 3,
    locale: 'ru-RU',
  });
}

test('the sheet’s code opens the plan on a phone: steps, marks, numbers to tap, and offline', async ({
  kiosk,
  launchBrowser,
}, testInfo) => {
  await configure(kiosk, { paper: 'a4' });
  await toPreview(kiosk, answers);
  // The link is small: at error correction M it stays at QR version 10 or less.
  const version = Number(
    await kiosk
      .locator('#print-root [data-testid="phone-qr"]')
      .first()
      .getAttribute('data-qr-version'),
  );
  expect(version).toBeLessThanOrEqual(10);
  const url = await linkFromPaper(kiosk, testInfo);
  expect(url.startsWith(`${COMPANION}#`)).toBe(true);
  expect(url.slice(COMPANION.length + 1)).toMatch(/^[A-Za-z0-9_-]+$/);

  const context = await phone(await launchBrowser());
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Мой план действий');
  const plan = expectedPlan(answers);
  const first = content.steps.find((s) => s.id === plan[0])!;
  // The step marked done at the kiosk is ticked; the others are not.
  await expect(page.getByTestId(`companion-tick-${first.id}`)).toBeChecked();
  const second = plan.find(
    (id, i) => i > 0 && content.steps.find((s) => s.id === id)!.kind === 'action',
  )!;
  await expect(page.getByTestId(`companion-tick-${second}`)).not.toBeChecked();
  // Numbers are links to call.
  await expect(page.getByTestId('companion-tel-police-102')).toHaveAttribute('href', 'tel:102');
  await expect(page.getByTestId('companion-recovery')).toContainText(
    content.meta.recoveryWarning.ru,
  );
  await expect(page.getByTestId('companion-documents')).toBeVisible();
  // Nothing left the phone but the page's own files: the fragment never reaches the server.
  expect(requests.every((r) => r.startsWith(COMPANION) && !r.includes('#'))).toBe(true);

  // A tick is kept on the phone, and survives a reload.
  await page.getByTestId(`companion-tick-${second}`).check();
  await page.reload();
  await expect(page.getByTestId(`companion-tick-${second}`)).toBeChecked();

  // Offline after the first visit.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Мой план действий');
  await expect(page.getByTestId(`companion-tick-${second}`)).toBeChecked();

  // Another language, then forget the plan: nothing of it stays on the phone.
  await page.getByTestId('companion-lang-kk').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Менің іс-қимыл жоспарым');
  await page.getByTestId('companion-forget').click();
  await expect(page.getByTestId('companion-forgotten')).toBeVisible();
  expect(await page.evaluate(() => ({ hash: location.hash, stored: localStorage.length }))).toEqual(
    {
      hash: '',
      stored: 0,
    },
  );
  await context.close();
});

test('the fullest plan’s link stays at QR version 10 or less, on A4 and on a receipt', async ({
  kiosk,
}) => {
  for (const paper of ['a4', 'receipt-80'] as const) {
    await configure(kiosk, { paper });
    await toPreview(kiosk, {});
    // What the fullest A4 sheet leaves out is on the phone, and the sheet says so.
    if (paper === 'a4')
      await expect(kiosk.locator('#print-root [data-testid="sheet-left-out-phone"]')).toHaveCount(
        1,
      );
    for (const v of await kiosk
      .locator('#print-root [data-testid="phone-qr"]')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-qr-version')))))
      expect(v).toBeLessThanOrEqual(10);
    await kiosk.getByTestId('finish').click();
    await kiosk.getByTestId('finish-leave').click();
    await kiosk.getByTestId('done').click();
  }
});

test('a damaged or newer link says so plainly, in the phone’s language', async ({
  launchBrowser,
}) => {
  const context = await phone(await launchBrowser());
  const page = await context.newPage();
  for (const fragment of ['#garbage!', '#AQ', '#']) {
    await page.goto(`${COMPANION}${fragment}`);
    await expect(page.getByTestId('companion-problem')).toHaveAttribute('data-problem', 'damaged');
    await expect(page.getByTestId('companion-problem')).not.toBeEmpty();
  }
  // A code from a newer kiosk (its version byte above this page's) is not called damaged.
  await page.goto(`${COMPANION}#AgAAAAAAAAAAAAAA`);
  await expect(page.getByTestId('companion-problem')).toHaveAttribute('data-problem', 'newer');
  await expect(page.getByTestId('companion-problem')).toContainText('новой');
  await context.close();
});

test('the companion page has no WCAG 2.2 A/AA violation', async ({
  kiosk,
  launchBrowser,
}, testInfo) => {
  await configure(kiosk, { paper: 'a4' });
  await toPreview(kiosk, { ...answers, loan: ['yes'] });
  const url = await linkFromPaper(kiosk, testInfo);
  const context = await phone(await launchBrowser());
  const page = await context.newPage();
  await page.goto(url);
  for (const b of await page.locator('[data-testid^="companion-details-"]').all()) await b.click();
  await page.locator('[data-testid^="companion-document-"]').first().click();
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const result = await new AxeBuilder({ page }).withTags(tags).analyze();
    expect(result.violations.map((v) => `${scheme}: ${v.id} ${v.help}`)).toEqual([]);
  }
  await context.close();
});
