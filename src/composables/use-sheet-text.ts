import { useI18n } from 'vue-i18n';
import type { LocalizedText } from '../../core/content/model';
import type { Locale } from '../../core/locales';
import type { MessageSchema } from '../i18n';

/**
 * Text on the printed sheet, in each of its languages (one, or two on a bilingual sheet), as
 * [language, text] pairs for BiText: a UI message, or a text from content.
 */
export function useSheetText(locales: () => readonly Locale[]) {
  const { t } = useI18n<{ message: MessageSchema }, Locale>({ useScope: 'global' });
  const ui = (key: keyof MessageSchema, named: Record<string, string> = {}) =>
    locales().map((l) => [l, t(key, named, { locale: l })] as const);
  const text = (x: LocalizedText) => locales().map((l) => [l, x[l]] as const);
  return { t, ui, text };
}
