/*
 * `contentPacks` in IT's policy file (core/kiosk/policy.ts): checked in main only, since only
 * the Electron kiosk takes content packs (docs/content-packs.md); kept apart so that the page's
 * bundle does not carry it.
 */

/** Where a check reports a bad field: its path and what to write instead. */
export type PolicyProblemSink = (field: string, message: string) => void;

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `contentPacks` in the policy file:
 *
 *   "contentPacks": {
 *     "trustedKeys": ["ed25519:…"],            keys trusted beside the app's own (rotation)
 *     "folder": "/media/kiosk/PACKS",          a USB stick or a network share
 *     "url": "https://content.example.kz/citizensec-content-latest.pack",
 *     "maxAgeDays": 180                        content older than this asks staff for attention
 *   }
 */
export interface ContentPackPolicy {
  readonly trustedKeys: readonly string[];
  readonly folder: string | null;
  readonly url: string | null;
  readonly maxAgeDays: number | null;
}

const PACK_KEY = /^ed25519:[A-Za-z0-9+/]{43}=$/;
export const MAX_AGE_DAYS_RANGE = [30, 730] as const;

export function validateContentPacks(
  raw: unknown,
  problem: PolicyProblemSink,
): ContentPackPolicy | undefined {
  if (!isRecord(raw)) {
    problem('contentPacks', 'expected an object');
    return undefined;
  }
  const out = {
    trustedKeys: [] as string[],
    folder: null as string | null,
    url: null as string | null,
    maxAgeDays: null as number | null,
  };
  for (const key of Object.keys(raw))
    if (!['trustedKeys', 'folder', 'url', 'maxAgeDays'].includes(key))
      problem(`contentPacks.${key}`, 'not a content pack setting');
  if (raw.trustedKeys !== undefined) {
    if (!Array.isArray(raw.trustedKeys))
      problem('contentPacks.trustedKeys', 'expected a list of keys');
    else
      raw.trustedKeys.forEach((k: unknown, i) => {
        if (typeof k === 'string' && PACK_KEY.test(k)) out.trustedKeys.push(k);
        else
          problem(
            `contentPacks.trustedKeys[${i}]`,
            'expected a key as `npm run content:keygen` prints it (ed25519:…)',
          );
      });
  }
  if (raw.folder !== undefined) {
    if (typeof raw.folder === 'string' && raw.folder.length > 0 && raw.folder.length <= 1000)
      out.folder = raw.folder;
    else problem('contentPacks.folder', 'expected a folder path');
  }
  if (raw.url !== undefined) {
    const ok =
      typeof raw.url === 'string' &&
      URL.canParse(raw.url) &&
      new URL(raw.url).protocol === 'https:';
    if (ok) out.url = raw.url as string;
    else problem('contentPacks.url', 'expected an https:// address');
  }
  if (raw.maxAgeDays !== undefined) {
    const [min, max] = MAX_AGE_DAYS_RANGE;
    const v = raw.maxAgeDays;
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) out.maxAgeDays = v;
    else problem('contentPacks.maxAgeDays', `expected a whole number of days, ${min} to ${max}`);
  }
  return out;
}
