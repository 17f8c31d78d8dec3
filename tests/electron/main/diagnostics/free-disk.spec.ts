import { describe, expect, it } from 'vitest';
import { freeDiskBytes } from '../../../../electron/main/diagnostics/free-disk';
import { useTempDir } from '../fakes';

const dir = useTempDir('kiosk-disk-');

describe('free disk space', () => {
  it('is what an unprivileged user may still write, in bytes', () => {
    expect(freeDiskBytes('/data', () => ({ bavail: 10, bsize: 4096 }))).toBe(40_960);
    expect(freeDiskBytes(dir())).toBeGreaterThan(0);
  });

  it('is null, never an error, where the system cannot say', () => {
    expect(freeDiskBytes('/nowhere/at/all')).toBeNull();
    expect(
      freeDiskBytes('/data', () => {
        throw new Error('ENOSYS');
      }),
    ).toBeNull();
  });
});
