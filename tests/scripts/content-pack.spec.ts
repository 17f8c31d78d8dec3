import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPack } from '../../core/content/pack';
import { BUNDLED_CHECKED_AS_OF } from '../core/content/pack-fixture';
import { useTempDir } from '../electron/main/fakes';

const dir = useTempDir('content-pack-cli-');
const tsx = (script: string, args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8' });

describe('npm run content:keygen and content:pack', () => {
  it('make a key pair and a pack of content/ that a kiosk trusting the key takes', async () => {
    const base = join(dir(), 'signing');
    const printed = tsx('scripts/content-keygen.ts', ['--out', base]);
    if (process.platform !== 'win32') expect(statSync(`${base}.key`).mode & 0o777).toBe(0o600);
    const publicKey = readFileSync(`${base}.pub`, 'utf8').trim();
    expect(printed).toContain(publicKey);
    // A second run never overwrites the private key.
    expect(() => tsx('scripts/content-keygen.ts', ['--out', base])).toThrow();

    const out = join(dir(), 'packs');
    tsx('scripts/content-pack.ts', ['--key', `${base}.key`, '--version', '7', '--out', out]);
    const text = readFileSync(join(out, 'citizensec-content-7.pack'), 'utf8');
    const result = await checkPack(text, {
      trustedKeys: [publicKey],
      activeVersion: 0,
      bundledCheckedAsOf: BUNDLED_CHECKED_AS_OF,
      appVersion: '0.1.0',
    });
    expect(result.ok && result.pack.manifest.version).toBe(7);
  }, 30_000);

  it('with --audio-base, packs the clips that differ from the release’s', async () => {
    const base = join(dir(), 'signing');
    tsx('scripts/content-keygen.ts', ['--out', base]);
    const release = JSON.parse(readFileSync('audio/manifest.json', 'utf8')) as {
      clips: Record<string, Record<string, { sha256: string }>>;
    };
    release.clips['step.hang-up.why']!.kk!.sha256 = '0'.repeat(64);
    const releaseFile = join(dir(), 'release-manifest.json');
    writeFileSync(releaseFile, JSON.stringify(release));
    const out = join(dir(), 'packs');
    const printed = tsx('scripts/content-pack.ts', [
      ...['--key', `${base}.key`, '--version', '8', '--out', out],
      ...['--audio-base', releaseFile],
    ]);
    expect(printed).toContain('1 audio clip(s) of changed texts');
    const result = await checkPack(readFileSync(join(out, 'citizensec-content-8.pack'), 'utf8'), {
      trustedKeys: [readFileSync(`${base}.pub`, 'utf8').trim()],
      activeVersion: 0,
      bundledCheckedAsOf: BUNDLED_CHECKED_AS_OF,
      appVersion: '0.1.0',
    });
    if (!result.ok) throw new Error(result.refusal.message);
    expect(Object.keys(result.pack.audio).sort()).toEqual([
      'audio/kk/step.hang-up.why.opus',
      'audio/manifest.json',
    ]);
  }, 30_000);

  it('refuses without a key or a version', () => {
    expect(() => tsx('scripts/content-pack.ts', ['--version', 'x'])).toThrow(/usage/);
  });
});
