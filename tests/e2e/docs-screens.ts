import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { STAFF_PIN, test } from './fixtures';
import { answerTriage, expectedPlan, visitEveryScreen } from './visit';
import type { Locale } from '../../core/locales';
import type { Answers } from '../../core/visit/plan';

/*
 * Writes the screenshots the README and docs show (docs/screens/), by `npm run screenshots`.
 * Not part of `npm test`: the file name does not end in .spec.ts.
 */
const OUT = resolve(import.meta.dirname, '../../docs/screens');
const answers = { shared: ['egov-code', 'card'], acted: ['none'], money: ['yes'], loan: ['no'] };
/** A kiosk as staff set it up: the branch, its phone and the local police's. */
const SETTINGS = JSON.stringify({
  branchName: 'Алматы, №7',
  branchPhone: '+7 727 250 00 00',
  policePhone: '+7 727 254 02 02',
});
/** The steps shown in the docs: the first, Stop credit, the police report, "if they call again". */
const SHOWN_STEPS = ['stop-credit', 'report-fraud', 'hang-up'];

test('attract screen', async ({ kiosk: page }) => {
  await page.screenshot({ path: `${OUT}/attract.png` });
});

/**
 * Every screen of a visit in each language; again in high contrast, and again at the largest
 * text size, so every combination a visitor can choose is looked at.
 */
const VARIANTS = [
  { suffix: '', clicks: [] },
  { suffix: '-contrast', clicks: ['contrast'] },
  { suffix: '-largest', clicks: ['text-size', 'text-size'] },
] as const;

for (const locale of ['kk', 'ru', 'en'] as const satisfies readonly Locale[]) {
  for (const variant of VARIANTS) {
    test(`visit in ${locale}${variant.suffix}`, async ({ kiosk: page }) => {
      await page.evaluate(
        ([settings]) => {
          localStorage.setItem('citizensec-kiosk:print-simulation', 'paper-out');
          localStorage.setItem('citizensec-kiosk:settings', settings!);
        },
        [SETTINGS],
      );
      await page.reload();
      for (const c of variant.clicks) await page.getByTestId(c).click();
      const shot = (name: string) =>
        page.screenshot({ path: `${OUT}/${locale}${variant.suffix}-${name}.png` });
      if (variant.suffix) await shot('attract');
      await visitEveryScreen(page, locale, answers, async (name) => {
        const step = /^step-(\d+)-(.+)$/.exec(name);
        if (name === '02-language') await shot('language');
        else if (name.startsWith('03-question-')) await shot(`question-${name.slice(-1)}`);
        else if (step) {
          if (step[1] === '0' || SHOWN_STEPS.includes(step[2]!)) await shot(`step-${step[2]}`);
        } else if (name === 'preview') await shot('preview-unavailable');
        else if (name !== '01-attract') await shot(name);
      });
    });
  }
}

test.describe('idle warning', () => {
  test.use({ fakeClock: true });
  for (const locale of ['kk', 'ru', 'en'] as const) {
    test(`in ${locale}`, async ({ kiosk: page }) => {
      await answerTriage(page, locale, answers);
      await page.clock.runFor(91_000);
      await page.getByTestId('idle-countdown').waitFor();
      await page.screenshot({ path: `${OUT}/${locale}-idle-warning.png` });
    });
  }
});

/** The police report at a police station: what can be done right here, with its phone. */
for (const locale of ['kk', 'ru'] as const) {
  test(`police station in ${locale}`, async ({ kiosk: page }) => {
    await page.evaluate(
      ([settings]) => localStorage.setItem('citizensec-kiosk:settings', settings!),
      [JSON.stringify({ ...JSON.parse(SETTINGS), branchType: 'police', branchName: 'ОП №3' })],
    );
    await page.reload();
    await answerTriage(page, locale, answers);
    await page.getByTestId('next').click();
    for (const id of expectedPlan(answers, 'police')) {
      if (id === 'report-fraud') break;
      await page.getByTestId('next').click();
    }
    await page.screenshot({ path: `${OUT}/${locale}-police-step-report-fraud.png` });
  });
}

test('staff screens', async ({ kiosk: page }) => {
  await page.mouse.move(30, 30);
  await page.mouse.down();
  await page.waitForTimeout(3100);
  await page.mouse.up();
  await page.screenshot({ path: `${OUT}/staff-pin.png` });
  for (const d of STAFF_PIN) await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-enter').click();
  await page.getByTestId('staff-panel').waitFor();
  await page.getByTestId('staff-lang-ru').click();
  await page.screenshot({ path: `${OUT}/staff-panel-ru.png`, fullPage: true });
});

