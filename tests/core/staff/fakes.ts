import type { PinStorage, StoredPin } from '../../../core/staff/staff-core';

/** A fast stand-in hasher, so lockout tests do not wait for scrypt. */
export const plainHasher = {
  create: async (pin: string): Promise<StoredPin> => ({
    algorithm: 'test',
    salt: 's',
    hash: `h${pin}`,
  }),
  verify: async (pin: string, s: StoredPin) => s.hash === `h${pin}`,
  readable: (s: unknown): s is StoredPin => (s as StoredPin)?.algorithm === 'test',
};
export function memoryStorage(
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
