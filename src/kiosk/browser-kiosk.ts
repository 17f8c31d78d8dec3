import type { KioskApi } from './kiosk-api';
import { normalizeSettings } from './settings';

/** Where the browser build keeps kiosk settings (staff settings, never visitor data). */
export const BROWSER_SETTINGS_KEY = 'citizensec-kiosk:settings';

/**
 * The kiosk API in a plain browser: settings from local storage, for development, staff demos
 * and end-to-end tests where no Electron binary is installed.
 */
export function createBrowserKiosk(
  storage: Storage | undefined = globalThis.localStorage,
): KioskApi {
  return {
    getInfo: () => Promise.resolve({ runtime: 'browser', version: __APP_VERSION__ }),
    getSettings: () => {
      let raw: unknown;
      try {
        const text = storage?.getItem(BROWSER_SETTINGS_KEY);
        raw = text ? JSON.parse(text) : undefined;
      } catch {
        // Broken JSON falls back to defaults, as a broken settings file does in Electron.
        raw = undefined;
      }
      return Promise.resolve(normalizeSettings(raw));
    },
  };
}
