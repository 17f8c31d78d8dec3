import { describe, expect, it } from 'vitest';
import { createClipPlayer, type PlayerDeps } from '../../src/audio-player';
import { AUDIO_MANIFEST_FORMAT, clipFile, type AudioManifest } from '../../core/content/audio-clips';

/** An audio element that "plays" a clip and ends it when told to. */
class FakeAudio {
  src = '';
  volume = 1;
  playbackRate = 1;
  defaultPlaybackRate = 1;
  preservesPitch = false;
  played: string[] = [];
  paused = 0;
  private listeners = new Map<string, Set<() => void>>();
  addEventListener(type: string, fn: () => void) {
    (this.listeners.get(type) ?? this.listeners.set(type, new Set()).get(type)!).add(fn);
  }
  removeEventListener(type: string, fn: () => void) {
    this.listeners.get(type)?.delete(fn);
  }
  removeAttribute(name: string) {
    if (name === 'src') this.src = '';
  }
  play() {
    this.played.push(this.src);
    return Promise.resolve();
  }
  pause() {
    this.paused++;
  }
  emit(type: string) {
    for (const fn of [...(this.listeners.get(type) ?? [])]) fn();
  }
}

const hash = (text: string) => `h${text}`.padEnd(64, '0');
const entry = (lang: 'kk' | 'ru' | 'en', id: string, text: string) => ({
  file: clipFile(lang, id),
  sha256: hash(text),
  engine: 'espeak-ng' as const,
  bytes: 100,
  durationMs: 100,
});
const manifest: AudioManifest = {
  format: AUDIO_MANIFEST_FORMAT,
  clips: {
    titleWhy: {
      ru: entry('ru', 'titleWhy', 'Почему это важно'),
      kk: entry('kk', 'titleWhy', 'Неге'),
    },
    'step.a.why': { ru: entry('ru', 'step.a.why', 'Старый текст') },
  },
};

function setup(overrides: Partial<PlayerDeps> = {}) {
  const audio = new FakeAudio();
  let created = false;
  const spoken: string[] = [];
  let manifestFetches = 0;
  const player = createClipPlayer({
    element: (create) => {
      if (create) created = true;
      return created ? (audio as unknown as HTMLAudioElement) : null;
    },
    manifest: async () => {
      manifestFetches++;
      return manifest;
    },
    sha256: async (t) => hash(t),
    speak: async (text, lang, rate, volume) => {
      spoken.push(`${lang}:${text}@${rate}x${volume}`);
    },
    cancelSpeech: () => spoken.push('cancel'),
    ...overrides,
  });
  const tick = () => new Promise((r) => setTimeout(r, 0));
  return { audio, player, spoken, tick, fetches: () => manifestFetches };
}

describe('the clip player', () => {
  it('plays the screen’s clips in order, each to its end', async () => {
    const { audio, player, tick } = setup();
    const done = player.play(
      [
        { id: 'titleWhy', text: 'Почему это важно' },
        { id: 'titleWhy', text: 'Неге', lang: 'kk' },
      ],
      'ru',
    );
    await tick();
    expect(audio.played).toEqual(['audio/ru/titleWhy.opus']);
    expect(player.playing).toBe(true);
    audio.emit('ended');
    await tick();
    expect(audio.played).toEqual(['audio/ru/titleWhy.opus', 'audio/kk/titleWhy.opus']);
    audio.emit('ended');
    await done;
    expect(player.playing).toBe(false);
  });

  it('reads a text without a current clip with the machine’s voice, at the visitor’s speed', async () => {
    const { audio, player, spoken } = setup();
    player.setRate(1.25);
    player.setVolume(0.4);
    await player.play(
      [
        { id: null, text: 'Шаг 1 из 5' },
        // Its clip speaks an older text (a content pack changed it): not played.
        { id: 'step.a.why', text: 'Новый текст' },
        { id: 'unknown', text: 'Нет клипа' },
      ],
      'ru',
    );
    expect(audio.played).toEqual([]);
    expect(spoken.filter((s) => s !== 'cancel')).toEqual([
      'ru:Шаг 1 из 5@1.25x0.4',
      'ru:Новый текст@1.25x0.4',
      'ru:Нет клипа@1.25x0.4',
    ]);
  });

  it('applies volume and speed to the element, keeping the pitch', async () => {
    const { audio, player, tick } = setup();
    player.setVolume(0.6);
    player.setRate(0.75);
    void player.play([{ id: 'titleWhy', text: 'Почему это важно' }], 'ru');
    await tick();
    expect(audio.volume).toBe(0.6);
    expect(audio.playbackRate).toBe(0.75);
    expect(audio.preservesPitch).toBe(true);
    player.setVolume(1);
    player.setRate(1.5);
    expect(audio.volume).toBe(1);
    expect(audio.playbackRate).toBe(1.5);
  });

  it('stops at once, and a new screen’s reading replaces the old', async () => {
    const { audio, player, tick } = setup();
    const first = player.play(
      [
        { id: 'titleWhy', text: 'Почему это важно' },
        { id: 'titleWhy', text: 'Неге', lang: 'kk' },
      ],
      'ru',
    );
    await tick();
    player.stop();
    await first;
    expect(audio.paused).toBeGreaterThan(0);
    expect(audio.src).toBe('');
    expect(audio.played).toEqual(['audio/ru/titleWhy.opus']);
    expect(player.playing).toBe(false);
  });

  it('passes over a clip that cannot be played', async () => {
    const { audio, player, tick } = setup();
    const done = player.play(
      [
        { id: 'titleWhy', text: 'Почему это важно' },
        { id: 'titleWhy', text: 'Неге', lang: 'kk' },
      ],
      'ru',
    );
    await tick();
    audio.emit('error');
    await tick();
    audio.emit('ended');
    await done;
    expect(audio.played).toHaveLength(2);
  });

  it('with no manifest, reads with the machine’s voice and asks for the manifest again later', async () => {
    let calls = 0;
    const { player, spoken } = setup({
      manifest: async () => {
        calls++;
        return null;
      },
    });
    await player.play([{ id: 'titleWhy', text: 'Почему это важно' }], 'ru');
    await player.play([{ id: 'titleWhy', text: 'Почему это важно' }], 'ru');
    expect(spoken.filter((s) => s !== 'cancel')).toHaveLength(2);
    expect(calls).toBe(2);
  });

  it('fetches the manifest once, and makes no element until a clip plays', async () => {
    const { player, fetches, audio } = setup();
    player.stop();
    player.setVolume(0.2);
    expect(audio.volume).toBe(1);
    await player.play([{ id: null, text: 'x' }], 'en');
    await player.play([{ id: 'nothing', text: 'y' }], 'en');
    await player.play([{ id: 'nothing', text: 'z' }], 'en');
    expect(fetches()).toBe(1);
  });
});
