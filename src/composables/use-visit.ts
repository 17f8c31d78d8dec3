import { getActivePinia } from 'pinia';
import { useI18n } from 'vue-i18n';
import type { LocalizedText } from '../../core/content/model';
import type { Locale } from '../../core/locales';
import { formatLongDate } from '../../core/dates';
import { resetSession } from '../session/reset-session';
import type { MessageSchema } from '../i18n';

/** The visitor's language, a reader for content text in it, and the way to end the visit. */
export function useVisit() {
  const i18n = useI18n<{ message: MessageSchema }, Locale>({ useScope: 'global' });
  const pinia = getActivePinia();

  function text(localized: LocalizedText): string {
    return localized[i18n.locale.value];
  }

  function setLocale(locale: Locale): void {
    i18n.locale.value = locale;
  }

  function endVisit(): Promise<void> {
    if (!pinia) throw new Error('pinia is not installed');
    return resetSession(pinia, setLocale, i18n.locale.value);
  }

  /** A date from content (YYYY-MM-DD) as the visitor's language writes it. */
  function formatDate(iso: string): string {
    return formatLongDate(iso, i18n.locale.value);
  }

  return { t: i18n.t, locale: i18n.locale, text, setLocale, endVisit, formatDate };
}
