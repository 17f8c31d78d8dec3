// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import StaffCheckSection from '../../../../src/components/staff/StaffCheckSection.vue';
import { useStaffStore } from '../../../../src/stores/staff';
import { mockKiosk, mountKiosk, staffOpen } from '../../helpers';

function open(api = mockKiosk()) {
  const pinia = staffOpen(api);
  const { wrapper } = mountKiosk(StaffCheckSection, { pinia, locale: 'ru' });
  const get = (testid: string) => wrapper.find(`[data-testid="${testid}"]`);
  return { api, get, staff: useStaffStore() };
}

describe('StaffCheckSection', () => {
  it('prints the staff card as a staff print, and says how it went', async () => {
    const { api, get, staff } = open(
      mockKiosk({ printSheet: async () => ({ ok: false, problem: 'paper-out' }) }),
    );
    await get('staff-print-card').trigger('click');
    await flushPromises();
    expect(api.printSheet).toHaveBeenCalledWith(expect.objectContaining({ kind: 'staff-card' }));
    expect(staff.staffPaper).toBe('staff-card');
    expect(get('staff-card-message').text()).toMatch(/^Не напечатано\. .*бумага/);
  });

  it('opens Check this kiosk over the staff screen, and closes it', async () => {
    const { api, get } = open();
    expect(get('staff-check').exists()).toBe(false);
    await get('staff-check-open').trigger('click');
    await flushPromises();
    expect(get('staff-check').exists()).toBe(true);
    expect(api.getDiagnostics).toHaveBeenCalled();
    await get('staff-check-close').trigger('click');
    expect(get('staff-check').exists()).toBe(false);
  });
});
