import * as fs from 'node:fs';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  readJsonFile,
  removeLeftoverTempFiles,
  setAside,
  writeFileAtomic,
  type FileOps,
} from '../../../electron/main/data-file';
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

  it('keeps the old file whole when the disk fills up mid-write', () => {
    const target = join(dir(), 'counters.json');
    const good = JSON.stringify(Array.from({ length: 300 }, (_, i) => ({ day: i, visits: i })));
    writeFileAtomic(target, good);
    // A nearly full disk: the first write takes 4096 bytes, the next finds no room.
    let calls = 0;
    const full: FileOps = {
      ...fs,
      writeSync: ((fd: number, buf: Buffer, offset: number, length: number) => {
        calls += 1;
        if (calls > 1) throw Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' });
        return fs.writeSync(fd, buf, offset, Math.min(length, 4096));
      }) as FileOps['writeSync'],
    };
    expect(() => writeFileAtomic(target, good.replace('"visits":1', '"visits":9'), full)).toThrow(
      /ENOSPC/,
    );
    expect(readFileSync(target, 'utf8')).toBe(good);
    expect(readdirSync(dir())).toEqual(['counters.json']);
  });

  it('writes every byte when the system writes a little at a time', () => {
    const target = join(dir(), 'settings.json');
    const text = `{"branchName":"Алматы, №7","x":"${'y'.repeat(10_000)}"}`;
    const dribble: FileOps = {
      ...fs,
      writeSync: ((fd: number, buf: Buffer, offset: number, length: number) =>
        fs.writeSync(fd, buf, offset, Math.min(length, 1000))) as FileOps['writeSync'],
    };
    writeFileAtomic(target, text, dribble);
    expect(readFileSync(target, 'utf8')).toBe(text);
  });

  it('reads a file saved by Notepad, with a byte order mark', () => {
    writeFileSync(join(dir(), 'bom.json'), '\uFEFF{"branchName":"Алматы"}');
    expect(readJsonFile(join(dir(), 'bom.json'))).toEqual({
      kind: 'ok',
      raw: { branchName: 'Алматы' },
    });
  });

  it('removes the temporary files a stopped write left, and nothing else', () => {
    writeFileSync(join(dir(), 'settings.json'), '{}');
    writeFileSync(join(dir(), 'settings.json.4242.tmp'), '{"half');
    writeFileSync(join(dir(), 'counters.json.17.tmp'), '[');
    writeFileSync(join(dir(), 'notes.tmp.txt'), 'kept');
    expect(removeLeftoverTempFiles(dir()).sort()).toEqual([
      'counters.json.17.tmp',
      'settings.json.4242.tmp',
    ]);
    expect(readdirSync(dir()).sort()).toEqual(['notes.tmp.txt', 'settings.json']);
    expect(removeLeftoverTempFiles(join(dir(), 'none'))).toEqual([]);
  });

  it('sets a damaged file aside under a dated name', () => {
    const target = join(dir(), 'counters.json');
    writeFileSync(target, '[{"date":');
    const moved = setAside(target, new Date(Date.UTC(2026, 10, 25, 9, 5, 0)));
    expect(moved).toBe(join(dir(), 'counters.damaged-2026-11-25T09-05-00.json'));
    expect(readdirSync(dir())).toEqual(['counters.damaged-2026-11-25T09-05-00.json']);
    expect(setAside(target)).toBeNull();
  });
});
