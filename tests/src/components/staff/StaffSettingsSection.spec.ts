// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import StaffSettingsSection from '../../../../src/components/staff/StaffSettingsSection.vue';
import { useKioskStore } from '../../../../src/stores/kiosk';
import { useStaffStore } from '../../../../src/stores/staff';
import { DEFAULT_SETTINGS, IDLE_FIELDS } from '../../../../core/kiosk/settings';
import { mockKiosk, mountKiosk, staffOpen } from '../../helpers';

function open(api = mockKiosk(), view = {}, attached = false) {
  const pinia = staffOpen(api, view);
  const { wrapper } = mountKiosk(StaffSettingsSection, {
    pinia,
    locale: 'en',
    ...(attached ? { attachTo: document.body } : {}),
  });
  const field = (testid: string) => wrapper.get(`[data-testid="${testid}"]`);
  const marked = (testid: string) => field(testid).element.closest('.bad') !== null;
  const save = async () => {
    await field('staff-save').trigger('click');
    await flushPromises();
    return wrapper.find('[data-testid="staff-save-message"]').text();
  };
  return { api, wrapper, field, marked, save };
}

describe('StaffSettingsSection', () => {
  it('shows the settings main answered', () => {
    const { field } = open(mockKiosk(), {
      settings: { ...DEFAULT_SETTINGS, branchName: 'Astana 3', policePhone: '102' },
    });
    expect((field('staff-branch-name').element as HTMLInputElement).value).toBe('Astana 3');
    expect((field('staff-police-phone').element as HTMLInputElement).value).toBe('102');
  });

  it('marks a phone it cannot dial, and saves nothing until it is mended', async () => {
    const { api, field, marked, save } = open();
    await field('staff-branch-phone').setValue('ask the desk');
    expect(marked('staff-branch-phone')).toBe(true);
    expect(marked('staff-police-phone')).toBe(false);
    expect(await save()).toBe('Check: Branch phone');
    expect(api.saveSettings).not.toHaveBeenCalled();
    await field('staff-branch-phone').setValue('+7 727 250 00 00');
    expect(marked('staff-branch-phone')).toBe(false);
    expect(await save()).toBe('Settings saved.');
    expect(api.saveSettings).toHaveBeenCalledWith(
      expect.objectContaining({ branchPhone: '+7 727 250 00 00' }),
    );
  });

  it('names every field a save refuses, and takes staff to the first one', async () => {
    const { api, wrapper, field, save } = open(mockKiosk(), {}, true);
    await field('staff-police-phone').setValue('call the desk');
    await field('staff-warningSeconds').setValue('1');
    const scrolled = vi.spyOn(field('staff-police-phone').element, 'scrollIntoView');
    expect(await save()).toBe('Check: Local police phone, Seconds to answer “still there?”');
    expect(document.activeElement).toBe(field('staff-police-phone').element);
    expect(scrolled).toHaveBeenCalled();
    expect(api.saveSettings).not.toHaveBeenCalled();
    wrapper.unmount();
  });

  it('accepts a phone as people write it, and shows it as the kiosk keeps it', async () => {
    const { api, field, marked, save } = open();
    const phone = field('staff-branch-phone');
    await phone.setValue('8 (727) 250-00-00');
    expect(marked('staff-branch-phone')).toBe(false);
    await phone.trigger('blur');
    expect((phone.element as HTMLInputElement).value).toBe('+7 727 250 00 00');
    await field('staff-police-phone').setValue('102');
    expect(await save()).toBe('Settings saved.');
    expect(api.saveSettings).toHaveBeenCalledWith(
      expect.objectContaining({ branchPhone: '+7 727 250 00 00', policePhone: '102' }),
    );
  });

  it('keeps what staff typed when they switch the staff language', async () => {
    const { api, field } = open();
    await field('staff-branch-name').setValue('Астана 3');
    expect(await useStaffStore().saveStaffLocale('ru')).toBe(true);
    await flushPromises();
    expect(api.saveSettings).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, staffLocale: 'ru' });
    expect((field('staff-branch-name').element as HTMLInputElement).value).toBe('Астана 3');
  });

  it('marks the languages when none is left, and the default one when it is off', async () => {
    const { field, marked } = open();
    await field('staff-enabled-kk').setValue(false);
    expect(marked('staff-enabled-kk')).toBe(true);
    expect(marked('staff-default-kk')).toBe(true);
    await field('staff-default-ru').setValue(true);
    expect(marked('staff-default-ru')).toBe(false);
    await field('staff-enabled-ru').setValue(false);
    await field('staff-enabled-en').setValue(false);
    expect(marked('staff-enabled-kk')).toBe(true);
  });

  it('takes each idle time within the bounds of the settings table', async () => {
    const { field, marked } = open();
    const warning = field('staff-warningSeconds');
    expect(warning.attributes()).toMatchObject({
      min: String(IDLE_FIELDS.warningSeconds.min),
      max: String(IDLE_FIELDS.warningSeconds.max),
    });
    await warning.setValue(String(IDLE_FIELDS.warningSeconds.min - 1));
    expect(marked('staff-warningSeconds')).toBe(true);
    expect(marked('staff-idleSeconds')).toBe(false);
    await warning.setValue(String(IDLE_FIELDS.warningSeconds.min));
    expect(marked('staff-warningSeconds')).toBe(false);
  });

  it('puts saved settings to use at once', async () => {
    const { field, save } = open();
    await field('staff-paper-receipt').setValue(true);
    await field('staff-bilingual').setValue(true);
    expect(await save()).toBe('Settings saved.');
    expect(useKioskStore().settings).toMatchObject({ paper: 'receipt-80', bilingualSheet: true });
  });

  it('says when the settings could not be written, and keeps the ones in use', async () => {
    const api = mockKiosk({ saveSettings: async () => ({ ok: false, problem: 'write-failed' }) });
    const { field, save } = open(api);
    await field('staff-branch-name').setValue('Astana 3');
    expect(await save()).toMatch(/could not be saved/);
    expect(useKioskStore().settings.branchName).toBe('');
  });

  it('tells staff when a damaged file was replaced, or which fields were reset', () => {
    const { wrapper } = open(mockKiosk(), {
      notice: { kind: 'fields-reset', fields: ['paper', 'idle'], from: 'last-good' },
    });
    expect(wrapper.get('[data-testid="staff-settings-notice"]').text()).toContain('paper, idle');
    const restored = open(mockKiosk(), { notice: { kind: 'restored-last-good' } });
    expect(restored.wrapper.find('[data-testid="staff-settings-notice"]').exists()).toBe(true);
  });
});

