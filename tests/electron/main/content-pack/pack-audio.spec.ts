import { describe, expect, it } from 'vitest';
import {
  mergeManifests,
  packAudioOverlay,
} from '../../../../electron/main/content-pack/pack-audio';
import {
  AUDIO_MANIFEST_FORMAT,
  clipFile,
  type AudioManifest,
  type ClipEntry,
} from '../../../../core/content/audio-clips';

const entry = (lang: 'kk' | 'ru' | 'en', id: string, c: string): ClipEntry => ({
  file: clipFile(lang, id),
  sha256: c.repeat(64),
  engine: 'espeak-ng',
  bytes: 3,
  durationMs: 100,
});
const bundled: AudioManifest = {
  format: AUDIO_MANIFEST_FORMAT,
  clips: {
    'step.a.why': { kk: entry('kk', 'step.a.why', 'a'), ru: entry('ru', 'step.a.why', 'b') },
    titleWhy: { en: entry('en', 'titleWhy', 'c') },
  },
};
const packManifest: AudioManifest = {
  format: AUDIO_MANIFEST_FORMAT,
  clips: { 'step.a.why': { ru: { ...entry('ru', 'step.a.why', 'd'), engine: 'recording' } } },
};
const packAudio = {
  'audio/manifest.json': JSON.stringify(packManifest),
  'audio/ru/step.a.why.opus': Buffer.from('OggS pack').toString('base64'),
};
const read = async () => new TextEncoder().encode(JSON.stringify(bundled));

describe('the active pack’s audio', () => {
  it('puts the pack’s clips over the app’s in the manifest', () => {
    const merged = mergeManifests(bundled, packManifest);
    expect(merged.clips['step.a.why']).toEqual({
      kk: bundled.clips['step.a.why']!.kk,
      ru: packManifest.clips['step.a.why']!.ru,
    });
    expect(merged.clips.titleWhy).toEqual(bundled.clips.titleWhy);
  });

  it('serves the pack’s clip and the merged manifest, and leaves the rest to the app', async () => {
    const overlay = packAudioOverlay('/renderer', () => packAudio, read);
    expect(Buffer.from((await overlay('/audio/ru/step.a.why.opus'))!).toString()).toBe('OggS pack');
    expect(await overlay('/audio/kk/step.a.why.opus')).toBeNull();
    expect(await overlay('/index.html')).toBeNull();
    const manifest = JSON.parse(Buffer.from((await overlay('/audio/manifest.json'))!).toString());
    expect(manifest.clips['step.a.why'].ru.sha256).toBe('d'.repeat(64));
    expect(manifest.clips.titleWhy.en.sha256).toBe('c'.repeat(64));
  });

  it('serves nothing of its own without an active pack, or one without audio', async () => {
    expect(await packAudioOverlay('/r', () => null, read)('/audio/manifest.json')).toBeNull();
    expect(await packAudioOverlay('/r', () => ({}), read)('/audio/manifest.json')).toBeNull();
  });
});
