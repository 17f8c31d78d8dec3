import { describe, expect, it } from 'vitest';
import { pbkdf2Hasher } from '../../../src/kiosk/browser-pin-hasher';

describe('pbkdf2Hasher (the browser build’s PIN hash)', () => {
  it('verifies the PIN it hashed, and no other', async () => {
    const stored = await pbkdf2Hasher.create('482915');
    expect(stored).toMatchObject({ algorithm: 'pbkdf2-sha256', iterations: 210_000 });
    expect(JSON.stringify(stored)).not.toContain('482915');
    expect(await pbkdf2Hasher.verify('482915', stored)).toBe(true);
    expect(await pbkdf2Hasher.verify('482916', stored)).toBe(false);
  });

  it('salts each hash, and reads only its own kind with enough iterations', async () => {
    const a = await pbkdf2Hasher.create('482915');
    const b = await pbkdf2Hasher.create('482915');
    expect(a.hash).not.toBe(b.hash);
    expect(pbkdf2Hasher.readable(a)).toBe(true);
    expect(pbkdf2Hasher.readable({ ...a, iterations: 1000 })).toBe(false);
    expect(pbkdf2Hasher.readable({ ...a, algorithm: 'scrypt' })).toBe(false);
    expect(pbkdf2Hasher.readable(null)).toBe(false);
    expect(await pbkdf2Hasher.verify('482915', { ...a, iterations: 1000 })).toBe(false);
  });
});
