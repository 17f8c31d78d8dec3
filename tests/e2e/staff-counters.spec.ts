import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, STAFF_PIN, targetOf, test } from './fixtures';
import { content, shot } from './visit';
import { emptyDay, localDate, type DayCounts } from '../../core/kiosk/counters';
import { shiftDate } from '../../core/kiosk/counters-view';

/*
 * The counters staff read, and their export to a USB stick, in the browser build: counts seeded
 * as main keeps them, drives simulated by the browser kiosk (src/kiosk/browser-kiosk.ts), which
 * keeps the exact bytes it writes. Touch only: every staff control is tapped, nothing is typed.
 * Main's side (the drives it lists, the atomic write, a full stick) is unit-tested in
 * tests/electron/main.
 */

const COUNTERS_KEY = 'citizensec-kiosk:counters';
const DRIVES_KEY = 'citizensec-kiosk:drives';
const DRIVE_FILES_KEY = 'citizensec-kiosk:drive-files';
const SETTINGS_KEY = 'citizensec-kiosk:settings';

// eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
test.beforeEach(({}, testInfo) => {
  test.skip(targetOf(testInfo) === 'electron', 'staff flows are driven in the browser build');
});

const TODAY = localDate(new Date());
const YESTERDAY = shiftDate(TODAY, -1);
const DAY_BEFORE = shiftDate(TODAY, -2);
const STEP = content.steps[0]!;
const DOCUMENT = content.documents[0]!;

/** A day of `visits` visits in Kazakh, each marking the first step done and printing a document. */
function day(date: string, visits: number): DayCounts {
  return {
    ...emptyDay(date),
    visits,
    completed: visits,
    printed: visits,
    languages: { kk: visits, ru: 0, en: 0 },
    steps: { [STEP.id]: { done: visits, later: 0, 'not-relevant': 0 } },
    documents: { [DOCUMENT.id]: visits },
  };
}

async function seed(page: Page, key: string, value: unknown): Promise<void> {
  await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [key, JSON.stringify(value)]);
}

/** Holds a finger on the top left corner, taps the PIN, and reads the staff screen in Russian. */
async function openStaff(page: Page): Promise<void> {
  await page.mouse.move(30, 30);
  await page.mouse.down();
  await page.waitForTimeout(3100);
  await page.mouse.up();
  for (const d of STAFF_PIN) await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-enter').click();
  await page.getByTestId('staff-lang-ru').click();
}

test('says when nothing has been counted yet', async ({ kiosk }) => {
  await openStaff(kiosk);
  await expect(kiosk.getByTestId('staff-counters-empty')).toHaveText(
    'Пока ничего не подсчитано. Итоги появятся здесь после первого визита.',
  );
  await expect(kiosk.getByTestId('staff-counters-table')).toHaveCount(0);
});

test('today and a day under 5 visits show no breakdown; a finished day at 5 does', async ({
  kiosk,
}, testInfo) => {
  await seed(kiosk, COUNTERS_KEY, [day(TODAY, 7), day(YESTERDAY, 5), day(DAY_BEFORE, 4)]);
  await openStaff(kiosk);
  // Dates in words, in the staff's language.
  const [y, m, d] = YESTERDAY.split('-').map(Number) as [number, number, number];
  const month = new Intl.DateTimeFormat('ru', { day: 'numeric', month: 'long' })
    .format(new Date(y, m - 1, d))
    .replace(/^\d+ /, '');
  await expect(kiosk.getByTestId(`staff-counters-day-${YESTERDAY}`).locator('th')).toHaveText(
    `${d} ${month} ${y} г.`,
  );

  // Today: its totals, but its breakdown waits for tomorrow, however many came.
  await kiosk.getByTestId(`staff-counters-details-${TODAY}`).click();
  const today = kiosk.getByTestId(`staff-counters-day-details-${TODAY}`);
  await expect(today).toContainText('Разбивка за сегодня появится завтра');
  await expect(today.getByTestId('staff-counters-breakdown')).toHaveCount(0);
  await kiosk.getByTestId(`staff-counters-details-${TODAY}`).click();

  await kiosk.getByTestId(`staff-counters-details-${DAY_BEFORE}`).click();
  const under = kiosk.getByTestId(`staff-counters-day-details-${DAY_BEFORE}`);
  await expect(under).toContainText('В этот день было меньше 5 визитов');
  await expect(under.getByTestId('staff-counters-breakdown')).toHaveCount(0);
  await expect(under).not.toContainText(STEP.title.ru);

  await kiosk.getByTestId(`staff-counters-details-${YESTERDAY}`).click();
  const at = kiosk.getByTestId(`staff-counters-day-details-${YESTERDAY}`);
  await expect(at.getByTestId(`staff-counters-step-${STEP.id}`)).toHaveText(
    new RegExp(`^${STEP.title.ru}\\s*5\\s*0\\s*0$`),
  );
  await expect(at.getByTestId('staff-counters-languages')).toContainText(/Қазақша\s*5/);
  await expect(at.getByTestId('staff-counters-documents')).toContainText(DOCUMENT.title.ru);
  await at.scrollIntoViewIfNeeded();
  await shot(kiosk, testInfo, 'staff-counters');

  // The week: 16 visits in the totals; today's 7 and the 4 of the day before left out of the
  // breakdown, and said so.
  const period = kiosk.getByTestId('staff-counters-period');
  await expect(period.getByTestId('staff-counters-period-visits')).toHaveText('16');
  await expect(period.getByTestId('staff-counters-period-withheld')).toContainText(
    'таких дней 2, визитов в них 11',
  );
  await expect(period.getByTestId(`staff-counters-step-${STEP.id}`)).toHaveText(
    new RegExp(`^${STEP.title.ru}\\s*5\\s*0\\s*0$`),
  );
});

