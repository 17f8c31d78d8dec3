import { isLocale, LOCALES, type Locale } from '../domain/locales';
import type { KioskSettings } from './kiosk-api';

export const DEFAULT_SETTINGS: KioskSettings = {
  branchName: '',
  defaultLocale: 'kk',
  enabledLocales: LOCALES,
};

const MAX_BRANCH_NAME_LENGTH = 80;

/**
 * Settings from an untrusted source (a file, local storage, IPC), made safe: every field that is
 * missing or wrong takes its default, so a broken value never stops the kiosk.
 */
export function normalizeSettings(raw: unknown): KioskSettings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const enabled = Array.isArray(r.enabledLocales)
    ? LOCALES.filter((l) => (r.enabledLocales as unknown[]).includes(l))
    : [...DEFAULT_SETTINGS.enabledLocales];
  const enabledLocales: readonly Locale[] = enabled.length > 0 ? enabled : LOCALES;
  const defaultLocale =
    isLocale(r.defaultLocale) && enabledLocales.includes(r.defaultLocale)
      ? r.defaultLocale
      : (enabledLocales[0] as Locale);
  const branchName =
    typeof r.branchName === 'string'
      ? r.branchName.trim().slice(0, MAX_BRANCH_NAME_LENGTH)
      : DEFAULT_SETTINGS.branchName;
  return { branchName, defaultLocale, enabledLocales };
}
