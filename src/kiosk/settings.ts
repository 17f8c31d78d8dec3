import { isLocale, LOCALES, type Locale } from '../domain/locales';
import { DEFAULT_IDLE, normalizeIdle } from '../domain/idle';
import { isWellFormedPhone } from '../domain/content/phone';
import {
  BRANCH_TYPES,
  PAPER_SIZES,
  type BranchType,
  type KioskSettings,
  type PaperSize,
} from './kiosk-api';

export const DEFAULT_SETTINGS: KioskSettings = {
  kioskName: '',
  branchName: '',
  branchType: 'bank',
  branchPhone: '',
  policePhone: '',
  defaultLocale: 'kk',
  enabledLocales: LOCALES,
  printerName: '',
  paper: 'a4',
  bilingualSheet: false,
  idle: DEFAULT_IDLE,
};

export const MAX_NAME_LENGTH = 80;
/** CUPS queue names: printable characters other than space, "/", "\\", "#" and quotes. */
export const PRINTER_NAME = /^[^\s/\\#'"]{1,127}$/;

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
  const name = (v: unknown) =>
    typeof v === 'string' ? v.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH) : '';
  const phone = (v: unknown) => (typeof v === 'string' && isWellFormedPhone(v) ? v : '');
  const branchType = BRANCH_TYPES.includes(r.branchType as BranchType)
    ? (r.branchType as BranchType)
    : DEFAULT_SETTINGS.branchType;
  const printerName =
    typeof r.printerName === 'string' && PRINTER_NAME.test(r.printerName) ? r.printerName : '';
  const paper = PAPER_SIZES.includes(r.paper as PaperSize)
    ? (r.paper as PaperSize)
    : DEFAULT_SETTINGS.paper;
  const bilingualSheet =
    typeof r.bilingualSheet === 'boolean' ? r.bilingualSheet : DEFAULT_SETTINGS.bilingualSheet;
  const idle = normalizeIdle(r.idle);
  return {
    kioskName: name(r.kioskName),
    branchName: name(r.branchName),
    branchType,
    branchPhone: phone(r.branchPhone),
    policePhone: phone(r.policePhone),
    defaultLocale,
    enabledLocales,
    printerName,
    paper,
    bilingualSheet,
    idle,
  };
}