/** Sample printed papers (docs/sheets/): the PDF a kiosk prints, rendered to PNG pages. */
const SHEETS = resolve(import.meta.dirname, '../../docs/sheets');

/** Prints what #print-root holds to `docs/sheets/<name>-N.png`, replacing older pages. */
async function samplePaper(page: Page, name: string, paper: 'a4' | 'receipt-80'): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  const lengthMm = await page.evaluate(() =>
    Math.ceil(
      (document.querySelector('#print-root > *')!.getBoundingClientRect().height * 25.4) / 96,
    ),
  );
  mkdirSync(SHEETS, { recursive: true });
  for (const f of readdirSync(SHEETS))
    if (new RegExp(`^${name}-\\d+\\.png$`).test(f)) rmSync(`${SHEETS}/${f}`);
  const pdf = `${SHEETS}/${name}.pdf`;
  await page.pdf({
    path: pdf,
    printBackground: true,
    margin: { top: '0', bottom: '0', left: '0', right: '0' },
    ...(paper === 'a4' ? { format: 'A4' } : { width: '80mm', height: `${lengthMm}mm` }),
  });
  await page.emulateMedia({ media: 'screen' });
  execFileSync('pdftoppm', ['-r', paper === 'a4' ? '80' : '110', '-png', pdf, `${SHEETS}/${name}`]);
  rmSync(pdf);
}

async function configureSample(page: Page, settings: object) {
  await page.evaluate(
    ([value]) => {
      localStorage.setItem('citizensec-kiosk:settings', value!);
      localStorage.setItem('citizensec-kiosk:print-simulation', 'ok');
    },
    [JSON.stringify({ ...JSON.parse(SETTINGS), ...settings })],
  );
  await page.reload();
}

/** A visit to its summary, the first action marked done. */
async function sampleVisit(page: Page, locale: Locale, sample: Answers) {
  await answerTriage(page, locale, sample);
  await page.getByTestId('next').click();
  for (const [i] of expectedPlan(sample).entries()) {
    if (i === 0) await page.getByTestId('status-done').click();
    await page.getByTestId('next').click();
  }
}

for (const paper of ['a4', 'receipt-80'] as const) {
  for (const locale of ['kk', 'ru'] as const) {
    test(`sample ${paper} sheet in ${locale}`, async ({ kiosk: page }) => {
      await configureSample(page, { paper, defaultLocale: locale });
      await sampleVisit(page, locale, answers);
      await page.getByTestId('print-plan').click();
      await page.screenshot({ path: `${OUT}/${locale}-preview-${paper}.png` });
      await samplePaper(page, `${paper}-${locale}`, paper);
    });
  }
}

/** The fullest plan (every answer "not sure"), cut to two A4 pages; and a bilingual sheet. */
for (const locale of ['kk', 'ru'] as const) {
  test(`sample fullest A4 sheet in ${locale}`, async ({ kiosk: page }) => {
    await configureSample(page, { paper: 'a4', defaultLocale: locale });
    await sampleVisit(page, locale, {});
    await page.getByTestId('print-plan').click();
    await samplePaper(page, `a4-fullest-${locale}`, 'a4');
  });
}

test('sample bilingual A4 sheet', async ({ kiosk: page }) => {
  await configureSample(page, { paper: 'a4', bilingualSheet: true, defaultLocale: 'kk' });
  await sampleVisit(page, 'kk', answers);
  await page.getByTestId('print-plan').click();
  await samplePaper(page, 'a4-bilingual-kk-ru', 'a4');
});

