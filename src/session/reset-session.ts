import type { Pinia } from 'pinia';
import type { Locale } from '../../core/locales';
import { useAnswersStore } from '../stores/answers';
import { useKioskStore } from '../stores/kiosk';
import { usePlanStore } from '../stores/plan';
import { usePrintStore } from '../stores/print';
import { useSessionStore } from '../stores/session';
import { useStaffStore } from '../stores/staff';
import { useComfortStore } from '../stores/comfort';
import { stopAudioGuide } from '../audio-player';
import { useAudioStore } from '../stores/audio';
import { runVisitEndHooks } from './visit-end';
import type { MarkedStatus, VisitTally } from '../../core/kiosk/counters';

/**
 * Every store that holds anything of a visit. resetSession resets each; the privacy test checks
 * that every store pinia knows, other than the kiosk's own, is back to its fresh state, so a new
 * visitor store left out of this list fails that test.
 */
export const VISITOR_STORES = [
  useAnswersStore,
  usePlanStore,
  usePrintStore,
  useSessionStore,
  useComfortStore,
  useAudioStore,
];

/** Keys of the kiosk's own settings in local storage (browser build); never visitor data. */
const KIOSK_STORAGE_PREFIX = 'citizensec-kiosk:';

/**
 * Ends the visit and wipes every trace of it: every visitor store, the screen (back to the
 * attract screen), the language (back to the kiosk's default), scroll positions, the print
 * state and the QR codes drawn for it, web storage, cookies and IndexedDB, and in Electron the session's storage, cache and
 * the clipboard. The next visitor starts as the first one did.
 */
export async function resetSession(
  pinia: Pinia,
  setLocale: (locale: Locale) => void,
  visitLocale: Locale,
): Promise<void> {
  const kiosk = useKioskStore(pinia);
  const tally = tallyOf(pinia, visitLocale);
  stopAudioGuide();
  for (const useStore of VISITOR_STORES) useStore(pinia).reset();
  // What other modules keep of the visit: the shared sheet's computed values, and the QR codes
  // drawn for it (the phone code holds the plan).
  runVisitEndHooks();
  // Assisting belongs to one visit; the staff screen itself is not the visitor's.
  useStaffStore(pinia).assisting = false;
  setLocale(kiosk.settings.defaultLocale);
  window.scrollTo(0, 0);
  for (const el of document.querySelectorAll('*')) if (el.scrollTop > 0) el.scrollTop = 0;
  clearWebStorage();
  await Promise.all([
    clearIndexedDb(),
    kiosk.api?.endVisit().catch(() => undefined),
    tally && kiosk.api?.countVisit(tally).catch(() => undefined),
  ]);
}

/**
 * What the anonymous counters learn of a visit that chose a language: its language, whether it
 * reached the summary, and the final mark of each marked step. Nothing else leaves the visit.
 */
function tallyOf(pinia: Pinia, locale: Locale): VisitTally | null {
  const session = useSessionStore(pinia);
  if (!session.started) return null;
  const marks: Record<string, MarkedStatus> = {};
  for (const [id, status] of Object.entries(usePlanStore(pinia).statuses))
    if (status !== 'pending') marks[id] = status;
  return { locale, completed: session.completed, marks };
}

function clearWebStorage(): void {
  try {
    sessionStorage.clear();
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (key !== null && !key.startsWith(KIOSK_STORAGE_PREFIX)) localStorage.removeItem(key);
    }
  } catch {
    // Storage may be unavailable (privacy settings); there is then nothing in it to clear.
  }
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
}

async function clearIndexedDb(): Promise<void> {
  if (typeof indexedDB === 'undefined' || !('databases' in indexedDB)) return;
  try {
    const dbs = await indexedDB.databases();
    await Promise.all(
      dbs.map(
        (db) =>
          new Promise<void>((resolve) => {
            if (!db.name) return resolve();
            const req = indexedDB.deleteDatabase(db.name);
            req.onsuccess = req.onerror = req.onblocked = () => resolve();
          }),
      ),
    );
  } catch {
    // Nothing the kiosk can do more; the page itself never writes to IndexedDB.
  }
}
