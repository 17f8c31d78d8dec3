import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, STAFF_PIN, targetOf, test } from './fixtures';

/*
 * IT's policy file in the browser build (given through local storage, as main reads
 * /etc/citizensec-kiosk/policy.json), driven by touch only: the PIN pad's keys, taps on
 * controls, never typing into a staff field. Main's side (reading the file, refusing a locked
 * save, spending the code) is unit-tested in tests/electron/main/policy.spec.ts.
 */

// eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
test.beforeEach(({}, testInfo) => {
  test.skip(targetOf(testInfo) === 'electron', 'staff flows are driven in the browser build');
});

const messages = (l: string) =>
  JSON.parse(
    readFileSync(resolve(import.meta.dirname, `../../locales/${l}.json`), 'utf8'),
  ) as Record<string, string>;
const kk = messages('kk');
const en = messages('en');
const SETUP_CODE = '58204719';

async function pressDigits(page: Page, digits: string): Promise<void> {
  for (const d of digits) await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-enter').click();
}

/** Holds a finger on the top left corner for 3 s: staff entry. */
async function holdCorner(page: Page): Promise<void> {
  await page.mouse.move(30, 30);
  await page.mouse.down();
  await page.waitForTimeout(3100);
  await page.mouse.up();
}

/** The WCAG A and AA violations axe finds on the page as it stands. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .exclude('#print-root')
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}

async function openStaff(page: Page): Promise<void> {
  await holdCorner(page);
  await pressDigits(page, STAFF_PIN);
  await expect(page.getByTestId('staff-panel')).toBeVisible();
  await page.getByTestId('staff-lang-en').click();
}

test.describe('a policy that locks settings', () => {
  test.use({
    policy: {
      settings: { branchPhone: '102', paper: 'receipt-80', idle: { warningSeconds: 45 } },
    },
  });

  test('shows them locked and set by IT; staff cannot change them, but save the rest', async ({
    kiosk,
  }) => {
    await openStaff(kiosk);
    const phone = kiosk.getByTestId('staff-branch-phone');
    await expect(phone).toHaveValue('102');
    await expect(phone).toBeDisabled();
    await expect(kiosk.locator('label', { has: phone })).toContainText(en.labelStaffSetByIt!);
    await expect(kiosk.getByTestId('staff-warningSeconds')).toHaveValue('45');
    await expect(kiosk.getByTestId('staff-warningSeconds')).toBeDisabled();
    await expect(kiosk.getByTestId('staff-policy-locked')).toContainText('3');
    // A tap on the other paper does nothing.
    await kiosk.getByTestId('staff-paper-a4').click({ force: true });
    await expect(kiosk.getByTestId('staff-paper-receipt')).toBeChecked();
    await expect(kiosk.getByTestId('staff-paper-a4')).not.toBeChecked();
    // What is not locked is staff's to change.
    await expect(kiosk.getByTestId('staff-bilingual')).toBeEnabled();
    await kiosk.getByTestId('staff-bilingual').click();
    await kiosk.getByTestId('staff-save').click();
    await expect(kiosk.getByTestId('staff-save-message')).toHaveText(en.labelStaffSaved!);

    await kiosk.reload();
    await kiosk.getByTestId('attract').waitFor();
    await openStaff(kiosk);
    await expect(kiosk.getByTestId('staff-bilingual')).toBeChecked();
    await expect(kiosk.getByTestId('staff-branch-phone')).toHaveValue('102');
    await expect(kiosk.getByTestId('staff-branch-phone')).toBeDisabled();
    // The kiosk's own settings keep their own phone: IT's value is never saved as staff's.
    const saved = await kiosk.evaluate(() => localStorage.getItem('citizensec-kiosk:settings'));
    expect(JSON.parse(saved!)).toMatchObject({ branchPhone: '', bilingualSheet: true });
  });
});

test.describe('a policy with bad fields', () => {
  test.use({
    policy: {
      settings: { branchName: 'ОП №3', branchPhone: 'call the desk', colour: 'blue' },
      setupCode: '1234',
    },
  });

  test('is reported on the staff screen field by field, and the rest applies', async ({
    kiosk,
  }) => {
    await openStaff(kiosk);
    const problems = kiosk.getByTestId('staff-policy-problem');
    await expect(kiosk.getByTestId('staff-policy-problems')).toContainText(
      en.labelStaffPolicyProblems!,
    );
    await expect(problems).toHaveCount(3);
    await expect(problems.nth(0)).toHaveText(/^settings\.branchPhone: not a phone number/);
    await expect(problems.nth(1)).toHaveText('settings.colour: not a setting of this kiosk');
    await expect(problems.nth(2)).toHaveText(/^setupCode: expected 8 to 16 digits/);
    // The good field applies and is locked; the bad one is left to staff.
    await expect(kiosk.getByTestId('staff-branch-name')).toHaveValue('ОП №3');
    await expect(kiosk.getByTestId('staff-branch-name')).toBeDisabled();
    await expect(kiosk.getByTestId('staff-branch-phone')).toBeEnabled();
    await expect(kiosk.getByTestId('staff-branch-phone')).toHaveValue('');
    expect(await violations(kiosk)).toEqual([]);
  });
});

test.describe('a policy file that is not JSON', () => {
  test.use({ policy: '{"settings": {"branchName": "ОП №3",' });

  test('is reported and ignored: nothing is locked', async ({ kiosk }) => {
    await openStaff(kiosk);
    await expect(kiosk.getByTestId('staff-policy-problem')).toHaveText(
      /^policy file: not valid JSON/,
    );
    await expect(kiosk.getByTestId('staff-branch-name')).toBeEnabled();
    await expect(kiosk.getByTestId('staff-branch-name')).toHaveValue('');
    await expect(kiosk.getByTestId('staff-policy-locked')).toHaveCount(0);
  });
});

test.describe('no PIN and no setup code', () => {
  test.use({ staffPin: false });

  test('the kiosk serves visitors, and staff entry says to call IT with no way in', async ({
    kiosk,
  }) => {
    // Nothing asks for a PIN at start: a passer-by sees the visitor's kiosk.
    await expect(kiosk.getByTestId('pin-dots')).toHaveCount(0);
    await holdCorner(kiosk);
    await expect(kiosk.getByTestId('staff-entry-message')).toHaveText(kk.labelStaffCallIt!);
    // No pad at all: nothing to press but the way back.
    for (const key of ['pin-key-4', 'pin-key-0', 'pin-enter'])
      await expect(kiosk.getByTestId(key)).toHaveCount(0);
    expect(await violations(kiosk)).toEqual([]);
    await kiosk.getByTestId('pin-cancel').click();
    await kiosk.getByTestId('attract').click();
    await expect(kiosk.getByTestId('language-ru')).toBeVisible();
    const pin = await kiosk.evaluate(() => localStorage.getItem('citizensec-kiosk:staff-pin'));
    expect(pin).toBeNull();
  });
});

test.describe('no PIN, and a setup code from IT', () => {
  test.use({ staffPin: false, policy: { setupCode: SETUP_CODE } });

  test('the code comes first, a wrong one counts as a wrong try, and it works once', async ({
    kiosk,
  }) => {
    const message = kiosk.getByTestId('staff-entry-message');
    await expect(kiosk.getByTestId('pin-dots')).toHaveCount(0);
    await holdCorner(kiosk);
    await expect(message).toHaveText(kk.instructionsStaffSetupCode!);
    await pressDigits(kiosk, '11112222');
    await expect(message).toHaveText(kk.labelStaffSetupCodeWrong!.replace('{count}', '4'));
    await pressDigits(kiosk, SETUP_CODE);
    await expect(message).toHaveText(kk.instructionsStaffSetup!);
    await pressDigits(kiosk, '739146');
    await expect(message).toHaveText(kk.instructionsStaffSetupRepeat!);
    await pressDigits(kiosk, '739146');
    await expect(kiosk.getByTestId('staff-panel')).toBeVisible();
    await kiosk.getByTestId('staff-back').click();

    // A forgotten PIN: its record is removed, as IT would remove the file. The code is spent.
    await kiosk.evaluate(() => localStorage.removeItem('citizensec-kiosk:staff-pin'));
    await kiosk.reload();
    await kiosk.getByTestId('attract').waitFor();
    await holdCorner(kiosk);
    await expect(message).toHaveText(kk.labelStaffCallIt!);
    await expect(kiosk.getByTestId('pin-enter')).toHaveCount(0);
  });
});
