import { execFileSync } from 'node:child_process';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { answerTriage, content, expectedPlan } from './visit';
import type { Answers } from '../../core/visit/plan';
import type { DocumentLocale } from '../../core/content/model';

const SETTINGS_KEY = 'citizensec-kiosk:settings';
const SIMULATION_KEY = 'citizensec-kiosk:print-simulation';
const COUNTERS_KEY = 'citizensec-kiosk:counters';

/** A visitor who told a 1414 code and their card, took a loan on the caller's word, lost money. */
const answers: Answers = {
  shared: ['egov-code', 'card'],
  acted: ['took-loan'],
  money: ['yes'],
  loan: ['yes'],
};

async function configure(page: Page, settings: object) {
  await page.evaluate(
    ([key, value, simKey]) => {
      localStorage.setItem(key!, value!);
      localStorage.setItem(simKey!, 'ok');
    },
    [SETTINGS_KEY, JSON.stringify(settings), SIMULATION_KEY],
  );
  await page.reload();
  await page.getByTestId('attract').waitFor();
}

/** Walks a visit to the summary, marking "call your bank" done on the way. */
async function toSummary(page: Page, locale: 'kk' | 'ru' | 'en', a: Answers = answers) {
  await answerTriage(page, locale, a);
  await page.getByTestId('next').click();
  for (const id of expectedPlan(a)) {
    if (id === 'contact-bank') await page.getByTestId('status-done').click();
    await page.getByTestId('next').click();
  }
  await expect(page.getByTestId('documents-offer')).toBeVisible();
}

/** The document in #print-root as a PDF, the way the kiosk prints it: A4, no margins. */
async function documentPdf(page: Page, testInfo: TestInfo, name: string) {
  await page.emulateMedia({ media: 'print' });
  const file = testInfo.outputPath(`${name}.pdf`);
  await page.pdf({
    path: file,
    format: 'A4',
    printBackground: true,
    margin: { top: '0', bottom: '0', left: '0', right: '0' },
  });
  await page.emulateMedia({ media: 'screen' });
  const raw = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  const pages = Number(
    /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1],
  );
  return { file, flat: raw.replace(/\s+/g, ' '), fonts, pages };
}

/** The phrases a document's template has for the options the visitor chose, in one language. */
function chosenPhrases(
  id: string,
  l: DocumentLocale,
  a: Answers,
): { said: string[]; unsaid: string[] } {
  const said: string[] = [];
  const unsaid: string[] = [];
  for (const b of content.documents.find((d) => d.id === id)!.body)
    if ('chosen' in b)
      for (const c of b.chosen)
        for (const [option, text] of Object.entries(c.options))
          // Without its ending: a list's last item ends with "." rather than ";".
          ((a[c.question] ?? []).includes(option) ? said : unsaid).push(
            text[l].replace(/[;.]$/, ''),
          );
  return { said, unsaid };
}

