import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { answerTriage, content, expectedPlan } from './visit';
import type { Locale } from '../../core/locales';
import type { PaperSize } from '../../core/kiosk/kiosk-api';

const SETTINGS_KEY = 'citizensec-kiosk:settings';
const SIMULATION_KEY = 'citizensec-kiosk:print-simulation';
const answers = { shared: ['egov-code', 'card'], acted: ['none'], money: ['yes'], loan: ['no'] };
/** The phones staff set for this kiosk: they go on the sheet and into the phone code. */
const PHONES = { branchPhone: '+7 727 250 00 00', policePhone: '+7 727 254 02 02' };

async function configure(page: Page, settings: object, simulation = 'ok') {
  await page.evaluate(
    ([key, value, simKey, sim]) => {
      localStorage.setItem(key!, value!);
      localStorage.setItem(simKey!, sim!);
    },
    [SETTINGS_KEY, JSON.stringify(settings), SIMULATION_KEY, simulation],
  );
  await page.reload();
  await page.getByTestId('attract').waitFor();
}

/** Walks a visit, marks the first action done and the second later, and opens the preview. */
async function toPreview(page: Page, locale: Locale) {
  await answerTriage(page, locale, answers);
  await page.getByTestId('next').click();
  const plan = expectedPlan(answers);
  let actions = 0;
  for (const id of plan) {
    const step = content.steps.find((s) => s.id === id)!;
    if (step.kind === 'action' && actions < 2) {
      await page.getByTestId(actions === 0 ? 'status-done' : 'status-later').click();
      actions++;
    }
    await page.getByTestId('next').click();
  }
  await page.getByTestId('print-plan').click();
  await expect(page.getByTestId('preview')).toBeVisible();
}

/** The sheet rendered to PDF in print media, as the kiosk renders it for the printer. */
async function sheetPdf(page: Page, paper: PaperSize, testInfo: TestInfo, name: string) {
  await page.emulateMedia({ media: 'print' });
  const lengthMm = await page.evaluate(() =>
    Math.ceil(
      (document.querySelector('#print-root .sheet')!.getBoundingClientRect().height * 25.4) / 96,
    ),
  );
  const file = testInfo.outputPath(`${name}.pdf`);
  await page.pdf({
    path: file,
    printBackground: true,
    margin: { top: '0', bottom: '0', left: '0', right: '0' },
    ...(paper === 'a4' ? { format: 'A4' } : { width: '80mm', height: `${lengthMm}mm` }),
  });
  await page.emulateMedia({ media: 'screen' });
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  // In content order: a two-column page's lines are not interleaved.
  const raw = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  const pages = Number(
    /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1],
  );
  return { file, text, raw, pages, lengthMm };
}

/**
 * Every QR code on every page of the PDF, read from a 300 dpi rendering by zbar: the count of
 * codes, and their contents (zbar's raw output keeps UTF-8 intact, one code after another).
 */
function readQrCodes(pdf: string, testInfo: TestInfo): { count: number; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sheet-png-'));
  execFileSync('pdftoppm', ['-r', '300', '-png', pdf, join(dir, 'page')]);
  let count = 0;
  let text = '';
  for (const f of readdirSync(dir).sort()) {
    const png = join(dir, f);
    copyFileSync(png, testInfo.outputPath(f));
    const zbar = (...args: string[]) =>
      spawnSync('zbarimg', ['-q', ...args, png], { encoding: 'utf8' }).stdout ?? '';
    count += (zbar('--xml').match(/<symbol /g) ?? []).length;
    text += zbar('--raw');
  }
  return { count, text };
}

/** A4 keeps to two pages in 12 pt, for the fullest plan too (core/visit/sheet-fit.ts). */
const A4_MAX_PAGES = 2;
/** The fullest plan's receipt, at most. */
const RECEIPT_MAX_MM = 450;

/** How the sheet names the bank branch's own phone. */
const BRANCH_LABEL = {
  kk: 'Осы банк бөлімшесі',
  ru: 'Это отделение банка',
  en: 'This bank branch',
} as const;

