// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { kioskContent } from '../../../src/content';
import { useAnswersStore } from '../../../src/stores/answers';
import { usePlanStore } from '../../../src/stores/plan';
import { useSessionStore } from '../../../src/stores/session';
import { useKioskStore } from '../../../src/stores/kiosk';
import { useStaffStore } from '../../../src/stores/staff';
import { resetSession, VISITOR_STORES } from '../../../src/session/reset-session';
import { usePrintStore } from '../../../src/stores/print';
import type { Locale } from '../../../core/locales';
import { DEFAULT_SETTINGS } from '../../../core/kiosk/settings';
import { qrMatrix, rememberedQrCodes } from '../../../src/qr';

const [shared, money] = kioskContent.questions as [
  (typeof kioskContent.questions)[number],
  (typeof kioskContent.questions)[number],
];

describe('resetSession', () => {
  it('leaves every store but the kiosk store as a fresh visit finds it', async () => {
    const pinia = createPinia();
    setActivePinia(pinia);
    const kiosk = useKioskStore();
    kiosk.settings = { ...DEFAULT_SETTINGS, branchName: 'Branch 7', defaultLocale: 'ru' };
    for (const useStore of VISITOR_STORES) useStore();
    const staff = useStaffStore();
    const fresh = JSON.parse(JSON.stringify(pinia.state.value)) as Record<string, unknown>;

    // A visit touches every store.
    const a = useAnswersStore();
    a.choose(shared, 'card');
    a.choose(money, 'yes');
    usePlanStore().setStatus('hang-up', 'done');
    useSessionStore().dispatch({ type: 'begin' });
    usePrintStore().problem = 'paper-out';
    staff.assisting = true;
    qrMatrix('the visitor’s plan, as the phone code holds it');
    expect(rememberedQrCodes()).toBeGreaterThan(0);
    sessionStorage.setItem('something', 'of the visit');
    localStorage.setItem('left-by-visit', 'x');
    localStorage.setItem('citizensec-kiosk:settings', '{}');
    let locale: Locale = 'en';

    await resetSession(pinia, (l) => (locale = l), 'en');

    const now = JSON.parse(JSON.stringify(pinia.state.value)) as Record<string, unknown>;
    expect(Object.keys(now).sort()).toEqual(Object.keys(fresh).sort());
    for (const id of Object.keys(now)) expect(now[id], `store ${id}`).toEqual(fresh[id]);
    expect(kiosk.settings.branchName).toBe('Branch 7');
    expect(locale).toBe('ru');
    expect(sessionStorage.length).toBe(0);
    expect(localStorage.getItem('left-by-visit')).toBeNull();
    expect(localStorage.getItem('citizensec-kiosk:settings')).toBe('{}');
    expect(rememberedQrCodes()).toBe(0);
  });
});
