import { describe, expect, it, vi } from 'vitest';
import * as infoIpc from '../../../../electron/main/ipc/info';
import * as settingsIpc from '../../../../electron/main/ipc/settings';
import * as visitIpc from '../../../../electron/main/ipc/visit';
import * as printIpc from '../../../../electron/main/ipc/print';
import * as staffIpc from '../../../../electron/main/ipc/staff';
import * as drivesIpc from '../../../../electron/main/ipc/drives';
import * as contentPackIpc from '../../../../electron/main/ipc/content-pack';
import * as diagnosticsIpc from '../../../../electron/main/ipc/diagnostics';
import {
  PAYLOAD_LIMITS,
  refusalLog,
  REFUSALS_LOGGED_PER_MINUTE,
  REQUEST_SCHEMAS,
  RefusedCall,
  settingsSchema,
  withinLimits,
} from '../../../../electron/main/ipc/contract';
import { IPC_CHANNELS } from '../../../../core/kiosk/kiosk-api';
import { DEFAULT_SETTINGS, settingsProblems } from '../../../../core/kiosk/settings';
import { fakeIpc, FRAME, PAGE } from '../fakes';

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn() },
}));

describe('IPC contract', () => {
  it('has a channel and a schema for every method, and every module registers its own', () => {
    const { ipc, handlers } = fakeIpc();
    const ctx = { pageUrl: PAGE, log: () => {} };
    infoIpc.register(ipc, { ...ctx, version: '1.2.3' });
    settingsIpc.register(ipc, { ...ctx, readSettings: () => DEFAULT_SETTINGS });
    visitIpc.register(ipc, { ...ctx, clipboard: { clear: () => {} }, counters: { add: () => {} } });
    printIpc.register(ipc, {
      ...ctx,
      platform: 'linux',
      cups: {} as never,
      reaper: {} as never,
      readSettings: () => DEFAULT_SETTINGS,
      staffActive: () => false,
      count: () => {},
      documentIds: () => [],
    });
    staffIpc.register(ipc, {
      ...ctx,
      staff: {} as never,
      settings: {} as never,
      counters: {} as never,
      printKeepsSheets: () => false,
      app: {} as never,
      env: {},
    });
    drivesIpc.register(ipc, {
      ...ctx,
      staff: {} as never,
      counters: {} as never,
      ids: () => ({ steps: [], documents: [] }),
      kioskName: () => '',
      listDrives: async () => [],
    });
    diagnosticsIpc.register(ipc, {
      ...ctx,
      staff: {} as never,
      version: '1.2.3',
      content: { checkedAsOf: '2026-02-17', sha256: '' },
      appSha256: () => null,
      dataDir: '',
      logDir: '',
      prints: () => ({ lastSuccess: null, lastFailure: null }),
    });
    contentPackIpc.register(ipc, { ...ctx, staff: {} as never, packs: {} as never });
    // A second registration of one channel would have thrown above.
    expect([...handlers.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
    expect(Object.keys(REQUEST_SCHEMAS).sort()).toEqual(Object.keys(IPC_CHANNELS).sort());
    expect(new Set(Object.values(IPC_CHANNELS)).size).toBe(Object.keys(IPC_CHANNELS).length);
  });

  it('answers the kiosk page', () => {
    const { ipc, invoke } = fakeIpc();
    infoIpc.register(ipc, { pageUrl: PAGE, log: () => {}, version: '1.2.3' });
    settingsIpc.register(ipc, {
      pageUrl: PAGE,
      log: () => {},
      readSettings: () => DEFAULT_SETTINGS,
    });
    expect(invoke(IPC_CHANNELS.getInfo, FRAME)).toEqual({ runtime: 'electron', version: '1.2.3' });
    expect(invoke(IPC_CHANNELS.getSettings, FRAME)).toEqual(DEFAULT_SETTINGS);
  });

  it('refuses a sub-frame, a foreign page and a missing frame, and logs only the channel', () => {
    const { ipc, invoke } = fakeIpc();
    const log = vi.fn();
    const readSettings = vi.fn(() => DEFAULT_SETTINGS);
    settingsIpc.register(ipc, { pageUrl: 'http://localhost:5173/', log, readSettings });
    const ch = IPC_CHANNELS.getSettings;
    expect(() => invoke(ch, { url: 'http://localhost:5173/', parent: {} })).toThrow(RefusedCall);
    expect(() => invoke(ch, { url: 'https://evil.example/', parent: null })).toThrow(/untrusted/);
    expect(() => invoke(ch, null)).toThrow(/untrusted/);
    expect(readSettings).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith('ipc: refused kiosk:get-settings from an untrusted sender');
  });

  it('refuses arguments a method does not take, and never logs their content', () => {
    const { ipc, invoke } = fakeIpc();
    const log = vi.fn();
    const readSettings = vi.fn(() => DEFAULT_SETTINGS);
    settingsIpc.register(ipc, { pageUrl: PAGE, log, readSettings });
    expect(() => invoke(IPC_CHANNELS.getSettings, FRAME, 'Aigerim, IIN 900101300123')).toThrow(
      'refused: malformed request',
    );
    expect(readSettings).not.toHaveBeenCalled();
    const logged = log.mock.calls.flat().join('\n');
    expect(logged).toContain('malformed kiosk:get-settings');
    expect(logged).not.toMatch(/Aigerim|900101300123/);
  });
});

describe('refusals', () => {
  const register = (log = vi.fn()) => {
    const { ipc, invoke } = fakeIpc();
    staffIpc.register(ipc, {
      pageUrl: PAGE,
      log,
      staff: { isActive: () => true, touch: () => {} } as never,
      settings: {} as never,
      counters: { add: vi.fn() } as never,
      printKeepsSheets: () => false,
      app: {} as never,
      env: {},
    });
    return { invoke, log };
  };

  it('log no key the page chose, only the channel and what kind of fault', () => {
    const { invoke, log } = register();
    const bad = { ...DEFAULT_SETTINGS, 'Ivanov Ivan 870101300123': true };
    expect(() => invoke(IPC_CHANNELS.saveSettings, FRAME, bad)).toThrow(RefusedCall);
    const logged = log.mock.calls.flat().join('\n');
    expect(logged).toBe('ipc: refused a malformed staff:save-settings: unrecognized_keys');
    expect(logged).not.toMatch(/Ivanov|8701/);
  });

  it('refuse an oversized payload before parsing it, in no time', () => {
    const { invoke, log } = register();
    const million = Array.from({ length: 1_000_000 }, (_, i) => i);
    const hugeKey = { [`k${'x'.repeat(1_000_000)}`]: 1 };
    const deep = JSON.parse(`${'['.repeat(50)}1${']'.repeat(50)}`);
    const started = performance.now();
    for (const payload of [million, hugeKey, deep, 'x'.repeat(PAYLOAD_LIMITS.stringLength + 1)])
      expect(() => invoke(IPC_CHANNELS.saveSettings, FRAME, payload)).toThrow(RefusedCall);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(log.mock.calls.flat().every((m: string) => m.length < 100)).toBe(true);
    expect(withinLimits([DEFAULT_SETTINGS])).toBe(true);
  });

  it('are logged at most REFUSALS_LOGGED_PER_MINUTE a minute, then summed up', () => {
    let now = 0;
    const log = vi.fn();
    const refuse = refusalLog(log, () => now);
    for (let i = 0; i < 1000; i += 1) refuse(`ipc: refused ${i}`);
    expect(log).toHaveBeenCalledTimes(REFUSALS_LOGGED_PER_MINUTE);
    now += 60_000;
    refuse('ipc: refused again');
    expect(log).toHaveBeenCalledWith(
      `ipc: ${1000 - REFUSALS_LOGGED_PER_MINUTE} more refusals in the last minute were not logged`,
    );
    expect(log).toHaveBeenLastCalledWith('ipc: refused again');
  });
});

describe('settings schema', () => {
  it('refuses a save exactly where the staff form marks a field, from the same table', () => {
    const d = DEFAULT_SETTINGS;
    const cases: unknown[] = [
      d,
      { ...d, branchName: 'Astana 3', policePhone: '102', paper: 'receipt-80' },
      { ...d, kioskName: 'k'.repeat(81) },
      { ...d, branchType: 'shop' },
      { ...d, branchPhone: 'ask the desk' },
      { ...d, enabledLocales: [] },
      { ...d, enabledLocales: ['kk', 'kk'] },
      { ...d, enabledLocales: ['kk'], defaultLocale: 'ru' },
      { ...d, printerName: 'Lobby printer' },
      { ...d, bilingualSheet: 'yes' },
      { ...d, idle: { ...d.idle, warningSeconds: 19 } },
      { ...d, idle: { ...d.idle, goodbyeSeconds: 12.5 } },
      { ...d, idle: { ...d.idle, idleSeconds: undefined } },
    ];
    for (const c of cases) {
      const parsed = settingsSchema.safeParse(c);
      const problems = settingsProblems(c);
      expect(parsed.success, JSON.stringify(c)).toBe(problems.length === 0);
      const paths = parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
      expect([...new Set(paths)].sort()).toEqual([...problems].sort());
    }
  });

  it('also refuses what the form never sends: extra fields, at any depth', () => {
    const d = DEFAULT_SETTINGS;
    expect(settingsSchema.safeParse({ ...d, extra: 1 }).success).toBe(false);
    expect(settingsSchema.safeParse({ ...d, idle: { ...d.idle, extra: 1 } }).success).toBe(false);
  });
});