const plan = expectedPlan(answers);
const actionIds = plan.filter((id) => content.steps.find((s) => s.id === id)!.kind === 'action');
const linksInPlan = [
  ...new Set(plan.flatMap((id) => content.steps.find((s) => s.id === id)!.links.map((l) => l.url))),
];

for (const paper of ['a4', 'receipt-80'] as const) {
  for (const locale of ['kk', 'ru', 'en'] as const) {
    test(`the ${paper} sheet in ${locale} carries the plan, its marks, numbers and working QR codes`, async ({
      kiosk: page,
    }, testInfo) => {
      await configure(page, { paper, branchName: 'Branch 7', defaultLocale: locale, ...PHONES });
      await toPreview(page, locale);
      await page.screenshot({ path: testInfo.outputPath(`preview-${paper}-${locale}.png`) });
      const { file, raw, pages } = await sheetPdf(
        page,
        paper,
        testInfo,
        `sheet-${paper}-${locale}`,
      );
      const flat = raw.replace(/\s+/g, ' ');

      const title = (id: string) => content.steps.find((s) => s.id === id)!.title[locale];
      for (const id of actionIds) expect(flat, id).toContain(title(id).slice(0, 25));
      for (const dial of ['102', '1414', '7111', PHONES.branchPhone, PHONES.policePhone])
        expect(flat).toContain(dial);
      expect(flat).toContain(`${BRANCH_LABEL[locale]} (Branch 7)`);
      expect(flat).toContain('Branch 7');
      expect(flat).toContain(content.meta.checkedAsOf.split('-').reverse().join('.'));
      expect(flat).toContain(content.meta.recoveryWarning[locale]);
      // The receipt is short by design: the sites and the reminders are the A4 sheet's.
      const siteCodes = paper === 'a4' && (await siteCodesKept(page));
      if (paper === 'a4') {
        for (const url of linksInPlan) expect(flat).toContain(new URL(url).hostname);
        expect(flat).toContain('info@citizensec.kz');
        expect(pages).toBeLessThanOrEqual(A4_MAX_PAGES);
      } else {
        expect(pages).toBe(1);
      }

      // One code per official link (while the sheet keeps them) and one for the plan, each
      // readable from paper.
      const codes = readQrCodes(file, testInfo);
      expect(codes.count).toBe((siteCodes ? linksInPlan.length : 0) + 1);
      const lines = codes.text.split('\n');
      if (siteCodes) for (const url of linksInPlan) expect(lines).toContain(url);
      // The plan code holds what is left to do in the visitor's language, and what is done.
      const short = (id: string) => content.steps.find((s) => s.id === id)!.short[locale];
      // The code says its text is UTF-8 (ECI 26), so it reads back exactly, "·" included.
      const heading = {
        kk: 'Менің іс-қимыл жоспарым',
        ru: 'Мой план действий',
        en: 'My action plan',
      };
      expect(codes.text).toContain(`${heading[locale]} · CitizenSec`);
      expect(lines).toContain(`[ ] ${short(actionIds[1]!)}`);
      expect(codes.text).toContain(short(actionIds[0]!));
      expect(lines).not.toContain(`[ ] ${short(actionIds[0]!)}`);
      expect(codes.text).toContain(`: ${PHONES.branchPhone}, ${PHONES.policePhone}, `);
      for (const dial of ['102', '1414']) expect(codes.text).toContain(dial);
    });
  }
}

/** Whether the A4 sheet kept the official sites' QR codes, or cut them to fit two pages. */
async function siteCodesKept(page: Page): Promise<boolean> {
  return (await page.locator('#print-root').getAttribute('data-site-codes')) === 'true';
}

/** The text of one page of a PDF, in content order, whitespace made single spaces. */
function pageText(file: string, n: number): string {
  return execFileSync('pdftotext', ['-raw', '-f', String(n), '-l', String(n), file, '-'], {
    encoding: 'utf8',
  }).replace(/\s+/g, ' ');
}

/**
 * Walks the fullest plan (every question "not sure", every step in it) to its summary; with
 * `done`, every step that can be marked done is.
 */
async function toFullestSummary(page: Page, locale: Locale, done = false) {
  await answerTriage(page, locale, {});
  await page.getByTestId('next').click();
  for (const _ of expectedPlan({})) {
    if (done && (await page.getByTestId('status-done').count()) > 0)
      await page.getByTestId('status-done').click();
    await page.getByTestId('next').click();
  }
  await page.getByTestId('print-plan').waitFor();
}

