import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { releaseHashes } from '../../scripts/hashes';
import { appHash, contentHash } from '../../electron/main/diagnostics/file-hashes';
import { auditText } from '../../core/kiosk/diagnostics';
import { loadContentOrThrow } from '../../scripts/read-content';
import { useTempDir } from '../electron/main/fakes';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = useTempDir('kiosk-release-');

/** A project with the real content and package.json, and a small stand-in build in out/. */
function project(): string {
  const root = dir();
  cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ version: '9.8.7' }));
  for (const [f, text] of [
    ['main/index.js', 'main'],
    ['preload/index.cjs', 'preload'],
    ['renderer/index.html', 'page'],
  ] as const) {
    mkdirSync(join(root, 'out', f, '..'), { recursive: true });
    writeFileSync(join(root, 'out', f), text);
  }
  return root;
}

describe('npm run hashes', () => {
  it('prints the released values exactly as the kiosk’s QR code holds them', () => {
    const root = project();
    const h = releaseHashes(root);
    expect(h.text).toBe(
      auditText({
        version: '9.8.7',
        appSha256: appHash(join(root, 'out')).sha256,
        checkedAsOf: loadContentOrThrow(join(root, 'content')).meta.checkedAsOf,
        contentSha256: contentHash(join(root, 'content')).sha256,
      }),
    );
    expect(h.text.split('\n')[1]).toMatch(/^app 9\.8\.7 sha256:[0-9a-f]{64}$/);
    expect(h.appManifest).toMatch(/ {2}renderer\/index\.html\n$/);
    expect(h.contentManifest).toContain('  meta.json\n');
  });

  it('changes when one file of the app or the content changes', () => {
    const root = project();
    const before = releaseHashes(root).text.split('\n');
    writeFileSync(join(root, 'out/renderer/index.html'), 'page, tampered');
    const after = releaseHashes(root).text.split('\n');
    expect(after[1]).not.toBe(before[1]);
    expect(after[2]).toBe(before[2]);
  });

  it('stops with a plain message where there is no build', () => {
    const root = dir();
    expect(() => releaseHashes(root)).toThrow(/run npm run build first/);
  });

  it('runs from the command line, and fails plainly without a build', () => {
    const run = (root: string) =>
      spawnSync('npx', ['tsx', join(ROOT, 'scripts/hashes.ts'), '--root', root, '--files'], {
        encoding: 'utf8',
      });
    const root = project();
    const ok = run(root);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`${releaseHashes(root).text}\n`);
    expect(ok.stdout).toContain('  main/index.js\n');
    const bad = run(join(root, 'content'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^hashes: no build/);
  });
});
