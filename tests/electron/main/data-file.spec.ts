import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readJsonFile, writeFileAtomic } from '../../../electron/main/data-file';
import { useTempDir } from './fakes';

vi.mock('electron', () => ({}));

const dir = useTempDir('kiosk-settings-');

describe('data files', () => {
  it('replaces the whole file or nothing, and cleans up after a failure', () => {
    const target = join(dir(), 'x.json');
    writeFileAtomic(target, 'old');
    writeFileAtomic(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    // A rename that fails (over a folder) leaves no temporary file behind.
    mkdirSync(join(dir(), 'folder'));
    expect(() => writeFileAtomic(join(dir(), 'folder'), 'data')).toThrow();
    expect(readdirSync(dir()).sort()).toEqual(['folder', 'x.json']);
    expect(readdirSync(join(dir(), 'folder'))).toEqual([]);
  });

  it('reads a JSON file as missing, broken (with why) or its value, and never throws', () => {
    expect(readJsonFile(join(dir(), 'none.json'))).toEqual({ kind: 'missing' });
    writeFileSync(join(dir(), 'bad.json'), '{"a":');
    expect(readJsonFile(join(dir(), 'bad.json'))).toMatchObject({ kind: 'broken' });
    expect(readJsonFile(dir())).toMatchObject({
      kind: 'broken',
      why: expect.stringContaining('EISDIR'),
    });
    writeFileSync(join(dir(), 'ok.json'), '[1,2]');
    expect(readJsonFile(join(dir(), 'ok.json'))).toEqual({ kind: 'ok', raw: [1, 2] });
  });

  it('makes the folder it writes into when it does not exist yet', () => {
    writeFileAtomic(join(dir(), 'missing', 'x.json'), 'data');
    expect(readFileSync(join(dir(), 'missing', 'x.json'), 'utf8')).toBe('data');
  });
});
