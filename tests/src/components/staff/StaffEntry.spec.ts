// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import StaffEntry from '../../../../src/components/staff/StaffEntry.vue';
import { useKioskStore } from '../../../../src/stores/kiosk';
import { useStaffStore } from '../../../../src/stores/staff';
import type { KioskApi, StaffStatus } from '../../../../core/kiosk/kiosk-api';
import { mockKiosk, mountKiosk } from '../../helpers';
import { createPinia } from 'pinia';

const NO_PIN: StaffStatus = {
  pin: 'unset',
  lockedForMs: 0,
  active: false,
  firstPin: 'call-it',
  pinSetByIt: false,
};

async function open(api: KioskApi, status: StaffStatus) {
  const pinia = createPinia();
  const { wrapper } = mountKiosk(StaffEntry, {
    pinia,
    locale: 'en',
    attachTo: document.body,
  });
  useKioskStore().api = api;
  const staff = useStaffStore();
  staff.status = status;
  staff.screen = 'setup';
  await flushPromises();
  const key = (id: string) => document.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`)!;
  const message = () => document.querySelector('[data-testid="staff-entry-message"]')!.textContent!;
  const press = async (digits: string) => {
    for (const d of digits) key(`pin-key-${d}`).click();
    await flushPromises();
    key('pin-enter').click();
    await flushPromises();
  };
  return { wrapper, staff, key, message, press };
}

describe('StaffEntry with no PIN', () => {
  it('without a setup code: says to call IT, and no key can be pressed', async () => {
    const api = mockKiosk({ staffStatus: async () => NO_PIN });
    const { wrapper, key, message } = await open(api, NO_PIN);
    expect(message()).toMatch(/call IT/);
    for (const id of ['pin-key-1', 'pin-key-0', 'pin-enter']) expect(key(id)).toBeNull();
    expect(key('pin-cancel')).not.toBeNull();
    expect(api.enterSetupCode).not.toHaveBeenCalled();
    expect(api.setupStaffPin).not.toHaveBeenCalled();
    wrapper.unmount();
  });

  it('with a setup code: the code first, then the PIN twice', async () => {
    const status: StaffStatus = { ...NO_PIN, firstPin: 'setup-code' };
    let right = false;
    const api = mockKiosk({
      staffStatus: async () => status,
      enterSetupCode: async (code) => {
        right = code === '58204719';
        return right
          ? { ok: true }
          : { ok: false, reason: 'wrong-code', triesLeft: 4, lockedForMs: 0 };
      },
    });
    const { wrapper, message, press } = await open(api, status);
    expect(message()).toMatch(/setup code/);
    await press('11112222');
    expect(message()).toBe('Wrong setup code. Tries left: 4.');
    await press('58204719');
    expect(right).toBe(true);
    expect(message()).toMatch(/Choose one of 6 to 12 digits/);
    await press('739146');
    expect(message()).toBe('Enter the same PIN again.');
    await press('739146');
    expect(api.setupStaffPin).toHaveBeenCalledWith('739146');
    wrapper.unmount();
  });

  it('asks for the code again when main says the set-up window has closed', async () => {
    const status: StaffStatus = { ...NO_PIN, firstPin: 'setup-code' };
    const api = mockKiosk({
      staffStatus: async () => status,
      setupStaffPin: async () => ({ ok: false, problem: 'needs-setup-code' }),
    });
    const { wrapper, message, press } = await open(api, status);
    await press('58204719');
    await press('739146');
    await press('739146');
    expect(message()).toBe('Enter the setup code again, then choose the PIN.');
    await press('58204719');
    expect(api.enterSetupCode).toHaveBeenCalledTimes(2);
    wrapper.unmount();
  });
});