/** Walks to the preview of the fullest plan. */
async function toFullestPreview(page: Page, locale: Locale) {
  await toFullestSummary(page, locale);
  await page.getByTestId('print-plan').click();
  await expect(page.getByTestId('preview')).toBeVisible();
}

/** A screen of this size, with the text at its largest. */
async function largestTextOn(page: Page, width: number, height: number) {
  await page.setViewportSize({ width, height });
  await page.getByTestId('text-size').click();
  await page.getByTestId('text-size').click();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', '2');
}

/** The blocks of the preview's sheet, and of the sheet that prints. */
function sheetBlocksOf(page: Page) {
  return {
    preview: page.getByTestId('preview').locator('.sheet > *'),
    printed: page.locator('#print-root .sheet > *'),
  };
}

/** Where the preview's paper and the screen's scrolling part are on the screen. */
function paperAndScreen(page: Page) {
  return page.evaluate(() => {
    const at = (s: string) => {
      const { left, right, bottom } = document.querySelector(s)!.getBoundingClientRect();
      return { left, right, bottom };
    };
    return { paper: at('[data-testid="preview"]'), screen: at('.screen__body') };
  });
}

for (const locale of ['kk', 'ru', 'en'] as const) {
  test(`the fullest plan in ${locale}: two A4 pages with every warning, and a short receipt`, async ({
    kiosk: page,
  }, testInfo) => {
    const fullest = expectedPlan({});
    const warnings = [
      ...new Set(
        fullest.flatMap((id) =>
          content.steps
            .find((s) => s.id === id)!
            .notes.filter((n) => n.kind === 'warning')
            .map((n) => n.text[locale]),
        ),
      ),
    ];
    expect(warnings.length).toBeGreaterThan(5);

    await configure(page, { paper: 'a4', defaultLocale: locale, ...PHONES, branchName: 'B 7' });
    await toFullestPreview(page, locale);
    const a4 = await sheetPdf(page, 'a4', testInfo, `fullest-a4-${locale}`);
    expect(a4.pages).toBeLessThanOrEqual(A4_MAX_PAGES);
    const flat = a4.raw.replace(/\s+/g, ' ');
    for (const w of warnings) expect(flat, w).toContain(w);
    expect(flat).toContain(content.meta.recoveryWarning[locale]);
    // Every trick of how scammers act, in its short form.
    for (const t of content.steps.find((s) => s.id === 'scam-tactics')!.substeps)
      expect(flat).toContain((t.brief ?? t.text)[locale]);
    // What did not fit is said, and each shortened step is marked.
    await expect(page.locator('#print-root [data-testid="sheet-left-out"]')).toBeVisible();
    expect(await page.locator('#print-root .sheet__cut').count()).toBeGreaterThan(0);
    // Free numbers say so.
    const free = { kk: 'тегін', ru: 'бесплатно', en: 'free' }[locale];
    expect(flat).toMatch(new RegExp(`102 [^0-9]*${free}`));

    await configure(page, { paper: 'receipt-80', defaultLocale: locale, ...PHONES });
    await toFullestPreview(page, locale);
    const receipt = await sheetPdf(page, 'receipt-80', testInfo, `fullest-receipt-${locale}`);
    expect(receipt.lengthMm).toBeLessThanOrEqual(RECEIPT_MAX_MM);
    for (const id of fullest.filter(
      (id) => content.steps.find((s) => s.id === id)!.kind === 'action',
    ))
      expect(receipt.raw.replace(/\s+/g, ' ')).toContain(
        content.steps.find((s) => s.id === id)!.title[locale].slice(0, 20),
      );
  });
}

/** Where the preview's first painted frame had its paper end, against the screen's scrolling part. */
interface FirstFrame {
  readonly paperBottom: number;
  readonly shownTo: number;
  readonly whole: boolean;
}

