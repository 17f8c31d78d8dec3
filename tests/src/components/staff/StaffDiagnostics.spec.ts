// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import StaffDiagnostics from '../../../../src/components/staff/StaffDiagnostics.vue';
import { useStaffStore } from '../../../../src/stores/staff';
import type { Diagnostics } from '../../../../core/kiosk/kiosk-api';
import { mockKiosk, mountKiosk, SAMPLE_DIAGNOSTICS, staffOpen } from '../../helpers';

async function open(api = mockKiosk()) {
  const pinia = staffOpen(api);
  const { wrapper } = mountKiosk(StaffDiagnostics, { pinia, locale: 'en' });
  await flushPromises();
  const get = (testid: string) => wrapper.find(`[data-testid="${testid}"]`);
  return { api, wrapper, get, staff: useStaffStore() };
}

describe('StaffDiagnostics', () => {
  it('shows what main and the printer report, in words', async () => {
    const { get } = await open();
    expect(get('check-printer').text()).toMatch(/Kiosk: Ready/);
    expect(get('check-version').text()).toContain('0.0.0-test');
    expect(get('check-content').text()).toContain('2026-02-17');
    expect(get('check-disk').text()).toContain('8.0 GB');
    expect(get('check-last-failure').text()).toMatch(/none recorded/);
    expect(get('check-no-errors').exists()).toBe(true);
    expect(get('check-hashes').text()).toBe(
      `CitizenSec Kiosk hashes v1\napp 0.0.0-test sha256:${'a'.repeat(64)}\ncontent 2026-02-17 sha256:${'c'.repeat(64)}`,
    );
    expect(get('check-hashes-qr').attributes('data-qr-version')).toBeDefined();
  });

  it('lists the newest warnings and errors first', async () => {
    const diagnostics: Diagnostics = {
      ...SAMPLE_DIAGNOSTICS,
      recentErrors: [
        { at: '2026-11-25 09:00:00', level: 'warn', text: 'print: older' },
        { at: '2026-11-25 10:00:00', level: 'error', text: 'print: newer' },
      ],
    };
    const { get } = await open(mockKiosk({ getDiagnostics: async () => diagnostics }));
    const items = get('check-errors').findAll('li');
    expect(items.map((li) => li.text())).toEqual([
      expect.stringContaining('print: newer'),
      expect.stringContaining('print: older'),
    ]);
  });

  it('prints the readiness report as a staff print, with what is true now', async () => {
    const { api, get, staff } = await open();
    api.getDiagnostics.mockClear();
    await get('staff-check-print-report').trigger('click');
    await flushPromises();
    expect(api.printSheet).toHaveBeenCalledWith(expect.objectContaining({ kind: 'readiness' }));
    expect(api.getDiagnostics.mock.invocationCallOrder[0]).toBeLessThan(
      api.printSheet.mock.invocationCallOrder[0]!,
    );
    expect(staff.staffPaper).toBe('readiness');
    expect(get('staff-check-message').text()).toBe('Sent to the printer.');
  });

  it('puts the sample sheet back for a test page', async () => {
    const { api, get, staff } = await open();
    staff.staffPaper = 'readiness';
    await get('staff-check-test-print').trigger('click');
    await flushPromises();
    expect(staff.staffPaper).toBeNull();
    expect(api.printSheet).toHaveBeenCalledWith(expect.objectContaining({ kind: 'test' }));
  });

  it('goes back to the PIN pad when main says staff mode has ended', async () => {
    const { staff } = await open(
      mockKiosk({
        getDiagnostics: async () => {
          throw new Error('refused: staff only');
        },
      }),
    );
    expect(staff.sessionEnded).toBe(true);
    expect(staff.screen).toBe('pin');
  });
});

describe('StaffDiagnostics: content packs', () => {
  const withPack: Diagnostics = {
    ...SAMPLE_DIAGNOSTICS,
    content: { source: 'pack', checkedAsOf: '2026-11-20', sha256: null },
    contentMaxAgeDays: 90,
    contentPacks: {
      active: { id: 'citizensec-content-3', version: 3, checkedAsOf: '2026-11-20' },
      previous: { id: 'citizensec-content-2', version: 2, checkedAsOf: '2026-10-01' },
      pending: null,
      lastCheckAt: '2026-11-25T08:00:00.000Z',
      lastProblem: {
        code: 'untrusted-key',
        message: 'signed by 0123456789abcdef, not a key this kiosk trusts',
        source: 'citizensec-content-4.pack',
        at: '2026-11-25T08:00:00.000Z',
      },
    },
  };

  it("shows the pack's date, what is kept, why a pack was refused, and IT's age limit", async () => {
    const { get } = await open(mockKiosk({ getDiagnostics: async () => withPack }));
    expect(get('check-content').text()).toContain('pack 3, checked as of 2026-11-20');
    const packs = get('check-content').text();
    expect(packs).toContain('rollback to version 2');
    expect(packs).toContain('citizensec-content-4.pack: untrusted-key: signed by');
    expect(get('check-status-content').text()).toContain('90 days');
  });

  it('looks for a pack and rolls back with one touch each, then shows what is in use', async () => {
    const api = mockKiosk({ getDiagnostics: async () => withPack });
    const { get } = await open(api);
    api.getDiagnostics.mockClear();
    await get('staff-check-packs').trigger('click');
    await flushPromises();
    expect(api.checkContentPacks).toHaveBeenCalledOnce();
    await get('staff-rollback-content').trigger('click');
    await flushPromises();
    expect(api.rollbackContentPack).toHaveBeenCalledOnce();
    expect(api.getDiagnostics).toHaveBeenCalledTimes(2);
  });

  it('offers no pack buttons where packs do not apply (the browser build)', async () => {
    const { get } = await open();
    expect(get('check-content').text()).not.toMatch(/pack|rollback/);
    expect(get('staff-check-packs').exists()).toBe(false);
  });
});
