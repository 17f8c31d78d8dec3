import {
  afterFailure,
  afterSuccess,
  isOpen,
  lockedForMs,
  pinProblem,
  restoreLockout,
  triesLeft,
  type LockoutState,
  type PinProblem,
  type UnlockResult,
} from './staff-lock';

/** Whether a staff PIN exists, whether entry is locked, and whether staff mode is on. */
export interface StaffStatus {
  /** `damaged`: a PIN file exists but cannot be read; IT must provision a new one. */
  readonly pin: 'set' | 'unset' | 'damaged';
  readonly lockedForMs: number;
  readonly active: boolean;
}

export type PinChangeResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly problem: PinProblem | 'already-set' | 'not-staff' | 'write-failed';
    };

/** A PIN as stored: never the PIN, only a salted slow hash and how it was made. */
export interface StoredPin {
  readonly algorithm: string;
  readonly salt: string;
  readonly hash: string;
  readonly [param: string]: unknown;
}

export interface PinHasher {
  create(pin: string): Promise<StoredPin>;
  /** Whether the PIN matches; false (never a throw) for a record it cannot read. */
  verify(pin: string, stored: StoredPin): Promise<boolean>;
  /** Whether a record is one this hasher can check. */
  readable(stored: unknown): stored is StoredPin;
}

export interface PinStorage {
  /** The stored record, null when none exists, or 'damaged' when one exists but cannot be read. */
  read(): StoredPin | null | 'damaged';
  write(pin: StoredPin): void;
}

/**
 * Where the lockout after wrong PINs is kept, so that restarting the kiosk (or pulling its plug)
 * does not give a guesser fresh tries. `write(null)`: nothing to keep, entry is open.
 */
export interface LockoutStorage {
  /** The stored record as parsed, or null when there is none or it cannot be read. */
  read(): unknown;
  write(state: LockoutState | null): void;
}

/** Keeps the lockout in memory only. */
export const MEMORY_ONLY: LockoutStorage = { read: () => null, write: () => {} };

/** A stored PIN record from its text: the record, or 'damaged' if it is not one `hasher` reads. */
export function parseStoredPin(text: string, hasher: PinHasher): StoredPin | 'damaged' {
  try {
    const parsed: unknown = JSON.parse(text);
    return hasher.readable(parsed) ? parsed : 'damaged';
  } catch {
    return 'damaged';
  }
}

/** How long staff mode stays on without a staff action before it ends by itself. */
export const STAFF_SESSION_MS = 15 * 60_000;

/**
 * Time, two ways: `mono` only ever moves forward at a steady rate (it measures how long a lock
 * or a staff session has lasted, whatever is done to the system clock); `wall` is the date, used
 * only for what is written to disk and must mean something after a restart.
 */
export interface Clock {
  wall(): number;
  mono(): number;
}

export const SYSTEM_CLOCK: Clock = { wall: () => Date.now(), mono: () => performance.now() };

/**
 * Staff entry, the same in Electron's main process and the browser build: PIN set-up (only while
 * none exists), unlocking with the lockout of core/staff/staff-lock.ts, changing the PIN, and
 * whether staff mode is on. Attempts are reported to `log` by outcome, never with the PIN.
 */
