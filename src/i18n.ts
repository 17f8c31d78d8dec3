import { createI18n } from 'vue-i18n';
import kk from '../locales/kk.json';
import ru from '../locales/ru.json';
import en from '../locales/en.json';
import type { Locale } from '../core/locales';

export type MessageSchema = typeof en;

/** UI text only; checklist text comes from content/. Messages are precompiled at build time. */
export function createKioskI18n(locale: Locale = 'kk') {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: false,
    messages: { kk, ru, en },
    missingWarn: true,
    fallbackWarn: false,
  });
}

export type KioskI18n = ReturnType<typeof createKioskI18n>;
