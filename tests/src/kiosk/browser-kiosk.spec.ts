// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  BROWSER_POLICY_KEY,
  BROWSER_COUNTERS_KEY,
  BROWSER_PRINT_HISTORY_KEY,
  BROWSER_PRINT_SIMULATION_KEY,
  BROWSER_SETTINGS_KEY,
  createBrowserKiosk,
} from '../../../src/kiosk/browser-kiosk';
import { DEFAULT_SETTINGS } from '../../../core/kiosk/settings';

/** Staff mode on a new kiosk, the way IT allows it: the setup code, then the first PIN. */
async function staffWithSetupCode(kiosk: ReturnType<typeof createBrowserKiosk>): Promise<void> {
  expect(await kiosk.enterSetupCode('58204719')).toEqual({ ok: true });
  expect(await kiosk.setupStaffPin('739146')).toEqual({ ok: true });
}

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

  it('tells staff only what a browser can know for Check this kiosk', async () => {
    localStorage.setItem(BROWSER_POLICY_KEY, JSON.stringify({ setupCode: '58204719' }));
    const kiosk = createBrowserKiosk(localStorage, () => {});
    await expect(kiosk.getDiagnostics()).rejects.toThrow(/staff only/);
    await staffWithSetupCode(kiosk);
    const d = await kiosk.getDiagnostics();
    expect(d).toMatchObject({
      runtime: 'browser',
      appSha256: null,
      freeDiskBytes: null,
      recentErrors: [],
      prints: { lastSuccess: null, lastFailure: null },
    });
    expect(d.content.checkedAsOf).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(d.content.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('prints the readiness report and staff card for staff only, uncounted, and keeps the last outcome', async () => {
    localStorage.setItem(BROWSER_PRINT_SIMULATION_KEY, 'ok');
    localStorage.setItem(BROWSER_POLICY_KEY, JSON.stringify({ setupCode: '58204719' }));
    const kiosk = createBrowserKiosk(localStorage, () => {});
    expect(await kiosk.printSheet({ kind: 'staff-card', paper: 'a4' })).toEqual({
      ok: false,
      problem: 'unsupported',
    });
    await staffWithSetupCode(kiosk);
    expect(await kiosk.printSheet({ kind: 'readiness', paper: 'a4' })).toMatchObject({ ok: true });
    localStorage.setItem(BROWSER_PRINT_SIMULATION_KEY, 'paper-jam');
    expect(await kiosk.printSheet({ kind: 'staff-card', paper: 'a4' })).toMatchObject({
      ok: false,
    });
    expect(localStorage.getItem(BROWSER_COUNTERS_KEY)).toBeNull();
    const { prints } = await kiosk.getDiagnostics();
    expect(prints.lastSuccess).not.toBeNull();
    expect(prints.lastFailure).toMatchObject({ problem: 'paper-jam' });
    localStorage.setItem(BROWSER_PRINT_HISTORY_KEY, '{oops');
    expect((await kiosk.getDiagnostics()).prints).toEqual({ lastSuccess: null, lastFailure: null });
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
