import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import { CupsUnavailableError, JOB_STATE, type Cups } from '../../../../electron/main/print/cups';
import { A4, pageSizeFor } from '../../../../electron/main/print/paper';
import { JOB_POLL_MS, printViaCups } from '../../../../electron/main/print/print-via-cups';
import { JobReaper } from '../../../../electron/main/print/job-reaper';
import { fakeCups } from '../fakes';

vi.mock('electron', () => ({}));

const pdf = async () => new Uint8Array([37, 80, 68, 70]);
let clock = 0;
const deps = (cups: Cups) => ({
  cups,
  reaper: new JobReaper(cups, () => {}),
  printerName: '',
  log: () => {},
  sleep: async (ms: number) => {
    clock += ms;
  },
  now: () => clock,
  jobTimeoutMs: 10 * JOB_POLL_MS,
});

describe('printViaCups', () => {
  it('uses the default printer and waits for the job to complete', async () => {
    const { cups, calls } = fakeCups({
      jobs: [
        { state: JOB_STATE.pending, reasons: [] },
        { state: JOB_STATE.processing, reasons: [] },
        { state: JOB_STATE.completed, reasons: [] },
      ],
    });
    expect(await printViaCups(deps(cups), 'a4', A4, pdf)).toEqual({ ok: true, confirmed: true });
    expect(calls).toContain('submit Default A4');
    // Printed: the job and its document are removed from CUPS at once.
    expect(calls.at(-1)).toBe('purge 42');
  });

  it('removes a job it lost track of once CUPS answers again', async () => {
    const { cups, calls } = fakeCups({
      jobs: [{ state: JOB_STATE.processing, reasons: [] }],
      statusError: new CupsUnavailableError('CUPS is not reachable'),
    });
    const d = deps(cups);
    expect(await printViaCups(d, 'a4', A4, pdf)).toEqual({
      ok: false,
      problem: 'print-service-down',
    });
    await vi.waitFor(() => expect(d.reaper.owesSweep).toBe(false));
    expect(calls.slice(-3)).toEqual(['own jobs', 'purge 42', 'purge 42']);
  });

  it('looks for a job lp may have left when lp itself failed', async () => {
    const { cups, calls } = fakeCups({ submitError: new Error('lp timed out') });
    await printViaCups(deps(cups), 'a4', A4, pdf);
    await vi.waitFor(() => expect(calls).toContain('own jobs'));
  });

  it('cancels a waiting job when the printer runs out of paper', async () => {
    const { cups, calls } = fakeCups({
      problems: [null, null, 'paper-out'],
      jobs: [{ state: JOB_STATE.pending, reasons: [] }],
    });
    expect(await printViaCups(deps(cups), 'a4', A4, pdf)).toEqual({
      ok: false,
      problem: 'paper-out',
    });
    expect(calls.at(-1)).toBe('purge 42');
  });

  it('gives up and cancels after the time-out', async () => {
    const { cups, calls } = fakeCups({ jobs: [{ state: JOB_STATE.processing, reasons: [] }] });
    expect(await printViaCups(deps(cups), 'a4', A4, pdf)).toEqual({
      ok: false,
      problem: 'timeout',
    });
    expect(calls.at(-1)).toBe('purge 42');
  });

  it('says the sheet could not be rendered, and sends nothing', async () => {
    const { cups, calls } = fakeCups({});
    const failing = async () => {
      throw new Error('renderer gone');
    };
    expect(await printViaCups(deps(cups), 'a4', A4, failing)).toEqual({
      ok: false,
      problem: 'render-failed',
    });
    expect(calls.some((c) => c.startsWith('submit'))).toBe(false);
  });

  it('turns a refused submission into the printer problem, and leaves no file behind', async () => {
    const { cups } = fakeCups({
      problems: [null, 'printer-offline'],
      submitError: new Error('lp failed'),
    });
    const before = readdirSync(tmpdir()).filter((f) => f.startsWith('citizensec-sheet-'));
    expect(await printViaCups(deps(cups), 'a4', A4, pdf)).toEqual({
      ok: false,
      problem: 'printer-offline',
    });
    expect(readdirSync(tmpdir()).filter((f) => f.startsWith('citizensec-sheet-'))).toEqual(before);
  });

  it('asks CUPS for a custom page size for receipts', async () => {
    const { cups, calls } = fakeCups({});
    await printViaCups(deps(cups), 'receipt-80', pageSizeFor('receipt-80', 612.4), pdf);
    expect(calls).toContain('submit Default Custom.80x613mm');
  });
});
