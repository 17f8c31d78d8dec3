import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  LOCKOUT_FILE_NAME,
  lockoutFile,
  PIN_FILE_NAME,
  pinFile,
  scryptHasher,
} from '../../electron/main/staff/pin-file';
import {
  StaffCore,
  STAFF_SESSION_MS,
  type PinStorage,
  type StoredPin,
} from '../../src/kiosk/staff-core';
import { FIRST_LOCK_MS } from '../../src/domain/staff-lock';
import { CountersStore } from '../../electron/main/counters-store';
import { SettingsStore } from '../../electron/main/settings-store';
import * as staffIpc from '../../electron/main/ipc/staff';
import { IPC_CHANNELS } from '../../src/kiosk/kiosk-api';
import { DEFAULT_SETTINGS } from '../../src/kiosk/settings';
import { EXIT_STAFF_QUIT } from '../../electron/main/app-exit';

vi.mock('electron', () => ({}));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-staff-'));
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

/** A fast stand-in hasher, so lockout tests do not wait for scrypt. */
const plainHasher = {
  create: async (pin: string): Promise<StoredPin> => ({
    algorithm: 'test',
    salt: 's',
    hash: `h${pin}`,
  }),
  verify: async (pin: string, s: StoredPin) => s.hash === `h${pin}`,
  readable: (s: unknown): s is StoredPin => (s as StoredPin)?.algorithm === 'test',
};
function memoryStorage(
  initial: StoredPin | null | 'damaged' = null,
): PinStorage & { value: unknown } {
  const box = {
    value: initial as unknown,
    read: () => box.value as StoredPin | null | 'damaged',
    write: (p: StoredPin) => {
      box.value = p;
    },
  };
  return box;
}

