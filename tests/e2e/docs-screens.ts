import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from './fixtures';
import { answerTriage, expectedPlan } from './visit';
import type { Locale } from '../../src/domain/locales';

/*
 * Writes the screenshots the README and docs show (docs/screens/), by `npm run screenshots`.
 * Not part of `npm test`: the file name does not end in .spec.ts.
 */
const OUT = resolve(import.meta.dirname, '../../docs/screens');
const answers = { shared: ['egov-code'], money: ['no'], loan: ['no'] };

test('attract screen', async ({ kiosk: page }) => {
  await page.screenshot({ path: `${OUT}/attract.png` });
});

for (const locale of ['kk', 'ru', 'en'] as const satisfies readonly Locale[]) {
  test(`visit in ${locale}`, async ({ kiosk: page }) => {
    await answerTriage(page, locale, answers, async (name) => {
      if (name === '03-question-1')
        await page.screenshot({ path: `${OUT}/${locale}-question.png` });
    });
    await page.screenshot({ path: `${OUT}/${locale}-overview.png` });
    await page.getByTestId('next').click();
    const plan = expectedPlan(answers);
    for (const id of plan) {
      if (id === 'stop-credit')
        await page.screenshot({ path: `${OUT}/${locale}-step-stop-credit.png` });
      await page.getByTestId('next').click();
    }
    await page.screenshot({ path: `${OUT}/${locale}-summary.png` });
  });
}

/** Sample printed sheets (docs/sheets/): the PDF a kiosk prints, rendered to PNG pages. */
const SHEETS = resolve(import.meta.dirname, '../../docs/sheets');
for (const paper of ['a4', 'receipt-80'] as const) {
  for (const locale of ['kk', 'ru'] as const) {
    test(`sample ${paper} sheet in ${locale}`, async ({ kiosk: page }) => {
      await page.evaluate(
        ([settings]) => {
          localStorage.setItem('citizensec-kiosk:settings', settings!);
          localStorage.setItem('citizensec-kiosk:print-simulation', 'ok');
        },
        [JSON.stringify({ paper, branchName: 'Алматы, №7', defaultLocale: locale })],
      );
      await page.reload();
      const sample = { shared: ['egov-code', 'card'], money: ['yes'], loan: ['no'] };
      await answerTriage(page, locale, sample);
      await page.getByTestId('next').click();
      for (const [i] of expectedPlan(sample).entries()) {
        if (i === 0) await page.getByTestId('status-done').click();
        await page.getByTestId('next').click();
      }
      await page.getByTestId('print-plan').click();
      await page.screenshot({ path: `${OUT}/${locale}-preview-${paper}.png` });
      await page.emulateMedia({ media: 'print' });
      const lengthMm = await page.evaluate(() =>
        Math.ceil(
          (document.querySelector('#print-root .sheet')!.getBoundingClientRect().height * 25.4) /
            96,
        ),
      );
      mkdirSync(SHEETS, { recursive: true });
      const pdf = `${SHEETS}/${paper}-${locale}.pdf`;
      await page.pdf({
        path: pdf,
        printBackground: true,
        margin: { top: '0', bottom: '0', left: '0', right: '0' },
        ...(paper === 'a4' ? { format: 'A4' } : { width: '80mm', height: `${lengthMm}mm` }),
      });
      execFileSync('pdftoppm', [
        '-r',
        paper === 'a4' ? '80' : '110',
        '-png',
        pdf,
        `${SHEETS}/${paper}-${locale}`,
      ]);
      rmSync(pdf);
    });
  }
}
