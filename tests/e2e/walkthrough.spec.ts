import { expect, test } from './fixtures';
import { answerTriage, content, expectedPlan, shot, stepTitle } from './visit';
import { textFor, type Answers } from '../../core/visit/plan';
import type { Locale } from '../../core/locales';

interface Scenario {
  locale: Locale;
  answers: Answers;
  /** Facts that must be on screen somewhere in this visit, by step. */
  facts: Record<string, string[]>;
  checkedAsOf: string;
}

const scenarios: Scenario[] = [
  {
    locale: 'kk',
    answers: { shared: ['egov-code'], acted: ['none'], money: ['no'], loan: ['no'] },
    facts: {
      'hang-up': ['102', '1414', 'ұялы байланыс операторыңызға'],
      'stop-credit': [
        'Банктік қарыздар мен микрокредиттерді алудан ерікті түрде бас тарту',
        'egov.kz',
        '1414-тен SMS-код келеді',
      ],
      'renew-eds': [
        'pki.gov.kz',
        'Менің ЭЦҚ кілттерім',
        'ескі кілттер өздігінен кері қайтарылмайды',
      ],
      'credit-history': ['1cb.kz', '1459', '15 жұмыс күні', 'Мемлекеттік кредиттік бюро'],
      'share-story': ['info@citizensec.kz'],
    },
    checkedAsOf: '2026 жылғы 17 ақпан',
  },
  {
    locale: 'ru',
    answers: { shared: ['card', 'bank-code'], acted: ['none'], money: ['yes'], loan: ['no'] },
    facts: {
      'contact-bank': [
        'Звоните только по номеру на обороте карты',
        '7111',
        '505',
        'Антифрод-центра',
      ],
      'report-fraud': ['eotinish.kz', 'qamqor.gov.kz', '102', 'статья 71 УПК'],
      'stop-credit': ['Добровольный отказ от получения банковских займов, микрокредитов'],
      'officials-never': ['WhatsApp'],
    },
    checkedAsOf: '17 февраля 2026 г.',
  },
  {
    locale: 'en',
    answers: { shared: ['not-sure'], acted: ['took-loan'], money: ['not-sure'], loan: ['yes'] },
    facts: {
      'hang-up': ['Delete any app you installed'],
      'renew-eds': ['Issuing new keys does not revoke the old ones'],
      'report-fraud': [
        'Tell the bank or microlender that issued the loan at once',
        'eotinish.kz',
        'Even if you took the loan or sent the money yourself',
      ],
      'stop-credit': ['1 September 2024'],
    },
    checkedAsOf: '17 February 2026',
  },
];

for (const s of scenarios) {
  test(`walkthrough in ${s.locale}: answers lead to their plan, every step shows its facts`, async ({
    kiosk: page,
  }, testInfo) => {
    const plan = expectedPlan(s.answers);
    for (const id of Object.keys(s.facts))
      expect(plan, `${id} should be in the plan`).toContain(id);

    await answerTriage(page, s.locale, s.answers, (name) =>
      shot(page, testInfo, `${s.locale}-${name}`),
    );
    await expect(page.locator('html')).toHaveAttribute('lang', s.locale);

    // The overview lists the plan in order, grouped by urgency, after the reassurance.
    await expect(page.getByTestId('intro')).toHaveText(
      textFor(content.meta.intro, { answers: s.answers, place: 'bank' })[s.locale],
    );
    for (const id of plan)
      await expect(page.getByTestId(`overview-step-${id}`)).toContainText(stepTitle(id, s.locale));
    await shot(page, testInfo, `${s.locale}-04-overview`);
    await page.getByTestId('next').click();

    for (const [i, id] of plan.entries()) {
      await expect(page.getByTestId('step-title')).toHaveText(stepTitle(id, s.locale));
      await expect(page.getByTestId('progress')).toContainText(String(plan.length));
      for (const fact of s.facts[id] ?? []) await expect(page.locator('main')).toContainText(fact);
      const step = content.steps.find((x) => x.id === id)!;
      if (step.kind === 'action')
        await page.getByTestId(i % 2 === 0 ? 'status-done' : 'status-later').click();
      await shot(page, testInfo, `${s.locale}-05-step-${String(i + 1).padStart(2, '0')}-${id}`);
      await page.getByTestId('next').click();
    }

    // The summary shows every step with the status marked on it.
    for (const [i, id] of plan.entries()) {
      const step = content.steps.find((x) => x.id === id)!;
      const expected = step.kind === 'info' ? 'info' : i % 2 === 0 ? 'done' : 'later';
      await expect(page.getByTestId(`summary-${id}`)).toHaveAttribute('data-status', expected);
    }
    await expect(page.getByTestId('checked-as-of')).toContainText(s.checkedAsOf);
    await shot(page, testInfo, `${s.locale}-06-summary`);

    // A step opened again from the summary keeps its mark.
    await page.getByTestId(`summary-${plan[0]}`).click();
    await expect(page.getByTestId('status-done')).toHaveAttribute('aria-checked', 'true');
    // Back from the first step is the plan overview.
    await page.getByTestId('back').click();
    await expect(page.getByTestId('intro')).toBeVisible();
  });
}

test('nothing is fetched from anywhere but the kiosk itself', async ({
  kiosk: page,
  requests,
  baseURL,
}) => {
  await answerTriage(page, 'kk', { shared: ['not-sure'], money: ['not-sure'], loan: ['not-sure'] });
  await page.getByTestId('next').click();
  await expect(page.getByTestId('step-title')).toBeVisible();
  const origin = new URL(page.url()).origin;
  const foreign = requests.filter(
    (u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('file:'),
  );
  expect(foreign).toEqual([]);
  expect(requests.some((u) => u.endsWith('.woff2'))).toBe(true);
  expect(baseURL).toBeTruthy();
});

test('the bundled font draws every Kazakh letter', async ({ kiosk: page, requests }) => {
  await page.getByTestId('attract').click();
  await page.getByTestId('language-kk').click();
  await expect(page.getByTestId('option-egov-code')).toBeVisible();
  // Kazakh letters outside basic Cyrillic (ә ғ қ ң ө ұ ү һ) come from the font's extended subset.
  expect(requests.some((u) => /cyrillic-ext.*\.woff2$/.test(u))).toBe(true);
  const covered = await page.evaluate(async () => {
    await document.fonts.ready;
    const letters = 'әғқңөұүһіӘҒҚҢӨҰҮҺІ';
    await document.fonts.load(`26px "Noto Sans Variable"`, letters);
    return document.fonts.check(`26px "Noto Sans Variable"`, letters);
  });
  expect(covered).toBe(true);
});