const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/g;
const today = () => {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()}`;
};

test('each document fits the plan, and prints in Kazakh and Russian with the visit’s facts and blanks', async ({
  kiosk: page,
}, testInfo) => {
  await configure(page, {
    paper: 'a4',
    branchType: 'police',
    branchName: 'УП Алмалинского района',
  });
  await toSummary(page, 'ru');
  const offered = await page
    .locator('[data-testid^="document-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  expect(offered.sort()).toEqual(content.documents.map((d) => `document-${d.id}`).sort());

  for (const d of content.documents) {
    await page.getByTestId(`document-${d.id}`).click();
    await expect(page.getByRole('heading', { level: 1, name: d.title.ru })).toBeVisible();
    // Russian screen, Russian paper at first; then the language last chosen.
    const expected = d === content.documents[0] ? 'ru' : 'kk';
    await expect(page.getByTestId(`document-language-${expected}`)).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    for (const l of ['ru', 'kk'] as DocumentLocale[]) {
      await page.getByTestId(`document-language-${l}`).click();
      await expect(page.getByTestId('document-preview').getByTestId('document')).toHaveAttribute(
        'lang',
        l,
      );
      const pdf = await documentPdf(page, testInfo, `${d.id}-${l}`);
      expect(pdf.pages, `${d.id} ${l}`).toBeLessThanOrEqual(2);
      expect(pdf.flat).toContain(d.heading[l]);
      expect(pdf.flat).toContain(today());
      const { said, unsaid } = chosenPhrases(d.id, l, answers);
      for (const p of said) expect(pdf.flat, `${d.id} ${l}`).toContain(p);
      for (const p of unsaid) expect(pdf.flat, `${d.id} ${l}`).not.toContain(p);
      // Only the font the kiosk bundles, embedded: Chromium embeds its variable Noto Sans as
      // unnamed Type 3 fonts, and a letter it lacked would bring in a named system font.
      const fontLines = pdf.fonts.split('\n').slice(2).filter(Boolean);
      expect(fontLines.length).toBeGreaterThan(0);
      for (const f of fontLines) expect(f).toMatch(/^\[none\]\s+Type 3\s+Custom\s+yes/);
      if (l === 'kk') {
        // The letters Kazakh adds to Russian come out as text: many of them, and every one the
        // document's heading uses.
        const printed = new Set(pdf.flat.match(KAZAKH_LETTERS));
        expect(printed.size).toBeGreaterThanOrEqual(7);
        for (const c of d.heading.kk.match(KAZAKH_LETTERS) ?? [])
          expect(printed.has(c), `${d.id}: ${c}`).toBe(true);
      }
    }
    if (d.id === 'police-application') {
      const pdf = await documentPdf(page, testInfo, 'police-addressee');
      expect(pdf.flat).toContain('УП Алмалинского района');
    }
    await page.getByTestId('back').click();
  }
  // The screen stayed in Russian throughout.
  await expect(page.getByTestId('documents-offer')).toContainText('Документы с собой');
});

test('a receipt-only kiosk says documents need A4, and offers no print', async ({
  kiosk: page,
}) => {
  await configure(page, { paper: 'receipt-80' });
  await toSummary(page, 'kk');
  await page.getByTestId('document-police-application').click();
  await expect(page.getByTestId('document-needs-a4')).toBeVisible();
  await expect(page.getByTestId('print')).toHaveCount(0);
  await expect(page.getByTestId('document-preview')).toBeVisible();
  // With no companion page, no phone code is offered for the documents.
  await expect(page.getByTestId('phone-plan')).toHaveCount(0);
});

test('a receipt-only kiosk with a companion page offers the documents through the phone code', async ({
  kiosk: page,
}, testInfo) => {
  await configure(page, { paper: 'receipt-80', companionUrl: 'https://citizensec.example/plan/' });
  await toSummary(page, 'ru');
  await page.getByTestId('document-police-application').click();
  await expect(page.getByTestId('document-needs-a4')).toContainText('телефон');
  await expect(page.getByTestId('print')).toHaveCount(0);
  // The code on screen, read as a phone camera would: a link to the companion page.
  const shot = testInfo.outputPath('phone-code.png');
  await page.getByTestId('phone-plan').locator('svg').screenshot({ path: shot });
  const read = execFileSync('zbarimg', ['-q', '--raw', shot], { encoding: 'utf8' }).trim();
  expect(read).toMatch(/^https:\/\/citizensec\.example\/plan\/#[A-Za-z0-9_-]+$/);
});

test('a printed document is counted by type, and the visitor goes back to the plan', async ({
  kiosk: page,
}) => {
  await configure(page, { paper: 'a4' });
  await toSummary(page, 'en');
  await page.getByTestId('document-bank-letter').click();
  await expect(page.getByTestId('document-language-ru')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('print').click();
  await expect(page.getByTestId('printing')).toHaveAttribute('data-phase', 'done');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('take your document');
  const counted = await page.evaluate(
    (k) => JSON.parse(localStorage.getItem(k!) ?? '[]'),
    COUNTERS_KEY,
  );
  expect(counted[0].documents).toEqual({ 'bank-letter': 1 });
  expect(counted[0].printed).toBe(0);
  await page.getByTestId('to-plan').click();
  await expect(page.getByTestId('documents-offer')).toBeVisible();
});

test('a failed sheet print still offers the documents', async ({ kiosk: page }) => {
  await configure(page, { paper: 'a4' });
  await toSummary(page, 'ru');
  await page.getByTestId('print-plan').click();
  await page.evaluate(([k]) => localStorage.setItem(k!, 'paper-out'), [SIMULATION_KEY]);
  await page.getByTestId('print').click();
  await expect(page.getByTestId('printing')).toHaveAttribute('data-phase', 'failed');
  await page.getByTestId('document-police-application').click();
  await expect(page.getByTestId('document-preview')).toBeVisible();
  // The printer is still out of paper: the page says so and offers no print.
  await expect(page.getByTestId('printer-unavailable')).toBeVisible();
  await expect(page.getByTestId('print')).toBeDisabled();
});
