import { describe, expect, it } from 'vitest';
import { keyIdOf, rawPublicKey } from '../../../core/content/pack';
import { BUNDLED_PACK_KEYS } from '../../../core/content/pack-keys';

/*
 * The keys that ship with the app: a wrong line here would leave every kiosk unable to take the
 * packs it signs, with nothing on the kiosk to say why.
 */
describe('BUNDLED_PACK_KEYS', () => {
  it('holds only Ed25519 public keys as content:keygen prints them, each once', async () => {
    for (const key of BUNDLED_PACK_KEYS) expect(rawPublicKey(key), key).not.toBeNull();
    const ids = await Promise.all(BUNDLED_PACK_KEYS.map(keyIdOf));
    expect(new Set(ids).size).toBe(BUNDLED_PACK_KEYS.length);
  });

  it('turns a line that is not a key into no key', () => {
    expect(rawPublicKey('ed25519:not base64!')).toBeNull();
    expect(rawPublicKey('rsa:AAAA')).toBeNull();
    expect(rawPublicKey(`ed25519:${Buffer.alloc(31).toString('base64')}`)).toBeNull();
  });
});
