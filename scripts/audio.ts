import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  AUDIO_DIR,
  auditClips,
  auditReport,
  budgetProblems,
  clipFile,
  emptyManifest,
  manifestText,
  parseAudioManifest,
  type AudioManifest,
  type ClipEntry,
  type HashedText,
} from '../core/content/audio-clips.ts';
import { visitorTexts, type Messages } from '../core/content/audio-text-ids.ts';
import { LOCALES, isLocale, type Locale } from '../core/locales.ts';
import { loadContentOrThrow } from './read-content.ts';
import { chooseEngine, run, shouldUpgrade, type EngineOptions } from './audio-engines.ts';

/*
 * `npm run audio [-- --all] [--piper-model kk=PATH] [--recordings DIR]`: makes the audio clip of
 * every visitor text (core/content/audio-text-ids.ts) that has none, or whose text changed, and removes
 * clips no text needs. `npm run audio:check` lists missing and stale clips per language and
 * exits non-zero if there are any. See docs/accessibility.md.
 */

/** Opus bit rate for speech, kbit/s: clear speech, about 2 kB a second. */
export const OPUS_BITRATE_KBPS = 16;

export const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

export function hashedTexts(root: string): HashedText[] {
  const content = loadContentOrThrow(join(root, 'content'));
  const messages = Object.fromEntries(
    LOCALES.map((l) => [l, JSON.parse(readFileSync(join(root, 'locales', `${l}.json`), 'utf8'))]),
  ) as Messages;
  return visitorTexts(content, messages).map((t) => ({ ...t, sha256: sha256(t.text) }));
}

/** The manifest in `audio/`, or an empty one; entries whose file is gone count as missing. */
export function readManifest(audioDir: string): AudioManifest {
  const path = join(audioDir, 'manifest.json');
  if (!existsSync(path)) return emptyManifest();
  const parsed = parseAudioManifest(JSON.parse(readFileSync(path, 'utf8')));
  if (typeof parsed === 'string') throw new Error(`${path}: ${parsed}`);
  const clips: Record<string, Partial<Record<Locale, ClipEntry>>> = {};
  for (const [id, langs] of Object.entries(parsed.clips))
    for (const [lang, e] of Object.entries(langs))
      if (e && existsSync(join(audioDir, e.file))) (clips[id] ??= {})[lang as Locale] = e;
  return { format: parsed.format, clips };
}

/** An Opus stream's length: the last Ogg page's granule position less the pre-skip, at 48 kHz. */
export function opusDurationMs(bytes: Buffer): number {
  const head = bytes.indexOf('OpusHead');
  const last = bytes.lastIndexOf('OggS');
  if (head < 0 || last < 0) return 0;
  const preSkip = bytes.readUInt16LE(head + 10);
  const granule = Number(bytes.readBigUInt64LE(last + 6));
  return Math.max(0, Math.round(((granule - preSkip) / 48_000) * 1000));
}

/** A serial number from the text's hash, so that the same text encodes to the same bytes. */
export const oggSerial = (hash: string) => parseInt(hash.slice(0, 8), 16) & 0x7fffffff;

export interface AudioRunOptions extends EngineOptions {
  readonly root: string;
  readonly all?: boolean;
  readonly opusencBin?: string;
  readonly jobs?: number;
  readonly log?: (line: string) => void;
}

/** Makes what is missing, stale or now better made, removes orphans; returns the manifest. */
export async function makeClips(o: AudioRunOptions): Promise<AudioManifest> {
  const log = o.log ?? (() => undefined);
  const audioDir = join(o.root, AUDIO_DIR);
  const texts = hashedTexts(o.root);
  const manifest = readManifest(audioDir);
  const clips: Record<string, Partial<Record<Locale, ClipEntry>>> = structuredClone(
    manifest.clips,
  ) as Record<string, Partial<Record<Locale, ClipEntry>>>;
  const audit = auditClips(manifest, texts);

  const todo: HashedText[] = [...audit.missing, ...audit.stale];
  for (const t of audit.current) {
    const had = manifest.clips[t.id]![t.lang]!;
    if (o.all || shouldUpgrade(had, await chooseEngine(t, o, had))) todo.push(t);
  }
  const work = await mkdtemp(join(tmpdir(), 'citizensec-audio-'));
  let made = 0;
  try {
    const queue = [...todo];
    const worker = async () => {
      for (let t = queue.shift(); t; t = queue.shift()) {
        const entry = await makeClip(t, o, audioDir, work, manifest.clips[t.id]?.[t.lang]);
        if (entry.outdatedRecording)
          log(`${t.lang} ${t.id}: the recording speaks an older text; record it again`);
        (clips[t.id] ??= {})[t.lang] = entry;
        made++;
        if (made % 100 === 0) log(`${made} of ${todo.length}`);
      }
    };
    const jobs = Math.max(1, o.jobs ?? availableParallelism());
    await Promise.all(Array.from({ length: jobs }, worker));
  } finally {
    await rm(work, { recursive: true, force: true });
  }

  for (const { id, lang } of audit.orphans) {
    rmSync(join(audioDir, clips[id]![lang]!.file), { force: true });
    delete clips[id]![lang];
    if (Object.keys(clips[id]!).length === 0) delete clips[id];
  }
  const result: AudioManifest = { format: manifest.format, clips };
  removeStrayFiles(audioDir, result);
  await mkdir(audioDir, { recursive: true });
  await writeFile(join(audioDir, 'manifest.json'), manifestText(result));
  log(`${made} clip(s) made, ${audit.orphans.length} removed, ${texts.length} in all`);
  return result;
}