export class StaffCore {
  /** The lockout, its lock's end on the monotonic clock. */
  private lockout: LockoutState;
  /** When staff mode ends, on the monotonic clock. */
  private activeUntil = -Infinity;
  private readonly clock: Clock;
  /** Unlock attempts, one at a time: a burst of parallel tries is counted try by try. */
  private unlocking: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly storage: PinStorage,
    private readonly hasher: PinHasher,
    private readonly log: (m: string) => void,
    clock: Clock | (() => number) = SYSTEM_CLOCK,
    private readonly lockouts: LockoutStorage = MEMORY_ONLY,
  ) {
    this.clock = typeof clock === 'function' ? { wall: clock, mono: clock } : clock;
    // Stored with the date it ends; in memory, with the monotonic time it ends.
    const stored = restoreLockout(lockouts.read(), this.clock.wall());
    this.lockout = {
      ...stored,
      lockedUntil:
        stored.lockedUntil > 0
          ? this.clock.mono() + lockedForMs(stored, this.clock.wall())
          : stored.lockedUntil,
    };
    if (this.lockedMs() > 0) log('staff: PIN entry still locked from before');
  }

  private lockedMs(): number {
    return lockedForMs(this.lockout, this.clock.mono());
  }

  /** The new lockout, kept where it survives a restart; a failed write still locks in memory. */
  private setLockout(state: LockoutState): void {
    if (state === this.lockout) return;
    this.lockout = state;
    const remaining = lockedForMs(state, this.clock.mono());
    const onDisk = { ...state, lockedUntil: remaining > 0 ? this.clock.wall() + remaining : 0 };
    try {
      this.lockouts.write(isOpen(state) ? null : onDisk);
    } catch (err) {
      this.log(`staff: could not keep the PIN lockout: ${(err as Error).message}`);
    }
  }

  private pinState(): StaffStatus['pin'] {
    const stored = this.storage.read();
    if (stored === null) return 'unset';
    return stored !== 'damaged' && this.hasher.readable(stored) ? 'set' : 'damaged';
  }

  status(): StaffStatus {
    return {
      pin: this.pinState(),
      lockedForMs: this.lockedMs(),
      active: this.isActive(),
    };
  }

  isActive(): boolean {
    return this.clock.mono() < this.activeUntil;
  }

  /** A staff action: staff mode stays on for another STAFF_SESSION_MS. */
  touch(): void {
    if (this.isActive()) this.activeUntil = this.clock.mono() + STAFF_SESSION_MS;
  }

  lock(): void {
    if (this.isActive()) this.log('staff: staff mode ended');
    this.activeUntil = -Infinity;
  }

  private open(): void {
    this.activeUntil = this.clock.mono() + STAFF_SESSION_MS;
  }

  /** The first PIN, when none exists; staff mode starts so the kiosk can be set up. */
  async setup(pin: string): Promise<PinChangeResult> {
    if (this.pinState() !== 'unset') {
      this.log('staff: refused to set up a PIN: one is already set');
      return { ok: false, problem: 'already-set' };
    }
    return this.store(pin, 'set up');
  }

  /** A new PIN, from staff mode only. */
  async change(pin: string): Promise<PinChangeResult> {
    if (!this.isActive()) return { ok: false, problem: 'not-staff' };
    return this.store(pin, 'changed');
  }

  private async store(pin: string, what: string): Promise<PinChangeResult> {
    const problem = pinProblem(pin);
    if (problem) return { ok: false, problem };
    try {
      this.storage.write(await this.hasher.create(pin));
    } catch (err) {
      this.log(`staff: could not store the PIN: ${(err as Error).message}`);
      return { ok: false, problem: 'write-failed' };
    }
    this.log(`staff: PIN ${what}`);
    this.setLockout(afterSuccess());
    this.open();
    return { ok: true };
  }

  /** Unlocks staff mode with the PIN; attempts run one after another, never side by side. */
  unlock(pin: string): Promise<UnlockResult> {
    const attempt = this.unlocking.then(() => this.tryPin(pin));
    this.unlocking = attempt.catch(() => undefined);
    return attempt;
  }

  private async tryPin(pin: string): Promise<UnlockResult> {
    const locked = this.lockedMs();
    if (locked > 0) {
      this.log('staff: PIN entry refused while locked');
      return { ok: false, reason: 'locked', lockedForMs: locked };
    }
    const stored = this.storage.read();
    if (stored === null || stored === 'damaged' || !this.hasher.readable(stored)) {
      return { ok: false, reason: 'no-pin' };
    }
    // The try is counted before the slow check, so that neither a crash nor a power cut during
    // the check gives a guesser a try for free; a right PIN then clears it.
    this.setLockout(afterFailure(this.lockout, this.clock.mono()));
    if (await this.hasher.verify(pin, stored)) {
      this.setLockout(afterSuccess());
      this.open();
      this.log('staff: PIN accepted, staff mode on');
      return { ok: true };
    }
    const lockedNow = this.lockedMs();
    this.log(
      lockedNow > 0
        ? `staff: wrong PIN; entry locked for ${Math.round(lockedNow / 1000)} s`
        : `staff: wrong PIN; ${triesLeft(this.lockout)} tries left`,
    );
    return {
      ok: false,
      reason: 'wrong-pin',
      triesLeft: lockedNow > 0 ? 0 : triesLeft(this.lockout),
      lockedForMs: lockedNow,
    };
  }
}