describe('staff PIN', () => {
  it('is stored as a salted scrypt hash, never the PIN, and checked against it', async () => {
    const storage = pinFile(join(dir, PIN_FILE_NAME));
    const log = vi.fn();
    const core = new StaffCore(storage, scryptHasher, log);
    expect(core.status().pin).toBe('unset');
    expect(await core.setup('482913')).toEqual({ ok: true });
    const text = readFileSync(join(dir, PIN_FILE_NAME), 'utf8');
    expect(text).not.toContain('482913');
    const record = JSON.parse(text);
    expect(record).toMatchObject({ algorithm: 'scrypt', N: 16384, r: 8, p: 1 });
    // Two PINs the same never hash the same: each has its own salt.
    const other = await scryptHasher.create('482913');
    expect(other.salt).not.toBe(record.salt);
    expect(other.hash).not.toBe(record.hash);
    expect(await scryptHasher.verify('482913', record)).toBe(true);
    expect(await scryptHasher.verify('482914', record)).toBe(false);
    expect(log.mock.calls.flat().join('\n')).not.toContain('482913');
  });

  it('has no default: set up once, twice refused; simple PINs refused', async () => {
    const core = new StaffCore(memoryStorage(), plainHasher, () => {});
    expect(await core.unlock('000000')).toEqual({ ok: false, reason: 'no-pin' });
    expect(await core.setup('123456')).toEqual({ ok: false, problem: 'too-simple' });
    expect(await core.setup('1111111')).toEqual({ ok: false, problem: 'too-simple' });
    expect(await core.setup('4829')).toEqual({ ok: false, problem: 'too-short' });
    expect(await core.setup('48a913')).toEqual({ ok: false, problem: 'not-digits' });
    expect(await core.setup('482913')).toEqual({ ok: true });
    expect(core.isActive()).toBe(true);
    expect(await core.setup('555123')).toEqual({ ok: false, problem: 'already-set' });
  });

  it('treats an unreadable PIN file as damaged: no set-up over it, no entry', async () => {
    writeFileSync(join(dir, PIN_FILE_NAME), '{"algorithm":"scrypt"');
    const core = new StaffCore(pinFile(join(dir, PIN_FILE_NAME)), scryptHasher, () => {});
    expect(core.status().pin).toBe('damaged');
    expect(await core.setup('482913')).toEqual({ ok: false, problem: 'already-set' });
    expect(await core.unlock('482913')).toEqual({ ok: false, reason: 'no-pin' });
  });

  it('locks for 30 s after 5 wrong tries, doubling each time, and logs without the PIN', async () => {
    let now = 1_000_000;
    const log = vi.fn();
    const core = new StaffCore(
      memoryStorage(await plainHasher.create('482913')),
      plainHasher,
      log,
      () => now,
    );
    for (let i = 1; i <= 4; i += 1) {
      expect(await core.unlock('999999')).toEqual({
        ok: false,
        reason: 'wrong-pin',
        triesLeft: 5 - i,
        lockedForMs: 0,
      });
    }
    expect(await core.unlock('999999')).toEqual({
      ok: false,
      reason: 'wrong-pin',
      triesLeft: 0,
      lockedForMs: FIRST_LOCK_MS,
    });
    // Even the right PIN is refused while locked.
    now += FIRST_LOCK_MS - 1;
    expect(await core.unlock('482913')).toEqual({ ok: false, reason: 'locked', lockedForMs: 1 });
    now += 1;
    for (let i = 0; i < 5; i += 1) await core.unlock('999999');
    expect(core.status().lockedForMs).toBe(2 * FIRST_LOCK_MS);
    now += 2 * FIRST_LOCK_MS;
    for (let i = 0; i < 5; i += 1) await core.unlock('999999');
    expect(core.status().lockedForMs).toBe(4 * FIRST_LOCK_MS);
    now += 4 * FIRST_LOCK_MS;
    expect(await core.unlock('482913')).toEqual({ ok: true });
    // Success forgets the past locks: the next lock is 30 s again.
    core.lock();
    for (let i = 0; i < 5; i += 1) await core.unlock('999999');
    expect(core.status().lockedForMs).toBe(FIRST_LOCK_MS);
    const logged = log.mock.calls.flat().join('\n');
    expect(logged).toContain('wrong PIN');
    expect(logged).toContain('locked for 30 s');
    expect(logged).not.toMatch(/999999|482913/);
  });

  it('keeps the lockout across a restart, and forgets it after the right PIN', async () => {
    let now = 1_000_000;
    const file = join(dir, LOCKOUT_FILE_NAME);
    const pins = memoryStorage(await plainHasher.create('482913'));
    const start = (log: (m: string) => void = () => {}) =>
      new StaffCore(pins, plainHasher, log, () => now, lockoutFile(file));
    const first = start();
    for (let i = 0; i < 3; i += 1) await first.unlock('999999');
    // Three wrong tries, then a restart: two tries are left, not five.
    expect(await start().unlock('999999')).toMatchObject({ triesLeft: 1 });
    const second = start();
    expect(await second.unlock('999999')).toMatchObject({ lockedForMs: FIRST_LOCK_MS });
    expect(readFileSync(file, 'utf8')).not.toMatch(/999999|482913/);
    // Restarted while locked: still locked, and the log says so.
    now += 10_000;
    const log = vi.fn();
    const third = start(log);
    expect(third.status().lockedForMs).toBe(FIRST_LOCK_MS - 10_000);
    expect(await third.unlock('482913')).toMatchObject({ reason: 'locked' });
    expect(log.mock.calls.flat().join('\n')).toContain('still locked');
    now += FIRST_LOCK_MS;
    // The next lock after a restart is the doubled one.
    const fourth = start();
    for (let i = 0; i < 5; i += 1) await fourth.unlock('999999');
    expect(fourth.status().lockedForMs).toBe(2 * FIRST_LOCK_MS);
    now += 2 * FIRST_LOCK_MS;
    expect(await start().unlock('482913')).toEqual({ ok: true });
    expect(existsSync(file)).toBe(false);
    expect(start().status().lockedForMs).toBe(0);
  });

  it('locks in memory when the lockout cannot be kept, and reads a damaged file as none', async () => {
    const pins = memoryStorage(await plainHasher.create('482913'));
    const log = vi.fn();
    const failing = {
      read: () => null,
      write: () => {
        throw new Error('disk full');
      },
    };
    const core = new StaffCore(pins, plainHasher, log, () => 0, failing);
    for (let i = 0; i < 5; i += 1) await core.unlock('999999');
    expect(core.status().lockedForMs).toBe(FIRST_LOCK_MS);
    expect(log.mock.calls.flat().join('\n')).toContain('could not keep the PIN lockout');
    writeFileSync(join(dir, LOCKOUT_FILE_NAME), '{"failures":');
    const fresh = new StaffCore(
      pins,
      plainHasher,
      () => {},
      () => 0,
      lockoutFile(join(dir, LOCKOUT_FILE_NAME)),
    );
    expect(fresh.status().lockedForMs).toBe(0);
    expect(await fresh.unlock('482913')).toEqual({ ok: true });
  });

  it('ends staff mode by itself after a quiet while, and each staff action extends it', async () => {
    let now = 0;
    const core = new StaffCore(
      memoryStorage(),
      plainHasher,
      () => {},
      () => now,
    );
    await core.setup('482913');
    now += STAFF_SESSION_MS - 1000;
    core.touch();
    now += STAFF_SESSION_MS - 1000;
    expect(core.isActive()).toBe(true);
    now += 1000;
    expect(core.isActive()).toBe(false);
    core.touch();
    expect(core.isActive()).toBe(false);
    expect(await core.change('739146')).toEqual({ ok: false, problem: 'not-staff' });
  });
});

