import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, STAFF_PIN, targetOf, test } from './fixtures';
import { answerTriage, content, shot } from './visit';

/*
 * Staff flows in the browser build: the PIN (first set-up, entry, lockout), assisting a visit
 * without losing it, settings, counters and the test page. Main's side of each (scrypt, files,
 * staff-only refusals) is unit-tested in tests/main.
 */

// eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
test.beforeEach(({}, testInfo) => {
  test.skip(targetOf(testInfo) === 'electron', 'staff flows are driven in the browser build');
});

async function enterPin(page: Page, pin: string): Promise<void> {
  for (const d of pin) await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-enter').click();
}

/** Holds a finger on the top left corner for the given time. */
async function holdCorner(page: Page, ms: number, clock = false): Promise<void> {
  await page.mouse.move(30, 30);
  await page.mouse.down();
  if (clock) await page.clock.runFor(ms);
  else await page.waitForTimeout(ms);
  await page.mouse.up();
}

test.describe('without a PIN, with a setup code from IT', () => {
  test.use({ staffPin: false, policy: { setupCode: '58204719' } });

  test('staff enter the code, then set a PIN twice; an easy one is refused', async ({ kiosk }) => {
    const message = kiosk.getByTestId('staff-entry-message');
    // The kiosk serves visitors meanwhile; staff come in through the corner and IT's code.
    await holdCorner(kiosk, 3100);
    await enterPin(kiosk, '58204719');
    await expect(
      kiosk.getByRole('heading', { name: 'Қызметкер PIN-кодын орнатыңыз' }),
    ).toBeVisible();
    await kiosk.getByTestId('staff-lang-ru').waitFor({ state: 'detached' });
    await enterPin(kiosk, '123456');
    await enterPin(kiosk, '123456');
    await expect(message).toContainText('123456');
    await enterPin(kiosk, '739146');
    await enterPin(kiosk, '739147');
    await expect(message).toHaveText('Кодтар сәйкес келмеді. Қайтадан бастаңыз.');
    await enterPin(kiosk, '739146');
    await enterPin(kiosk, '739146');
    await expect(kiosk.getByTestId('staff-panel')).toBeVisible();
    const stored = await kiosk.evaluate(() => localStorage.getItem('citizensec-kiosk:staff-pin'));
    expect(stored).not.toContain('739146');
    expect(JSON.parse(stored!)).toMatchObject({ algorithm: 'pbkdf2-sha256' });
    await kiosk.getByTestId('staff-back').click();
    await expect(kiosk.getByTestId('attract')).toBeVisible();
  });
});

test.describe('staff entry', () => {
  test.use({ fakeClock: true });

  test('opens only after a 3 s press in the corner, and locks after 5 wrong PINs', async ({
    kiosk,
  }, testInfo) => {
    await holdCorner(kiosk, 1500, true);
    await expect(kiosk.getByTestId('pin-dots')).toHaveCount(0);
    await holdCorner(kiosk, 3100, true);
    await expect(kiosk.getByTestId('pin-dots')).toBeVisible();
    await shot(kiosk, testInfo, 'staff-pin');
    const message = kiosk.getByTestId('staff-entry-message');
    for (let left = 4; left >= 1; left -= 1) {
      await enterPin(kiosk, '111222');
      await expect(message).toContainText(`${left}`);
    }
    await enterPin(kiosk, '111222');
    await expect(message).toContainText('30');
    await expect(kiosk.getByTestId('pin-enter')).toBeDisabled();
    await kiosk.clock.runFor(31_000);
    await expect(kiosk.getByTestId('pin-enter')).toBeDisabled(); // nothing typed yet
    await enterPin(kiosk, STAFF_PIN);
    await expect(kiosk.getByTestId('staff-panel')).toBeVisible();
  });

  test('a PIN pad left open closes by itself, and the visitor screen carries on', async ({
    kiosk,
  }) => {
    await holdCorner(kiosk, 3100, true);
    await expect(kiosk.getByTestId('pin-dots')).toBeVisible();
    await kiosk.clock.runFor(61_000);
    await expect(kiosk.getByTestId('pin-dots')).toHaveCount(0);
    await expect(kiosk.getByTestId('attract')).toBeVisible();
  });
});

test('a restart keeps PIN entry locked', async ({ kiosk }) => {
  await holdCorner(kiosk, 3100);
  for (let i = 0; i < 5; i += 1) await enterPin(kiosk, '111222');
  await expect(kiosk.getByTestId('staff-entry-message')).toContainText('30');
  await kiosk.reload();
  await kiosk.getByTestId('attract').waitFor();
  await holdCorner(kiosk, 3100);
  await expect(kiosk.getByTestId('pin-dots')).toBeVisible();
  // Still locked after the reload: the seconds left are shown and not a key can be pressed.
  await expect(kiosk.getByTestId('staff-entry-message')).toContainText(/\b(2\d|30)\b/);
  for (const key of ['pin-key-1', 'pin-key-0', 'pin-enter']) {
    await expect(kiosk.getByTestId(key)).toBeDisabled();
  }
});

