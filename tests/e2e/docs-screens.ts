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