for (const { locale, width, height, done } of [
  { locale: 'kk', width: 1920, height: 1080, done: false },
  { locale: 'ru', width: 1080, height: 1920, done: true },
] as const)
  test(`the preview's first frame shows the sheet down to the screen's bottom, the rest follows as it prints (${locale}, ${width}×${height}, largest text${done ? ', every step done' : ''})`, async ({
    kiosk: page,
  }) => {
    await largestTextOn(page, width, height);
    await toFullestSummary(page, locale, done);
    // Seen in the page: the first frame painted once the preview is in the DOM.
    await page.evaluate(() => {
      const seen = new MutationObserver(() => {
        const paper = document.querySelector('[data-testid="preview"]');
        if (!paper) return;
        seen.disconnect();
        requestAnimationFrame(() => {
          const first: FirstFrame = {
            paperBottom: paper.getBoundingClientRect().bottom,
            shownTo: document.querySelector('.screen__body')!.getBoundingClientRect().bottom,
            whole: paper.querySelector('.sheet__footer') !== null,
          };
          (window as unknown as { firstFrame: FirstFrame }).firstFrame = first;
        });
      });
      seen.observe(document.body, { childList: true, subtree: true });
    });
    await page.getByTestId('print-plan').click();
    const first = (await (
      await page.waitForFunction(
        () => (window as unknown as { firstFrame?: FirstFrame }).firstFrame,
      )
    ).jsonValue()) as FirstFrame;
    expect(first.whole || first.paperBottom > first.shownTo, JSON.stringify(first)).toBe(true);
    const { preview, printed } = sheetBlocksOf(page);
    await expect.poll(() => preview.count()).toBe(await printed.count());
    expect(await preview.allTextContents()).toEqual(await printed.allTextContents());
  });

test('a touch before the rest of the preview has come draws it at once: the scroll buttons scroll by a whole screen, a new text size leaves no gap', async ({
  kiosk: page,
}) => {
  await largestTextOn(page, 1080, 1920);
  await toFullestSummary(page, 'ru');
  await expect(page.locator('#print-root .sheet')).toHaveCount(1);
  // The page's idle moment never comes now: the rest can only come from the visitor's touch.
  await page.evaluate('window.requestIdleCallback = () => 0');
  await page.getByTestId('print-plan').click();
  const { preview, printed } = sheetBlocksOf(page);
  const whole = await printed.count();
  expect(await preview.count()).toBeLessThan(whole);
  const body = page.locator('.screen__body');
  const before = await body.evaluate((el) => el.scrollTop);
  await page.getByTestId('scroll-down').click();
  expect(await preview.count()).toBe(whole);
  const screenHeight = await body.evaluate((el) => el.clientHeight);
  await expect
    .poll(() => body.evaluate((el) => el.scrollTop))
    .toBeGreaterThanOrEqual(before + screenHeight * 0.7);

  // Again, with the text made smaller (from the largest, the next size is the smallest).
  await page.getByTestId('back').click();
  await page.getByTestId('print-plan').click();
  expect(await preview.count()).toBeLessThan(whole);
  await page.getByTestId('text-size').click();
  expect(await preview.count()).toBe(whole);
  const { paper, screen } = await paperAndScreen(page);
  expect(paper.bottom).toBeGreaterThan(screen.bottom);

  // At every text size, the paper's whole width is in view between the screen's edge and the
  // scroll buttons.
  for (let size = 0; size < 3; size++) {
    const { paper, screen } = await paperAndScreen(page);
    expect(paper.left, `text size ${size}`).toBeGreaterThanOrEqual(screen.left);
    expect(paper.right, `text size ${size}`).toBeLessThanOrEqual(screen.right);
    await page.getByTestId('text-size').click();
  }
});

