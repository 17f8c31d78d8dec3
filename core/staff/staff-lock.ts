/**
 * The staff PIN's rules and the lockout after wrong tries, shared by main (Electron) and the
 * browser build. Pure: time comes in as a number, so tests drive it with fake clocks.
 */

export const PIN_MIN_LENGTH = 6;
export const PIN_MAX_LENGTH = 12;
/** Wrong tries allowed before entry is locked. */
export const MAX_TRIES = 5;
/** The first lock; each further lock doubles it, up to MAX_LOCK_MS. */
export const FIRST_LOCK_MS = 30_000;
export const MAX_LOCK_MS = 60 * 60_000;

export type PinProblem = 'too-short' | 'too-long' | 'not-digits' | 'too-simple';

/**
 * Why a new PIN is refused, or null. Digits only (the pad has nothing else), 6 to 12 of them,
 * and not one anybody would guess: one digit repeated, or a run up or down (123456, 987654).
 */
export function pinProblem(pin: string): PinProblem | null {
  if (!/^\d*$/.test(pin)) return 'not-digits';
  if (pin.length < PIN_MIN_LENGTH) return 'too-short';
  if (pin.length > PIN_MAX_LENGTH) return 'too-long';
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => (d - digits[i]! + 10) % 10));
  if (steps.size === 1 && [0, 1, 9].includes([...steps][0]!)) return 'too-simple';
  return null;
}

/** Where entry stands: wrong tries since the last success or lock, and the current lock. */
export interface LockoutState {
  readonly failures: number;
  /** How many locks there have been in a row, which sets the next lock's length. */
  readonly locks: number;
  readonly lockedUntil: number;
}

export const OPEN: LockoutState = { failures: 0, locks: 0, lockedUntil: 0 };

export function lockedForMs(state: LockoutState, now: number): number {
  return Math.max(0, state.lockedUntil - now);
}

export function triesLeft(state: LockoutState): number {
  return MAX_TRIES - state.failures;
}

/** After a wrong PIN: the fifth in a row locks entry for 30 s, then 60 s, 120 s, … */
export function afterFailure(state: LockoutState, now: number): LockoutState {
  const failures = state.failures + 1;
  if (failures < MAX_TRIES) return { ...state, failures };
  const ms = Math.min(FIRST_LOCK_MS * 2 ** state.locks, MAX_LOCK_MS);
  return { failures: 0, locks: state.locks + 1, lockedUntil: now + ms };
}

/**
 * A lockout read back from storage after a restart, or OPEN if it is not one. A lock never lasts
 * longer than MAX_LOCK_MS from `now`, so a clock set back cannot lock staff out for longer.
 */
export function restoreLockout(value: unknown, now: number): LockoutState {
  if (typeof value !== 'object' || value === null) return OPEN;
  const v = value as Record<string, unknown>;
  const count = (n: unknown, max: number) =>
    Number.isInteger(n) && (n as number) >= 0 && (n as number) <= max;
  if (!count(v.failures, MAX_TRIES - 1) || !count(v.locks, 64)) return OPEN;
  if (typeof v.lockedUntil !== 'number' || !Number.isFinite(v.lockedUntil)) return OPEN;
  return {
    failures: v.failures as number,
    locks: v.locks as number,
    lockedUntil: Math.min(Math.max(0, v.lockedUntil), now + MAX_LOCK_MS),
  };
}

export function isOpen(state: LockoutState): boolean {
  return state.failures === 0 && state.locks === 0;
}

/** A right PIN opens entry and forgets the past locks. */
export function afterSuccess(): LockoutState {
  return OPEN;
}

/** What an unlock attempt tells the page; never whether the PIN was close. */
export type UnlockResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: 'wrong-pin';
      readonly triesLeft: number;
      readonly lockedForMs: number;
    }
  | { readonly ok: false; readonly reason: 'locked'; readonly lockedForMs: number }
  | { readonly ok: false; readonly reason: 'no-pin' };