async function makeClip(
  t: HashedText,
  o: AudioRunOptions,
  audioDir: string,
  work: string,
  had: ClipEntry | undefined,
): Promise<ClipEntry> {
  const engine = await chooseEngine(t, o, had);
  const base = join(work, `${t.lang}-${t.id}`);
  await engine.render(t, `${base}.wav`);
  const file = clipFile(t.lang, t.id);
  const target = join(audioDir, file);
  await mkdir(dirname(target), { recursive: true });
  // --serial from the text's hash and no date: the same text encodes to the same bytes.
  await run(o.opusencBin ?? 'opusenc', [
    '--quiet',
    '--bitrate',
    String(OPUS_BITRATE_KBPS),
    '--downmix-mono',
    '--serial',
    String(oggSerial(t.sha256)),
    `${base}.wav`,
    `${base}.opus`,
  ]);
  const bytes = await readFile(`${base}.opus`);
  await rename(`${base}.opus`, target).catch(async () => {
    // Another file system (the temp folder on tmpfs): write beside, then rename.
    await writeFile(`${target}.partial`, bytes);
    await rename(`${target}.partial`, target);
  });
  return {
    file,
    sha256: t.sha256,
    engine: engine.name,
    ...(engine.source ? { source: engine.source } : {}),
    ...(engine.outdatedRecording ? { outdatedRecording: engine.outdatedRecording } : {}),
    bytes: (await stat(target)).size,
    durationMs: opusDurationMs(bytes),
  };
}

/** Clip files under `audio/<lang>/` that the manifest does not name (a renamed text's old clip). */
function removeStrayFiles(audioDir: string, manifest: AudioManifest): void {
  const named = new Set(
    Object.values(manifest.clips).flatMap((langs) =>
      Object.values(langs).map((e) => e?.file ?? ''),
    ),
  );
  for (const lang of LOCALES) {
    const dir = join(audioDir, lang);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir))
      if (name.endsWith('.opus') && !named.has(`${lang}/${name}`))
        rmSync(join(dir, name), { force: true });
  }
}

/** `audio:check`: the report's lines and whether all is well. */
export function checkClips(root: string): { ok: boolean; lines: string[] } {
  const manifest = readManifest(join(root, AUDIO_DIR));
  const audit = auditClips(manifest, hashedTexts(root));
  const budget = budgetProblems(manifest);
  const lines = [...auditReport(audit), ...budget];
  if (audit.orphans.length > 0)
    lines.push(
      `${audit.orphans.length} clip(s) of texts that are gone: npm run audio removes them`,
    );
  return {
    ok: audit.missing.length === 0 && audit.stale.length === 0 && budget.length === 0,
    lines,
  };
}

function parsePiperModels(argv: readonly string[]): Partial<Record<Locale, string>> {
  const models: Partial<Record<Locale, string>> = {};
  argv.forEach((a, i) => {
    if (a !== '--piper-model') return;
    const [lang, path] = (argv[i + 1] ?? '').split('=', 2);
    if (!isLocale(lang) || !path)
      throw new Error('--piper-model: expected kk=PATH, ru=PATH or en=PATH');
    models[lang] = resolve(path);
  });
  return models;
}

async function main(argv: readonly string[]): Promise<number> {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const root = resolve(arg('--root') ?? '.');
  try {
    if (argv.includes('--check')) {
      const { ok, lines } = checkClips(root);
      for (const l of lines) console.log(l);
      if (!ok) console.log('Run `npm run audio` to make the missing and stale clips.');
      return ok ? 0 : 1;
    }
    await makeClips({
      root,
      all: argv.includes('--all'),
      recordingsDir: resolve(root, arg('--recordings') ?? join(AUDIO_DIR, 'recordings')),
      piperModels: parsePiperModels(argv),
      piperBin: arg('--piper'),
      log: (l) => console.log(l),
    });
    const { lines } = checkClips(root);
    for (const l of lines) console.log(l);
    return 0;
  } catch (err) {
    console.error((err as Error).message);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  process.exitCode = await main(process.argv.slice(2));