test('a bilingual A4 sheet prints the whole plan in each language, each on its own pages', async ({
  kiosk: page,
}, testInfo) => {
  await configure(page, { paper: 'a4', bilingualSheet: true });
  await toPreview(page, 'kk');
  const { file, raw, pages } = await sheetPdf(page, 'a4', testInfo, 'sheet-a4-kk-ru');
  const flat = raw.replace(/\s+/g, ' ');
  const stop = content.steps.find((s) => s.id === 'stop-credit')!;
  // Not headings only: the detail is there in both languages.
  for (const l of ['kk', 'ru'] as const) {
    expect(flat).toContain(stop.title[l]);
    expect(flat).toContain(stop.why[l]);
    expect(flat).toContain(content.meta.recoveryWarning[l]);
  }
  expect(pages).toBeLessThanOrEqual(2 * A4_MAX_PAGES);
  // The Russian sheet starts a page of its own, with its own heading.
  const starts = Array.from({ length: pages }, (_, i) => pageText(file, i + 1));
  const ruFirst = starts.findIndex((t) => t.includes('Мой план действий'));
  expect(ruFirst).toBeGreaterThan(0);
  expect(starts[ruFirst]!.trimStart().startsWith('CitizenSec Мой план действий')).toBe(true);
  expect(starts.slice(0, ruFirst).join(' ')).not.toContain(stop.title.ru);
});

test('the paper can be in another language than the screen, for this visit only', async ({
  kiosk: page,
}, testInfo) => {
  await configure(page, { paper: 'a4' });
  await toPreview(page, 'en');
  await expect(page.getByTestId('paper-language-en')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('paper-language-ru').click();
  await expect(page.getByTestId('paper-language-ru')).toHaveAttribute('aria-pressed', 'true');
  // The screen stays in English; the sheet, previewed and printed, is Russian.
  await expect(page.getByRole('heading', { level: 1, name: 'Print your plan' })).toBeVisible();
  await expect(page.getByTestId('preview').getByTestId('sheet')).toHaveAttribute('lang', 'ru');
  const { raw } = await sheetPdf(page, 'a4', testInfo, 'sheet-en-visitor-ru-paper');
  expect(raw).toContain('Мой план действий');
  expect(raw).not.toContain('My action plan');
  // The next visitor starts with paper in their own language.
  await page.getByTestId('finish').click();
  await page.getByTestId('finish-leave').click();
  await page.getByTestId('done').click();
  await toPreview(page, 'kk');
  await expect(page.getByTestId('paper-language-kk')).toHaveAttribute('aria-pressed', 'true');
});

test('printing succeeds: the visitor is told to take the sheet, then the visit ends', async ({
  kiosk: page,
}) => {
  await configure(page, { paper: 'a4' }, 'ok');
  await toPreview(page, 'ru');
  await page.getByTestId('print').click();
  await expect(page.getByTestId('printing')).toHaveAttribute('data-phase', 'done');
  await page.getByTestId('finish').click();
  await expect(page.getByTestId('done')).toBeVisible();
});

for (const problem of ['paper-out', 'printer-offline', 'job-failed'] as const) {
  test(`a print that fails with ${problem} says so plainly and offers the phone code`, async ({
    kiosk: page,
  }) => {
    await configure(page, { paper: 'receipt-80' }, 'ok');
    await toPreview(page, 'kk');
    // The printer fails between the readiness check and the print.
    await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [SIMULATION_KEY, problem]);
    await page.getByTestId('print').click();
    await expect(page.getByTestId('printing')).toHaveAttribute('data-phase', 'failed');
    await expect(page.getByTestId('print-problem')).toHaveAttribute('data-problem', problem);
    await expect(page.getByTestId('print-problem')).not.toBeEmpty();
    await expect(page.getByTestId('failure-qr')).toBeVisible();
    await expect(page.locator('body')).not.toContainText(/Error|undefined|stack/i);
    await page.getByTestId('try-again').click();
    await expect(page.getByTestId('preview')).toBeVisible();
  });
}

test('an unavailable printer is said before printing, with the phone code instead', async ({
  kiosk: page,
}) => {
  await configure(page, { paper: 'a4' }, 'paper-out');
  await toPreview(page, 'ru');
  await expect(page.getByTestId('printer-unavailable')).toBeVisible();
  await expect(page.getByTestId('print')).toBeDisabled();
  // Staff refill the paper: the preview notices within seconds, and Print comes back.
  await page.evaluate(([k]) => localStorage.setItem(k!, 'ok'), [SIMULATION_KEY]);
  await expect(page.getByTestId('print')).toBeEnabled({ timeout: 10_000 });
  await expect(page.getByTestId('printer-unavailable')).toBeHidden();
  await page.getByTestId('finish').click();
  await page.getByTestId('finish-leave').click();
  await expect(page.getByTestId('done')).toBeVisible();
});