test('staff take over a visit, assist it with staff notes, and hand it back intact', async ({
  kiosk,
}, testInfo) => {
  await answerTriage(kiosk, 'ru', { shared: ['bank-code'], money: ['yes'], loan: ['no'] });
  await kiosk.getByTestId('next').click();
  const contactBank = content.steps.find((s) => s.id === 'contact-bank')!;
  while ((await kiosk.getByTestId('step-title').innerText()) !== contactBank.title.ru)
    await kiosk.getByTestId('next').click();
  await kiosk.getByTestId('status-later').click();

  await holdCorner(kiosk, 3100);
  await enterPin(kiosk, STAFF_PIN);
  await expect(kiosk.getByTestId('staff-panel')).toBeVisible();
  await shot(kiosk, testInfo, 'staff-panel');
  // Assisting hands the visit back at once.
  await kiosk.getByTestId('staff-assist').click();

  // The same step, the same mark, in the visitor's language, now with the bank's staff note.
  await expect(kiosk.getByTestId('step-title')).toHaveText(contactBank.title.ru);
  await expect(kiosk.getByTestId('status-later')).toHaveAttribute('aria-checked', 'true');
  const note = kiosk.getByTestId('staff-note');
  await expect(note).toContainText(contactBank.staffNotes.bank!.ru);
  await shot(kiosk, testInfo, 'staff-assisted-step');

  // Staff notes are never on the sheet.
  while (await kiosk.getByTestId('step-title').isVisible()) await kiosk.getByTestId('next').click();
  await kiosk.getByTestId('print-plan').click();
  await expect(kiosk.getByTestId('preview')).toContainText(contactBank.title.ru);
  await expect(kiosk.getByTestId('preview')).not.toContainText(contactBank.staffNotes.bank!.ru);
  await expect(kiosk.locator('#print-root')).not.toContainText(contactBank.staffNotes.bank!.ru);
});

