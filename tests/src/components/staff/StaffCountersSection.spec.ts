// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import StaffCountersSection from '../../../../src/components/staff/StaffCountersSection.vue';
import type { DayCounts } from '../../../../core/kiosk/kiosk-api';
import { emptyDay } from '../../../../core/kiosk/counters';
import { counterColumns } from '../../../../core/kiosk/counters-csv';
import { COUNTED_IDS } from '../../../../src/composables/use-counter-labels';
import type { Locale } from '../../../../core/locales';
import { mockKiosk, mountKiosk, staffOpen } from '../../helpers';

/** A day of `visits` Russian visits, each marking "hang-up" done and printing a bank letter. */
const day = (date: string, visits: number): DayCounts => ({
  ...emptyDay(date),
  visits,
  completed: visits,
  languages: { kk: 0, ru: visits, en: 0 },
  steps: { 'hang-up': { done: visits, later: 0, 'not-relevant': 0 } },
  documents: { 'bank-letter': visits },
});

/** Twenty days, newest first, as main sends them: 25 November has 20 visits, 6 November 1. */
const DAYS: DayCounts[] = Array.from({ length: 20 }, (_, i) =>
  day(`2026-11-${String(25 - i).padStart(2, '0')}`, 20 - i),
);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 10, 25, 15));
});
afterEach(() => vi.useRealTimers());

async function open(api = mockKiosk(), days = DAYS, locale: Locale = 'en') {
  const pinia = staffOpen(api, { days });
  const { wrapper } = mountKiosk(StaffCountersSection, { pinia, locale });
  await flushPromises();
  return { api, wrapper, get: (testid: string) => wrapper.find(`[data-testid="${testid}"]`) };
}

