import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packAudioFiles } from '../../scripts/pack-audio';
import { readManifest } from '../../scripts/audio';
import { useTempDir } from '../electron/main/fakes';

const root = resolve(import.meta.dirname, '../..');
const dir = useTempDir('pack-audio-');
const current = readManifest(join(root, 'audio'));

describe('the audio a content pack carries', () => {
  it('is nothing when every content clip is the release’s', () => {
    expect(packAudioFiles(root, current)).toEqual([]);
  });

  it('is the clips whose text differs from the release’s, with a manifest of them', () => {
    type Mutable = Record<string, Record<string, { sha256: string }>>;
    const release = structuredClone(current);
    const clips = release.clips as unknown as Mutable;
    clips['step.hang-up.why']!.ru!.sha256 = '0'.repeat(64);
    delete clips['step.hang-up.title']!.kk;
    const files = packAudioFiles(root, release);
    expect(files.map((f) => f.path).sort()).toEqual([
      'audio/kk/step.hang-up.title.opus',
      'audio/manifest.json',
      'audio/ru/step.hang-up.why.opus',
    ]);
    const clip = files.find((f) => f.path === 'audio/ru/step.hang-up.why.opus')!;
    expect(
      Buffer.from(clip.text, 'base64').equals(
        readFileSync(join(root, 'audio/ru/step.hang-up.why.opus')),
      ),
    ).toBe(true);
  });

  it('refuses to pack content whose clips are stale', () => {
    const copy = join(dir(), 'project');
    for (const d of ['content', 'locales', 'audio'])
      cpSync(join(root, d), join(copy, d), { recursive: true });
    const file = join(copy, 'content/steps/hang-up.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/"kk": "/, '"kk": "Жаңа. '));
    expect(() => packAudioFiles(copy, current)).toThrow(/npm run audio/);
  });
});
