/** The languages a visitor can choose, in the order the language screen offers them. */
export const LOCALES = ['kk', 'ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Names used in messages about content, e.g. "missing Kazakh translation". */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  kk: 'Kazakh',
  ru: 'Russian',
  en: 'English',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
