import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  LOCKOUT_FILE_NAME,
  lockoutFile,
  PIN_FILE_NAME,
  pinFile,
  scryptHasher,
} from '../../../../electron/main/staff/pin-file';
import { StaffCore } from '../../../../core/staff/staff-core';
import { memoryStorage, plainHasher, SETUP_CODE, setupPolicy } from '../../../core/staff/fakes';
import { FIRST_LOCK_MS } from '../../../../core/staff/staff-lock';
import { useTempDir } from '../fakes';

vi.mock('electron', () => ({}));

const dir = useTempDir('kiosk-staff-');
afterEach(() => vi.useRealTimers());

describe('staff PIN and lockout files', () => {
  it('is stored as a salted scrypt hash, never the PIN, and checked against it', async () => {
    const storage = pinFile(join(dir(), PIN_FILE_NAME));
    const log = vi.fn();
    const core = new StaffCore(storage, scryptHasher, log, undefined, undefined, setupPolicy());
    expect(core.status().pin).toBe('unset');
    await core.enterSetupCode(SETUP_CODE);
    expect(await core.setup('482913')).toEqual({ ok: true });
    const text = readFileSync(join(dir(), PIN_FILE_NAME), 'utf8');
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

  it('treats an unreadable PIN file as damaged: no set-up over it, no entry', async () => {
    writeFileSync(join(dir(), PIN_FILE_NAME), '{"algorithm":"scrypt"');
    const core = new StaffCore(pinFile(join(dir(), PIN_FILE_NAME)), scryptHasher, () => {});
    expect(core.status().pin).toBe('damaged');
    expect(await core.setup('482913')).toEqual({ ok: false, problem: 'already-set' });
    expect(await core.unlock('482913')).toEqual({ ok: false, reason: 'no-pin' });
  });

  it('keeps the lockout across a restart, and forgets it after the right PIN', async () => {
    let now = 1_000_000;
    const file = join(dir(), LOCKOUT_FILE_NAME);
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

  it('reads a damaged lockout file as none', async () => {
    const pins = memoryStorage(await plainHasher.create('482913'));
    writeFileSync(join(dir(), LOCKOUT_FILE_NAME), '{"failures":');
    const fresh = new StaffCore(
      pins,
      plainHasher,
      () => {},
      () => 0,
      lockoutFile(join(dir(), LOCKOUT_FILE_NAME)),
    );
    expect(fresh.status().lockedForMs).toBe(0);
    expect(await fresh.unlock('482913')).toEqual({ ok: true });
  });
});
