import { describe, expect, it, vi } from 'vitest';
import {
  SETUP_WINDOW_MS,
  StaffCore,
  STAFF_SESSION_MS,
  type StoredPin,
} from '../../../core/staff/staff-core';
import { FIRST_LOCK_MS } from '../../../core/staff/staff-lock';
import { memoryStorage, plainHasher, SETUP_CODE, setupPolicy } from './fakes';

describe('staff entry', () => {
  it('has no default: set up once, twice refused; simple PINs refused', async () => {
    const core = new StaffCore(
      memoryStorage(),
      plainHasher,
      () => {},
      undefined,
      undefined,
      setupPolicy(),
    );
    expect(await core.unlock('000000')).toEqual({ ok: false, reason: 'no-pin' });
    expect(await core.enterSetupCode(SETUP_CODE)).toEqual({ ok: true });
    expect(await core.setup('123456')).toEqual({ ok: false, problem: 'too-simple' });
    expect(await core.setup('1111111')).toEqual({ ok: false, problem: 'too-simple' });
    expect(await core.setup('4829')).toEqual({ ok: false, problem: 'too-short' });
    expect(await core.setup('48a913')).toEqual({ ok: false, problem: 'not-digits' });
    expect(await core.setup('482913')).toEqual({ ok: true });
    expect(core.isActive()).toBe(true);
    expect(await core.setup('555123')).toEqual({ ok: false, problem: 'already-set' });
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

  it('locks in memory when the lockout cannot be kept', async () => {
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
  });

  it('ends staff mode by itself after a quiet while, and each staff action extends it', async () => {
    let now = 0;
    const core = new StaffCore(
      memoryStorage(),
      plainHasher,
      () => {},
      () => now,
      undefined,
      setupPolicy(),
    );
    await core.enterSetupCode(SETUP_CODE);
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

  it('counts a burst of parallel tries one by one: the right PIN in the burst is refused', async () => {
    const log = vi.fn();
    // A slow hash, as scrypt is: every try of the burst is under way at once.
    const slow = {
      ...plainHasher,
      verify: async (pin: string, s: StoredPin) => {
        await new Promise((r) => setTimeout(r, 5));
        return plainHasher.verify(pin, s);
      },
    };
    const core = new StaffCore(memoryStorage(await plainHasher.create('482913')), slow, log);
    const tries = Array.from({ length: 300 }, (_, i) =>
      core.unlock(i === 299 ? '482913' : '999999'),
    );
    const results = await Promise.all(tries);
    expect(results.filter((r) => r.ok)).toEqual([]);
    expect(results.slice(0, 4).every((r) => !r.ok && r.reason === 'wrong-pin')).toBe(true);
    expect(results[4]).toMatchObject({ ok: false, reason: 'wrong-pin', triesLeft: 0 });
    expect((results[4] as { lockedForMs: number }).lockedForMs).toBeGreaterThan(
      FIRST_LOCK_MS - 1000,
    );
    expect(results.at(-1)).toMatchObject({ ok: false, reason: 'locked' });
    expect(core.isActive()).toBe(false);
  });

  it('keeps to real time when the system clock is set back or forward', async () => {
    let mono = 1_000;
    let wall = Date.UTC(2026, 10, 25, 12);
    const clock = { mono: () => mono, wall: () => wall };
    const core = new StaffCore(
      memoryStorage(await plainHasher.create('482913')),
      plainHasher,
      () => {},
      clock,
    );
    for (let i = 0; i < 5; i += 1) await core.unlock('999999');
    expect(core.status().lockedForMs).toBe(FIRST_LOCK_MS);
    // The clock is set back a day: the lock still ends 30 s after it began.
    wall -= 24 * 3_600_000;
    mono += FIRST_LOCK_MS;
    expect(core.status().lockedForMs).toBe(0);
    expect(await core.unlock('482913')).toEqual({ ok: true });
    // Set forward a day: staff mode does not end early, and ends after its 15 minutes.
    wall += 48 * 3_600_000;
    expect(core.isActive()).toBe(true);
    mono += STAFF_SESSION_MS - 1;
    expect(core.isActive()).toBe(true);
    mono += 1;
    expect(core.isActive()).toBe(false);
  });

  it('writes the lock to disk with its date, and reads it back on the monotonic clock', async () => {
    let mono = 50;
    let wall = Date.UTC(2026, 10, 25, 12);
    const written: unknown[] = [];
    const lockouts = { read: () => written.at(-1) ?? null, write: (s: unknown) => written.push(s) };
    const pins = memoryStorage(await plainHasher.create('482913'));
    const first = new StaffCore(
      pins,
      plainHasher,
      () => {},
      { mono: () => mono, wall: () => wall },
      lockouts,
    );
    for (let i = 0; i < 5; i += 1) await first.unlock('999999');
    expect(written.at(-1)).toMatchObject({ lockedUntil: wall + FIRST_LOCK_MS });
    // A restart 10 s later: the monotonic clock starts again from 0.
    mono = 0;
    wall += 10_000;
    const second = new StaffCore(
      pins,
      plainHasher,
      () => {},
      { mono: () => mono, wall: () => wall },
      lockouts,
    );
    expect(second.status().lockedForMs).toBe(FIRST_LOCK_MS - 10_000);
  });
});

describe('first PIN set-up under IT’s policy', () => {
  it('without a PIN and without a setup code, nobody can become staff', async () => {
    const core = new StaffCore(memoryStorage(), plainHasher, () => {});
    expect(core.status()).toMatchObject({ pin: 'unset', firstPin: 'call-it', pinSetByIt: false });
    expect(await core.setup('482913')).toEqual({ ok: false, problem: 'no-setup-code' });
    expect(await core.enterSetupCode('58204719')).toEqual({ ok: false, reason: 'no-code' });
    expect(await core.unlock('482913')).toEqual({ ok: false, reason: 'no-pin' });
    expect(core.isActive()).toBe(false);
  });

  it('asks for the setup code first, then the PIN, and spends the code', async () => {
    const log = vi.fn();
    const policy = setupPolicy();
    const core = new StaffCore(memoryStorage(), plainHasher, log, undefined, undefined, policy);
    expect(core.status()).toMatchObject({ pin: 'unset', firstPin: 'setup-code' });
    expect(await core.setup('482913')).toEqual({ ok: false, problem: 'needs-setup-code' });
    expect(await core.enterSetupCode(SETUP_CODE)).toEqual({ ok: true });
    expect(await core.setup('482913')).toEqual({ ok: true });
    expect(core.isActive()).toBe(true);
    expect(policy.spentCodes).toEqual([SETUP_CODE]);
    expect(core.status()).toMatchObject({ pin: 'set', firstPin: null });
    expect(await core.enterSetupCode(SETUP_CODE)).toEqual({ ok: false, reason: 'no-code' });
    expect(log.mock.calls.flat().join('\n')).not.toContain(SETUP_CODE);
  });

  it('a spent code opens nothing, even after the PIN is gone (a forgotten PIN): call IT', async () => {
    const policy = setupPolicy();
    policy.spent.spend(SETUP_CODE);
    const core = new StaffCore(
      memoryStorage(),
      plainHasher,
      () => {},
      undefined,
      undefined,
      policy,
    );
    expect(core.status().firstPin).toBe('call-it');
    expect(await core.enterSetupCode(SETUP_CODE)).toEqual({ ok: false, reason: 'no-code' });
    expect(await core.setup('482913')).toEqual({ ok: false, problem: 'no-setup-code' });
  });

  it('counts wrong setup codes toward the same lockout as wrong PINs', async () => {
    let now = 1_000_000;
    const core = new StaffCore(
      memoryStorage(),
      plainHasher,
      () => {},
      () => now,
      undefined,
      setupPolicy(),
    );
    for (let left = 4; left >= 1; left -= 1)
      expect(await core.enterSetupCode('11112222')).toEqual({
        ok: false,
        reason: 'wrong-code',
        triesLeft: left,
        lockedForMs: 0,
      });
    expect(await core.enterSetupCode('11112222')).toEqual({
      ok: false,
      reason: 'wrong-code',
      triesLeft: 0,
      lockedForMs: FIRST_LOCK_MS,
    });
    // Locked: even the right code is refused, and the PIN pad is locked too.
    expect(await core.enterSetupCode(SETUP_CODE)).toEqual({
      ok: false,
      reason: 'locked',
      lockedForMs: FIRST_LOCK_MS,
    });
    expect(core.status().lockedForMs).toBe(FIRST_LOCK_MS);
    now += FIRST_LOCK_MS;
    // A code that is a prefix, or longer, is simply wrong.
    expect(await core.enterSetupCode(SETUP_CODE.slice(0, -1))).toMatchObject({ triesLeft: 4 });
    expect(await core.enterSetupCode(`${SETUP_CODE}0`)).toMatchObject({ triesLeft: 3 });
    expect(await core.enterSetupCode(SETUP_CODE)).toEqual({ ok: true });
    expect(core.status().lockedForMs).toBe(0);
  });

  it('lets the first PIN be chosen only for a while after the code', async () => {
    let now = 0;
    const core = new StaffCore(
      memoryStorage(),
      plainHasher,
      () => {},
      () => now,
      undefined,
      setupPolicy(),
    );
    expect(await core.enterSetupCode(SETUP_CODE)).toEqual({ ok: true });
    now += SETUP_WINDOW_MS;
    expect(await core.setup('482913')).toEqual({ ok: false, problem: 'needs-setup-code' });
    expect(await core.enterSetupCode(SETUP_CODE)).toEqual({ ok: true });
    // A refused PIN keeps the window open for a better one.
    expect(await core.setup('123456')).toEqual({ ok: false, problem: 'too-simple' });
    expect(await core.setup('482913')).toEqual({ ok: true });
  });

  it('keeps the PIN set up even if the spent code cannot be recorded, and logs it', async () => {
    const log = vi.fn();
    const policy = {
      ...setupPolicy(),
      spent: {
        isSpent: () => false,
        spend: () => {
          throw new Error('disk full');
        },
      },
    };
    const core = new StaffCore(memoryStorage(), plainHasher, log, undefined, undefined, policy);
    await core.enterSetupCode(SETUP_CODE);
    expect(await core.setup('482913')).toEqual({ ok: true });
    expect(log.mock.calls.flat().join('\n')).toMatch(/could not record the setup code.*disk full/);
  });

  it('uses IT’s PIN over the stored one, and never lets staff change it', async () => {
    const storage = memoryStorage(await plainHasher.create('739146'));
    const core = new StaffCore(
      storage,
      plainHasher,
      () => {},
      undefined,
      undefined,
      setupPolicy({ pin: await plainHasher.create('482913'), setupCode: null }),
    );
    expect(core.status()).toMatchObject({ pin: 'set', firstPin: null, pinSetByIt: true });
    expect(await core.unlock('739146')).toMatchObject({ ok: false, reason: 'wrong-pin' });
    expect(await core.unlock('482913')).toEqual({ ok: true });
    expect(await core.change('550123')).toEqual({ ok: false, problem: 'set-by-it' });
    expect(await core.setup('550123')).toEqual({ ok: false, problem: 'already-set' });
    expect(storage.value).toMatchObject({ hash: 'h739146' });
  });
});
