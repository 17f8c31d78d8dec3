import { useI18n } from 'vue-i18n';
import kk from '../../locales/kk.json?part=staff';
import ru from '../../locales/ru.json?part=staff';
import en from '../../locales/en.json?part=staff';
import type { Locale } from '../../core/locales';

/**
 * The staff screens' messages, left out of the start-up text (scripts/message-parts.ts): they
 * load with the staff screens' chunk and are merged into the page's vue-i18n here, in the setup
 * of each staff screen, so before it renders its first message.
 */
const STAFF_MESSAGES: Readonly<Record<Locale, Record<string, unknown>>> = { kk, ru, en };

/** The i18n instances that have the staff messages already (one page has one). */
const merged = new WeakSet<object>();

export function useStaffMessages(): void {
  const i18n = useI18n({ useScope: 'global' });
  if (merged.has(i18n)) return;
  for (const [locale, messages] of Object.entries(STAFF_MESSAGES))
    i18n.mergeLocaleMessage(locale, messages);
  merged.add(i18n);
}
