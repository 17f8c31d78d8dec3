import { describe, expect, it, vi } from 'vitest';
import { StaffCore, STAFF_SESSION_MS } from '../../../core/staff/staff-core';
import { FIRST_LOCK_MS } from '../../../core/staff/staff-lock';
import { memoryStorage, plainHasher } from './fakes';

describe('staff entry', () => {
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
