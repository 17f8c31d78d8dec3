import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { answerTriage, content, expectedPlan } from './visit';
import type { Answers } from '../../core/visit/plan';
import type { Place } from '../../core/place';

/*
 * Guidance that fits the visitor and the place: what can be done right here and the kiosk's own
 * phones on the steps they belong to, the plan never lost without a question, the idle warning's
 * offer to keep the plan, and a disabled Next that says why.
 */

const SETTINGS_KEY = 'citizensec-kiosk:settings';
const PHONES = { branchPhone: '+7 727 250 00 00', policePhone: '+7 727 254 02 02' };
const lossAndCard: Answers = {
  shared: ['card'],
  acted: ['sent-money'],
  money: ['yes'],
  loan: ['no'],
};

async function at(page: Page, branchType: Place, extra: object = {}) {
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key!, value!),
    [SETTINGS_KEY, JSON.stringify({ branchType, branchName: 'Алматы, №7', ...PHONES, ...extra })],
  );
  await page.reload();
  await page.getByTestId('attract').waitFor();
}

/** From the overview, on to the step with this id. */
async function openStep(page: Page, answers: Answers, id: string, place: Place = 'bank') {
  await page.getByTestId('next').click();
  const index = expectedPlan(answers, place).indexOf(id);
  expect(index, `${id} in the plan`).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < index; i++) await page.getByTestId('next').click();
  await expect(page.getByTestId('step-title')).toHaveText(
    content.steps.find((s) => s.id === id)!.title.ru,
  );
}

test('at a bank: a clerk here can block the card now, with this branch’s phone', async ({
  kiosk: page,
}) => {
  await at(page, 'bank');
  await answerTriage(page, 'ru', lossAndCard);
  await openStep(page, lossAndCard, 'contact-bank');
  const here = page.getByTestId('here');
  await expect(here).toContainText('сотрудник может заблокировать карту и интернет-банк');
  await expect(here).toContainText(PHONES.branchPhone);
  await expect(here).toContainText('Это отделение банка (Алматы, №7)');
  // The number on the back of the card is always named.
  await expect(page.locator('main')).toContainText('по номеру на обороте карты');
  // The police step names where the nearest police is, with the station's phone staff set.
  await page.getByTestId('next').click();
  await expect(page.getByTestId('here')).toContainText(PHONES.policePhone);
  await expect(page.getByTestId('here')).toContainText('Местный отдел полиции');
  await expect(page.locator('main')).toContainText('лично в любом отделе полиции');
});

test('at a police station: the report can be made here today, ask the officer on duty', async ({
  kiosk: page,
}) => {
  await at(page, 'police');
  await answerTriage(page, 'ru', lossAndCard);
  await openStep(page, lossAndCard, 'report-fraud', 'police');
  const here = page.getByTestId('here');
  await expect(here).toContainText('Вы в полиции: заявление можно подать здесь, сегодня');
  await expect(here).toContainText('Обратитесь к дежурному');
  await expect(here).toContainText(PHONES.branchPhone);
  await expect(here).toContainText('Этот отдел полиции (Алматы, №7)');
  // The station is the local police: its own phone stands for it, once.
  await expect(here).not.toContainText(PHONES.policePhone);
  await expect(page.locator('main')).not.toContainText('лично в любом отделе полиции');
  await expect(page.locator('main')).toContainText('Подайте заявление здесь, сегодня');
});

test('at a police station in Kazakh, the same, in Kazakh', async ({ kiosk: page }) => {
  await at(page, 'police');
  await answerTriage(page, 'kk', lossAndCard);
  await page.getByTestId('next').click();
  for (const id of expectedPlan(lossAndCard, 'police')) {
    if (id === 'report-fraud') break;
    await page.getByTestId('next').click();
  }
  await expect(page.getByTestId('here')).toContainText('Сіз полициядасыз');
  await expect(page.getByTestId('here')).toContainText('Осы полиция бөлімі (Алматы, №7)');
});

