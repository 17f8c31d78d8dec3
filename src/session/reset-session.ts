import type { Pinia } from 'pinia';
import type { Locale } from '../domain/locales';
import { useAnswersStore } from '../stores/answers';
import { useKioskStore } from '../stores/kiosk';
import { usePlanStore } from '../stores/plan';
import { usePrintStore } from '../stores/print';
import { useSessionStore } from '../stores/session';

/**
 * Ends the visit and wipes every trace of it: the answers, the plan's marks, the screen the
 * visitor was on, the language they chose, the scroll position and any web storage of the
 * session, the print state. The next visitor starts from the attract screen with the kiosk's default language.
 */
export function resetSession(pinia: Pinia, setLocale: (locale: Locale) => void): void {
  useAnswersStore(pinia).reset();
  usePlanStore(pinia).reset();
  usePrintStore(pinia).reset();
  useSessionStore(pinia).reset();
  setLocale(useKioskStore(pinia).settings.defaultLocale);
  try {
    sessionStorage.clear();
  } catch {
    // Storage may be unavailable (privacy settings); there is then nothing in it to clear.
  }
  window.scrollTo(0, 0);
}
