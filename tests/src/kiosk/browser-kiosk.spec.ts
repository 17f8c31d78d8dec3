// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  BROWSER_COUNTERS_KEY,
  BROWSER_PRINT_HISTORY_KEY,
  BROWSER_PRINT_SIMULATION_KEY,
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
    });
  });

  it('falls back to defaults on broken JSON', async () => {
    localStorage.setItem(BROWSER_SETTINGS_KEY, '{oops');
    expect(await createBrowserKiosk().getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('tells staff only what a browser can know for Check this kiosk', async () => {
    const kiosk = createBrowserKiosk(localStorage, () => {});
    await expect(kiosk.getDiagnostics()).rejects.toThrow(/staff only/);
    await kiosk.setupStaffPin('739146');
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
    const kiosk = createBrowserKiosk(localStorage, () => {});
    expect(await kiosk.printSheet({ kind: 'staff-card', paper: 'a4' })).toEqual({
      ok: false,
      problem: 'unsupported',
    });
    await kiosk.setupStaffPin('739146');
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