/** Every document, for a visitor who lost money and took a loan on the caller's word. */
const DOCUMENT_VISIT: Answers = {
  shared: ['egov-code', 'card'],
  acted: ['took-loan'],
  money: ['yes'],
  loan: ['yes'],
};
for (const locale of ['kk', 'ru'] as const) {
  test(`sample documents in ${locale}`, async ({ kiosk: page }) => {
    await configureSample(page, {
      paper: 'a4',
      defaultLocale: locale,
      branchType: 'police',
      branchName: locale === 'kk' ? 'Алмалы аудандық полиция басқармасы' : 'УП Алмалинского района',
    });
    await sampleVisit(page, locale, DOCUMENT_VISIT);
    const ids = await page
      .locator('[data-testid="documents-offer"] button')
      .evaluateAll((els) =>
        els.map((e) => e.getAttribute('data-testid')!.slice('document-'.length)),
      );
    for (const id of ids) {
      await page.getByTestId(`document-${id}`).click();
      await page.getByTestId(`document-language-${locale}`).click();
      if (id === ids[0]) await page.screenshot({ path: `${OUT}/${locale}-document.png` });
      await samplePaper(page, `document-${id}-${locale}`, 'a4');
      await page.getByTestId('back').click();
    }
  });
}

/**
 * The companion page on a phone (docs/companion.md): the link read from the kiosk's phone code
 * as a camera would, opened at a phone's size and density; the plan's top, a step opened, the
 * documents, and the message for a damaged link.
 */
for (const locale of ['kk', 'ru'] as const) {
  test(`companion on a phone in ${locale}`, async ({ kiosk: page, launchBrowser }, testInfo) => {
    await configureSample(page, {
      paper: 'a4',
      defaultLocale: locale,
      companionUrl: `http://127.0.0.1:${process.env.E2E_COMPANION_PORT ?? 4174}/`,
    });
    await sampleVisit(page, locale, DOCUMENT_VISIT);
    await page.getByTestId('print-plan').click();
    await page.getByTestId('finish').click();
    await page.getByTestId('finish-phone').click();
    const code = testInfo.outputPath('code.png');
    await page.getByTestId('phone-plan').locator('svg').screenshot({ path: code });
    const url = execFileSync('zbarimg', ['-q', '--raw', code], { encoding: 'utf8' }).trim();
    const phone = await (
      await launchBrowser()
    ).newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
      locale: locale === 'kk' ? 'kk-KZ' : 'ru-RU',
    });
    const p = await phone.newPage();
    const shot = (name: string) => p.screenshot({ path: `${OUT}/companion-${locale}-${name}.png` });
    await p.goto(url);
    await p.getByRole('heading', { level: 1 }).waitFor();
    await shot('plan');
    const details = p.locator('[data-testid^="companion-details-"]').nth(1);
    await details.click();
    await details.evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await shot('step');
    await p.locator('[data-testid^="companion-document-"]').first().click();
    await p
      .getByTestId('companion-documents')
      .evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await shot('documents');
    await p.goto(`${url.split('#')[0]}#${url.split('#')[1]!.slice(0, 6)}`);
    await p.getByTestId('companion-problem').waitFor();
    await shot('damaged');
    await phone.close();
  });
}

/**
 * "Check this kiosk" in Kazakh and Russian (docs/deploy.md), after a test page so the last good
 * print is filled in; with the readiness report and the staff card as printed (docs/sheets/).
 */
