import { useI18n } from 'vue-i18n';
import type { LocalizedText } from '../../core/content/model';
import type { Locale } from '../../core/locales';
import type { MessageSchema } from '../i18n';

/**
 * Text on a printed sheet, in the sheet's own language, which may differ from the screen's: a
 * UI message, or a text from content.
 */
export function useSheetText(locale: () => Locale) {
  const { t } = useI18n<{ message: MessageSchema }, Locale>({ useScope: 'global' });
  const ui = (key: keyof MessageSchema, named: Record<string, string> = {}) =>
    t(key, named, { locale: locale() });
  const text = (x: LocalizedText) => x[locale()];
  return { ui, text };
}