test('finishing without a sheet asks first: print, show on the phone, or leave', async ({
  kiosk: page,
}) => {
  await answerTriage(page, 'ru', lossAndCard);
  await page.getByTestId('next').click();
  for (const _ of expectedPlan(lossAndCard)) await page.getByTestId('next').click();
  // Finish is the quiet choice beside the primary "print my plan".
  await expect(page.getByTestId('print-plan')).toHaveClass(/kiosk-button--primary/);
  await expect(page.getByTestId('finish')).toHaveClass(/kiosk-button--quiet/);
  await page.getByTestId('finish').click();
  const ask = page.getByTestId('confirm-finish');
  await expect(ask).toContainText('Возьмите план с собой');
  // Back to the plan: nothing lost.
  await page.getByTestId('finish-cancel').click();
  await expect(ask).toBeHidden();
  await expect(page.getByTestId('print-plan')).toBeVisible();
  // The phone code, then leaving.
  await page.getByTestId('finish').click();
  await page.getByTestId('finish-phone').click();
  await expect(page.getByTestId('phone-plan').locator('svg')).toBeVisible();
  await page.getByTestId('finish-leave').click();
  // Goodbye names what is still urgent, warns of "recovery" offers, and thanks only for done steps.
  await expect(page.getByTestId('goodbye-title')).toHaveText('Не откладывайте самое срочное');
  await expect(page.getByTestId('still-urgent')).toContainText('Позвоните в свой банк');
  await expect(page.getByTestId('still-urgent')).toContainText('Подайте заявление в полицию');
  await expect(page.getByTestId('recovery-warning')).toContainText(
    'Никто не вернёт украденные деньги за плату',
  );
  await expect(page.getByTestId('goodbye-parting')).toContainText('данные карты');
});

test('the finish question prints, and a visitor who did the urgent steps is thanked', async ({
  kiosk: page,
}) => {
  await answerTriage(page, 'kk', lossAndCard);
  await page.getByTestId('next').click();
  for (const id of expectedPlan(lossAndCard)) {
    if (content.steps.find((s) => s.id === id)!.kind === 'action')
      await page.getByTestId('status-done').click();
    await page.getByTestId('next').click();
  }
  await page.getByTestId('finish').click();
  await page.getByTestId('finish-print').click();
  await expect(page.getByTestId('preview')).toBeVisible();
  await page.getByTestId('finish').click();
  await page.getByTestId('finish-leave').click();
  await expect(page.getByTestId('goodbye-title')).toHaveText(
    'Рақмет! Сіз маңызды қадамдар жасадыңыз.',
  );
  await expect(page.getByTestId('still-urgent')).toBeHidden();
});

test.describe('the idle warning', () => {
  test.use({ fakeClock: true });

  test('offers to print the plan and shows its phone code once there is a plan', async ({
    kiosk: page,
  }) => {
    await answerTriage(page, 'ru', lossAndCard);
    // Still on a question: no plan yet, nothing to offer.
    await page.getByTestId('back').click();
    await page.clock.runFor(91_000);
    await expect(page.getByTestId('idle-warning')).toBeVisible();
    await expect(page.getByTestId('idle-keep-plan')).toBeHidden();
    await page.getByTestId('still-here').click();
    await page.getByTestId('next').click();
    // On the overview there is a plan.
    await page.clock.runFor(91_000);
    await expect(page.getByTestId('idle-warning')).toBeVisible();
    await expect(page.getByTestId('idle-keep-plan').locator('svg')).toBeVisible();
    await page.getByTestId('idle-print').click();
    await expect(page.getByTestId('idle-warning')).toBeHidden();
    await expect(page.getByTestId('preview')).toBeVisible();
  });

  test('waits 5 minutes on the bank step, where the visitor may be on hold', async ({
    kiosk: page,
  }) => {
    await answerTriage(page, 'ru', lossAndCard);
    await page.getByTestId('next').click();
    await expect(page.getByTestId('step-title')).toHaveText('Позвоните в свой банк');
    await page.clock.runFor(299_000);
    await expect(page.getByTestId('idle-warning')).toBeHidden();
    await page.clock.runFor(2_000);
    await expect(page.getByTestId('idle-warning')).toBeVisible();
  });
});

test('a disabled Next says why, and that "not sure" is an answer', async ({ kiosk: page }) => {
  await page.getByTestId('attract').click();
  await page.getByTestId('language-ru').click();
  await expect(page.getByTestId('next')).toBeDisabled();
  await expect(page.getByTestId('next-why')).toContainText('выберите «Не уверен(а)»');
  await page.getByTestId('option-not-sure').click();
  await expect(page.getByTestId('next-why')).toHaveText('');
  await expect(page.getByTestId('next')).toBeEnabled();
});

test('the summary’s date has real month names in Kazakh and Russian', async ({ kiosk: page }) => {
  await answerTriage(page, 'kk', lossAndCard);
  await page.getByTestId('next').click();
  for (const _ of expectedPlan(lossAndCard)) await page.getByTestId('next').click();
  await expect(page.getByTestId('checked-as-of')).toContainText('2026 жылғы 17 ақпан');
  await expect(page.getByTestId('checked-as-of')).not.toContainText('M02');
});