const messages = (l: 'kk' | 'ru' | 'en'): Record<string, string> =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../locales/${l}.json`), 'utf8'));

test('the staff screens show their own text in Kazakh, Russian and English, never a message key', async ({
  kiosk,
}) => {
  // Their messages load with them (scripts/message-parts.ts), not with the page.
  const key = /\b(button|instructions|label|title)[A-Z][A-Za-z]+\b/;
  await holdCorner(kiosk, 3100);
  await expect(kiosk.locator('#staff-entry-title')).toHaveText(messages('kk').titleStaffPin!);
  expect(await kiosk.locator('body').innerText()).not.toMatch(key);
  await enterPin(kiosk, STAFF_PIN);
  await expect(kiosk.getByTestId('staff-panel')).toBeVisible();
  for (const l of ['kk', 'ru', 'en'] as const) {
    await kiosk.getByTestId(`staff-lang-${l}`).click();
    const m = messages(l);
    await expect(kiosk.locator('#staff-title')).toHaveText(m.titleStaff!);
    for (const title of ['titleStaffSettings', 'titleStaffCounters', 'titleStaffCheck'])
      await expect(kiosk.getByTestId('staff-panel')).toContainText(m[title]!);
    expect(await kiosk.getByTestId('staff-panel').innerText()).not.toMatch(key);
  }
});

test('settings are validated, saved, kept across a restart and used at once', async ({ kiosk }) => {
  await holdCorner(kiosk, 3100);
  await enterPin(kiosk, STAFF_PIN);
  await kiosk.getByTestId('staff-lang-en').click();
  await kiosk.getByTestId('staff-branch-name').fill('Almaty, Abay avenue 10');
  await kiosk.getByTestId('staff-police-phone').fill('call the desk');
  await kiosk.getByTestId('staff-save').click();
  await expect(kiosk.getByTestId('staff-save-message')).toHaveText('Check: Local police phone');
  await kiosk.getByTestId('staff-police-phone').fill('8 727 254 00 00');
  await kiosk.getByTestId('staff-type-police').check();
  await kiosk.getByTestId('staff-enabled-en').uncheck();
  await kiosk.getByTestId('staff-default-ru').check();
  await kiosk.getByTestId('staff-save').click();
  await expect(kiosk.getByTestId('staff-save-message')).toHaveText('Settings saved.');

  await kiosk.reload();
  await kiosk.getByTestId('attract').waitFor();
  await kiosk.getByTestId('attract').click();
  // English is no longer offered.
  await expect(kiosk.getByTestId('language-en')).toHaveCount(0);
  await holdCorner(kiosk, 3100);
  await enterPin(kiosk, STAFF_PIN);
  await expect(kiosk.getByTestId('staff-branch-name')).toHaveValue('Almaty, Abay avenue 10');
  await expect(kiosk.getByTestId('staff-type-police')).toBeChecked();
});

test('counters count visits without keeping any, and export as CSV', async ({ kiosk }) => {
  await answerTriage(kiosk, 'kk', { shared: ['egov-code'], money: ['no'], loan: ['no'] });
  await kiosk.getByTestId('next').click();
  await kiosk.getByTestId('status-done').click();
  await kiosk.getByTestId('start-over').click();
  await kiosk.getByTestId('confirm-start-over').click();
  await kiosk.getByTestId('attract').waitFor();

  // A USB stick, as the browser build simulates one (tests/e2e/staff-counters.spec.ts).
  await kiosk.evaluate(() =>
    localStorage.setItem(
      'citizensec-kiosk:drives',
      JSON.stringify([{ path: '/media/kiosk/USB', label: 'USB', freeBytes: 1e9 }]),
    ),
  );
  await holdCorner(kiosk, 3100);
  await enterPin(kiosk, STAFF_PIN);
  await kiosk.getByTestId('staff-lang-en').click();
  const row = kiosk.getByTestId('staff-counters-table').locator('tbody tr').first();
  await expect(row.locator('td').first()).toHaveText('1');
  await kiosk.getByTestId('staff-drive-USB').click();
  await expect(kiosk.getByTestId('staff-export-message')).toContainText('to USB.');
  const files = await kiosk.evaluate(() => localStorage.getItem('citizensec-kiosk:drive-files'));
  const [bytes] = Object.values(JSON.parse(files!) as Record<string, string>);
  const csv = Buffer.from(bytes!, 'base64').toString('utf8').slice(1).split('\r\n');
  expect(csv[0]).toMatch(/^Date;Visits;Finished;Sheets printed;Documents printed;Print failures;/);
  // One visit: its totals, and no breakdown of a day under 5 visits.
  expect(csv[1]).toMatch(/^\d{2}\.\d{2}\.\d{4};1;0;0;0;0;;;;/);
  expect(
    csv[1]!
      .split(';')
      .slice(6)
      .every((c) => c === ''),
  ).toBe(true);
});

test('a test page prints from the staff screen and is not counted', async ({ kiosk }) => {
  await kiosk.evaluate(() => localStorage.setItem('citizensec-kiosk:print-simulation', 'ok'));
  await holdCorner(kiosk, 3100);
  await enterPin(kiosk, STAFF_PIN);
  await kiosk.getByTestId('staff-lang-en').click();
  await kiosk.getByTestId('staff-test-print').click();
  await expect(kiosk.getByTestId('staff-print-message')).toHaveText(
    'The test page was sent to the printer.',
  );
  const counters = await kiosk.evaluate(() => localStorage.getItem('citizensec-kiosk:counters'));
  expect(counters).toBeNull();
  // A failure is said in the staff's language, in the words the visitor would see.
  await kiosk.evaluate(() =>
    localStorage.setItem('citizensec-kiosk:print-simulation', 'paper-out'),
  );
  await kiosk.getByTestId('staff-lang-ru').click();
  await kiosk.getByTestId('staff-test-print').click();
  await expect(kiosk.getByTestId('staff-print-message')).toHaveText(
    'Пробная страница не напечатана. В принтере закончилась бумага.',
  );
});

test.describe('assisted idle times', () => {
  test.use({ fakeClock: true });

  test('are four times longer while staff assist, and the visit still ends in the end', async ({
    kiosk,
  }) => {
    await answerTriage(kiosk, 'kk', { shared: ['card'], money: ['no'], loan: ['no'] });
    await holdCorner(kiosk, 3100, true);
    await enterPin(kiosk, STAFF_PIN);
    // The staff screen stops the visit's timer meanwhile.
    await kiosk.clock.runFor(120_000);
    await expect(kiosk.getByTestId('staff-panel')).toBeVisible();
    // Assisting hands the visit back at once.
    await kiosk.getByTestId('staff-assist').click();
    await expect(kiosk.getByTestId('staff-panel')).toHaveCount(0);
    const warning = kiosk.getByTestId('idle-countdown');
    await kiosk.clock.runFor(91_000);
    await expect(warning).toHaveCount(0);
    await kiosk.clock.runFor(4 * 90_000 - 91_000 + 1_000);
    await expect(warning).toBeVisible();
    await kiosk.clock.runFor(31_000);
    await expect(kiosk.getByTestId('attract')).toBeVisible();
    // A new visit is not assisted.
    const assisting = await kiosk.evaluate(() =>
      document.querySelector('[data-testid="staff-note"]'),
    );
    expect(assisting).toBeNull();
  });

  test('the staff screen closes by itself after 5 minutes, back to the visitor', async ({
    kiosk,
  }) => {
    await holdCorner(kiosk, 3100, true);
    await enterPin(kiosk, STAFF_PIN);
    await expect(kiosk.getByTestId('staff-panel')).toBeVisible();
    await kiosk.clock.runFor(301_000);
    await expect(kiosk.getByTestId('staff-panel')).toHaveCount(0);
    await expect(kiosk.getByTestId('attract')).toBeVisible();
  });
});
