import type { PinStorage, StaffPolicy, StoredPin } from '../../../core/staff/staff-core';

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

/** A setup code as IT's policy file gives one. */
export const SETUP_CODE = '58204719';

/** A policy with IT's setup code (or PIN), its spent codes kept in memory (`spent`). */
export function setupPolicy(
  over: Partial<Omit<StaffPolicy, 'spent'>> = {},
): StaffPolicy & { readonly spentCodes: string[] } {
  const spentCodes: string[] = [];
  return {
    pin: null,
    setupCode: SETUP_CODE,
    ...over,
    spentCodes,
    spent: {
      isSpent: (code) => spentCodes.includes(code),
      spend: (code) => void spentCodes.push(code),
    },
  };
}
