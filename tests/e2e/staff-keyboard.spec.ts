import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, STAFF_PIN, targetOf, test } from './fixtures';
import { answerTriage, content } from './visit';

/*
 * Staff at a kiosk with a touchscreen and nothing else: every staff field is typed on the
 * on-screen keyboard, by tapping its keys (never `fill` or `keyboard.type`), as under cage with
 * no USB keyboard; the staff screen speaks the staff language, and hands the visitor theirs back.
 */

const messages = (l: 'kk' | 'ru' | 'en'): Record<string, string> =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../locales/${l}.json`), 'utf8'));
const kk = messages('kk');
const en = messages('en');

test.use({ touch: true });

// eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
test.beforeEach(({}, testInfo) => {
  test.skip(targetOf(testInfo) === 'electron', 'staff flows are driven in the browser build');
});

/** Holds a finger on the top left corner, then taps the staff PIN. */
async function openStaff(page: Page): Promise<void> {
  await page.mouse.move(30, 30);
  await page.mouse.down();
  await page.waitForTimeout(3100);
  await page.mouse.up();
  for (const d of STAFF_PIN) await page.getByTestId(`pin-key-${d}`).tap();
  await page.getByTestId('pin-enter').tap();
  await expect(page.getByTestId('staff-panel')).toBeVisible();
}

const LAYOUTS = ['kk', 'ru', 'latin', 'symbols'] as const;

/** Taps `text` on the on-screen keyboard: shift for a capital, another layout where needed. */
async function tapText(page: Page, text: string): Promise<void> {
  const osk = page.getByTestId('osk');
  for (const ch of text) {
    if (ch === ' ') {
      await osk.getByTestId('osk-space').tap();
      continue;
    }
    const lower = ch.toLocaleLowerCase('kk');
    const key = osk.getByTestId(`osk-key-${lower}`);
    for (const layout of LAYOUTS) {
      if (await key.isVisible()) break;
      await osk.getByTestId(`osk-layout-${layout}`).tap();
    }
    if (lower !== ch) await osk.getByTestId('osk-shift').tap();
    await key.tap();
  }
}

test('a branch name in Kazakh and a phone typed on the screen are saved and kept', async ({
  kiosk,
}) => {
  await openStaff(kiosk);
  // No visitor yet: the staff screen is in the kiosk's default language, Kazakh.
  await expect(kiosk.locator('#staff-title')).toHaveText(kk.titleStaff!);

  const name = kiosk.getByTestId('staff-branch-name');
  await name.tap();
  const osk = kiosk.getByTestId('osk');
  await expect(osk).toBeVisible();
  await expect(osk).toHaveAttribute('data-layout', 'kk');
  // The system's own keyboard stays away: the field asks for none.
  await expect(name).toHaveAttribute('inputmode', 'none');
  await tapText(kiosk, 'Қызылорда, Әйтеке би 12');
  await expect(name).toHaveValue('Қызылорда, Әйтеке би 12');
  // Typing at the caret: back two characters, one more letter there.
  await name.evaluate((el: HTMLInputElement) => el.setSelectionRange(9, 9));
  await osk.getByTestId('osk-backspace').tap();
  await tapText(kiosk, 'а');
  await expect(name).toHaveValue('Қызылорда, Әйтеке би 12');
  await expect(name).toBeFocused();

  const phone = kiosk.getByTestId('staff-branch-phone');
  await phone.tap();
  await expect(osk).toHaveAttribute('data-layout', 'symbols');
  await tapText(kiosk, '+7 (727) 250-00-00');
  await expect(phone).toHaveValue('+7 (727) 250-00-00');
  // The keyboard docks under the field, never over it.
  const field = (await phone.boundingBox())!;
  const keys = (await osk.boundingBox())!;
  expect(field.y + field.height).toBeLessThanOrEqual(keys.y);
  await expect(phone).toBeInViewport();
  await osk.getByTestId('osk-done').tap();
  await expect(osk).toHaveCount(0);
  await expect(phone).toHaveValue('+7 727 250 00 00');

  await kiosk.getByTestId('staff-save').tap();
  await expect(kiosk.getByTestId('staff-save-message')).toHaveText(kk.labelStaffSaved!);

  await kiosk.reload();
  await kiosk.getByTestId('attract').waitFor();
  await openStaff(kiosk);
  await expect(kiosk.getByTestId('staff-branch-name')).toHaveValue('Қызылорда, Әйтеке би 12');
  await expect(kiosk.getByTestId('staff-branch-phone')).toHaveValue('+7 727 250 00 00');
});

test.describe('on a smaller screen', () => {
  test.use({ viewportSize: { width: 1280, height: 720 } });

  test('a phone that cannot be dialled is named, scrolled to and focused on save', async ({
    kiosk,
  }) => {
    await openStaff(kiosk);
    await kiosk.getByTestId('staff-lang-en').tap();
    const police = kiosk.getByTestId('staff-police-phone');
    await police.tap();
    await tapText(kiosk, '8 727 25');
    await kiosk.getByTestId('osk-done').tap();
    await expect(kiosk.getByTestId('osk')).toHaveCount(0);

    const save = kiosk.getByTestId('staff-save');
    await save.scrollIntoViewIfNeeded();
    await expect(police).not.toBeInViewport();
    await save.tap();
    await expect(kiosk.getByTestId('staff-save-message')).toHaveText(
      `Check: ${en.labelStaffPolicePhone}`,
    );
    await expect(police).toBeFocused();
    await expect(police).toBeInViewport();
    // Focused, so its keyboard is up on digits to mend it, and the field above it.
    const osk = kiosk.getByTestId('osk');
    await expect(osk).toHaveAttribute('data-layout', 'symbols');
    expect((await police.boundingBox())!.y).toBeLessThan((await osk.boundingBox())!.y);
    await tapText(kiosk, '4 00 00');
    await osk.getByTestId('osk-done').tap();
    await save.tap();
    await expect(kiosk.getByTestId('staff-save-message')).toHaveText(en.labelStaffSaved!);
    await expect(police).toHaveValue('+7 727 254 00 00');
  });
});

test("staff keep their own language, read staff notes in it and in the visitor's", async ({
  kiosk,
}) => {
  await answerTriage(kiosk, 'ru', { shared: ['bank-code'], money: ['yes'], loan: ['no'] });
  await kiosk.getByTestId('next').click();
  const contactBank = content.steps.find((s) => s.id === 'contact-bank')!;
  while ((await kiosk.getByTestId('step-title').innerText()) !== contactBank.title.ru)
    await kiosk.getByTestId('next').click();

  await openStaff(kiosk);
  // The visitor reads Russian; the staff screen opens in the staff language (Kazakh here).
  await expect(kiosk.locator('#staff-title')).toHaveText(kk.titleStaff!);
  await kiosk.getByTestId('staff-lang-en').tap();
  await expect(kiosk.locator('#staff-title')).toHaveText(en.titleStaff!);
  // Assisting returns to the visitor's screen at once, in the visitor's language.
  await kiosk.getByTestId('staff-assist').tap();

  await expect(kiosk.getByTestId('step-title')).toHaveText(contactBank.title.ru);
  const notes = kiosk.getByTestId('staff-note-text');
  await expect(notes).toHaveCount(2);
  await expect(notes.nth(0)).toHaveAttribute('lang', 'en');
  await expect(notes.nth(0)).toContainText(contactBank.staffNotes.bank!.en);
  await expect(notes.nth(1)).toHaveAttribute('lang', 'ru');
  await expect(notes.nth(1)).toContainText(contactBank.staffNotes.bank!.ru);

  // Kept as a setting: the next time staff come, the screen is in English straight away.
  await openStaff(kiosk);
  await expect(kiosk.locator('#staff-title')).toHaveText(en.titleStaff!);
  await kiosk.getByTestId('staff-back').tap();
  await expect(kiosk.getByTestId('step-title')).toHaveText(contactBank.title.ru);
});
