// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import StaffKioskSection from '../../../../src/components/staff/StaffKioskSection.vue';
import { mockKiosk, mountKiosk, staffOpen } from '../../helpers';

function open() {
  const api = mockKiosk();
  const { wrapper } = mountKiosk(StaffKioskSection, { pinia: staffOpen(api), locale: 'ru' });
  return {
    api,
    wrapper,
    press: (id: string) => wrapper.get(`[data-testid="${id}"]`).trigger('click'),
  };
}

describe('StaffKioskSection', () => {
  it('asks once more before quitting, since the kiosk then stays off', async () => {
    const { api, wrapper, press } = open();
    await press('staff-quit');
    await flushPromises();
    expect(api.leaveApp).not.toHaveBeenCalled();
    expect(wrapper.get('[role="alert"]').text()).not.toBe('');
    await press('staff-quit');
    await flushPromises();
    expect(api.leaveApp).toHaveBeenCalledWith('quit');
  });

  it('restarts at once', async () => {
    const { api, press } = open();
    await press('staff-restart');
    await flushPromises();
    expect(api.leaveApp).toHaveBeenCalledWith('restart');
  });
});
