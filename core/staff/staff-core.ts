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
  /**
   * How a first PIN may be chosen while none is set: `setup-code` after IT's one-time code from
   * the policy file; `call-it` not at all (the kiosk serves visitors, staff entry says to call
   * IT); null while a PIN is set (or damaged).
   */
  readonly firstPin: 'setup-code' | 'call-it' | null;
  /** The PIN comes from IT's policy file: it cannot be changed at the kiosk. */
  readonly pinSetByIt: boolean;
}

export type PinChangeResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly problem:
        | PinProblem
        | 'already-set'
        | 'not-staff'
        | 'write-failed'
        /** No PIN and no setup code: only IT can let staff in. */
        | 'no-setup-code'
        /** A setup code is waiting: it must be entered on the pad first (or again, after a while). */
        | 'needs-setup-code'
        /** The PIN is IT's, from the policy file. */
        | 'set-by-it';
    };

/** What entering IT's one-time setup code tells the page; never whether it was close. */
export type SetupCodeResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: 'wrong-code';
      readonly triesLeft: number;
      readonly lockedForMs: number;
    }
  | { readonly ok: false; readonly reason: 'locked'; readonly lockedForMs: number }
  /** No code to enter: a PIN is set already, or there is no (unspent) code: call IT. */
  | { readonly ok: false; readonly reason: 'no-code' };

/**
 * Setup codes already used for a first PIN, kept where they outlive the policy file (which is
 * read-only): main's data folder, or local storage in the browser build.
 */
export interface SpentCodes {
  isSpent(code: string): boolean;
  /** Throws if the record cannot be written. */
  spend(code: string): void;
}

/** What IT's policy file says about staff entry (core/kiosk/policy.ts). */
export interface StaffPolicy {
  /** IT's PIN: it wins over the stored one and cannot be changed at the kiosk. */
  readonly pin: StoredPin | null;
  /** IT's one-time code for choosing the first PIN. */
  readonly setupCode: string | null;
  readonly spent: SpentCodes;
}

/** No policy: no PIN from IT and no setup code, so a kiosk with no PIN has no staff entry. */
export const NO_STAFF_POLICY: StaffPolicy = {
  pin: null,
  setupCode: null,
  spent: { isSpent: () => false, spend: () => {} },
};

/**
 * How long after the right setup code the first PIN may be chosen: time enough to choose one and
 * enter it twice, but a pad walked away from after the code does not stay open to a passer-by.
 */
export const SETUP_WINDOW_MS = 5 * 60_000;

/** Compares two strings without stopping at the first difference. */
function sameCode(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i += 1)
    diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

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
 * none exists, and only after IT's one-time setup code), unlocking with the lockout of
 * core/staff/staff-lock.ts (wrong PINs and wrong setup codes count alike), changing the PIN, and
 * whether staff mode is on. Attempts are reported to `log` by outcome, never with the PIN or code.
 */
export class StaffCore {
  /** The lockout, its lock's end on the monotonic clock. */
  private lockout: LockoutState;
  /** When staff mode ends, on the monotonic clock. */
  private activeUntil = -Infinity;
  private readonly clock: Clock;
  /** Unlock attempts, one at a time: a burst of parallel tries is counted try by try. */
  private unlocking: Promise<unknown> = Promise.resolve();
  /** Until when, on the monotonic clock, the first PIN may be chosen after the setup code. */
  private setupUntil = -Infinity;

