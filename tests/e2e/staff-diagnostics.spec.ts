import { execFileSync, spawnSync } from 'node:child_process';
import type { Page, TestInfo } from '@playwright/test';
import { expect, STAFF_PIN, targetOf, test } from './fixtures';
import { answerTriage, content } from './visit';
import { CONTENT_MAX_AGE_DAYS } from '../../core/kiosk/diagnostics';
import en from '../../locales/en.json' with { type: 'json' };
import kk from '../../locales/kk.json' with { type: 'json' };
import ru from '../../locales/ru.json' with { type: 'json' };

/*
 * "Check this kiosk", the readiness report and the staff card, and "Assist this visitor", by
 * touch alone (taps on the corner, the PIN pad and buttons; nothing typed), in the browser
 * build. Main's side (log, disk, hashes, print history) is unit-tested in tests/electron/main.
 */

// eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
test.beforeEach(({}, testInfo) => {
  test.skip(targetOf(testInfo) === 'electron', 'staff flows are driven in the browser build');
});

const SIMULATION_KEY = 'citizensec-kiosk:print-simulation';

async function openStaff(page: Page): Promise<void> {
  await page.mouse.move(30, 30);
  await page.mouse.down();
  await page.waitForTimeout(3100);
  await page.mouse.up();
  for (const d of STAFF_PIN) await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-enter').click();
  await expect(page.getByTestId('staff-panel')).toBeVisible();
}

/** What is in #print-root, rendered to PDF in print media as the kiosk prints it. */
async function printRootPdf(page: Page, testInfo: TestInfo, name: string, mode = '-layout') {
  await page.emulateMedia({ media: 'print' });
  const file = testInfo.outputPath(`${name}.pdf`);
  await page.pdf({
    path: file,
    format: 'A4',
    printBackground: true,
    margin: { top: '0', bottom: '0', left: '0', right: '0' },
  });
  await page.emulateMedia({ media: 'screen' });
  const text = execFileSync('pdftotext', [mode, file, '-'], { encoding: 'utf8' });
  const pages = Number(
    /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1],
  );
  return { file, text, pages };
}

/** The QR codes in a PDF or an image, as zbar reads them at 300 dpi. */
function readQr(file: string, testInfo: TestInfo): string {
  let png = file;
  if (file.endsWith('.pdf')) {
    const base = testInfo.outputPath('qr');
    execFileSync('pdftoppm', ['-r', '300', '-png', '-singlefile', file, base]);
    png = `${base}.png`;
  }
  return spawnSync('zbarimg', ['-q', '--raw', png], { encoding: 'utf8' }).stdout.trim();
}

