import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  AUDIO_DIR,
  AUDIO_MANIFEST_FILE,
  manifestText,
  parseAudioManifest,
  type AudioManifest,
  type ClipEntry,
} from '../../../core/content/audio-clips';
import type { Locale } from '../../../core/locales';

/*
 * The active content pack's audio clips, served before the app's own (docs/accessibility.md): a
 * pack that changed a text carries that text's clip, and the page, asking for
 * `audio/manifest.json`, gets the app's manifest with the pack's clips put over it. Files were
 * checked with the pack (signature, hashes, an audio manifest naming exactly the clips carried).
 */

/** The audio files of the active pack (`audio/…` → text; clips in base64), or null. */
export type ActiveAudio = () => Readonly<Record<string, string>> | null;

/** The app's manifest with the pack's clips over it. */
export function mergeManifests(bundled: AudioManifest, pack: AudioManifest): AudioManifest {
  const clips: Record<string, Partial<Record<Locale, ClipEntry>>> = {};
  for (const [id, langs] of Object.entries(bundled.clips)) clips[id] = { ...langs };
  for (const [id, langs] of Object.entries(pack.clips)) clips[id] = { ...clips[id], ...langs };
  return { format: bundled.format, clips };
}

/**
 * For the app:// handler: the bytes of `/audio/…` from the active pack, or null to serve the
 * app's own file.
 */
export function packAudioOverlay(
  rendererRoot: string,
  activeAudio: ActiveAudio,
  read: (file: string) => Promise<Uint8Array> = readFile,
): (pathname: string) => Promise<Uint8Array | null> {
  return async (pathname) => {
    const audio = activeAudio();
    const path = pathname.replace(/^\//, '');
    if (!audio || !path.startsWith(`${AUDIO_DIR}/`)) return null;
    if (path === AUDIO_MANIFEST_FILE) {
      const own = audio[AUDIO_MANIFEST_FILE];
      if (own === undefined) return null;
      const pack = parseAudioManifest(JSON.parse(own));
      let bundled: AudioManifest | string = { format: 'citizensec-audio/1', clips: {} };
      try {
        bundled = parseAudioManifest(
          JSON.parse(Buffer.from(await read(join(rendererRoot, AUDIO_MANIFEST_FILE))).toString()),
        );
      } catch {
        // No clips shipped with the app: the pack's alone.
      }
      if (typeof pack === 'string') return null;
      const merged = typeof bundled === 'string' ? pack : mergeManifests(bundled, pack);
      return new TextEncoder().encode(manifestText(merged));
    }
    const clip = audio[path];
    return clip === undefined ? null : new Uint8Array(Buffer.from(clip, 'base64'));
  };
}
