// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { BROWSER_SETTINGS_KEY, createBrowserKiosk } from '../../../src/kiosk/browser-kiosk';
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
