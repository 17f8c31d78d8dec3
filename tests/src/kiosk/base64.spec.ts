import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../src/kiosk/base64';

describe('base64', () => {
  it('round-trips every byte value, from a Uint8Array or an ArrayBuffer', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(toBase64(Uint8Array.of(0, 1, 2, 250, 255))).toBe('AAEC+v8=');
    expect(toBase64(bytes.buffer)).toBe(toBase64(bytes));
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(toBase64(new Uint8Array())).toBe('');
  });
});
