import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audioFiles, readAudioManifest } from '../../scripts/vite-plugin-audio';
import { useTempDir } from '../electron/main/fakes';

const dir = useTempDir('vite-plugin-audio-');

describe('the clips the build ships', () => {
  it('are the manifest and every clip it names, and nothing else in the folder', () => {
    const audio = join(dir(), 'audio');
    mkdirSync(join(audio, 'kk'), { recursive: true });
    mkdirSync(join(audio, 'recordings', 'kk'), { recursive: true });
    writeFileSync(join(audio, 'recordings', 'kk', 'titleWhy.wav'), 'RIFF');
    writeFileSync(join(audio, 'kk', 'titleWhy.opus'), 'OggS');
    writeFileSync(
      join(audio, 'manifest.json'),
      JSON.stringify({
        format: 'citizensec-audio/1',
        clips: {
          titleWhy: {
            kk: {
              file: 'kk/titleWhy.opus',
              sha256: 'a'.repeat(64),
              engine: 'recording',
              bytes: 4,
              durationMs: 10,
            },
          },
        },
      }),
    );
    expect(audioFiles(audio)).toEqual(['manifest.json', 'kk/titleWhy.opus']);
  });

  it('are none where there is no manifest, and a broken one stops the build', () => {
    expect(readAudioManifest(join(dir(), 'none'))).toBeNull();
    expect(audioFiles(join(dir(), 'none'))).toEqual([]);
    writeFileSync(join(dir(), 'manifest.json'), JSON.stringify({ format: 'x' }));
    expect(() => readAudioManifest(dir())).toThrow(/manifest\.json: not a citizensec-audio/);
  });

  it('include every clip of the project', () => {
    const files = audioFiles(resolve(import.meta.dirname, '../../audio'));
    expect(files.filter((f) => f.endsWith('.opus')).length).toBeGreaterThan(900);
  });
});
