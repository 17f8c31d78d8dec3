import type { App, IpcMain } from 'electron';
import type { SaveSettingsResult } from '../../../core/kiosk/kiosk-api';
import type { SetupCodeResult, StaffCore } from '../../../core/staff/staff-core';
import type { UnlockResult } from '../../../core/staff/staff-lock';
import type { CountersStore } from '../counters-store';
import { LockedFieldsError, type PolicySettings } from '../policy';
import { leaveApp } from '../app-exit';
import { handle, RefusedCall, type HandlerContext } from './contract';

export interface StaffIpcDeps extends HandlerContext {
  readonly staff: StaffCore;
  /** The kiosk's settings with IT's policy over them (electron/main/policy.ts). */
  readonly settings: Pick<PolicySettings, 'current' | 'notice' | 'save' | 'locked' | 'problems'>;
  readonly counters: CountersStore;
  readonly app: Pick<App, 'relaunch' | 'exit'>;
  readonly env: NodeJS.ProcessEnv;
  /** Whether the print system kept a sheet the kiosk could not remove. */
  readonly printKeepsSheets: () => boolean;
  /** Hears each PIN and setup code attempt's result (the health metrics: logins, lockouts). */
  readonly onAttempt?: (result: UnlockResult | SetupCodeResult, kind: 'pin' | 'setup-code') => void;
}

/**
 * Staff entry and the staff screen. Entry (status, setup code, first PIN, unlock, lock) is open
 * to the page, and StaffCore decides what each may do; everything else answers only while staff
 * mode is on in main, whatever the page believes, and each staff action keeps staff mode on for
 * another while. A save that changes a field IT's policy locks is refused here too.
 */
export function register(ipc: Pick<IpcMain, 'handle'>, deps: StaffIpcDeps): void {
  const { staff } = deps;
  /** Whether staff mode is on; if so, a staff action keeps it on for another while. */
  const inStaffMode = (): boolean => {
    if (!staff.isActive()) {
      deps.log('staff: refused a staff action outside staff mode');
      return false;
    }
    staff.touch();
    return true;
  };

  handle(ipc, deps, 'staffStatus', () => staff.status());
  handle(ipc, deps, 'enterSetupCode', async (_e, code) => {
    const result = await staff.enterSetupCode(code);
    deps.onAttempt?.(result, 'setup-code');
    return result;
  });
  handle(ipc, deps, 'setupStaffPin', (_e, pin) => staff.setup(pin));
  handle(ipc, deps, 'unlockStaff', async (_e, pin) => {
    const result = await staff.unlock(pin);
    deps.onAttempt?.(result, 'pin');
    return result;
  });
  handle(ipc, deps, 'lockStaff', () => staff.lock());
  handle(ipc, deps, 'changeStaffPin', (_e, pin) => staff.change(pin));

  handle(ipc, deps, 'getStaffView', () => {
    if (!inStaffMode()) throw new RefusedCall('staff only');
    return {
      settings: deps.settings.current(),
      notice: deps.settings.notice(),
      countersSetAside: deps.counters.setAside(),
      printKeepsSheets: deps.printKeepsSheets(),
      days: deps.counters.all(),
      locked: deps.settings.locked(),
      policyProblems: deps.settings.problems(),
    };
  });

  handle(ipc, deps, 'saveSettings', (_e, next): SaveSettingsResult => {
    if (!inStaffMode()) return { ok: false, problem: 'not-staff' };
    try {
      return { ok: true, settings: deps.settings.save(next) };
    } catch (err) {
      if (err instanceof LockedFieldsError) return { ok: false, problem: 'locked' };
      deps.log(`settings: could not save: ${(err as Error).message}`);
      return { ok: false, problem: 'write-failed' };
    }
  });

  handle(ipc, deps, 'leaveApp', (_e, kind) => {
    if (!inStaffMode()) throw new RefusedCall('staff only');
    deps.log(`staff: ${kind} requested`);
    // Answer the page first; leave once the reply is on its way.
    setTimeout(() => leaveApp(kind, deps.app, deps.env, deps.log), 100);
  });
}
