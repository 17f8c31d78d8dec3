import { LOCALES, isLocale, type Locale } from '../locales.ts';
import type { AudioText } from './audio-text-ids.ts';

/*
 * The recorded clips and their manifest (`audio/manifest.json`, docs/accessibility.md). Each clip
 * records the SHA-256 of the exact text it speaks, so a text changed after recording is known:
 * its clip is stale. Pure functions: the generator, its check, the content test and the page
 * all judge clips with them.
 */

export const AUDIO_MANIFEST_FORMAT = 'citizensec-audio/1';
/** Where the clips live, in the repository and beside the built page. */
export const AUDIO_DIR = 'audio';
export const AUDIO_MANIFEST_FILE = `${AUDIO_DIR}/manifest.json`;

/**
 * Size budget. One clip: 96 KiB, about 45 s of speech at 16 kbit/s; no text on a visitor screen
 * should take longer to hear (the longest today takes about 21 s, 49 kB). All clips: 16 MiB for
 * three languages (today about 9.7 MB), a few per cent of the installed app.
 */
export const MAX_CLIP_BYTES = 96 * 1024;
export const MAX_AUDIO_TOTAL_BYTES = 16 * 1024 * 1024;

/** Who spoke a clip: a person's recording, a Piper voice model, or espeak-ng. */
export const ENGINES = ['recording', 'piper', 'espeak-ng'] as const;
export type EngineName = (typeof ENGINES)[number];

export interface ClipEntry {
  /** Path under `audio/`, e.g. `kk/step.hang-up.why.opus`. */
  readonly file: string;
  /** SHA-256 (hex) of the exact text's UTF-8 bytes. */
  readonly sha256: string;
  readonly engine: EngineName;
  /** For a recording: the SHA-256 of the recording file, so a replaced one is encoded again. */
  readonly source?: string;
  /** A recording passed over because it speaks an older text: recorded again, it is used. */
  readonly outdatedRecording?: string;
  readonly bytes: number;
  readonly durationMs: number;
}

export interface AudioManifest {
  readonly format: typeof AUDIO_MANIFEST_FORMAT;
  /** id → language → clip. */
  readonly clips: Readonly<Record<string, Partial<Readonly<Record<Locale, ClipEntry>>>>>;
}

export const emptyManifest = (): AudioManifest => ({ format: AUDIO_MANIFEST_FORMAT, clips: {} });

/** A clip's path under `audio/`: by language and text id. */
export function clipFile(lang: Locale, id: string): string {
  return `${lang}/${id}.opus`;
}

const CLIP_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
const HEX64 = /^[0-9a-f]{64}$/;

/** Whether an id can name a file (letters, digits, `.`, `_`, `-`; never `..`). */
export const isClipId = (id: string): boolean => CLIP_ID.test(id) && !id.includes('..');

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A manifest read from a file or a response, checked field by field; or why not. */
export function parseAudioManifest(raw: unknown): AudioManifest | string {
  if (!isRecord(raw) || raw.format !== AUDIO_MANIFEST_FORMAT)
    return `not a ${AUDIO_MANIFEST_FORMAT} manifest`;
  if (!isRecord(raw.clips)) return 'clips: expected an object';
  for (const [id, langs] of Object.entries(raw.clips)) {
    if (!isClipId(id)) return `clips: "${id}" is not a text id`;
    if (!isRecord(langs)) return `clips.${id}: expected an object`;
    for (const [lang, e] of Object.entries(langs)) {
      const where = `clips.${id}.${lang}`;
      if (!isLocale(lang)) return `${where}: not a language`;
      if (!isRecord(e)) return `${where}: expected an object`;
      if (e.file !== clipFile(lang, id)) return `${where}.file: expected ${clipFile(lang, id)}`;
      if (typeof e.sha256 !== 'string' || !HEX64.test(e.sha256)) return `${where}.sha256`;
      if (!(ENGINES as readonly unknown[]).includes(e.engine)) return `${where}.engine`;
      if (!Number.isSafeInteger(e.bytes) || (e.bytes as number) <= 0) return `${where}.bytes`;
      if (!Number.isSafeInteger(e.durationMs) || (e.durationMs as number) < 0)
        return `${where}.durationMs`;
    }
  }
  return raw as unknown as AudioManifest;
}

