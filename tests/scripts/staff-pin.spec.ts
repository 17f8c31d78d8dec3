import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PIN_FILE_NAME, pinFile, scryptHasher } from '../../electron/main/staff/pin-file';
import { StaffCore } from '../../core/staff/staff-core';
import { validatePolicy } from '../../core/kiosk/policy';
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

  it("prints a record for the policy file's staffPinHash that the policy and the kiosk accept", async () => {
    const { policyPinRecord } = await import('../../scripts/staff-pin');
    expect(await policyPinRecord('111111')).toEqual({ problem: 'too-simple' });
    const made = await policyPinRecord('739146');
    if (!('record' in made)) throw new Error('refused');
    expect(made.record).not.toContain('739146');
    const { policy, problems } = validatePolicy(
      { staffPinHash: JSON.parse(made.record) },
      { pinReadable: scryptHasher.readable },
    );
    expect(problems).toEqual([]);
    const core = new StaffCore(
      pinFile(join(dir(), PIN_FILE_NAME)),
      scryptHasher,
      () => {},
      undefined,
      undefined,
      {
        pin: policy.staffPinHash,
        setupCode: null,
        spent: { isSpent: () => false, spend: () => {} },
      },
    );
    expect(core.status()).toMatchObject({ pin: 'set', pinSetByIt: true });
    expect(await core.unlock('739146')).toEqual({ ok: true });
  });
});
