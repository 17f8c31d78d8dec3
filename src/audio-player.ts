import type { Locale } from '../core/locales';
import {
  AUDIO_DIR,
  AUDIO_MANIFEST_FILE,
  clipFile,
  type AudioManifest,
} from '../core/content/audio-clips';
import { synth, voiceFor } from './speech';

/*
 * Audio guidance through the page's own audio element: the clips recorded for every visitor text
 * (docs/accessibility.md), so no voice on the machine is needed and Linux and Windows sound the
 * same. One element, one queue: the texts of the screen, read in order. A text without a current
 * clip (a branch's name, a message with a number in it) is read by the machine's voice where it
 * has one for the language, and skipped where it has none.
 */

/** One thing to read: its clip id (null when it has none) and the exact text the screen shows. */
export interface ReadItem {
  readonly id: string | null;
  readonly text: string;
  /** Its language, when not the screen's (the attract screen greets in Kazakh and Russian). */
  readonly lang?: Locale;
}

export interface PlayerDeps {
  /** The audio element: made when `create` asks for it, else null until then. */
  readonly element: (create: boolean) => HTMLAudioElement | null;
  /** The clips' manifest, fetched when audio is first turned on; null if it cannot be read. */
  readonly manifest: () => Promise<AudioManifest | null>;
  readonly sha256: (text: string) => Promise<string>;
  /** Reads a text with the machine's voice; resolves when done, or at once with no voice. */
  readonly speak: (text: string, lang: Locale, rate: number, volume: number) => Promise<void>;
  readonly cancelSpeech: () => void;
}

export interface ClipPlayer {
  /** Stops what is being read and reads these, in order. Resolves when done or stopped. */
  play(items: readonly ReadItem[], lang: Locale): Promise<void>;
  stop(): void;
  setVolume(volume: number): void;
  setRate(rate: number): void;
  /** Whether something is being read now. */
  readonly playing: boolean;
}

export function createClipPlayer(deps: PlayerDeps): ClipPlayer {
  let generation = 0;
  let playing = false;
  let volume = 1;
  let rate = 1;
  let manifest: Promise<AudioManifest | null> | null = null;
  let finishClip: (() => void) | null = null;

  /** The clip's file when its recorded text is the text shown (a pack may have changed it). */
  async function clipFor(item: ReadItem, lang: Locale): Promise<string | null> {
    if (!item.id) return null;
    // A manifest that could not be read is asked for again next time.
    const m = await (manifest ??= deps.manifest().then((got) => {
      if (!got) manifest = null;
      return got;
    }));
    // The manifest is the app's own file, but only a clip named as the generator names it, for
    // exactly the text shown, is played.
    const entry = m?.clips[item.id]?.[lang];
    if (entry?.file !== clipFile(lang, item.id)) return null;
    return entry.sha256 === (await deps.sha256(item.text)) ? entry.file : null;
  }

  function playClip(file: string): Promise<void> {
    const el = deps.element(true)!;
    return new Promise<void>((resolve) => {
      const done = () => {
        el.removeEventListener('ended', done);
        el.removeEventListener('error', done);
        finishClip = null;
        resolve();
      };
      finishClip = done;
      el.addEventListener('ended', done);
      // A clip that cannot be played is passed over, never an error on screen.
      el.addEventListener('error', done);
      el.src = `${AUDIO_DIR}/${file}`;
      el.volume = volume;
      el.preservesPitch = true;
      el.defaultPlaybackRate = rate;
      el.playbackRate = rate;
      el.play().catch(done);
    });
  }

  function stop(): void {
    generation++;
    playing = false;
    deps.cancelSpeech();
    const el = deps.element(false);
    el?.pause();
    el?.removeAttribute('src');
    finishClip?.();
  }

  async function play(items: readonly ReadItem[], lang: Locale): Promise<void> {
    stop();
    const mine = generation;
    playing = true;
    for (const item of items) {
      if (item.text.trim() === '') continue;
      const itemLang = item.lang ?? lang;
      const file = await clipFor(item, itemLang);
      if (mine !== generation) return;
      if (file) await playClip(file);
      else await deps.speak(item.text, itemLang, rate, volume);
      if (mine !== generation) return;
    }
    playing = false;
  }

  return {
    play,
    stop,
    setVolume(v) {
      volume = v;
      const el = deps.element(false);
      if (el) el.volume = v;
    },
    setRate(r) {
      rate = r;
      const el = deps.element(false);
      if (!el) return;
      el.defaultPlaybackRate = r;
      el.playbackRate = r;
    },
    get playing() {
      return playing;
    },
  };
}

/** The machine's voice for a text without a clip: resolves when read, or at once with none. */
function speakWithMachineVoice(
  text: string,
  lang: Locale,
  rate: number,
  volume: number,
): Promise<void> {
  const s = synth();
  const voice = s ? voiceFor(lang, s.getVoices()) : null;
  if (!s || !voice || typeof SpeechSynthesisUtterance === 'undefined') return Promise.resolve();
  return new Promise((resolve) => {
    try {
      const u = new SpeechSynthesisUtterance(text);
      u.voice = voice;
      u.lang = voice.lang;
      u.rate = 0.9 * rate;
      u.volume = volume;
      u.onend = u.onerror = () => resolve();
      s.speak(u);
    } catch {
      // A voice the machine cannot use: the text is passed over, the reading goes on.
      resolve();
    }
  });
}

async function fetchManifest(): Promise<AudioManifest | null> {
  try {
    const res = await fetch(AUDIO_MANIFEST_FILE);
    const body = res.ok ? ((await res.json()) as Partial<AudioManifest> | null) : null;
    return typeof body?.clips === 'object' && body.clips ? (body as AudioManifest) : null;
  } catch {
    return null;
  }
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

let element: HTMLAudioElement | null = null;

/** The page's one audio element, made when first needed and removed at the end of a visit. */
function pageElement(create: boolean): HTMLAudioElement | null {
  if (!element && create) {
    element = document.createElement('audio');
    element.dataset.testid = 'clip-player';
    element.preload = 'auto';
    document.body.append(element);
  }
  return element;
}

/** The kiosk page's player. */
export const clipPlayer: ClipPlayer = createClipPlayer({
  element: pageElement,
  manifest: fetchManifest,
  sha256: sha256Hex,
  speak: speakWithMachineVoice,
  cancelSpeech: () => synth()?.cancel(),
});

/**
 * At the end of a visit: nothing plays or is spoken (the machine's voice too), and the element
 * goes (a fresh page has none).
 */
export function stopAudioGuide(): void {
  clipPlayer.stop();
  if (!element) return;
  element.remove();
  element = null;
}