/** A text with the SHA-256 of its exact text. */
export interface HashedText extends AudioText {
  readonly sha256: string;
}

export interface ClipAudit {
  /** Texts with no clip. */
  readonly missing: readonly HashedText[];
  /** Texts whose clip speaks another text (changed after recording). */
  readonly stale: readonly HashedText[];
  /** Texts with a current clip. */
  readonly current: readonly HashedText[];
  /** Clips of texts that no longer exist. */
  readonly orphans: readonly { readonly id: string; readonly lang: Locale }[];
}

/** Which texts lack a clip, which clips are stale, and which clips belong to no text. */
export function auditClips(manifest: AudioManifest, texts: readonly HashedText[]): ClipAudit {
  const missing: HashedText[] = [];
  const stale: HashedText[] = [];
  const current: HashedText[] = [];
  const wanted = new Set<string>();
  for (const t of texts) {
    wanted.add(`${t.lang}\0${t.id}`);
    const entry = manifest.clips[t.id]?.[t.lang];
    if (!entry) missing.push(t);
    else if (entry.sha256 !== t.sha256) stale.push(t);
    else current.push(t);
  }
  const orphans: { id: string; lang: Locale }[] = [];
  for (const [id, langs] of Object.entries(manifest.clips))
    for (const lang of LOCALES)
      if (langs[lang] && !wanted.has(`${lang}\0${id}`)) orphans.push({ id, lang });
  return { missing, stale, current, orphans };
}

/** The audit as lines for a person: counts per language, then each missing and stale clip. */
export function auditReport(audit: ClipAudit): string[] {
  const lines: string[] = [];
  for (const lang of LOCALES) {
    const m = audit.missing.filter((t) => t.lang === lang);
    const s = audit.stale.filter((t) => t.lang === lang);
    lines.push(`${lang}: ${m.length} missing, ${s.length} stale`);
    for (const t of m) lines.push(`  missing ${lang} ${t.id}`);
    for (const t of s) lines.push(`  stale   ${lang} ${t.id} (the text changed after recording)`);
  }
  return lines;
}

/** Clips over the budget: each too large, and the total. */
export function budgetProblems(manifest: AudioManifest): string[] {
  const problems: string[] = [];
  let total = 0;
  for (const langs of Object.values(manifest.clips))
    for (const e of Object.values(langs)) {
      if (!e) continue;
      total += e.bytes;
      if (e.bytes > MAX_CLIP_BYTES)
        problems.push(`${e.file}: ${e.bytes} bytes, over the ${MAX_CLIP_BYTES} of one clip`);
    }
  if (total > MAX_AUDIO_TOTAL_BYTES)
    problems.push(`all clips: ${total} bytes, over the ${MAX_AUDIO_TOTAL_BYTES} budget`);
  return problems;
}

/** The manifest as written: ids and languages sorted, two-space JSON, so unchanged clips diff empty. */
export function manifestText(manifest: AudioManifest): string {
  const clips: Record<string, Partial<Record<Locale, ClipEntry>>> = {};
  for (const id of Object.keys(manifest.clips).sort()) {
    const langs: Partial<Record<Locale, ClipEntry>> = {};
    for (const lang of LOCALES) {
      const e = manifest.clips[id]![lang];
      if (e) langs[lang] = e;
    }
    if (Object.keys(langs).length > 0) clips[id] = langs;
  }
  return `${JSON.stringify({ format: AUDIO_MANIFEST_FORMAT, clips }, null, 2)}\n`;
}
