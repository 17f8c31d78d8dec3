// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { NOT_SURE } from '../../../src/domain/content/model';
import { kioskContent } from '../../../src/content';
import { useAnswersStore } from '../../../src/stores/answers';
import { usePlanStore } from '../../../src/stores/plan';
import { useSessionStore } from '../../../src/stores/session';
import { useKioskStore } from '../../../src/stores/kiosk';
import { resetSession } from '../../../src/session/reset-session';
import type { Locale } from '../../../src/domain/locales';
import { DEFAULT_SETTINGS } from '../../../src/kiosk/settings';

const [shared, money] = kioskContent.questions as [
  (typeof kioskContent.questions)[number],
  (typeof kioskContent.questions)[number],
];

describe('answers store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('combines options of a multiple-choice question and toggles them off', () => {
    const a = useAnswersStore();
    a.choose(shared, 'egov-code');
    a.choose(shared, 'card');
    expect(a.selected('shared')).toEqual(['egov-code', 'card']);
    a.choose(shared, 'egov-code');
    expect(a.selected('shared')).toEqual(['card']);
  });

  it('lets "not sure" stand alone', () => {
    const a = useAnswersStore();
    a.choose(shared, 'card');
    a.choose(shared, NOT_SURE);
    expect(a.selected('shared')).toEqual([NOT_SURE]);
    a.choose(shared, 'eds');
    expect(a.selected('shared')).toEqual(['eds']);
  });

  it('keeps one answer to a single-choice question', () => {
    const a = useAnswersStore();
    a.choose(money, 'yes');
    a.choose(money, 'no');
    expect(a.selected('money')).toEqual(['no']);
    expect(a.isAnswered('money')).toBe(true);
    expect(a.isAnswered('loan')).toBe(false);
  });
});

describe('plan store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('follows the answers and keeps what the visitor marked', () => {
    const a = useAnswersStore();
    const plan = usePlanStore();
    a.choose(shared, 'bank-code');
    a.choose(money, 'no');
    a.choose(kioskContent.questions[2]!, 'no');
    expect(plan.items.map((i) => i.step.id)).not.toContain('renew-eds');
    plan.setStatus('contact-bank', 'done');
    a.choose(shared, 'eds');
    expect(plan.items.map((i) => i.step.id)).toContain('renew-eds');
    expect(plan.items.find((i) => i.step.id === 'contact-bank')!.status).toBe('done');
    expect(plan.items.find((i) => i.step.id === 'renew-eds')!.status).toBe('pending');
  });
});

describe('resetSession', () => {
  it('leaves every visitor store as a new visit finds it, and the kiosk settings alone', () => {
    const pinia = createPinia();
    setActivePinia(pinia);
    const kiosk = useKioskStore();
    kiosk.settings = {
      ...DEFAULT_SETTINGS,
      branchName: 'Branch 7',
      defaultLocale: 'ru',
      enabledLocales: ['kk', 'ru'],
    };
    const fresh = JSON.stringify(pinia.state.value);

    const a = useAnswersStore();
    const plan = usePlanStore();
    const session = useSessionStore();
    a.choose(shared, 'card');
    plan.setStatus('hang-up', 'done');
    session.dispatch({ type: 'begin' });
    sessionStorage.setItem('something', 'of the visit');
    let locale: Locale = 'en';

    resetSession(pinia, (l) => (locale = l));

    expect(a.answers).toEqual({});
    expect(plan.statuses).toEqual({});
    expect(session.state).toEqual({ name: 'attract' });
    expect(locale).toBe('ru');
    expect(sessionStorage.length).toBe(0);
    expect(kiosk.settings.branchName).toBe('Branch 7');
    // Every store that exists now is back to what a fresh visit has.
    const now = pinia.state.value;
    expect(now.answers).toEqual({ answers: {} });
    expect(now.plan).toEqual({ statuses: {} });
    expect(now.session).toEqual({ state: { name: 'attract' } });
    expect(now.print).toEqual({ readiness: null, phase: 'idle', problem: null, confirmed: false });
    expect(JSON.parse(fresh).kiosk).toEqual(JSON.parse(JSON.stringify(now.kiosk)));
  });
});
