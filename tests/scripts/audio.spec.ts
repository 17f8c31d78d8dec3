import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkClips, makeClips, oggSerial, readManifest } from '../../scripts/audio';
import { useTempDir } from '../electron/main/fakes';

const root = resolve(import.meta.dirname, '../..');
const dir = useTempDir('audio-script-');

/** A copy of what the clips are made from (content, messages) and of the clips themselves. */
function copyOfProject(): string {
  const copy = join(dir(), 'project');
  for (const d of ['content', 'locales', 'audio'])
    cpSync(join(root, d), join(copy, d), { recursive: true });
  return copy;
}

const options = (copy: string) => ({
  root: copy,
  recordingsDir: join(copy, 'audio', 'recordings'),
  piperModels: {},
  jobs: 1,
});

describe('npm run audio and audio:check', () => {
  it('report a changed text as stale, make its clip again, and nothing else', async () => {
    const copy = copyOfProject();
    const stepFile = join(copy, 'content/steps/hang-up.json');
    const original = readFileSync(stepFile, 'utf8');
    const step = JSON.parse(original) as { why: { ru: string } };
    const clip = join(copy, 'audio/ru/step.hang-up.why.opus');
    const before = readFileSync(clip);
    step.why.ru = `${step.why.ru} Это важно.`;
    writeFileSync(stepFile, JSON.stringify(step, null, 2));

    const check = checkClips(copy);
    expect(check.ok).toBe(false);
    expect(check.lines).toContain('ru: 0 missing, 1 stale');
    expect(check.lines.join('\n')).toMatch(/stale +ru step\.hang-up\.why/);
    expect(check.lines).toContain('kk: 0 missing, 0 stale');
    // The command itself fails, for CI, and says which clip.
    const cli = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/audio.ts', '--check', '--root', copy],
      { cwd: root, encoding: 'utf8' },
    );
    expect(cli.status).toBe(1);
    expect(cli.stdout).toMatch(/stale +ru step\.hang-up\.why/);

    const manifestBefore = readManifest(join(copy, 'audio'));
    const after = await makeClips(options(copy));
    expect(checkClips(copy).ok).toBe(true);
    expect(readFileSync(clip).equals(before)).toBe(false);
    const changed = Object.entries(after.clips).flatMap(([id, langs]) =>
      Object.entries(langs)
        .filter(
          ([lang, e]) =>
            JSON.stringify(e) !== JSON.stringify(manifestBefore.clips[id]?.[lang as 'kk']),
        )
        .map(([lang]) => `${lang}:${id}`),
    );
    expect(changed).toEqual(['ru:step.hang-up.why']);

    // The text back as it was: the clip is the very file committed (no date, serial from the hash).
    writeFileSync(stepFile, original);
    await makeClips(options(copy));
    expect(readFileSync(clip).equals(before)).toBe(true);
    expect(readFileSync(join(copy, 'audio/manifest.json'), 'utf8')).toBe(
      readFileSync(join(root, 'audio/manifest.json'), 'utf8'),
    );
  });

  it('removes the clips of a text that is gone', async () => {
    const copy = copyOfProject();
    for (const l of ['kk', 'ru', 'en']) {
      const file = join(copy, `locales/${l}.json`);
      const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
      delete messages.buttonReadAgain;
      writeFileSync(file, JSON.stringify(messages, null, 2));
    }
    expect(checkClips(copy).lines.join('\n')).toMatch(/3 clip\(s\) of texts that are gone/);
    const after = await makeClips(options(copy));
    expect(after.clips.buttonReadAgain).toBeUndefined();
    expect(existsSync(join(copy, 'audio/kk/buttonReadAgain.opus'))).toBe(false);
    expect(checkClips(copy).ok).toBe(true);
  });

  it('takes the Ogg serial number from the text’s hash', () => {
    expect(oggSerial('00000001' + '0'.repeat(56))).toBe(1);
    expect(oggSerial('ffffffff' + '0'.repeat(56))).toBe(0x7fffffff);
  });
});