describe("StaffSettingsSection under IT's policy", () => {
  it('disables each locked field and marks it "set by IT", and no other', () => {
    const { field } = open(mockKiosk(), {
      settings: { ...DEFAULT_SETTINGS, branchPhone: '102', paper: 'receipt-80' },
      locked: ['branchPhone', 'paper', 'idle.warningSeconds', 'enabledLocales'],
    });
    const locked = (testid: string) => {
      const input = field(testid).element as HTMLInputElement;
      const box = (input.closest('fieldset') ?? input.closest('label'))!;
      return { disabled: input.disabled, mark: box.textContent!.includes('set by IT') };
    };
    for (const id of [
      'staff-branch-phone',
      'staff-paper-a4',
      'staff-paper-receipt',
      'staff-warningSeconds',
      'staff-enabled-ru',
    ])
      expect(locked(id), id).toEqual({ disabled: true, mark: true });
    for (const id of ['staff-police-phone', 'staff-branch-name', 'staff-idleSeconds'])
      expect(locked(id), id).toEqual({ disabled: false, mark: false });
  });

  it('says so when main refuses a save that changes a locked field', async () => {
    const api = mockKiosk({ saveSettings: async () => ({ ok: false, problem: 'locked' }) });
    const { save } = open(api, { locked: ['branchPhone'] });
    expect(await save()).toBe('Some settings are set by IT and cannot be changed here.');
  });
});
