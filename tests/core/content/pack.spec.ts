import { describe, expect, it } from 'vitest';
import {
  checkPack,
  compareAppVersions,
  isContentStale,
  keyIdOf,
  type PackCheckOptions,
} from '../../../core/content/pack';
import { BUNDLED_CHECKED_AS_OF, KEY, OTHER_KEY, contentCheckedAsOf, pack } from './pack-fixture';
import { buildPack } from '../../../scripts/pack-build';
import { AUDIO_MANIFEST_FORMAT, clipFile } from '../../../core/content/audio-clips';

const options: PackCheckOptions = {
  trustedKeys: [KEY.publicKey],
  activeVersion: 0,
  bundledCheckedAsOf: BUNDLED_CHECKED_AS_OF,
  appVersion: '0.1.0',
};

type Raw = {
  format: string;
  manifest: string;
  signatures: unknown[];
  files: Record<string, string>;
};
const edit = (text: string, change: (raw: Raw) => void): string => {
  const raw = JSON.parse(text) as Raw;
  change(raw);
  return JSON.stringify(raw);
};

async function refusal(text: string, o: Partial<PackCheckOptions> = {}) {
  const result = await checkPack(text, { ...options, ...o });
  if (result.ok) throw new Error('expected a refusal');
  return result.refusal;
}

describe('checkPack', () => {
  it('takes a pack signed by a trusted key, with its content and date', async () => {
    const result = await checkPack(pack(3), options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.manifest).toMatchObject({ version: 3, checkedAsOf: '2026-10-01' });
    expect(result.pack.content.meta.checkedAsOf).toBe('2026-10-01');
    expect(result.pack.keyId).toBe(KEY.keyId);
    expect(await keyIdOf(KEY.publicKey)).toBe(KEY.keyId);
  });

  it('takes a pack signed by any of several trusted keys (rotation)', async () => {
    const result = await checkPack(pack(2, { key: OTHER_KEY }), {
      ...options,
      trustedKeys: [KEY.publicKey, OTHER_KEY.publicKey],
    });
    expect(result.ok).toBe(true);
  });

  it('refuses a pack signed by a key it does not trust', async () => {
    expect((await refusal(pack(2, { key: OTHER_KEY }))).code).toBe('untrusted-key');
  });

  it('refuses a tampered manifest', async () => {
    const text = edit(pack(2), (r) => {
      r.manifest = r.manifest.replace('"version": 2', '"version": 9');
    });
    expect((await refusal(text)).code).toBe('bad-signature');
  });

  it('refuses a tampered file', async () => {
    const text = edit(pack(2), (r) => {
      r.files['content/numbers.json'] = r.files['content/numbers.json']!.replace('1414', '1415');
    });
    expect(await refusal(text)).toMatchObject({
      code: 'file-hash',
      message: expect.stringContaining('content/numbers.json'),
    });
  });

  it('refuses a pack with a file left out or one added', async () => {
    const missing = edit(pack(2), (r) => {
      delete r.files['content/numbers.json'];
    });
    expect((await refusal(missing)).code).toBe('missing-file');
    const extra = edit(pack(2), (r) => {
      r.files['content/extra.json'] = '{}';
    });
    expect((await refusal(extra)).code).toBe('extra-file');
  });

  it('refuses a half-copied or damaged file as damaged', async () => {
    const text = pack(2);
    expect((await refusal(text.slice(0, Math.floor(text.length / 2)))).code).toBe('damaged');
    expect((await refusal('')).code).toBe('damaged');
    expect((await refusal('{"format":"zip"}')).code).toBe('damaged');
  });

  it('refuses a version not newer than the active one, unless staff roll back', async () => {
    expect(await refusal(pack(2), { activeVersion: 2 })).toMatchObject({ code: 'not-newer' });
    expect((await checkPack(pack(2), { ...options, activeVersion: 5, allowOlder: true })).ok).toBe(
      true,
    );
  });

  it('never goes below the bundled content, even for staff', async () => {
    const old = pack(7, { date: '2025-01-01' });
    expect(await refusal(old, { allowOlder: true })).toMatchObject({ code: 'older-than-bundled' });
  });

  it('refuses a pack that needs a newer app', async () => {
    expect(await refusal(pack(2, { minAppVersion: '0.2.0' }))).toMatchObject({
      code: 'app-too-old',
      message: expect.stringContaining('0.2.0'),
    });
  });

  it('refuses an oversized pack before reading it', async () => {
    expect(await refusal(pack(2), { maxBytes: 1000 })).toMatchObject({ code: 'too-large' });
  });
});

