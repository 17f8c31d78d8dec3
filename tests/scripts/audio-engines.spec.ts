import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ESPEAK_VOICES,
  chooseEngine,
  recordingPath,
  shouldUpgrade,
} from '../../scripts/audio-engines';
import type { AudioText } from '../../core/content/audio-text-ids';
import { useTempDir } from '../electron/main/fakes';

const dir = useTempDir('audio-engines-');
const text: AudioText = { id: 'step.hang-up.why', lang: 'kk', text: 'Қоңырауды тоқтатыңыз.' };

/** A stand-in for Piper: logs its arguments and input, and writes a short silent WAV. */
function fakePiper(): { bin: string; log: string } {
  const bin = join(dir(), 'piper');
  const log = join(dir(), 'piper.log');
  writeFileSync(
    bin,
    `#!${process.execPath}
const fs = require('node:fs');
const args = process.argv.slice(2);
const input = fs.readFileSync(0, 'utf8');
fs.writeFileSync(${JSON.stringify(log)}, JSON.stringify({ args, input }));
const rate = 16000, samples = rate / 10, wav = Buffer.alloc(44 + samples * 2);
wav.write('RIFF', 0); wav.writeUInt32LE(36 + samples * 2, 4); wav.write('WAVEfmt ', 8);
wav.writeUInt32LE(16, 16); wav.writeUInt16LE(1, 20); wav.writeUInt16LE(1, 22);
wav.writeUInt32LE(rate, 24); wav.writeUInt32LE(rate * 2, 28); wav.writeUInt16LE(2, 32);
wav.writeUInt16LE(16, 34); wav.write('data', 36); wav.writeUInt32LE(samples * 2, 40);
fs.writeFileSync(args[args.indexOf('--output_file') + 1], wav);
`,
  );
  chmodSync(bin, 0o755);
  return { bin, log };
}

describe('choosing the voice of a clip', () => {
  it('takes a native speaker’s recording first, named by language and text id', async () => {
    const recordings = join(dir(), 'recordings');
    mkdirSync(join(recordings, 'kk'), { recursive: true });
    writeFileSync(recordingPath(recordings, text), 'RIFF…a recording');
    const engine = await chooseEngine(text, {
      recordingsDir: recordings,
      piperModels: { kk: '/models/kk.onnx' },
    });
    expect(engine.name).toBe('recording');
    expect(engine.source).toMatch(/^[0-9a-f]{64}$/);
    await engine.render(text, join(dir(), 'out.wav'));
    expect(readFileSync(join(dir(), 'out.wav'), 'utf8')).toBe('RIFF…a recording');
    // Another language has no recording: it is not taken from Kazakh.
    const ru = await chooseEngine(
      { ...text, lang: 'ru' },
      { recordingsDir: recordings, piperModels: {} },
    );
    expect(ru.name).toBe('espeak-ng');
  });

  it('takes Piper when a model is given for the language, and runs it with the text on stdin', async () => {
    const piper = fakePiper();
    const options = {
      recordingsDir: join(dir(), 'none'),
      piperModels: { kk: '/models/kk_KZ-voice.onnx' },
      piperBin: piper.bin,
    };
    const engine = await chooseEngine(text, options);
    expect(engine.name).toBe('piper');
    const out = join(dir(), 'piper.wav');
    await engine.render(text, out);
    expect(JSON.parse(readFileSync(piper.log, 'utf8'))).toEqual({
      args: ['--model', '/models/kk_KZ-voice.onnx', '--output_file', out],
      input: text.text,
    });
    expect(readFileSync(out).subarray(0, 4).toString()).toBe('RIFF');
    // No model for English: espeak-ng speaks it.
    expect((await chooseEngine({ ...text, lang: 'en' }, options)).name).toBe('espeak-ng');
  });

  it('falls back to espeak-ng with the language’s voice, which writes a WAV', async () => {
    const engine = await chooseEngine(text, {
      recordingsDir: join(dir(), 'none'),
      piperModels: {},
    });
    expect(engine.name).toBe('espeak-ng');
    expect(ESPEAK_VOICES).toEqual({ kk: 'kk', ru: 'ru', en: 'en-gb' });
    const out = join(dir(), 'espeak.wav');
    await engine.render(text, out);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out).subarray(0, 4).toString()).toBe('RIFF');
  });

  it('reports a failing engine with its error', async () => {
    const engine = await chooseEngine(text, {
      recordingsDir: join(dir(), 'none'),
      piperModels: { kk: '/models/kk.onnx' },
      piperBin: join(dir(), 'no-such-piper'),
    });
    await expect(engine.render(text, join(dir(), 'x.wav'))).rejects.toThrow(/no-such-piper/);
  });
});

describe('a recording of an older text', () => {
  it('is passed over until it is recorded again', async () => {
    const recordings = join(dir(), 'recordings');
    mkdirSync(join(recordings, 'kk'), { recursive: true });
    writeFileSync(recordingPath(recordings, text), 'RIFF…old');
    const o = { recordingsDir: recordings, piperModels: {} };
    const first = await chooseEngine({ ...text, sha256: 'a'.repeat(64) }, o);
    expect(first.name).toBe('recording');
    const had = { engine: 'recording' as const, source: first.source, sha256: 'a'.repeat(64) };
    // The text changed; the recording did not.
    const changed = { ...text, sha256: 'b'.repeat(64) };
    const next = await chooseEngine(changed, o, had);
    expect(next.name).toBe('espeak-ng');
    expect(next.outdatedRecording).toBe(first.source);
    // And it stays passed over on the next run, with no upgrade back to it.
    const made = {
      engine: 'espeak-ng' as const,
      sha256: changed.sha256,
      outdatedRecording: first.source,
    };
    const again = await chooseEngine(changed, o, made);
    expect(again.name).toBe('espeak-ng');
    expect(shouldUpgrade(made, again)).toBe(false);
    // Recorded again: the new recording is used.
    writeFileSync(recordingPath(recordings, text), 'RIFF…new');
    const fresh = await chooseEngine(changed, o, made);
    expect(fresh.name).toBe('recording');
    expect(shouldUpgrade(made, fresh)).toBe(true);
  });
});

describe('making a clip again with a better voice', () => {
  it('upgrades to a better engine, and to a replaced recording, never down', () => {
    expect(shouldUpgrade({ engine: 'espeak-ng' }, { name: 'piper' })).toBe(true);
    expect(shouldUpgrade({ engine: 'piper' }, { name: 'recording', source: 'a' })).toBe(true);
    expect(shouldUpgrade({ engine: 'piper' }, { name: 'espeak-ng' })).toBe(false);
    expect(shouldUpgrade({ engine: 'recording', source: 'a' }, { name: 'espeak-ng' })).toBe(false);
    expect(
      shouldUpgrade({ engine: 'recording', source: 'a' }, { name: 'recording', source: 'b' }),
    ).toBe(true);
    expect(
      shouldUpgrade({ engine: 'recording', source: 'a' }, { name: 'recording', source: 'a' }),
    ).toBe(false);
    expect(shouldUpgrade({ engine: 'espeak-ng' }, { name: 'espeak-ng' })).toBe(false);
  });
});