/** Words without the line breaks and runs of spaces a PDF's layout puts in. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

test('Check this kiosk shows the facts and the hashes, and prints the readiness report', async ({
  kiosk: page,
}, testInfo) => {
  await page.evaluate((key) => localStorage.setItem(key, 'ok'), SIMULATION_KEY);
  await page.reload();
  await page.getByTestId('attract').waitFor();
  await openStaff(page);
  await page.getByTestId('staff-lang-ru').click();
  await page.getByTestId('staff-check-open').click();
  const check = page.getByTestId('staff-check');
  await expect(check.getByRole('heading', { level: 1 })).toHaveText(ru.titleStaffCheck);

  const version = (await import('../../package.json', { with: { type: 'json' } })).default.version;
  await expect(page.getByTestId('check-version')).toContainText(version);
  await expect(page.getByTestId('check-content')).toContainText(content.meta.checkedAsOf);
  await expect(page.getByTestId('check-paper')).toContainText(ru.labelStaffPaperA4);
  await expect(page.getByTestId('check-printer')).toContainText(ru.labelStaffPrinterReady);
  await expect(page.getByTestId('check-last-print')).toContainText(ru.labelCheckNone);
  // A browser has no data folder to measure and no app files of its own to hash.
  await expect(page.getByTestId('check-disk')).toContainText(ru.labelCheckUnknown);
  await expect(page.getByTestId('check-no-errors')).toBeVisible();

  const hashes = await page.getByTestId('check-hashes').innerText();
  expect(hashes).toMatch(
    new RegExp(
      `^CitizenSec Kiosk hashes v1\\napp ${version.replace(/\./g, '\\.')} sha256:unavailable\\ncontent ${content.meta.checkedAsOf} sha256:[0-9a-f]{64}$`,
    ),
  );
  const qrShot = testInfo.outputPath('hashes-qr.png');
  await page.getByTestId('check-hashes-qr').screenshot({ path: qrShot });
  expect(readQr(qrShot, testInfo)).toBe(hashes);

  // A test page from here is the last successful print at once.
  await page.getByTestId('staff-check-test-print').click();
  await expect(page.getByTestId('staff-check-message')).toHaveText(ru.labelStaffPaperPrintOk);
  await expect(page.getByTestId('check-last-print')).not.toContainText(ru.labelCheckNone);
  for (const id of ['printer', 'last-print', 'errors'])
    await expect(page.getByTestId(`check-status-${id}`)).toHaveAttribute('data-status', 'ok');
  // Content checked too long ago asks for attention, and only then is the kiosk not ready.
  const contentFresh =
    Date.now() - Date.parse(content.meta.checkedAsOf) <= CONTENT_MAX_AGE_DAYS * 86_400_000;
  await expect(page.getByTestId('check-status-content')).toHaveAttribute(
    'data-status',
    contentFresh ? 'ok' : 'attention',
  );
  const verdict = contentFresh ? ru.labelReadinessReady : ru.labelReadinessNotReady;
  await expect(page.getByTestId('check-ready')).toHaveText(verdict);

  await page.getByTestId('staff-check-print-report').click();
  await expect(page.getByTestId('staff-check-message')).toHaveText(ru.labelStaffPaperPrintOk);
  const pdf = await printRootPdf(page, testInfo, 'readiness-ru');
  const text = flat(pdf.text);
  expect(pdf.pages).toBe(1);
  for (const t of [
    ru.titleReadiness,
    verdict,
    ru.labelReadinessPrinter,
    ru.labelCheckVersion,
    version,
    content.meta.checkedAsOf,
    ru.labelCheckHashes,
  ])
    expect(text).toContain(t);
  expect(text).toContain(`[${ru.labelCheckStatusOk}]`);
  // The sample sheet staff see for the test page is not on the report.
  expect(text).not.toContain(ru.titleStaffCard);
  // The report's QR code holds the same text as the screen's.
  expect(readQr(pdf.file, testInfo)).toBe(hashes);

  await page.getByTestId('staff-check-close').click();
  await expect(page.getByTestId('staff-check')).toHaveCount(0);
  await expect(page.getByTestId('staff-panel')).toBeVisible();
});

test('a failed print is shown as the last failure, and the kiosk as not ready', async ({
  kiosk: page,
}) => {
  await page.evaluate((key) => localStorage.setItem(key, 'paper-out'), SIMULATION_KEY);
  await page.reload();
  await page.getByTestId('attract').waitFor();
  await openStaff(page);
  await page.getByTestId('staff-lang-en').click();
  await page.getByTestId('staff-check-open').click();
  await page.getByTestId('staff-check-test-print').click();
  await expect(page.getByTestId('staff-check-message')).toContainText(en.labelPrintProblemPaperOut);
  await expect(page.getByTestId('check-last-failure')).toContainText(en.labelPrintProblemPaperOut);
  await expect(page.getByTestId('check-ready')).toHaveText(en.labelReadinessNotReady);
  await expect(page.getByTestId('check-status-printer')).toHaveAttribute(
    'data-status',
    'attention',
  );
});

test('on a receipt printer the readiness report prints on the roll, its QR code readable', async ({
  kiosk: page,
}, testInfo) => {
  await page.evaluate(
    ([key, settings]) => {
      localStorage.setItem(key!, 'ok');
      localStorage.setItem('citizensec-kiosk:settings', settings!);
    },
    [SIMULATION_KEY, JSON.stringify({ paper: 'receipt-80' })],
  );
  await page.reload();
  await page.getByTestId('attract').waitFor();
  await openStaff(page);
  await page.getByTestId('staff-lang-kk').click();
  await page.getByTestId('staff-check-open').click();
  await expect(page.getByTestId('check-paper')).toContainText(kk.labelStaffPaperReceipt);
  const hashes = await page.getByTestId('check-hashes').innerText();
  await page.getByTestId('staff-check-print-report').click();
  await expect(page.getByTestId('staff-check-message')).toHaveText(kk.labelStaffPaperPrintOk);
  await page.emulateMedia({ media: 'print' });
  const report = page.getByTestId('readiness-report');
  const { width, height } = (await report.boundingBox())!;
  expect(Math.round((width * 25.4) / 96)).toBe(80);
  const file = testInfo.outputPath('readiness-receipt.pdf');
  await page.pdf({
    path: file,
    width: '80mm',
    height: `${Math.ceil((height * 25.4) / 96)}mm`,
    printBackground: true,
    margin: { top: '0', bottom: '0', left: '0', right: '0' },
  });
  await page.emulateMedia({ media: 'screen' });
  const text = flat(execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }));
  expect(text).toContain(kk.titleReadiness);
  expect(text).toContain(kk.labelStaffPaperReceipt);
  expect(readQr(file, testInfo)).toBe(hashes);
});

test('the staff card prints on one page, in Kazakh and Russian', async ({
  kiosk: page,
}, testInfo) => {
  await page.evaluate((key) => localStorage.setItem(key, 'ok'), SIMULATION_KEY);
  await page.reload();
  await page.getByTestId('attract').waitFor();
  await openStaff(page);
  await page.getByTestId('staff-print-card').click();
  await expect(page.getByTestId('staff-card-message')).toHaveText(kk.labelStaffPaperPrintOk);
  // In content order: the two columns' lines are not interleaved.
  const pdf = await printRootPdf(page, testInfo, 'staff-card', '-raw');
  const text = flat(pdf.text);
  expect(pdf.pages).toBe(1);
  for (const m of [kk, ru]) {
    for (const key of [
      'titleStaffCard',
      'titleStaffCardEnter',
      'instructionsStaffCardEnter1',
      'titleStaffCardAssist',
      'titleStaffCardPaper',
      'titleStaffCardIt',
      'labelStaffCardItContact',
    ] as const)
      expect(text).toContain(flat(m[key]));
    // The card names the buttons as the screen does, in its own language.
    expect(text).toContain(
      flat(m.instructionsStaffCardAssist2.replace('{button}', m.buttonStaffAssistOn)),
    );
  }
  expect(text).not.toContain(en.titleStaffCard);
});

test('Assist this visitor returns to the visitor’s screen at once, in assisted mode', async ({
  kiosk: page,
}) => {
  await answerTriage(page, 'ru', { shared: ['bank-code'], money: ['yes'], loan: ['no'] });
  await page.getByTestId('next').click();
  const contactBank = content.steps.find((s) => s.id === 'contact-bank')!;
  while ((await page.getByTestId('step-title').innerText()) !== contactBank.title.ru)
    await page.getByTestId('next').click();
  await expect(page.getByTestId('staff-note')).toHaveCount(0);

  await openStaff(page);
  await page.getByTestId('staff-lang-kk').click();
  await page.getByTestId('staff-assist').click();
  // One tap: no staff screen left to close, the visitor's language back, staff notes shown.
  await expect(page.getByTestId('staff-panel')).toHaveCount(0);
  await expect(page.getByTestId('step-title')).toHaveText(contactBank.title.ru);
  await expect(page.getByTestId('staff-note')).toContainText(contactBank.staffNotes.bank!.ru);

  // Stopping is on the staff screen, and keeps the staff screen open.
  await openStaff(page);
  await page.getByTestId('staff-assist-off').click();
  await expect(page.getByTestId('staff-assist')).toBeVisible();
  await page.getByTestId('staff-back').click();
  await expect(page.getByTestId('staff-note')).toHaveCount(0);
});