describe('checkPack with audio clips', () => {
  const clip = Buffer.from('OggS…a clip').toString('base64');
  const audioManifest = (file = clipFile('ru', 'step.hang-up.why')) =>
    JSON.stringify({
      format: AUDIO_MANIFEST_FORMAT,
      clips: {
        'step.hang-up.why': {
          ru: { file, sha256: 'a'.repeat(64), engine: 'recording', bytes: 11, durationMs: 900 },
        },
      },
    });
  const withAudio = (audio: { path: string; text: string }[]) =>
    buildPack(
      { files: contentCheckedAsOf('2026-10-01'), audio, version: 4, minAppVersion: '0.1.0' },
      KEY.privatePem,
    );

  it('takes the clips a pack carries, signed with its content, apart from the content', async () => {
    const result = await checkPack(
      withAudio([
        { path: 'audio/manifest.json', text: audioManifest() },
        { path: 'audio/ru/step.hang-up.why.opus', text: clip },
      ]),
      options,
    );
    if (!result.ok) throw new Error(result.refusal.message);
    expect(Object.keys(result.pack.audio).sort()).toEqual([
      'audio/manifest.json',
      'audio/ru/step.hang-up.why.opus',
    ]);
    expect(result.pack.files.every((f) => f.path.startsWith('content/'))).toBe(true);
  });

  it('refuses a clip the audio manifest does not name, or a named clip left out', async () => {
    expect(
      (await refusal(withAudio([{ path: 'audio/ru/step.hang-up.why.opus', text: clip }]))).code,
    ).toBe('invalid-content');
    expect(
      (await refusal(withAudio([{ path: 'audio/manifest.json', text: audioManifest() }]))).message,
    ).toMatch(/missing/);
    expect(
      (
        await refusal(
          withAudio([{ path: 'audio/manifest.json', text: audioManifest('../../x.opus') }]),
        )
      ).message,
    ).toMatch(/audio\/manifest\.json/);
  });

  it('refuses an altered clip, and a path outside the audio folders', async () => {
    const good = withAudio([
      { path: 'audio/manifest.json', text: audioManifest() },
      { path: 'audio/ru/step.hang-up.why.opus', text: clip },
    ]);
    const altered = edit(good, (raw) => {
      raw.files['audio/ru/step.hang-up.why.opus'] = Buffer.from('OggS…other').toString('base64');
    });
    expect((await refusal(altered)).code).toBe('file-hash');
    expect((await refusal(withAudio([{ path: 'audio/../main/index.js', text: clip }]))).code).toBe(
      'bad-manifest',
    );
    expect((await refusal(withAudio([{ path: 'audio/de/x.opus', text: clip }]))).code).toBe(
      'bad-manifest',
    );
  });
});

describe('compareAppVersions and isContentStale', () => {
  it('compares x.y.z by number', () => {
    expect(compareAppVersions('0.10.0', '0.9.9')).toBeGreaterThan(0);
    expect(compareAppVersions('1.2.3', '1.2.3')).toBe(0);
    expect(compareAppVersions('1.2.3', '1.3.0')).toBeLessThan(0);
  });

  it('says content is stale past the limit in days', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    expect(isContentStale('2026-06-01', now, 180)).toBe(false);
    expect(isContentStale('2026-05-01', now, 180)).toBe(true);
    expect(isContentStale('2026-05-01', now, 365)).toBe(false);
  });
});
