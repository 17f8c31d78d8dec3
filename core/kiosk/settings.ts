import { assertNever } from '../assert-never.ts';
import { normalizePhone } from '../content/phone.ts';
import { isLocale, LOCALES, type Locale } from '../locales.ts';
import { IDLE_BOUNDS, type Bounds, type IdleSettings } from '../visit/idle.ts';
import { BRANCH_TYPES, PAPER_SIZES, type KioskSettings } from './kiosk-api.ts';

/*
 * The kiosk's settings as one table: each field's kind, bounds and default. Everything that
 * checks a setting is derived from it: `normalizeSettings` (a file, local storage), the staff
 * form's red marks (`settingsProblems`) and main's schema that refuses a bad save
 * (electron/main/ipc/contract.ts). A new setting is one row here.
 */

export const MAX_NAME_LENGTH = 80;
export const MAX_URL_LENGTH = 200;

/**
 * A companion page's address: https, a host, no user name or password, no fragment (the plan
 * goes there). Plain http only to this machine, for trying a local build.
 */
export function isCompanionUrl(v: string): boolean {
  if (v.length > MAX_URL_LENGTH || /\s/.test(v)) return false;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return false;
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  return (
    (url.protocol === 'https:' || (url.protocol === 'http:' && local)) &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === '' &&
    !v.includes('#')
  );
}
/** CUPS queue names: printable characters other than space, "/", "\\", "#" and quotes. */
export const PRINTER_NAME = /^[^\s/\\#'"]{1,127}$/;

/** Free text on one line: runs of spaces become one, at most `maxLength` characters. */
interface TextField {
  readonly kind: 'text';
  readonly maxLength: number;
  readonly default: string;
}
/**
 * A phone number in any common written form, or empty; kept in the one form the kiosk shows
 * (core/content/phone.ts, `normalizePhone`).
 */
interface PhoneField {
  readonly kind: 'phone';
  readonly default: string;
}
/** The address of a page the kiosk links to (https), or empty. */
interface UrlField {
  readonly kind: 'url';
  readonly default: string;
}
/** A print queue's name, or empty for the system's default printer. */
interface PrinterField {
  readonly kind: 'printer';
  readonly default: string;
}
interface ChoiceField<T extends string> {
  readonly kind: 'choice';
  readonly options: readonly T[];
  readonly default: T;
}
interface FlagField {
  readonly kind: 'flag';
  readonly default: boolean;
}
/** Some of the kiosk's languages, each once; never none. */
interface LocalesField {
  readonly kind: 'locales';
  readonly default: readonly Locale[];
}
/** A whole number of seconds within bounds. */
interface SecondsField extends Bounds {
  readonly kind: 'seconds';
}
interface GroupField<T> {
  readonly kind: 'group';
  readonly fields: { readonly [K in keyof T]: FieldFor<T[K]> };
}

/** The kinds of field a setting of type T can be. */
type FieldFor<T> = [T] extends [boolean]
  ? FlagField
  : [T] extends [number]
    ? SecondsField
    : [T] extends [readonly Locale[]]
      ? LocalesField
      : [T] extends [string]
        ? string extends T
          ? TextField | PhoneField | PrinterField | UrlField
          : ChoiceField<T & string>
        : GroupField<T>;

export type Field =
  | TextField
  | PhoneField
  | PrinterField
  | UrlField
  | ChoiceField<string>
  | FlagField
  | LocalesField
  | SecondsField
  | { readonly kind: 'group'; readonly fields: Readonly<Record<string, Field>> };

const text = (maxLength: number): TextField => ({ kind: 'text', maxLength, default: '' });
const phone = (): PhoneField => ({ kind: 'phone', default: '' });
const choice = <T extends string>(options: readonly T[], fallback: T): ChoiceField<T> => ({
  kind: 'choice',
  options,
  default: fallback,
});
const seconds = (bounds: Bounds): SecondsField => ({ kind: 'seconds', ...bounds });

export const IDLE_FIELDS = {
  idleSeconds: seconds(IDLE_BOUNDS.idleSeconds),
  readingIdleSeconds: seconds(IDLE_BOUNDS.readingIdleSeconds),
  callIdleSeconds: seconds(IDLE_BOUNDS.callIdleSeconds),
  warningSeconds: seconds(IDLE_BOUNDS.warningSeconds),
  goodbyeSeconds: seconds(IDLE_BOUNDS.goodbyeSeconds),
} as const satisfies GroupField<IdleSettings>['fields'];

/** Every setting: see KioskSettings for what each one does. */
export const SETTINGS_FIELDS = {
  kioskName: text(MAX_NAME_LENGTH),
  branchName: text(MAX_NAME_LENGTH),
  branchType: choice(BRANCH_TYPES, 'bank'),
  branchPhone: phone(),
  policePhone: phone(),
  defaultLocale: choice(LOCALES, 'kk'),
  // Where a file has none, normalizeSettings gives it the kiosk's default language instead.
  staffLocale: choice(LOCALES, 'kk'),
  enabledLocales: { kind: 'locales', default: LOCALES },
  printerName: { kind: 'printer', default: '' },
  paper: choice(PAPER_SIZES, 'a4'),
  bilingualSheet: { kind: 'flag', default: false },
  companionUrl: { kind: 'url', default: '' },
  idle: { kind: 'group', fields: IDLE_FIELDS },
} as const satisfies GroupField<KioskSettings>['fields'];

/**
 * Settings added after kiosks were installed: a file written before has none of them, which is
 * no fault of the file (normalizeSettings gives each its value), so staff are not told of it.
 */
export const ADDED_SETTINGS: readonly (keyof KioskSettings)[] = ['staffLocale'];

/** The whole settings object as one field. */
export const SETTINGS: Field = { kind: 'group', fields: SETTINGS_FIELDS };

/** A rule across fields; `field` is the one marked when it does not hold. */
export interface SettingsRule {
  readonly field: string;
  readonly expected: string;
  /** Called on any object (a form being filled in, say), so it guards what it reads. */
  readonly holds: (s: { readonly [K in keyof KioskSettings]?: unknown }) => boolean;
  /** The nearest settings for which the rule holds. */
  readonly repair: (s: KioskSettings) => KioskSettings;
}

export const SETTINGS_RULES: readonly SettingsRule[] = [
  {
    field: 'defaultLocale',
    expected: 'one of the enabled languages',
    holds: (s) => Array.isArray(s.enabledLocales) && s.enabledLocales.includes(s.defaultLocale),
    repair: (s) => ({ ...s, defaultLocale: s.enabledLocales[0] ?? LOCALES[0] }),
  },
];

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a value is valid for a field as it stands: what a save accepts. Groups: every field. */
export function isValidField(field: Field, v: unknown): boolean {
  switch (field.kind) {
    case 'text':
      return typeof v === 'string' && v.length <= field.maxLength;
    case 'phone':
      return typeof v === 'string' && (v.trim() === '' || normalizePhone(v) !== null);
    case 'printer':
      return typeof v === 'string' && (v === '' || PRINTER_NAME.test(v));
    case 'url':
      return typeof v === 'string' && (v === '' || isCompanionUrl(v));
    case 'choice':
      return typeof v === 'string' && field.options.includes(v);
    case 'flag':
      return typeof v === 'boolean';
    case 'locales':
      return Array.isArray(v) && v.length > 0 && v.every(isLocale) && new Set(v).size === v.length;
    case 'seconds':
      return Number.isInteger(v) && (v as number) >= field.min && (v as number) <= field.max;
    case 'group':
      return (
        isRecord(v) &&
        Object.keys(v).every((k) => k in field.fields) &&
        Object.entries(field.fields).every(([k, f]) => isValidField(f, v[k]))
      );
    default:
      return assertNever(field);
  }
}

/** What a valid value of a field is, in words, for logs and refusals. */
export function expectedOf(field: Field): string {
  switch (field.kind) {
    case 'text':
      return `text of at most ${field.maxLength} characters`;
    case 'phone':
      return 'a phone number of Kazakhstan or a short number, or nothing';
    case 'printer':
      return 'a print queue name, or nothing';
    case 'url':
      return 'an https address without a # part, or nothing';
    case 'choice':
      return `one of ${field.options.join(', ')}`;
    case 'flag':
      return 'true or false';
    case 'locales':
      return `some of ${LOCALES.join(', ')}, each once`;
    case 'seconds':
      return `whole seconds from ${field.min} to ${field.max}`;
    case 'group':
      return 'an object of the settings fields';
    default:
      return assertNever(field);
  }
}

/** The nearest valid value to an untrusted one: what it meant where that is clear, else the default. */
function normalizeField(field: Field, v: unknown): unknown {
  switch (field.kind) {
    case 'text':
      return typeof v === 'string'
        ? v.replace(/\s+/g, ' ').trim().slice(0, field.maxLength)
        : field.default;
    case 'phone':
      return typeof v === 'string'
        ? v.trim() === ''
          ? ''
          : (normalizePhone(v) ?? field.default)
        : field.default;
    case 'printer':
    case 'url':
    case 'choice':
    case 'flag':
      return isValidField(field, v) ? v : field.default;
    case 'locales': {
      // In the language screen's order, whatever order the file had.
      const kept = Array.isArray(v) ? LOCALES.filter((l) => v.includes(l)) : [];
      return kept.length > 0 ? kept : field.default;
    }
    case 'seconds':
      return typeof v === 'number' && Number.isFinite(v)
        ? Math.min(field.max, Math.max(field.min, Math.round(v)))
        : field.default;
    case 'group': {
      const r = isRecord(v) ? v : {};
      return Object.fromEntries(
        Object.entries(field.fields).map(([k, f]) => [k, normalizeField(f, r[k])]),
      );
    }
    default:
      return assertNever(field);
  }
}

function defaultOf(field: Field): unknown {
  return field.kind === 'group'
    ? Object.fromEntries(Object.entries(field.fields).map(([k, f]) => [k, defaultOf(f)]))
    : field.default;
}

export const DEFAULT_SETTINGS = defaultOf(SETTINGS) as KioskSettings;

/**
 * Settings from an untrusted source (a file, local storage, IPC), made safe: every field that is
 * missing or wrong takes its default, so a broken value never stops the kiosk.
 */
export function normalizeSettings(raw: unknown): KioskSettings {
  let settings = normalizeField(SETTINGS, raw) as KioskSettings;
  for (const rule of SETTINGS_RULES) if (!rule.holds(settings)) settings = rule.repair(settings);
  // Settings written before staff had a language of their own: staff keep the kiosk's.
  if (!isRecord(raw) || !isLocale(raw.staffLocale))
    settings = { ...settings, staffLocale: settings.defaultLocale };
  return settings;
}

/**
 * The fields of a settings object that a save would refuse, by path (`branchPhone`,
 * `idle.warningSeconds`): each field that fails its own check, then each rule that does not hold.
 */
export function settingsProblems(value: unknown): string[] {
  const problems: string[] = [];
  const walk = (field: Field, v: unknown, path: string): void => {
    if (field.kind !== 'group' || !isRecord(v)) {
      if (!isValidField(field, v)) problems.push(path);
      return;
    }
    for (const [k, f] of Object.entries(field.fields)) walk(f, v[k], path ? `${path}.${k}` : k);
  };
  walk(SETTINGS, value, '');
  if (isRecord(value))
    for (const rule of SETTINGS_RULES)
      if (!rule.holds(value) && !problems.includes(rule.field)) problems.push(rule.field);
  return problems;
}