  constructor(
    private readonly storage: PinStorage,
    private readonly hasher: PinHasher,
    private readonly log: (m: string) => void,
    clock: Clock | (() => number) = SYSTEM_CLOCK,
    private readonly lockouts: LockoutStorage = MEMORY_ONLY,
    private readonly policy: StaffPolicy = NO_STAFF_POLICY,
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

  /** The PIN in force: IT's from the policy, else the stored one. */
  private readPin(): StoredPin | null | 'damaged' {
    return this.policy.pin ?? this.storage.read();
  }

  private pinState(): StaffStatus['pin'] {
    const stored = this.readPin();
    if (stored === null) return 'unset';
    return stored !== 'damaged' && this.hasher.readable(stored) ? 'set' : 'damaged';
  }

  /** IT's setup code, while it can still be used: no PIN is set and it was never spent. */
  private usableCode(): string | null {
    const code = this.policy.setupCode;
    if (code === null || this.pinState() !== 'unset') return null;
    try {
      return this.policy.spent.isSpent(code) ? null : code;
    } catch {
      return null;
    }
  }

  status(): StaffStatus {
    const pin = this.pinState();
    return {
      pin,
      lockedForMs: this.lockedMs(),
      active: this.isActive(),
      firstPin: pin !== 'unset' ? null : this.usableCode() === null ? 'call-it' : 'setup-code',
      pinSetByIt: this.policy.pin !== null,
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

  /**
   * IT's one-time setup code, entered on the PIN pad before the first PIN is chosen: the right
   * one lets the first PIN be chosen for SETUP_WINDOW_MS; a wrong one counts toward the same
   * lockout as a wrong PIN. One at a time, as PINs are.
   */
  enterSetupCode(code: string): Promise<SetupCodeResult> {
    const attempt = this.unlocking.then(() => this.tryCode(code));
    this.unlocking = attempt.catch(() => undefined);
    return attempt;
  }

  private tryCode(code: string): SetupCodeResult {
    const locked = this.lockedMs();
    if (locked > 0) {
      this.log('staff: setup code refused while locked');
      return { ok: false, reason: 'locked', lockedForMs: locked };
    }
    const expected = this.usableCode();
    if (expected === null) return { ok: false, reason: 'no-code' };
    this.setLockout(afterFailure(this.lockout, this.clock.mono()));
    if (sameCode(code, expected)) {
      this.setLockout(afterSuccess());
      this.setupUntil = this.clock.mono() + SETUP_WINDOW_MS;
      this.log('staff: setup code accepted; the first PIN may be chosen');
      return { ok: true };
    }
    const lockedNow = this.lockedMs();
    this.log(
      lockedNow > 0
        ? `staff: wrong setup code; entry locked for ${Math.round(lockedNow / 1000)} s`
        : `staff: wrong setup code; ${triesLeft(this.lockout)} tries left`,
    );
    return {
      ok: false,
      reason: 'wrong-code',
      triesLeft: lockedNow > 0 ? 0 : triesLeft(this.lockout),
      lockedForMs: lockedNow,
    };
  }

  /**
   * The first PIN, when none exists, and only after IT's setup code was entered (a kiosk with
   * no PIN and no code has no staff entry: a passer-by must not become staff). Staff mode starts
   * so the kiosk can be set up, and the code is spent.
   */
  async setup(pin: string): Promise<PinChangeResult> {
    if (this.pinState() !== 'unset') {
      this.log('staff: refused to set up a PIN: one is already set');
      return { ok: false, problem: 'already-set' };
    }
    const code = this.usableCode();
    if (code === null) {
      this.log('staff: refused to set up a PIN: no setup code from IT');
      return { ok: false, problem: 'no-setup-code' };
    }
    if (this.clock.mono() >= this.setupUntil) {
      this.log('staff: refused to set up a PIN: the setup code was not entered');
      return { ok: false, problem: 'needs-setup-code' };
    }
    const result = await this.store(pin, 'set up');
    if (result.ok) {
      this.setupUntil = -Infinity;
      try {
        this.policy.spent.spend(code);
        this.log('staff: the setup code is spent');
      } catch (err) {
        // The PIN is set, so the code opens nothing now; it would again only if the PIN file
        // were removed. IT should replace the code.
        this.log(`staff: could not record the setup code as spent: ${(err as Error).message}`);
      }
    }
    return result;
  }

  /** A new PIN, from staff mode only, and not while the PIN is IT's. */
  async change(pin: string): Promise<PinChangeResult> {
    if (!this.isActive()) return { ok: false, problem: 'not-staff' };
    if (this.policy.pin !== null) return { ok: false, problem: 'set-by-it' };
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
    const stored = this.readPin();
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
