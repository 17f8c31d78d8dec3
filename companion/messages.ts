import type { Locale } from '../core/locales';
import type { CompanionMessageKey } from './message-keys';

export type { CompanionMessageKey };

/** Put in at build time: the companion's messages in each language (vite.companion.config.ts). */
declare const __COMPANION_MESSAGES__: Readonly<
  Record<Locale, Readonly<Record<CompanionMessageKey, string>>>
>;

/** A message in a language, its {named} places filled in. */
export function message(
  locale: Locale,
  key: CompanionMessageKey,
  named: Readonly<Record<string, string>> = {},
): string {
  return __COMPANION_MESSAGES__[locale][key].replace(/\{(\w+)\}/g, (m, name: string) =>
    Object.hasOwn(named, name) ? named[name]! : m,
  );
}