test('exports to a USB stick: UTF-8 with a BOM, ; and CRLF, for Excel in Russian', async ({
  kiosk,
}, testInfo) => {
  await seed(kiosk, COUNTERS_KEY, [day(TODAY, 6), day(YESTERDAY, 5), day(DAY_BEFORE, 4)]);
  await seed(kiosk, SETTINGS_KEY, { kioskName: 'Алматы 3' });
  await openStaff(kiosk);
  // No stick yet.
  await expect(kiosk.getByTestId('staff-no-drive')).toHaveText(
    'Вставьте флешку. Сейчас ни одна не подключена.',
  );
  await seed(kiosk, DRIVES_KEY, [
    { path: '/media/kiosk/KINGSTON', label: 'KINGSTON', freeBytes: 14_200_000_000 },
  ]);
  await kiosk.getByTestId('staff-drives-refresh').click();
  const stick = kiosk.getByTestId('staff-drive-KINGSTON');
  await expect(stick).toContainText('Свободно 14,2 ГБ');
  await stick.click();
  const file = `citizensec-counters-Алматы-3-${TODAY}.csv`;
  await expect(kiosk.getByTestId('staff-export-message')).toHaveText(
    `Файл ${file} сохранён на KINGSTON.`,
  );
  await shot(kiosk, testInfo, 'staff-counters-export');

  const written = await kiosk.evaluate(([k]) => localStorage.getItem(k!), [DRIVE_FILES_KEY]);
  const bytes = Buffer.from(JSON.parse(written!)[`/media/kiosk/KINGSTON/${file}`], 'base64');
  // The UTF-8 byte order mark, then valid UTF-8 throughout.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  expect(text.charCodeAt(0)).toBe(0xfeff);
  // Every line ends in CRLF, and no bare LF or CR is left.
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const [header, older, newer, today, end] = text.slice(1).split('\r\n');
  expect(end).toBe('');
  const columns = 1 + 5 + 3 + content.steps.length * 3 + content.documents.length;
  // Headers in Russian, separated by ;, with step and document titles from content.
  expect(header!.split(';')).toHaveLength(columns);
  expect(header).toMatch(/^Дата;Визиты;Дошли до конца;Напечатано;Напечатано документов;/);
  expect(header).toContain(';Язык: Қазақша;Язык: Русский;Язык: English;');
  expect(header).toContain(`${STEP.title.ru}: Сделано`);
  expect(header).toContain(`Напечатано: ${DOCUMENT.title.ru}`);
  // Dates as dd.mm.yyyy, oldest first; the day under 5 visits, and today, have their breakdown
  // left empty.
  const ru = (iso: string) => iso.split('-').reverse().join('.');
  expect(older!.split(';')).toEqual([
    ru(DAY_BEFORE),
    '4',
    '4',
    '4',
    '4',
    '0',
    ...Array<string>(columns - 6).fill(''),
  ]);
  const cells = newer!.split(';');
  expect(cells.slice(0, 9)).toEqual([ru(YESTERDAY), '5', '5', '5', '5', '0', '5', '0', '0']);
  expect(cells[9]).toBe('5'); // the first step, marked done by all five
  expect(cells.at(-content.documents.length)).toBe('5'); // the first document
  expect(today!.split(';')).toEqual([
    ru(TODAY),
    '6',
    '6',
    '6',
    '6',
    '0',
    ...Array<string>(columns - 6).fill(''),
  ]);
});

test('a full stick gets a plain message, and nothing is written to it', async ({ kiosk }) => {
  await seed(kiosk, COUNTERS_KEY, [day(TODAY, 5)]);
  await seed(kiosk, DRIVES_KEY, [{ path: '/media/kiosk/FULL', label: 'FULL', freeBytes: 10 }]);
  await openStaff(kiosk);
  await kiosk.getByTestId('staff-drive-FULL').click();
  await expect(kiosk.getByTestId('staff-export-message')).toHaveText(
    'На флешке нет места: ничего не сохранено. Освободите место или возьмите другую флешку.',
  );
  expect(await kiosk.evaluate(([k]) => localStorage.getItem(k!), [DRIVE_FILES_KEY])).toBeNull();
});

test('the counters, opened, with a stick listed, have no WCAG 2.2 A/AA violation', async ({
  kiosk,
}) => {
  await seed(kiosk, COUNTERS_KEY, [day(TODAY, 5), day(YESTERDAY, 4)]);
  await seed(kiosk, DRIVES_KEY, [{ path: '/media/kiosk/USB', label: 'USB', freeBytes: 5e8 }]);
  await openStaff(kiosk);
  await kiosk.getByTestId(`staff-counters-details-${TODAY}`).click();
  await kiosk.getByTestId(`staff-counters-details-${YESTERDAY}`).click();
  await kiosk.getByTestId('staff-counters-period-30').click();
  await kiosk.getByTestId('staff-drive-USB').click();
  await expect(kiosk.getByTestId('staff-export-message')).toBeVisible();
  const result = await new AxeBuilder({ page: kiosk })
    .include('[data-testid="staff-panel"] section[aria-labelledby="staff-counters"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  // The section was there to check: tables, buttons and headings passed their rules.
  expect(result.passes.map((p) => p.id)).toEqual(
    expect.arrayContaining(['button-name', 'color-contrast', 'th-has-data-cells']),
  );
});
