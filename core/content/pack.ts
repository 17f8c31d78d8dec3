import type { Content } from './model.ts';
import { validateContent, formatContentError, type ContentFile } from './validate.ts';
import { AUDIO_MANIFEST_FILE, parseAudioManifest } from './audio-clips.ts';

/*
 * Signed content packs (docs/content-packs.md): new facts for the kiosk without a new build.
 * One file, `citizensec-content-<version>.pack`, is JSON:
 *
 *   {
 *     "format": "citizensec-content-pack/1",
 *     "manifest": "<manifest.json's exact text>",
 *     "signatures": [{ "keyId": "<16 hex>", "signature": "<base64 Ed25519 over the manifest's UTF-8 bytes>" }],
 *     "files": { "content/meta.json": "<the file's text>", … }
 *   }
 *
 * and the manifest is { id, version (integer, only goes up), checkedAsOf, minAppVersion,
 * files: { path: sha256 hex of the file's UTF-8 bytes } }. Verification uses WebCrypto's
 * Ed25519, which Node (main, scripts, tests) and Chromium (the browser build) both have, so
 * main and the browser build check a pack with this same code. Never throws: every refusal has
 * a reason code and a message for the log and the staff screen.
 */

export const PACK_FORMAT = 'citizensec-content-pack/1';
/** A pack larger than this is refused unread (the content today is about 300 kB). */
export const MAX_PACK_BYTES = 8 * 1024 * 1024;
/** A key as IT and the app write it: `ed25519:` and the raw 32-byte key in base64. */
export const PUBLIC_KEY_PREFIX = 'ed25519:';

export interface PackManifest {
  readonly id: string;
  readonly version: number;
  readonly checkedAsOf: string;
  readonly minAppVersion: string;
  readonly files: Readonly<Record<string, string>>;
}

export interface PackSignature {
  readonly keyId: string;
  readonly signature: string;
}

/** A pack file as parsed, not yet trusted. */
export interface PackFile {
  readonly format: typeof PACK_FORMAT;
  readonly manifest: string;
  readonly signatures: readonly PackSignature[];
  readonly files: Readonly<Record<string, string>>;
}

export type PackRefusalCode =
  | 'too-large'
  | 'damaged'
  | 'bad-manifest'
  | 'untrusted-key'
  | 'bad-signature'
  | 'file-hash'
  | 'missing-file'
  | 'extra-file'
  | 'invalid-content'
  | 'not-newer'
  | 'older-than-bundled'
  | 'app-too-old'
  /** Not a pack's fault: the folder or URL could not be read (404, timeout, stick pulled out). */
  | 'source-unavailable';

export interface PackRefusal {
  readonly code: PackRefusalCode;
  readonly message: string;
}

/** A pack that passed every check: its manifest and its validated content. */
export interface VerifiedPack {
  readonly manifest: PackManifest;
  readonly keyId: string;
  readonly content: Content;
  readonly files: readonly ContentFile[];
  /**
   * The audio clips of texts the pack changes (docs/accessibility.md): `audio/manifest.json`
   * and `audio/<lang>/<id>.opus` in base64, each signed like the content; empty when it has none.
   */
  readonly audio: Readonly<Record<string, string>>;
}

export type PackCheck =
  | { readonly ok: true; readonly pack: VerifiedPack }
  | { readonly ok: false; readonly refusal: PackRefusal };

export interface PackCheckOptions {
  /** Trusted public keys (`ed25519:…`): the app's own and IT's. */
  readonly trustedKeys: readonly string[];
  /** The version of the active pack, or 0 when the bundled content serves. */
  readonly activeVersion: number;
  /** The bundled content's checked-as-of date: the floor, never gone below. */
  readonly bundledCheckedAsOf: string;
  readonly appVersion: string;
  /** Staff rolling back may take a version that is not newer (never one below the floor). */
  readonly allowOlder?: boolean;
  readonly maxBytes?: number;
}

const refuse = (code: PackRefusalCode, message: string): PackCheck => ({
  ok: false,
  refusal: { code, message },
});

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const HEX64 = /^[0-9a-f]{64}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const APP_VERSION = /^\d+\.\d+\.\d+$/;
const PACK_ID = /^[A-Za-z0-9._-]{1,64}$/;
const FILE_PATH =
  /^(content\/[A-Za-z0-9._/-]+\.json|audio\/manifest\.json|audio\/(kk|ru|en)\/[A-Za-z0-9._-]+\.opus)$/;
