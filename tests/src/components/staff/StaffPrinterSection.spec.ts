// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import StaffPrinterSection from '../../../../src/components/staff/StaffPrinterSection.vue';
import { useStaffStore } from '../../../../src/stores/staff';
import type { KioskApi } from '../../../../core/kiosk/kiosk-api';
import { mockKiosk, mountKiosk, staffOpen } from '../../helpers';

function open(api: KioskApi & ReturnType<typeof mockKiosk>, keeps = false) {
  const pinia = staffOpen(api, { printKeepsSheets: keeps });
  useStaffStore().printers = [
    { name: 'Lobby', isDefault: true, problem: null },
    { name: 'Desk', isDefault: false, problem: 'paper-out' },
  ];
  const { wrapper } = mountKiosk(StaffPrinterSection, { pinia, locale: 'en' });
  return { wrapper, get: (testid: string) => wrapper.find(`[data-testid="${testid}"]`) };
}

describe('StaffPrinterSection', () => {
  it('lists each printer with its state in plain words', () => {
    const { get } = open(mockKiosk());
    const items = get('staff-printers').findAll('li');
    expect(items.map((li) => li.text())).toEqual([
      expect.stringMatching(/^Lobby — /),
      expect.stringMatching(/^Desk — .*out of paper/),
    ]);
  });

  it("prints a test page as staff's test, not a visitor's sheet, and says so", async () => {
    const api = mockKiosk();
    const { get } = open(api);
    await get('staff-test-print').trigger('click');
    await flushPromises();
    expect(api.printSheet).toHaveBeenCalledWith(expect.objectContaining({ kind: 'test' }));
    expect(get('staff-print-message').text()).toMatch(/sent to the printer/);
    // The printers' states are read again after a test page.
    expect(api.listPrinters).toHaveBeenCalled();
    expect(api.getStaffView).toHaveBeenCalled();
  });

  it('warns, for IT, where the print system keeps copies of printed sheets', async () => {
    expect(open(mockKiosk()).get('staff-print-keeps-sheets').exists()).toBe(false);
    const kept = open(mockKiosk(), true).get('staff-print-keeps-sheets');
    expect(kept.attributes('role')).toBe('alert');
    expect(kept.text()).toMatch(/keeps a copy of each printed sheet.*Tell IT/);
    // A test page that the print system keeps brings the warning up at once.
    const api = mockKiosk({
      getStaffView: async () => ({ ...(await mockKiosk().getStaffView()), printKeepsSheets: true }),
    });
    const { get } = open(api);
    await get('staff-test-print').trigger('click');
    await flushPromises();
    expect(get('staff-print-keeps-sheets').exists()).toBe(true);
  });

  it('says why a test page failed', async () => {
    const api = mockKiosk({ printSheet: async () => ({ ok: false, problem: 'paper-jam' }) });
    const { get } = open(api);
    await get('staff-test-print').trigger('click');
    await flushPromises();
    expect(get('staff-print-message').text()).toMatch(/stuck/);
  });

  it('reads the printers again on request', async () => {
    const api = mockKiosk();
    const { get } = open(api);
    await get('staff-refresh-printers').trigger('click');
    await flushPromises();
    expect(api.listPrinters).toHaveBeenCalledTimes(1);
    expect(get('staff-printers').findAll('li')).toHaveLength(1);
  });
});
