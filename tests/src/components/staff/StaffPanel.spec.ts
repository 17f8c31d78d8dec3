// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import StaffPanel from '../../../../src/components/staff/StaffPanel.vue';
import { useKioskStore } from '../../../../src/stores/kiosk';
import { useStaffStore } from '../../../../src/stores/staff';
import { DEFAULT_SETTINGS } from '../../../../core/kiosk/settings';
import { mockKiosk, mountKiosk, staffOpen } from '../../helpers';

function open(api = mockKiosk()) {
  const pinia = staffOpen(api, { settings: { ...DEFAULT_SETTINGS, staffLocale: 'en' } });
  const { wrapper, i18n } = mountKiosk(StaffPanel, {
    pinia,
    locale: 'ru',
    // The sections with their own specs; the sample sheet measures fonts happy-dom lacks.
    global: {
      stubs: {
        PrintRoot: true,
        StaffPrinterSection: true,
        StaffCountersSection: true,
        StaffKioskSection: true,
      },
    },
  });
  const button = (testid: string) => wrapper.get(`[data-testid="${testid}"]`);
  return { api, wrapper, i18n, button };
}

describe('StaffPanel', () => {
  it('opens in the staff language and gives the visitor theirs back', async () => {
    const { i18n, button } = open();
    await flushPromises();
    expect(i18n.global.locale.value).toBe('en');
    expect(button('staff-lang-en').attributes('aria-pressed')).toBe('true');
    await button('staff-back').trigger('click');
    await flushPromises();
    expect(i18n.global.locale.value).toBe('ru');
  });

  it('gives the visitor theirs back however the staff screen closes (by itself, say)', async () => {
    const { wrapper, i18n } = open();
    await flushPromises();
    expect(i18n.global.locale.value).toBe('en');
    wrapper.unmount();
    expect(i18n.global.locale.value).toBe('ru');
  });

  it('keeps the language staff choose, for next time', async () => {
    const { api, i18n, button } = open();
    await button('staff-lang-kk').trigger('click');
    await flushPromises();
    expect(i18n.global.locale.value).toBe('kk');
    expect(api.saveSettings).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, staffLocale: 'kk' });
    expect(useKioskStore().settings.staffLocale).toBe('kk');
    expect(useStaffStore().view?.settings.staffLocale).toBe('kk');
  });

  it('says so when the language could not be kept, and still shows it', async () => {
    const api = mockKiosk({ saveSettings: async () => ({ ok: false, problem: 'write-failed' }) });
    const { wrapper, i18n, button } = open(api);
    await button('staff-lang-kk').trigger('click');
    await flushPromises();
    expect(i18n.global.locale.value).toBe('kk');
    expect(wrapper.get('[data-testid="staff-lang-message"]').text()).toBe(
      'Қызметкер экранының тілі сақталмады.',
    );
  });
});