const isAudioPath = (path: string) => path.startsWith('audio/');

/** The pack's audio: a manifest whose every clip the pack carries, and no clip more; or why not. */
function audioProblem(files: Readonly<Record<string, string>>): string | null {
  const clips = Object.keys(files).filter((p) => isAudioPath(p) && p !== AUDIO_MANIFEST_FILE);
  const text = files[AUDIO_MANIFEST_FILE];
  if (text === undefined) return clips.length > 0 ? `clips without ${AUDIO_MANIFEST_FILE}` : null;
  let manifest;
  try {
    manifest = parseAudioManifest(JSON.parse(text));
  } catch {
    manifest = 'not JSON';
  }
  if (typeof manifest === 'string') return `${AUDIO_MANIFEST_FILE}: ${manifest}`;
  const named = new Set(
    Object.values(manifest.clips).flatMap((l) => Object.values(l).map((e) => `audio/${e!.file}`)),
  );
  for (const p of named)
    if (!(p in files)) return `${p} is named by the audio manifest but missing`;
  for (const p of clips) if (!named.has(p)) return `${p} is not in the audio manifest`;
  return null;
}

export function bytesOf(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    const s = atob(text);
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The raw 32 bytes of a public key written `ed25519:<base64>`, or null. */
export function rawPublicKey(key: string): Uint8Array<ArrayBuffer> | null {
  if (!key.startsWith(PUBLIC_KEY_PREFIX)) return null;
  const raw = fromBase64(key.slice(PUBLIC_KEY_PREFIX.length).trim());
  return raw && raw.length === 32 ? raw : null;
}

/** A key's id: the first 16 hex digits of the SHA-256 of its raw bytes. */
export async function keyIdOf(key: string): Promise<string | null> {
  const raw = rawPublicKey(key);
  return raw ? (await sha256Hex(raw)).slice(0, 16) : null;
}

/** Compares two `x.y.z` versions: negative, zero or positive. */
export function compareAppVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/).slice(0, 3).map(Number);
  const pb = b.split(/[.+-]/).slice(0, 3).map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The manifest's fields, checked; or why not. */
export function parseManifest(text: string): PackManifest | string {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return 'the manifest is not JSON';
  }
  if (!isRecord(raw)) return 'the manifest is not a JSON object';
  const { id, version, checkedAsOf, minAppVersion, files } = raw;
  if (typeof id !== 'string' || !PACK_ID.test(id)) return 'id: expected letters, digits, . _ -';
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1)
    return 'version: expected a whole number from 1';
  if (typeof checkedAsOf !== 'string' || !ISO_DATE.test(checkedAsOf))
    return 'checkedAsOf: expected a date YYYY-MM-DD';
  if (typeof minAppVersion !== 'string' || !APP_VERSION.test(minAppVersion))
    return 'minAppVersion: expected x.y.z';
  if (!isRecord(files) || Object.keys(files).length === 0) return 'files: expected a list';
  for (const [path, hash] of Object.entries(files)) {
    if (!FILE_PATH.test(path) || path.includes('..'))
      return `files: "${path}" is not a content file or audio clip`;
    if (typeof hash !== 'string' || !HEX64.test(hash)) return `files: "${path}" has no SHA-256`;
  }
  return { id, version, checkedAsOf, minAppVersion, files: files as Record<string, string> };
}

/** The pack file's outer shape; or why not (a half-copied file ends here). */
export function parsePackFile(text: string): PackFile | string {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return 'not a complete pack file (cut short or damaged); will try again later';
  }
  if (!isRecord(raw) || raw.format !== PACK_FORMAT) return `not a ${PACK_FORMAT} file`;
  const { manifest, signatures, files } = raw;
  if (typeof manifest !== 'string') return 'no manifest';
  if (
    !Array.isArray(signatures) ||
    !signatures.every(
      (s) => isRecord(s) && typeof s.keyId === 'string' && typeof s.signature === 'string',
    )
  )
    return 'no signatures';
  if (!isRecord(files) || !Object.values(files).every((v) => typeof v === 'string'))
    return 'no files';
  return {
    format: PACK_FORMAT,
    manifest,
    signatures: signatures as PackSignature[],
    files: files as Record<string, string>,
  };
}

async function verifySignature(
  key: Uint8Array<ArrayBuffer>,
  signature: Uint8Array<ArrayBuffer>,
  data: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  try {
    const k = await crypto.subtle.importKey('raw', key, { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'Ed25519' }, k, signature, data);
  } catch {
    return false;
  }
}

