import type { ContentFile } from '../../../core/content/validate';
import { readContentFiles } from '../../../scripts/read-content';
import { buildPack, makeKeyPair, type KeyPair } from '../../../scripts/pack-build';

/*
 * Packs built and signed in the tests, from the project's own content/ with another
 * checked-as-of date where a test needs newer facts.
 */

export const BUNDLED_FILES: readonly ContentFile[] = readContentFiles('content');
export const BUNDLED_CHECKED_AS_OF = (
  JSON.parse(BUNDLED_FILES.find((f) => f.path === 'content/meta.json')!.text) as {
    checkedAsOf: string;
  }
).checkedAsOf;

/** The content with meta.json's checked-as-of date set to `date`. */
export function contentCheckedAsOf(date: string): ContentFile[] {
  return BUNDLED_FILES.map((f) =>
    f.path === 'content/meta.json'
      ? { ...f, text: f.text.replace(/"checkedAsOf": "[^"]*"/, `"checkedAsOf": "${date}"`) }
      : f,
  );
}

export const KEY: KeyPair = makeKeyPair();
export const OTHER_KEY: KeyPair = makeKeyPair();

export function pack(
  version: number,
  o: { date?: string; key?: KeyPair; minAppVersion?: string } = {},
): string {
  return buildPack(
    {
      files: contentCheckedAsOf(o.date ?? '2026-10-01'),
      version,
      minAppVersion: o.minAppVersion ?? '0.1.0',
    },
    (o.key ?? KEY).privatePem,
  );
}
