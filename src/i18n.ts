import { createI18n } from 'vue-i18n';
import kk from '../locales/kk.json?part=start';
import ru from '../locales/ru.json?part=start';
import en from '../locales/en.json?part=start';
import type enAll from '../locales/en.json';
import type { Locale } from '../core/locales';

export type MessageSchema = typeof enAll;

/**
 * UI text only; checklist text comes from content/. Messages are precompiled at build time. The
 * staff screens' messages are not here: they load with those screens
 * (src/composables/use-staff-messages.ts, scripts/message-parts.ts).
 */
export function createKioskI18n(locale: Locale = 'kk') {
  return createI18n<[MessageSchema], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: false,
    messages: { kk, ru, en } as Record<Locale, MessageSchema>,
    missingWarn: true,
    fallbackWarn: false,
  });
}

export type KioskI18n = ReturnType<typeof createKioskI18n>;