/**
 * Every check a kiosk makes before it takes a pack, in order: size, shape, a signature by a
 * trusted key over the manifest's exact bytes, the manifest, every file's hash (and no file more
 * or less), the same schema validation as the build, the version (newer than the active pack,
 * unless staff roll back; never below the bundled content) and the app version it needs.
 */
export async function checkPack(text: string, o: PackCheckOptions): Promise<PackCheck> {
  const max = o.maxBytes ?? MAX_PACK_BYTES;
  // A string's length in UTF-16 units is at most its UTF-8 length; count the bytes when close.
  if (text.length > max || (text.length * 3 > max && bytesOf(text).length > max))
    return refuse('too-large', `larger than ${max} bytes`);
  const file = parsePackFile(text);
  if (typeof file === 'string') return refuse('damaged', file);

  const trusted = new Map<string, Uint8Array<ArrayBuffer>>();
  for (const key of o.trustedKeys) {
    const raw = rawPublicKey(key);
    const id = await keyIdOf(key);
    if (raw && id) trusted.set(id, raw);
  }
  const manifestBytes = bytesOf(file.manifest);
  let keyId: string | null = null;
  let anyTrusted = false;
  for (const s of file.signatures) {
    const key = trusted.get(s.keyId);
    if (!key) continue;
    anyTrusted = true;
    const sig = fromBase64(s.signature);
    if (sig && (await verifySignature(key, sig, manifestBytes))) {
      keyId = s.keyId;
      break;
    }
  }
  if (!anyTrusted)
    return refuse(
      'untrusted-key',
      `signed by ${file.signatures.map((s) => s.keyId).join(', ') || 'no key'}, not a key this kiosk trusts`,
    );
  if (!keyId) return refuse('bad-signature', 'the signature does not match the manifest (altered)');

  const manifest = parseManifest(file.manifest);
  if (typeof manifest === 'string') return refuse('bad-manifest', manifest);

  for (const [path, hash] of Object.entries(manifest.files)) {
    const body = file.files[path];
    if (body === undefined) return refuse('missing-file', `${path} is missing`);
    if ((await sha256Hex(bytesOf(body))) !== hash)
      return refuse('file-hash', `${path} does not match its SHA-256 (altered or damaged)`);
  }
  for (const path of Object.keys(file.files))
    if (!(path in manifest.files)) return refuse('extra-file', `${path} is not in the manifest`);

  const files: ContentFile[] = Object.entries(file.files)
    .filter(([path]) => !isAudioPath(path))
    .map(([path, t]) => ({ path, text: t }));
  const audio = Object.fromEntries(
    Object.entries(file.files).filter(([path]) => isAudioPath(path)),
  );
  const audioError = audioProblem(audio);
  if (audioError) return refuse('invalid-content', audioError);
  const result = validateContent(files);
  if (!result.ok)
    return refuse(
      'invalid-content',
      `${result.errors.length} problem(s): ${result.errors.slice(0, 3).map(formatContentError).join('; ')}`,
    );
  if (result.content.meta.checkedAsOf !== manifest.checkedAsOf)
    return refuse('bad-manifest', 'checkedAsOf differs from content/meta.json');

  if (manifest.checkedAsOf < o.bundledCheckedAsOf)
    return refuse(
      'older-than-bundled',
      `checked as of ${manifest.checkedAsOf}, older than the content bundled with the app (${o.bundledCheckedAsOf})`,
    );
  if (!o.allowOlder && manifest.version <= o.activeVersion)
    return refuse(
      'not-newer',
      `version ${manifest.version} is not newer than the active version ${o.activeVersion}`,
    );
  if (compareAppVersions(manifest.minAppVersion, o.appVersion) > 0)
    return refuse(
      'app-too-old',
      `needs app ${manifest.minAppVersion} or newer; this kiosk runs ${o.appVersion}`,
    );
  return { ok: true, pack: { manifest, keyId, content: result.content, files, audio } };
}

/** A refusal as one line, for the log and the staff screen. */
export function refusalText(r: PackRefusal): string {
  return `${r.code}: ${r.message}`;
}

/** Whether content checked on `checkedAsOf` is older than the limit on `now`. */
export function isContentStale(checkedAsOf: string, now: Date, maxAgeDays: number): boolean {
  const checked = Date.parse(`${checkedAsOf}T00:00:00Z`);
  if (Number.isNaN(checked)) return false;
  return now.getTime() - checked > maxAgeDays * 24 * 60 * 60 * 1000;
}
