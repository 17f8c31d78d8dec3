import { mount, type ComponentMountingOptions } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { vi, type Mock } from 'vitest';
import type { Component } from 'vue';
import { createKioskI18n } from '../../src/i18n';
import { useKioskStore } from '../../src/stores/kiosk';
import { useStaffStore } from '../../src/stores/staff';
import type { Locale } from '../../core/locales';
import type { ContentPackView, Diagnostics, KioskApi, StaffView } from '../../core/kiosk/kiosk-api';
import { DEFAULT_SETTINGS } from '../../core/kiosk/settings';

/** Mounts a component with a fresh pinia and the kiosk's i18n, as main.ts installs them. */
export function mountKiosk<C extends Component>(
  component: C,
  options: ComponentMountingOptions<C> & { locale?: Locale; pinia?: Pinia } = {},
) {
  const pinia = options.pinia ?? createPinia();
  setActivePinia(pinia);
  const i18n = createKioskI18n(options.locale ?? 'ru');
  const wrapper = mount(component, {
    ...options,
    global: { plugins: [pinia, i18n], ...(options.global ?? {}) },
  } as ComponentMountingOptions<C>);
  return { wrapper, pinia, i18n };
}

/**
 * A kiosk API whose every call is a spy with a plain answer, as a kiosk with a ready printer
 * and staff mode on would give. Tests override the answers they are about.
 */
export function mockKiosk(overrides: Partial<KioskApi> = {}): KioskApi & MockedKiosk {
  const api: KioskApi = {
    getInfo: async () => ({ runtime: 'browser', version: '0.0.0-test' }),
    getSettings: async () => DEFAULT_SETTINGS,
    checkPrinter: async () => ({ printer: 'Kiosk', ready: true, problem: null }),
    listPrinters: async () => [{ name: 'Kiosk', isDefault: true, problem: null }],
    printSheet: async () => ({ ok: true, confirmed: true }),
    endVisit: async () => {},
    countVisit: async () => {},
    staffStatus: async () => ({
      pin: 'set',
      lockedForMs: 0,
      active: true,
      firstPin: null,
      pinSetByIt: false,
    }),
    enterSetupCode: async () => ({ ok: true }),
    setupStaffPin: async () => ({ ok: true }),
    unlockStaff: async () => ({ ok: true }),
    lockStaff: async () => {},
    changeStaffPin: async () => ({ ok: true }),
    getStaffView: async () => ({
      settings: DEFAULT_SETTINGS,
      notice: null,
      countersSetAside: null,
      printKeepsSheets: false,
      days: [],
      locked: [],
      policyProblems: [],
    }),
    saveSettings: async (settings) => ({ ok: true, settings }),
    listDrives: async () => [
      { path: '/media/kiosk/KINGSTON', label: 'KINGSTON', freeBytes: 14.2e9, readOnly: false },
    ],
    exportCounters: async () => ({
      ok: true,
      file: 'citizensec-counters-kiosk-2026-11-25.csv',
      drive: 'KINGSTON',
    }),
    leaveApp: async () => {},
    getDiagnostics: async () => SAMPLE_DIAGNOSTICS,
    getContentPack: async () => null,
    betweenVisits: async () => false,
    checkContentPacks: async () => NO_PACKS,
    rollbackContentPack: async () => NO_PACKS,
    ...overrides,
  };
  for (const key of Object.keys(api) as (keyof KioskApi)[]) api[key] = vi.fn(api[key]) as never;
  return api as KioskApi & MockedKiosk;
}

/** No content pack anywhere: the bundled content serves. */
export const NO_PACKS: ContentPackView = {
  active: null,
  previous: null,
  pending: null,
  lastCheckAt: null,
  lastProblem: null,
};

/** What main reports for "Check this kiosk" in the tests: a kiosk that is ready. */
export const SAMPLE_DIAGNOSTICS: Diagnostics = {
  runtime: 'electron',
  version: '0.0.0-test',
  content: { source: 'bundled', checkedAsOf: '2026-02-17', sha256: 'c'.repeat(64) },
  appSha256: 'a'.repeat(64),
  freeDiskBytes: 8 * 1024 ** 3,
  prints: { lastSuccess: '2026-11-25T08:00:00.000Z', lastFailure: null },
  recentErrors: [],
};

type MockedKiosk = { [K in keyof KioskApi]: Mock<KioskApi[K]> };

/**
 * A fresh pinia with the kiosk's API in place and the staff screen open over a visit, as after
 * a PIN was entered; `view` is what main answered for the staff screen.
 */
export function staffOpen(api: KioskApi, view: Partial<StaffView> = {}): Pinia {
  const pinia = createPinia();
  setActivePinia(pinia);
  useKioskStore().api = api;
  const staff = useStaffStore();
  staff.screen = 'panel';
  staff.view = {
    settings: DEFAULT_SETTINGS,
    notice: null,
    countersSetAside: null,
    printKeepsSheets: false,
    days: [],
    locked: [],
    policyProblems: [],
    ...view,
  };
  return pinia;
}
