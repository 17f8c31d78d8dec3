import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  MAX_LOCK_MS,
  OPEN,
  pinProblem,
  restoreLockout,
} from '../../../core/staff/staff-lock';

describe('PIN rules', () => {
  it.each([
    ['482913', null],
    ['90210455', null],
    ['12345', 'too-short'],
    ['1234567890123', 'too-long'],
    ['12 345', 'not-digits'],
    ['000000', 'too-simple'],
    ['123456', 'too-simple'],
    ['654321', 'too-simple'],
    ['890123', 'too-simple'],
    ['135791', null],
  ] as const)('%s → %s', (pin, problem) => {
    expect(pinProblem(pin)).toBe(problem);
  });
});

describe('a lockout read back after a restart', () => {
  const now = 5_000_000;
  it('is kept as it was', () => {
    let state = OPEN;
    for (let i = 0; i < 5; i += 1) state = afterFailure(state, now);
    expect(restoreLockout(JSON.parse(JSON.stringify(state)), now)).toEqual(state);
    expect(restoreLockout({ failures: 3, locks: 0, lockedUntil: 0 }, now).failures).toBe(3);
  });

  it('never lasts longer than the longest lock, even with the clock set back', () => {
    expect(restoreLockout({ failures: 0, locks: 9, lockedUntil: now * 10 }, now)).toEqual({
      failures: 0,
      locks: 9,
      lockedUntil: now + MAX_LOCK_MS,
    });
  });

  it.each([
    null,
    'locked',
    [],
    { failures: -1, locks: 0, lockedUntil: 0 },
    { failures: 5, locks: 0, lockedUntil: 0 },
    { failures: 1.5, locks: 0, lockedUntil: 0 },
    { failures: 0, locks: 0, lockedUntil: 'soon' },
    { failures: 0, locks: 1e9, lockedUntil: 0 },
  ])('is open when the record is not one: %j', (value) => {
    expect(restoreLockout(value, now)).toEqual(OPEN);
  });
});
