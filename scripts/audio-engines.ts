import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ENGINES, type ClipEntry, type EngineName } from '../core/content/audio-clips.ts';
import type { AudioText } from '../core/content/audio-text-ids.ts';
import type { Locale } from '../core/locales.ts';

/*
 * The voices that speak the clips, behind one interface, in order of preference: a native
 * speaker's recording of the text (a WAV file named by text id), a Piper voice model when one is
 * given for the language, and espeak-ng, which Debian packages with Kazakh, Russian and English
 * voices. Each renders one text to a WAV file; scripts/audio.ts compresses it.
 */

export interface EngineOptions {
  /** `<dir>/<lang>/<id>.wav`: recordings by a person, which win over any synthetic voice. */
  readonly recordingsDir: string;
  /** A Piper voice model (.onnx) per language, when one is given. */
  readonly piperModels: Partial<Readonly<Record<Locale, string>>>;
  /** The Piper program: `piper` on the PATH unless said otherwise. */
  readonly piperBin?: string;
  readonly espeakBin?: string;
}

export interface Engine {
  readonly name: EngineName;
  /** For a recording: the SHA-256 of its file, kept in the manifest. */
  readonly source?: string;
  /** A recording passed over because it speaks an older text (its SHA-256). */
  readonly outdatedRecording?: string;
  render(text: AudioText, wavOut: string): Promise<void>;
}

/** espeak-ng's voice for each language: British English is closest to what visitors learnt. */
export const ESPEAK_VOICES: Readonly<Record<Locale, string>> = { kk: 'kk', ru: 'ru', en: 'en-gb' };
/**
 * Words per minute: espeak-ng's default is 175. A little slower, for a frightened listener; the
 * visitor can still slow it down to 0.75× or speed it up to 1.5× on the screen.
 */
export const ESPEAK_WORDS_PER_MINUTE = 150;

/** Runs a program with text on its standard input; rejects with its error output. */
export function run(cmd: string, args: readonly string[], input = ''): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (err) => reject(new Error(`${cmd}: ${err.message}`)));
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}: ${stderr.trim()}`)),
    );
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

export const recordingPath = (dir: string, t: Pick<AudioText, 'id' | 'lang'>) =>
  join(dir, t.lang, `${t.id}.wav`);

/** What the manifest says of a text's clip so far. */
export type ClipSoFar = Pick<ClipEntry, 'sha256' | 'engine' | 'source' | 'outdatedRecording'>;

/**
 * The best engine for a text: its recording, else Piper for its language, else espeak-ng. A
 * recording made for an older text (the text changed, the file did not) is passed over until it
 * is recorded again.
 */
export async function chooseEngine(
  t: AudioText & { sha256?: string },
  o: EngineOptions,
  had?: ClipSoFar,
): Promise<Engine> {
  const recording = recordingPath(o.recordingsDir, t);
  let outdated: string | undefined;
  if (existsSync(recording)) {
    const source = createHash('sha256')
      .update(await readFile(recording))
      .digest('hex');
    const spokeOlderText =
      had?.outdatedRecording === source ||
      (had?.engine === 'recording' && had.source === source && had.sha256 !== t.sha256);
    if (!spokeOlderText)
      return {
        name: 'recording',
        source,
        render: (_text, wavOut) => copyFile(recording, wavOut),
      };
    outdated = source;
  }
  const synthetic = syntheticEngine(t, o);
  return outdated ? { ...synthetic, outdatedRecording: outdated } : synthetic;
}

function syntheticEngine(t: AudioText, o: EngineOptions): Engine {
  const model = o.piperModels[t.lang];
  if (model)
    return {
      name: 'piper',
      render: (text, wavOut) =>
        run(o.piperBin ?? 'piper', ['--model', model, '--output_file', wavOut], text.text),
    };
  return {
    name: 'espeak-ng',
    render: (text, wavOut) =>
      run(
        o.espeakBin ?? 'espeak-ng',
        [
          '-v',
          ESPEAK_VOICES[text.lang],
          '-s',
          String(ESPEAK_WORDS_PER_MINUTE),
          '-w',
          wavOut,
          '--stdin',
        ],
        text.text,
      ),
  };
}

/**
 * Whether a clip made by `had` should be made again by `wanted`: a better engine is now there
 * (a recording arrived, a Piper model was given), or the recording was replaced. A clip is never
 * made again by a lesser engine because this machine lacks the better one.
 */
export function shouldUpgrade(
  had: { engine: EngineName; source?: string },
  wanted: Pick<Engine, 'name' | 'source'>,
): boolean {
  const rank = (e: EngineName) => ENGINES.indexOf(e);
  if (rank(wanted.name) < rank(had.engine)) return true;
  return wanted.name === 'recording' && had.engine === 'recording' && wanted.source !== had.source;
}
