// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import StaffCountersSection from '../../../../src/components/staff/StaffCountersSection.vue';
import type { DayCounts } from '../../../../core/kiosk/kiosk-api';
import { emptyDay } from '../../../../core/kiosk/counters';
import { mockKiosk, mountKiosk, staffOpen } from '../../helpers';

/** Twenty days, newest first, as main sends them. */
const DAYS: DayCounts[] = Array.from({ length: 20 }, (_, i) => ({
  ...emptyDay(`2026-11-${String(25 - i).padStart(2, '0')}`),
  visits: 20 - i,
}));

function open(api = mockKiosk()) {
  const pinia = staffOpen(api, { days: DAYS });
  const { wrapper } = mountKiosk(StaffCountersSection, { pinia, locale: 'en' });
  return { api, wrapper, get: (testid: string) => wrapper.find(`[data-testid="${testid}"]`) };
}

describe('StaffCountersSection', () => {
  it('shows the last two weeks, newest first', () => {
    const { get } = open();
    const rows = get('staff-counters-table').findAll('tbody tr');
    expect(rows).toHaveLength(14);
    expect(rows[0]!.text()).toMatch(/^2026-11-25\s*20/);
  });

  it('exports every day as CSV and says where', async () => {
    const { api, get } = open();
    await get('staff-export').trigger('click');
    await flushPromises();
    expect(api.exportCounters).toHaveBeenCalled();
    expect(get('staff-export-message').text()).toContain('/media/usb/counters.csv');
  });

  it('says when the export could not be written, and nothing when staff cancelled', async () => {
    const failed = open(
      mockKiosk({ exportCounters: async () => ({ ok: false, problem: 'write-failed' }) }),
    );
    await failed.get('staff-export').trigger('click');
    await flushPromises();
    expect(failed.get('staff-export-message').text()).not.toBe('');
    const cancelled = open(
      mockKiosk({ exportCounters: async () => ({ ok: false, problem: 'cancelled' }) }),
    );
    await cancelled.get('staff-export').trigger('click');
    await flushPromises();
    expect(cancelled.get('staff-export-message').exists()).toBe(false);
  });

  it('says when a damaged counters file was set aside at start', () => {
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
