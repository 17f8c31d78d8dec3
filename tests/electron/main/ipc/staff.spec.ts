import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StaffCore } from '../../../../core/staff/staff-core';
import { memoryStorage, plainHasher, SETUP_CODE, setupPolicy } from '../../../core/staff/fakes';
import { CountersStore } from '../../../../electron/main/counters-store';
import { SettingsStore } from '../../../../electron/main/settings-store';
import { PolicySettings, type LoadedPolicy } from '../../../../electron/main/policy';
import { NO_POLICY } from '../../../../core/kiosk/policy';
import * as staffIpc from '../../../../electron/main/ipc/staff';
import { IPC_CHANNELS } from '../../../../core/kiosk/kiosk-api';
import { DEFAULT_SETTINGS } from '../../../../core/kiosk/settings';
import { EXIT_STAFF_QUIT } from '../../../../electron/main/app-exit';
import { useTempDir } from '../fakes';

vi.mock('electron', () => ({}));

const dir = useTempDir('kiosk-staff-');
afterEach(() => vi.useRealTimers());

describe('staff IPC', () => {
  const PAGE = 'app://kiosk/index.html';
  const noPolicy: LoadedPolicy = {
    path: '/etc/citizensec-kiosk/policy.json',
    policy: NO_POLICY,
    problems: [],
  };
  async function setup(
    active: boolean,
    keeps = false,
    policy = noPolicy,
    onAttempt?: staffIpc.StaffIpcDeps['onAttempt'],
  ) {
    const handlers = new Map<string, (e: IpcMainInvokeEvent, ...a: unknown[]) => unknown>();
    const ipc = { handle: (ch: string, fn: never) => handlers.set(ch, fn) } as unknown as IpcMain;
    const staff = new StaffCore(
      memoryStorage(),
      plainHasher,
      () => {},
      undefined,
      undefined,
      setupPolicy(),
    );
    if (active) {
      await staff.enterSetupCode(SETUP_CODE);
      await staff.setup('482913');
    }
    const settings = new PolicySettings(new SettingsStore(dir(), () => {}), policy, () => {});
    const counters = new CountersStore(
      dir(),
      () => ({ steps: ['hang-up', 'contact-bank'], documents: [] }),
      () => {},
      () => new Date(2026, 10, 22, 12),
    );
    const app = { relaunch: vi.fn(), exit: vi.fn() };
    staffIpc.register(ipc, {
      pageUrl: PAGE,
      log: () => {},
      staff,
      settings,
      counters,
      app,
      env: { INVOCATION_ID: 'x' },
      printKeepsSheets: () => keeps,
      onAttempt,
    });
    const event = { senderFrame: { url: PAGE, parent: null } } as unknown as IpcMainInvokeEvent;
    const call = async (ch: string, ...args: unknown[]) => handlers.get(ch)!(event, ...args);
    return { call, staff, settings, counters, app };
  }

  it('refuses every staff action outside staff mode', async () => {
    const { call, app } = await setup(false);
    await expect(call(IPC_CHANNELS.getStaffView)).rejects.toThrow(/staff only/);
    expect(await call(IPC_CHANNELS.saveSettings, DEFAULT_SETTINGS)).toEqual({
      ok: false,
      problem: 'not-staff',
    });
    await expect(call(IPC_CHANNELS.leaveApp, 'quit')).rejects.toThrow(/staff only/);
    expect(app.exit).not.toHaveBeenCalled();
  });

  it("tells the staff screen whether the print system kept a visitor's sheet", async () => {
    for (const keeps of [false, true]) {
      const { call } = await setup(true, keeps);
      expect(await call(IPC_CHANNELS.getStaffView)).toMatchObject({ printKeepsSheets: keeps });
    }
  });

  it('saves valid settings, refuses invalid ones before they reach the store', async () => {
    const { call, settings } = await setup(true);
    const next = { ...DEFAULT_SETTINGS, branchName: 'Astana 3', policePhone: '102' };
    expect(await call(IPC_CHANNELS.saveSettings, next)).toEqual({ ok: true, settings: next });
    expect(settings.current()).toEqual(next);
    for (const bad of [
      { ...next, idle: { ...next.idle, idleSeconds: 10 } },
      { ...next, enabledLocales: ['kk'], defaultLocale: 'ru' },
      { ...next, branchPhone: 'ask the desk' },
      { ...next, printerName: 'Lobby printer' },
      { ...next, extra: true },
    ]) {
      await expect(call(IPC_CHANNELS.saveSettings, bad)).rejects.toThrow(/malformed/);
    }
    expect(settings.current()).toEqual(next);
  });

  it("refuses a save that changes what IT's policy sets, and shows locks and problems", async () => {
    const policy: LoadedPolicy = {
      ...noPolicy,
      policy: { ...NO_POLICY, settings: { branchPhone: '102', idle: { warningSeconds: 60 } } },
      problems: [{ field: 'settings.paper', message: 'expected one of a4, receipt-80' }],
    };
    const { call, settings } = await setup(true, false, policy);
    expect(await call(IPC_CHANNELS.getStaffView)).toMatchObject({
      settings: { branchPhone: '102', idle: { warningSeconds: 60 } },
      locked: ['branchPhone', 'idle.warningSeconds'],
      policyProblems: policy.problems,
    });
    const current = settings.current();
    for (const bad of [
      { ...current, branchPhone: '112' },
      { ...current, idle: { ...current.idle, warningSeconds: 30 } },
    ])
      expect(await call(IPC_CHANNELS.saveSettings, bad)).toEqual({ ok: false, problem: 'locked' });
    expect(settings.current()).toEqual(current);
    const next = { ...current, branchName: 'Astana 3' };
    expect(await call(IPC_CHANNELS.saveSettings, next)).toEqual({ ok: true, settings: next });
  });

  it('takes the setup code before the first PIN, from the page as from anyone', async () => {
    const { call, staff } = await setup(false);
    expect(await call(IPC_CHANNELS.staffStatus)).toMatchObject({ firstPin: 'setup-code' });
    expect(await call(IPC_CHANNELS.setupStaffPin, '482913')).toEqual({
      ok: false,
      problem: 'needs-setup-code',
    });
    expect(await call(IPC_CHANNELS.enterSetupCode, '11112222')).toMatchObject({
      reason: 'wrong-code',
      triesLeft: 4,
    });
    await expect(call(IPC_CHANNELS.enterSetupCode, 58204719)).rejects.toThrow(/malformed/);
    expect(await call(IPC_CHANNELS.enterSetupCode, SETUP_CODE)).toEqual({ ok: true });
    expect(await call(IPC_CHANNELS.setupStaffPin, '482913')).toEqual({ ok: true });
    expect(staff.isActive()).toBe(true);
  });

  it('quits with the exit status that keeps systemd from restarting it', async () => {
    vi.useFakeTimers();
    const { call, app } = await setup(true);
    await call(IPC_CHANNELS.leaveApp, 'quit');
    vi.advanceTimersByTime(200);
    expect(app.exit).toHaveBeenCalledWith(EXIT_STAFF_QUIT);
  });

  it('tells the health metrics each PIN and setup code attempt’s result', async () => {
    const onAttempt = vi.fn();
    const { call } = await setup(false, false, noPolicy, onAttempt);
    const wrong = await call(IPC_CHANNELS.enterSetupCode, '11112222');
    expect(onAttempt).toHaveBeenLastCalledWith(wrong, 'setup-code');
    await call(IPC_CHANNELS.enterSetupCode, SETUP_CODE);
    await call(IPC_CHANNELS.setupStaffPin, '482913');
    await call(IPC_CHANNELS.lockStaff);
    const unlocked = await call(IPC_CHANNELS.unlockStaff, '482913');
    expect(unlocked).toEqual({ ok: true });
    expect(onAttempt).toHaveBeenLastCalledWith({ ok: true }, 'pin');
    expect(onAttempt).toHaveBeenCalledTimes(3);
  });
});