for (const locale of ['kk', 'ru'] as const) {
  test(`staff diagnostics in ${locale}`, async ({ kiosk: page }) => {
    await page.evaluate(
      ([settings]) => {
        localStorage.setItem('citizensec-kiosk:print-simulation', 'ok');
        localStorage.setItem('citizensec-kiosk:settings', settings!);
      },
      [SETTINGS],
    );
    await page.reload();
    await page.getByTestId('attract').waitFor();
    await page.mouse.move(30, 30);
    await page.mouse.down();
    await page.waitForTimeout(3100);
    await page.mouse.up();
    for (const d of STAFF_PIN) await page.getByTestId(`pin-key-${d}`).click();
    await page.getByTestId('pin-enter').click();
    await page.getByTestId(`staff-lang-${locale}`).click();
    await page.getByTestId('staff-check-section').waitFor();
    await page.getByTestId('staff-check-section').screenshot({
      path: `${OUT}/staff-check-section-${locale}.png`,
    });
    await page.getByTestId('staff-check-open').click();
    await page.getByTestId('staff-check-test-print').click();
    await page.getByTestId('staff-check-message').waitFor();
    await page.getByTestId('staff-check-print-report').click();
    await page.getByTestId('check-hashes-qr').waitFor();
    await page.screenshot({ path: `${OUT}/staff-diagnostics-${locale}.png` });
    await page.getByTestId('check-hashes-qr').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${OUT}/staff-diagnostics-hashes-${locale}.png` });
    await samplePaper(page, `readiness-${locale}`, 'a4');
    if (locale === 'kk') {
      await page.getByTestId('staff-check-close').click();
      await page.getByTestId('staff-print-card').click();
      await page.getByTestId('staff-card-message').waitFor();
      await samplePaper(page, 'staff-card', 'a4');
    }
  });
}

/** Long press on the top left corner: the way staff get in (the staff card says so). */
async function holdCorner(page: Page): Promise<void> {
  await page.mouse.move(30, 30);
  await page.mouse.down();
  await page.waitForTimeout(3100);
  await page.mouse.up();
}

/**
 * The staff screens docs/deploy.md shows, in Kazakh and Russian: settings with the on-screen
 * keyboard open and two fields locked by IT's policy, the counters with a finished day opened,
 * and a USB stick to export to.
 */
test.describe('staff screens under a policy', () => {
  test.use({
    policy: { settings: { paper: 'a4', idle: { warningSeconds: 45 } } },
  });
  for (const locale of ['kk', 'ru'] as const) {
    test(`in ${locale}`, async ({ kiosk: page }) => {
      const today = new Date();
      const iso = (d: Date) =>
        `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
      const day = (date: string, visits: number) => ({
        date,
        visits,
        completed: visits - 1,
        printed: visits - 2,
        printFailures: 0,
        languages: { kk: visits - 3, ru: 3, en: 0 },
        steps: { 'stop-credit': { done: 4, later: 2, 'not-relevant': 0 } },
        documents: { 'police-application': 2 },
      });
      await page.evaluate(
        ([settings, counters]) => {
          localStorage.setItem('citizensec-kiosk:settings', settings!);
          localStorage.setItem('citizensec-kiosk:counters', counters!);
          localStorage.setItem(
            'citizensec-kiosk:drives',
            JSON.stringify([
              { path: '/media/kiosk/KINGSTON', label: 'KINGSTON', freeBytes: 14_200_000_000 },
            ]),
          );
        },
        [SETTINGS, JSON.stringify([day(iso(today), 9), day(iso(yesterday), 12)])],
      );
      await page.reload();
      await page.getByTestId('attract').waitFor();
      await holdCorner(page);
      for (const d of STAFF_PIN) await page.getByTestId(`pin-key-${d}`).click();
      await page.getByTestId('pin-enter').click();
      await page.getByTestId(`staff-lang-${locale}`).click();
      await page.getByTestId('staff-branch-name').click();
      await page.getByTestId('osk').waitFor();
      await page.screenshot({ path: `${OUT}/staff-keyboard-${locale}.png` });
      await page.getByTestId('staff-warningSeconds').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${OUT}/staff-locked-${locale}.png` });
      const details = page.getByTestId(`staff-counters-details-${iso(yesterday)}`);
      await details.click();
      await page.getByTestId('staff-counters-table').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${OUT}/staff-counters-${locale}.png` });
      await page.getByTestId('staff-drive-KINGSTON').scrollIntoViewIfNeeded();
      await page.getByTestId('staff-drive-KINGSTON').click();
      await page.getByTestId('staff-export-message').waitFor();
      await page.screenshot({ path: `${OUT}/staff-export-${locale}.png` });
    });
  }
});

/** A kiosk with no PIN and no setup code: staff entry only says to call IT. */
test.describe('staff entry with no PIN', () => {
  test.use({ staffPin: false });
  test('says to call IT', async ({ kiosk: page }) => {
    await holdCorner(page);
    await page.getByTestId('staff-entry-message').waitFor();
    await page.screenshot({ path: `${OUT}/staff-call-it.png` });
  });
});

/**
 * Audio guidance (docs/accessibility.md): a step with the audio bar open, at the largest text on
 * a portrait screen, in Kazakh and Russian.
 */
test.describe('audio guidance, portrait, largest text', () => {
  test.use({ viewportSize: { width: 1080, height: 1920 } });
  for (const locale of ['kk', 'ru'] as const) {
    test(`in ${locale}`, async ({ kiosk: page }) => {
      await page.getByTestId('text-size').click();
      await page.getByTestId('text-size').click();
      await answerTriage(page, locale, answers);
      await page.getByTestId('next').click();
      await page.getByTestId('audio').click();
      await page.getByTestId('audio-bar').waitFor();
      await page.screenshot({ path: `${OUT}/${locale}-largest-portrait-audio-step.png` });
    });
  }
});
