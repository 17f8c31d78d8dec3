import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PIN_FILE_NAME, pinFile, scryptHasher } from '../../electron/main/staff/pin-file';
import { StaffCore } from '../../core/staff/staff-core';
import { useTempDir } from '../electron/main/fakes';

vi.mock('electron', () => ({}));

const dir = useTempDir('kiosk-staff-');
afterEach(() => vi.useRealTimers());

describe('PIN provisioned by IT', () => {
  it('writes a file the kiosk accepts, and refuses an easy PIN', async () => {
    const { provisionPin } = await import('../../scripts/staff-pin');
    const file = join(dir(), PIN_FILE_NAME);
    expect(await provisionPin('123456', file)).toBe('too-simple');
    expect(await provisionPin('739146', file)).toBeNull();
    const core = new StaffCore(pinFile(file), scryptHasher, () => {});
    expect(core.status().pin).toBe('set');
    expect(await core.unlock('739146')).toEqual({ ok: true });
  });
});
