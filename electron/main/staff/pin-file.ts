import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import {
  parseStoredPin,
  type LockoutStorage,
  type PinHasher,
  type PinStorage,
  type StoredPin,
} from '../../../core/staff/staff-core';
import { readJsonFile, writeFileAtomic } from '../data-file';

export const PIN_FILE_NAME = 'staff-pin.json';
export const LOCKOUT_FILE_NAME = 'staff-lockout.json';

/** scrypt's cost: 16 MiB and about 50 ms per try here, which also slows guessing. */
export const SCRYPT_PARAMS = { N: 2 ** 14, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
/** A provisioned file may ask for more, but not so much that checking a PIN stalls the kiosk. */
const MAX_N = 2 ** 17;

interface ScryptPin extends StoredPin {
  readonly algorithm: 'scrypt';
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

function derive(pin: string, salt: Buffer, o: ScryptOptions & { N: number; r: number; p: number }) {
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(pin, salt, KEY_LENGTH, { ...o, maxmem: 256 * o.N * o.r + 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** PINs as salted scrypt hashes (node:crypto), compared in constant time. */
export const scryptHasher: PinHasher = {
  async create(pin) {
    const salt = randomBytes(16);
    const hash = await derive(pin, salt, SCRYPT_PARAMS);
    const record: ScryptPin = {
      algorithm: 'scrypt',
      ...SCRYPT_PARAMS,
      salt: salt.toString('base64'),
      hash: hash.toString('base64'),
    };
    return record;
  },
  async verify(pin, stored) {
    if (!this.readable(stored)) return false;
    const s = stored as ScryptPin;
    try {
      const expected = Buffer.from(s.hash, 'base64');
      const got = await derive(pin, Buffer.from(s.salt, 'base64'), { N: s.N, r: s.r, p: s.p });
      return expected.length === got.length && timingSafeEqual(expected, got);
    } catch {
      return false;
    }
  },
  readable(stored): stored is StoredPin {
    if (typeof stored !== 'object' || stored === null) return false;
    const s = stored as Record<string, unknown>;
    const int = (v: unknown, max: number) =>
      Number.isInteger(v) && (v as number) >= 1 && (v as number) <= max;
    return (
      s.algorithm === 'scrypt' &&
      int(s.N, MAX_N) &&
      ((s.N as number) & ((s.N as number) - 1)) === 0 &&
      int(s.r, 32) &&
      int(s.p, 4) &&
      typeof s.salt === 'string' &&
      Buffer.from(s.salt, 'base64').length >= 16 &&
      typeof s.hash === 'string' &&
      Buffer.from(s.hash, 'base64').length === KEY_LENGTH
    );
  },
};

/** The PIN record in `staff-pin.json`, written atomically, readable by the kiosk's user only. */
export function pinFile(path: string): PinStorage {
  return {
    read() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (err) {
        return (err as NodeJS.ErrnoException).code === 'ENOENT' ? null : 'damaged';
      }
      return parseStoredPin(text, scryptHasher);
    },
    write(pin) {
      writeFileAtomic(path, `${JSON.stringify(pin, null, 2)}\n`);
    },
  };
}

/**
 * The PIN lockout in `staff-lockout.json`, there only while wrong tries are counting or entry is
 * locked. A file that cannot be read counts as no lockout: it is written atomically, so only
 * someone with the kiosk's disk could damage it, and they need no PIN.
 */
export function lockoutFile(path: string): LockoutStorage {
  return {
    read() {
      const read = readJsonFile(path);
      return read.kind === 'ok' ? read.raw : null;
    },
    write(state) {
      if (state === null) {
        rmSync(path, { force: true });
        return;
      }
      writeFileAtomic(path, `${JSON.stringify(state)}\n`);
    },
  };
}
