import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AUDIO_MANIFEST_FILE,
  auditClips,
  manifestText,
  parseAudioManifest,
  type AudioManifest,
  type ClipEntry,
} from '../core/content/audio-clips.ts';
import { contentTextIds } from '../core/content/audio-text-ids.ts';
import type { ContentFile } from '../core/content/validate.ts';
import type { Locale } from '../core/locales.ts';
import { hashedTexts, readManifest } from './audio.ts';
import { loadContentOrThrow } from './read-content.ts';

/*
 * The audio a content pack carries: the clips of the content texts that differ from those of the
 * app the pack is for (its `audio/manifest.json`, the baseline), so a pack with changed text
 * brings its clips, and a pack stays well under its size limit (all the content's clips would be
 * about 10 MB in base64). Messages of the UI never change with a pack: their clips ship with the
 * app only.
 */

/** The pack's audio files: a manifest of the clips carried, and each clip in base64. */
export function packAudioFiles(root: string, baseline: AudioManifest): ContentFile[] {
  const content = loadContentOrThrow(join(root, 'content'));
  const contentIds = new Set(contentTextIds(content).map((t) => t.id));
  const texts = hashedTexts(root).filter((t) => contentIds.has(t.id));
  const current = readManifest(join(root, 'audio'));
  const audit = auditClips(current, texts);
  const behind = [...audit.missing, ...audit.stale];
  if (behind.length > 0)
    throw new Error(
      `${behind.length} content clip(s) missing or stale (first: ${behind[0]!.lang} ${behind[0]!.id}): run npm run audio first`,
    );
  const clips: Record<string, Partial<Record<Locale, ClipEntry>>> = {};
  const files: ContentFile[] = [];
  for (const t of texts) {
    const entry = current.clips[t.id]![t.lang]!;
    if (baseline.clips[t.id]?.[t.lang]?.sha256 === entry.sha256) continue;
    (clips[t.id] ??= {})[t.lang] = entry;
    files.push({
      path: `audio/${entry.file}`,
      text: readFileSync(join(root, 'audio', entry.file)).toString('base64'),
    });
  }
  if (files.length === 0) return [];
  return [
    { path: AUDIO_MANIFEST_FILE, text: manifestText({ format: current.format, clips }) },
    ...files,
  ];
}

/** A baseline manifest from a file (the app release's `audio/manifest.json`). */
export function readBaseline(path: string): AudioManifest {
  const parsed = parseAudioManifest(JSON.parse(readFileSync(path, 'utf8')));
  if (typeof parsed === 'string') throw new Error(`${path}: ${parsed}`);
  return parsed;
}
