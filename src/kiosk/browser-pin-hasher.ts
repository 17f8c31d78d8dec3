import type { PinHasher, StoredPin } from '../../core/staff/staff-core';
import { fromBase64, toBase64 } from './base64';

const PBKDF2_ITERATIONS = 210_000;

async function pbkdf2(
  pin: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<ArrayBuffer> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  return crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
}

/**
 * The browser build's PIN hash: WebCrypto has no scrypt, so PBKDF2-SHA-256 stands in. The
 * browser build is for development, demos and tests; the kiosk itself uses scrypt in main.
 */
export const pbkdf2Hasher: PinHasher = {
  async create(pin) {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const hash = await pbkdf2(pin, salt, PBKDF2_ITERATIONS);
    return {
      algorithm: 'pbkdf2-sha256',
      iterations: PBKDF2_ITERATIONS,
      salt: toBase64(salt),
      hash: toBase64(hash),
    };
  },
  async verify(pin, stored) {
    if (!this.readable(stored)) return false;
    const got = toBase64(await pbkdf2(pin, fromBase64(stored.salt), stored.iterations as number));
    // Not constant-time; the lockout bounds the guesses, and this build guards nothing real.
    return got === stored.hash;
  },
  readable(stored): stored is StoredPin {
    const s = stored as Record<string, unknown> | null;
    return (
      typeof s === 'object' &&
      s !== null &&
      s.algorithm === 'pbkdf2-sha256' &&
      Number.isInteger(s.iterations) &&
      (s.iterations as number) >= 10_000 &&
      typeof s.salt === 'string' &&
      typeof s.hash === 'string'
    );
  },
};
