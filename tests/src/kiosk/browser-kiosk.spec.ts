// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  BROWSER_POLICY_KEY,
  BROWSER_SETTINGS_KEY,
  createBrowserKiosk,
} from '../../../src/kiosk/browser-kiosk';
import { DEFAULT_SETTINGS } from '../../../core/kiosk/settings';

describe('browser kiosk', () => {
  beforeEach(() => localStorage.clear());

  it('reads settings from local storage', async () => {
    localStorage.setItem(
      BROWSER_SETTINGS_KEY,
      JSON.stringify({ branchName: 'Demo', defaultLocale: 'ru' }),
    );
    expect(await createBrowserKiosk().getSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      branchName: 'Demo',
      defaultLocale: 'ru',
      // Stored before staff had a language of their own: they keep the kiosk's.
      staffLocale: 'ru',
    });
  });

  it('falls back to defaults on broken JSON', async () => {
    localStorage.setItem(BROWSER_SETTINGS_KEY, '{oops');
    expect(await createBrowserKiosk().getSettings()).toEqual(DEFAULT_SETTINGS);
  });
});

describe("browser kiosk under IT's policy", () => {
  beforeEach(() => localStorage.clear());

  it('applies the policy over the saved settings, locks it, and refuses changing it', async () => {
    localStorage.setItem(BROWSER_SETTINGS_KEY, JSON.stringify({ branchName: 'Demo' }));
    localStorage.setItem(
      BROWSER_POLICY_KEY,
      JSON.stringify({ settings: { branchPhone: '102', paper: 'x' }, setupCode: '58204719' }),
    );
    const kiosk = createBrowserKiosk();
    const settings = await kiosk.getSettings();
    expect(settings).toMatchObject({ branchName: 'Demo', branchPhone: '102' });
    expect(await kiosk.staffStatus()).toMatchObject({ pin: 'unset', firstPin: 'setup-code' });
    expect(await kiosk.enterSetupCode('58204719')).toEqual({ ok: true });
    expect(await kiosk.setupStaffPin('739146')).toEqual({ ok: true });
    const view = await kiosk.getStaffView();
    expect(view.locked).toEqual(['branchPhone']);
    expect(view.policyProblems.map((p) => p.field)).toEqual(['settings.paper']);
    expect(await kiosk.saveSettings({ ...settings, branchPhone: '112' })).toEqual({
      ok: false,
      problem: 'locked',
    });
    expect(await kiosk.saveSettings({ ...settings, branchName: 'Demo 2' })).toMatchObject({
      ok: true,
      settings: { branchName: 'Demo 2', branchPhone: '102' },
    });
    expect(JSON.parse(localStorage.getItem(BROWSER_SETTINGS_KEY)!)).toMatchObject({
      branchName: 'Demo 2',
      branchPhone: '',
    });
    // Spent: a kiosk started afresh without the PIN has no staff entry.
    localStorage.removeItem('citizensec-kiosk:staff-pin');
    expect(await createBrowserKiosk().staffStatus()).toMatchObject({ firstPin: 'call-it' });
  });

  it('has no staff entry without a PIN or a policy', async () => {
    const kiosk = createBrowserKiosk();
    expect(await kiosk.staffStatus()).toMatchObject({ pin: 'unset', firstPin: 'call-it' });
    expect(await kiosk.setupStaffPin('739146')).toEqual({ ok: false, problem: 'no-setup-code' });
  });
});
