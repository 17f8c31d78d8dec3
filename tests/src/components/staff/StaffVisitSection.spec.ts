// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import StaffVisitSection from '../../../../src/components/staff/StaffVisitSection.vue';
import { useSessionStore } from '../../../../src/stores/session';
import { useStaffStore } from '../../../../src/stores/staff';
import { mockKiosk, mountKiosk, staffOpen } from '../../helpers';

function open(atStep: boolean) {
  const api = mockKiosk();
  const pinia = staffOpen(api);
  if (atStep) useSessionStore().state = { name: 'overview' };
  const { wrapper, i18n } = mountKiosk(StaffVisitSection, { pinia, locale: 'kk' });
  const button = (testid: string) => wrapper.find(`[data-testid="${testid}"]`);
  return { api, wrapper, i18n, button, staff: useStaffStore(), session: useSessionStore() };
}

describe('StaffVisitSection', () => {
  it("hands the visit back in the visitor's language, whatever staff switched to", async () => {
    const { api, i18n, button, staff, session } = open(true);
    i18n.global.locale.value = 'ru';
    await button('staff-back').trigger('click');
    await flushPromises();
    expect(i18n.global.locale.value).toBe('kk');
    expect(staff.screen).toBe('closed');
    expect(api.lockStaff).toHaveBeenCalled();
    expect(session.state).toEqual({ name: 'overview' });
  });

  it("assists with one tap: back to the visitor's screen at once, in their language", async () => {
    const { api, i18n, button, staff, session } = open(true);
    i18n.global.locale.value = 'ru';
    await button('staff-assist').trigger('click');
    expect(staff.assisting).toBe(true);
    expect(staff.screen).toBe('closed');
    expect(i18n.global.locale.value).toBe('kk');
    await flushPromises();
    expect(api.lockStaff).toHaveBeenCalled();
    expect(session.state).toEqual({ name: 'overview' });
  });

  it('offers to stop assisting on the staff screen, and stays there', async () => {
    const { wrapper, button, staff } = open(true);
    staff.assisting = true;
    await flushPromises();
    expect(button('staff-assist').exists()).toBe(false);
    await button('staff-assist-off').trigger('click');
    expect(staff.assisting).toBe(false);
    expect(staff.screen).toBe('panel');
    await wrapper.vm.$nextTick();
    expect(button('staff-assist').exists()).toBe(true);
  });

  it('ends a visit under way for a fresh one, and offers nothing to end on the attract screen', async () => {
    const idle = open(false);
    expect(idle.button('staff-fresh').exists()).toBe(false);
    const { button, staff, session } = open(true);
    await button('staff-fresh').trigger('click');
    await flushPromises();
    expect(staff.screen).toBe('closed');
    expect(session.state).toEqual({ name: 'attract' });
  });
});
