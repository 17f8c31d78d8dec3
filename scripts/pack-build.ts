import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  type KeyObject,
} from 'node:crypto';
import type { ContentFile } from '../core/content/validate.ts';
import { formatContentError, validateContent } from '../core/content/validate.ts';
import { PACK_FORMAT, PUBLIC_KEY_PREFIX, type PackManifest } from '../core/content/pack.ts';

/*
 * Building and signing content packs with Node's own crypto (Ed25519); the format and the checks
 * a kiosk makes are in core/content/pack.ts. Used by scripts/content-keygen.ts,
 * scripts/content-pack.ts and the tests.
 */

export interface KeyPair {
  /** PKCS#8 PEM: the signing key, kept by the content owners, never on a kiosk. */
  readonly privatePem: string;
  /** `ed25519:<base64 of the raw 32 bytes>`: shipped with the app or set by IT's policy. */
  readonly publicKey: string;
  readonly keyId: string;
}

export function publicKeyText(key: KeyObject): string {
  const x = key.export({ format: 'jwk' }).x;
  if (!x) throw new Error('not an Ed25519 key');
  return PUBLIC_KEY_PREFIX + Buffer.from(x, 'base64url').toString('base64');
}

export function keyIdOfText(publicKey: string): string {
  const raw = Buffer.from(publicKey.slice(PUBLIC_KEY_PREFIX.length), 'base64');
  return createHash('sha256').update(raw).digest('hex').slice(0, 16);
}

export function makeKeyPair(): KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const pub = publicKeyText(publicKey);
  return {
    privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKey: pub,
    keyId: keyIdOfText(pub),
  };
}

export interface PackInput {
  readonly files: readonly ContentFile[];
  /** Audio clips to carry (scripts/pack-audio.ts): `audio/…` paths and their text (base64 clips). */
  readonly audio?: readonly ContentFile[];
  readonly version: number;
  readonly minAppVersion: string;
  readonly id?: string;
}

/**
 * A signed pack's text. The content is validated with the build's own schema first: a pack that
 * a kiosk would refuse is never written.
 */
export function buildPack(input: PackInput, privatePem: string): string {
  if (!Number.isSafeInteger(input.version) || input.version < 1)
    throw new Error('--version: expected a whole number from 1');
  const result = validateContent(input.files);
  if (!result.ok)
    throw new Error(
      `Content is not valid:\n${result.errors.map((e) => `  - ${formatContentError(e)}`).join('\n')}`,
    );
  const files: Record<string, string> = {};
  const hashes: Record<string, string> = {};
  for (const f of [...input.files, ...(input.audio ?? [])].sort((a, b) =>
    a.path.localeCompare(b.path),
  )) {
    files[f.path] = f.text;
    hashes[f.path] = createHash('sha256').update(f.text, 'utf8').digest('hex');
  }
  const manifest: PackManifest = {
    id: input.id ?? `citizensec-content-${input.version}`,
    version: input.version,
    checkedAsOf: result.content.meta.checkedAsOf,
    minAppVersion: input.minAppVersion,
    files: hashes,
  };
  const manifestText = JSON.stringify(manifest, null, 2);
  const key = createPrivateKey(privatePem);
  const signature = sign(null, Buffer.from(manifestText, 'utf8'), key).toString('base64');
  const keyId = keyIdOfText(publicKeyText(createPublicKey(key)));
  return JSON.stringify({
    format: PACK_FORMAT,
    manifest: manifestText,
    signatures: [{ keyId, signature }],
    files,
  });
}

export const packFileName = (version: number) => `citizensec-content-${version}.pack`;
