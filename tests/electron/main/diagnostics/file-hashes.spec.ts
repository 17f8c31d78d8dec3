import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appHash,
  contentHash,
  hashTree,
  packContentHash,
} from '../../../../electron/main/diagnostics/file-hashes';
import { useTempDir } from '../fakes';

const dir = useTempDir('kiosk-hashes-');
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function write(rel: string, text: string): void {
  mkdirSync(join(dir(), rel, '..'), { recursive: true });
  writeFileSync(join(dir(), rel), text);
}

describe('file hashes', () => {
  it('hashes a sha256sum-style manifest of the files, sorted by path', () => {
    write('b.txt', 'bee');
    write('a/z.txt', 'zed');
    const h = hashTree(dir());
    const manifest = `${sha('zed')}  a/z.txt\n${sha('bee')}  b.txt\n`;
    expect(h.manifest).toBe(manifest);
    expect(h.sha256).toBe(sha(manifest));
    expect(h.files).toBe(2);
  });

  it('hashes a pack’s content from its manifest as the folder it was built from', () => {
    write('meta.json', '{"checkedAsOf": "2026-11-20"}');
    write('steps/a.json', 'step a');
    const fromManifest = packContentHash({
      'content/steps/a.json': sha('step a'),
      'content/meta.json': sha('{"checkedAsOf": "2026-11-20"}'),
      'audio/kk/a.opus': sha('not content'),
    });
    expect(fromManifest).toEqual(contentHash(dir()));
  });

  it('hashes the app’s shipped folders only, without source maps', () => {
    write('main/index.js', 'main');
    write('preload/index.cjs', 'preload');
    write('renderer/index.html', 'page');
    const before = appHash(dir()).sha256;
    write('renderer/assets/index.js.map', 'map');
    write('companion/index.html', 'phone page, shipped apart');
    expect(appHash(dir()).sha256).toBe(before);
    write('renderer/index.html', 'page, changed');
    expect(appHash(dir()).sha256).not.toBe(before);
  });

  it('throws where the folders are not there, for the caller to report', () => {
    expect(() => appHash(join(dir(), 'nowhere'))).toThrow();
  });
});