describe('StaffCountersSection', () => {
  it('says when nothing has been counted yet, with no table and no export', async () => {
    const { get, api } = await open(mockKiosk(), []);
    expect(get('staff-counters-empty').text()).toBe(
      'Nothing has been counted yet. The totals appear here after the first visit.',
    );
    expect(get('staff-counters-table').exists()).toBe(false);
    expect(get('staff-export').exists()).toBe(false);
    expect(api.listDrives).not.toHaveBeenCalled();
  });

  it('shows the last two weeks, newest first, dates in the staff language', async () => {
    const { get } = await open(mockKiosk(), DAYS, 'ru');
    const rows = get('staff-counters-table').findAll('tbody tr');
    expect(rows).toHaveLength(14);
    expect(rows[0]!.text()).toMatch(/^25 ноября 2026 г\.\s*20/);
    const kk = await open(mockKiosk(), DAYS, 'kk');
    expect(kk.get('staff-counters-day-2026-11-25').text()).toMatch(/^2026 жылғы 25 қараша/);
  });

  it('opens a day at 5 visits by language, step and document, titled from content', async () => {
    const { get } = await open(mockKiosk(), [day('2026-11-24', 5), day('2026-11-23', 4)], 'ru');
    await get('staff-counters-details-2026-11-24').trigger('click');
    const details = get('staff-counters-day-details-2026-11-24');
    expect(details.find('[data-testid="staff-counters-languages"]').text()).toMatch(
      /Қазақша\s*0\s*Русский\s*5\s*English\s*0/,
    );
    expect(details.find('[data-testid="staff-counters-step-hang-up"]').text()).toMatch(
      /^Если позвонят снова\s*5\s*0\s*0$/,
    );
    expect(details.find('[data-testid="staff-counters-documents"]').text()).toMatch(
      /Письмо в банк\s*5/,
    );
    expect(details.find('[data-testid="staff-counters-withheld"]').exists()).toBe(false);
  });

  it("keeps today's breakdown for tomorrow, however many came, and says why", async () => {
    const { get } = await open(mockKiosk(), [day('2026-11-25', 20)]);
    await get('staff-counters-details-2026-11-25').trigger('click');
    const details = get('staff-counters-day-details-2026-11-25');
    expect(details.find('[data-testid="staff-counters-breakdown"]').exists()).toBe(false);
    expect(details.text()).toContain('Today’s breakdown appears tomorrow');
    expect(details.text()).not.toContain('If they call again');
  });

  it('never shows the breakdown of a day with fewer than 5 visits, and says why', async () => {
    const { get } = await open(mockKiosk(), [day('2026-11-25', 5), day('2026-11-24', 4)]);
    await get('staff-counters-details-2026-11-24').trigger('click');
    const details = get('staff-counters-day-details-2026-11-24');
    expect(details.find('[data-testid="staff-counters-breakdown"]').exists()).toBe(false);
    expect(details.text()).toContain('Fewer than 5 visits that day');
    expect(details.text()).not.toContain('If they call again');
    // Tapping again closes it.
    await get('staff-counters-details-2026-11-24').trigger('click');
    expect(get('staff-counters-day-details-2026-11-24').exists()).toBe(false);
  });

  it('sums the last 7 or 30 days, leaving out of the breakdown today and the days under 5 visits', async () => {
    const { get } = await open();
    // 25–19 November: 20 + 19 + … + 14 visits; today's 20 are left out of the breakdown.
    expect(get('staff-counters-range').text()).toBe('19 November 2026 – 25 November 2026');
    expect(get('staff-counters-period-visits').text()).toBe('119');
    expect(get('staff-counters-period-withheld').text()).toContain(
      'Days left out: 1; visits in them: 20.',
    );
    await get('staff-counters-period-30').trigger('click');
    // Every day: 210 visits, of which today (20) and 6 November (1) … 9 November (4) are withheld.
    expect(get('staff-counters-period-visits').text()).toBe('210');
    expect(get('staff-counters-period-withheld').text()).toBe(
      'So that no one visitor’s answers can be read from it, the breakdown below leaves out today (until it is over) and days with fewer than 5 visits. Days left out: 5; visits in them: 30. The totals above include them.',
    );
    expect(
      get('staff-counters-period').find('[data-testid="staff-counters-languages"]').text(),
    ).toContain('English 0');
    expect(
      get('staff-counters-period').find('[data-testid="staff-counters-step-hang-up"]').text(),
    ).toMatch(/180\s*0\s*0$/);
  });

  it('has no period breakdown when no day had 5 visits', async () => {
    const { get } = await open(mockKiosk(), [day('2026-11-25', 4)]);
    expect(get('staff-counters-period-no-breakdown').text()).toContain(
      'No finished day of this period',
    );
    expect(
      get('staff-counters-period').find('[data-testid="staff-counters-breakdown"]').exists(),
    ).toBe(false);
  });

  it('exports to a USB stick at a tap, with the header in the staff language', async () => {
    const { api, get } = await open(mockKiosk(), DAYS, 'ru');
    const drive = get('staff-drive-KINGSTON');
    expect(drive.text()).toMatch(/KINGSTON\s*Свободно 14,2 ГБ/);
    await drive.trigger('click');
    await flushPromises();
    const request = api.exportCounters.mock.calls[0]![0];
    expect(request.drive).toBe('/media/kiosk/KINGSTON');
    expect(request.header).toHaveLength(counterColumns(COUNTED_IDS).length);
    expect(request.header.slice(0, 2)).toEqual(['Дата', 'Визиты']);
    expect(request.header).toContain('Если позвонят снова: Сделано');
    expect(request.header).toContain('Напечатано: Письмо в банк');
    expect(request.header).toContain('Язык: Қазақша');
    expect(get('staff-export-message').text()).toBe(
      'Файл citizensec-counters-kiosk-2026-11-25.csv сохранён на KINGSTON.',
    );
  });

  it('asks for a USB stick when there is none, and looks again at a tap', async () => {
    const api = mockKiosk({ listDrives: async () => [] });
    const { get } = await open(api);
    expect(get('staff-no-drive').text()).toBe('Insert a USB stick. None is connected now.');
    api.listDrives.mockResolvedValueOnce([
      { path: 'E:\\', label: 'STICK (E:)', freeBytes: 300e6, readOnly: false },
    ]);
    await get('staff-drives-refresh').trigger('click');
    await flushPromises();
    expect(api.listDrives).toHaveBeenCalledTimes(2);
    expect(get('staff-no-drive').exists()).toBe(false);
    expect(get('staff-drive-STICK (E:)').text()).toMatch(/STICK \(E:\)\s*300 MB free/);
  });

  it('says plainly when a stick is full, read-only or gone', async () => {
    const cases = [
      ['full', 'The USB stick is full: nothing was saved.'],
      ['read-only', 'The USB stick cannot be written to'],
      ['no-drive', 'The USB stick is no longer there'],
      ['write-failed', 'The file could not be written.'],
    ] as const;
    for (const [problem, says] of cases) {
      const api = mockKiosk({ exportCounters: async () => ({ ok: false, problem }) });
      const { get } = await open(api);
      await get('staff-drive-KINGSTON').trigger('click');
      await flushPromises();
      expect(get('staff-export-message').text()).toContain(says);
      expect(get('staff-export-message').attributes('role')).toBe('alert');
      // A stick that is gone is looked for again.
      expect(api.listDrives).toHaveBeenCalledTimes(problem === 'no-drive' ? 2 : 1);
    }
  });

  it('says when a damaged counters file was set aside at start', async () => {
    const pinia = staffOpen(mockKiosk(), {
      days: [],
      countersSetAside: 'counters.damaged-2026-11-22T09-05-00.json',
    });
    const { wrapper } = mountKiosk(StaffCountersSection, { pinia, locale: 'en' });
    expect(wrapper.get('[data-testid="staff-counters-notice"]').text()).toContain(
      'counters.damaged-2026-11-22T09-05-00.json',
    );
  });
});
