// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { BROWSER_SETTINGS_KEY, createBrowserKiosk } from '../../src/kiosk/browser-kiosk';
import { resolveKiosk } from '../../src/kiosk';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../src/kiosk/settings';

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

  it('is what the page uses when no preload put a kiosk API on the window', async () => {
    expect((await resolveKiosk([], window).getInfo()).runtime).toBe('browser');
  });
});

describe('normalizeSettings', () => {
  it('never leaves the kiosk without a language', () => {
    expect(normalizeSettings({ enabledLocales: [] }).enabledLocales).toEqual(['kk', 'ru', 'en']);
    expect(normalizeSettings({ enabledLocales: ['en'], defaultLocale: 'kk' })).toMatchObject({
      enabledLocales: ['en'],
      defaultLocale: 'en',
    });
    expect(normalizeSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings({ branchName: 'x'.repeat(500) }).branchName).toHaveLength(80);
  });
});