describe('staff IPC', () => {
  const PAGE = 'app://kiosk/index.html';
  async function setup(active: boolean) {
    const handlers = new Map<string, (e: IpcMainInvokeEvent, ...a: unknown[]) => unknown>();
    const ipc = { handle: (ch: string, fn: never) => handlers.set(ch, fn) } as unknown as IpcMain;
    const staff = new StaffCore(memoryStorage(), plainHasher, () => {});
    if (active) await staff.setup('482913');
    const settings = new SettingsStore(dir, () => {});
    const counters = new CountersStore(
      dir,
      ['hang-up', 'contact-bank'],
      () => {},
      () => new Date(2026, 10, 22, 12),
    );
    const dialog = { showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: [dir] })) };
    const app = { relaunch: vi.fn(), exit: vi.fn() };
    staffIpc.register(ipc, {
      pageUrl: PAGE,
      log: () => {},
      staff,
      settings,
      counters,
      dialog: dialog as never,
      window: () => null,
      app,
      env: { INVOCATION_ID: 'x' },
    });
    const event = { senderFrame: { url: PAGE, parent: null } } as unknown as IpcMainInvokeEvent;
    const call = async (ch: string, ...args: unknown[]) => handlers.get(ch)!(event, ...args);
    return { call, staff, settings, counters, dialog, app };
  }

  it('refuses every staff action outside staff mode', async () => {
    const { call, dialog, app } = await setup(false);
    await expect(call(IPC_CHANNELS.getStaffView)).rejects.toThrow(/staff only/);
    expect(await call(IPC_CHANNELS.saveSettings, DEFAULT_SETTINGS)).toEqual({
      ok: false,
      problem: 'not-staff',
    });
    expect(await call(IPC_CHANNELS.exportCounters)).toEqual({ ok: false, problem: 'not-staff' });
    await expect(call(IPC_CHANNELS.leaveApp, 'quit')).rejects.toThrow(/staff only/);
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(app.exit).not.toHaveBeenCalled();
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

  it('exports the counters as CSV to the chosen folder', async () => {
    const { call, counters } = await setup(true);
    counters.add({
      type: 'visit',
      tally: { locale: 'kk', completed: true, marks: { 'hang-up': 'done' } },
    });
    counters.add({ type: 'printed' });
    const result = (await call(IPC_CHANNELS.exportCounters)) as { ok: true; file: string };
    expect(result.ok).toBe(true);
    expect(result.file).toBe(join(dir, 'citizensec-counters-kiosk-2026-11-22.csv'));
    const csv = readFileSync(result.file, 'utf8').split('\r\n');
    expect(csv[0]).toBe(
      'date,visits,completed,sheets_printed,print_failures,language_kk,language_ru,language_en,' +
        'hang-up:done,hang-up:later,hang-up:not-relevant,contact-bank:done,contact-bank:later,contact-bank:not-relevant',
    );
    expect(csv[1]).toBe('2026-11-22,1,1,1,0,1,0,0,1,0,0,0,0,0');
  });

  it('says when the export was cancelled', async () => {
    const { call, dialog } = await setup(true);
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await call(IPC_CHANNELS.exportCounters)).toEqual({ ok: false, problem: 'cancelled' });
  });

  it('quits with the exit status that keeps systemd from restarting it', async () => {
    vi.useFakeTimers();
    const { call, app } = await setup(true);
    await call(IPC_CHANNELS.leaveApp, 'quit');
    vi.advanceTimersByTime(200);
    expect(app.exit).toHaveBeenCalledWith(EXIT_STAFF_QUIT);
  });
});

describe('counters store', () => {
  it('keeps daily totals across restarts, and starts afresh from a damaged file', () => {
    let now = new Date(2026, 10, 21, 9);
    const make = () =>
      new CountersStore(
        dir,
        ['hang-up'],
        () => {},
        () => now,
      );
    const a = make();
    a.add({ type: 'visit', tally: { locale: 'ru', completed: false, marks: {} } });
    now = new Date(2026, 10, 22, 9);
    a.add({ type: 'print-failed' });
    const b = make();
    expect(b.all().map((d) => [d.date, d.visits, d.printFailures])).toEqual([
      ['2026-11-22', 0, 1],
      ['2026-11-21', 1, 0],
    ]);
    writeFileSync(join(dir, 'counters.json'), '{ broken');
    const log = vi.fn();
    const c = new CountersStore(dir, ['hang-up'], log, () => now);
    expect(c.all()).toEqual([]);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('damaged'));
  });
});

describe('PIN provisioned by IT', () => {
  it('writes a file the kiosk accepts, and refuses an easy PIN', async () => {
    const { provisionPin } = await import('../../scripts/staff-pin');
    const file = join(dir, PIN_FILE_NAME);
    expect(await provisionPin('123456', file)).toBe('too-simple');
    expect(await provisionPin('739146', file)).toBeNull();
    const core = new StaffCore(pinFile(file), scryptHasher, () => {});
    expect(core.status().pin).toBe('set');
    expect(await core.unlock('739146')).toEqual({ ok: true });
  });
});
