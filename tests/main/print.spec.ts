import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { JOB_STATE, problemOf, type Cups, type JobStatus } from '../../electron/main/print/cups';
import { decodeResponse, encodeRequest, IPP_OPERATIONS } from '../../electron/main/print/ipp';
import { A4, cupsMedia, inches, microns, pageSizeFor } from '../../electron/main/print/paper';
import { JOB_POLL_MS, printViaCups } from '../../electron/main/print/print-via-cups';
import * as printIpc from '../../electron/main/ipc/print';
import { DEFAULT_SETTINGS } from '../../src/kiosk/settings';
import type { PrintProblem } from '../../src/kiosk/kiosk-api';

vi.mock('electron', () => ({}));

/** A CUPS double: a printer whose problem and jobs' states a test scripts step by step. */
function fakeCups(script: {
  problems?: (PrintProblem | null)[];
  jobs?: JobStatus[];
  submitError?: Error;
}) {
  const problems = [...(script.problems ?? [null])];
  const jobs = [...(script.jobs ?? [{ state: JOB_STATE.completed, reasons: [] }])];
  const calls: string[] = [];
  const cups: Cups = {
    defaultPrinter: async () => 'Default',
    listPrinters: async () => [],
    printerStatus: async (name) => {
      calls.push(`status ${name}`);
      const p = problems.length > 1 ? problems.shift()! : problems[0]!;
      return { exists: p !== 'no-printer', problem: p };
    },
    submit: async (name, _file, opts) => {
      calls.push(`submit ${name} ${opts.media}`);
      if (script.submitError) throw script.submitError;
      return 42;
    },
    jobStatus: async () => (jobs.length > 1 ? jobs.shift()! : jobs[0]!),
    cancelJob: async (id) => {
      calls.push(`cancel ${id}`);
    },
  };
  return { cups, calls };
}

const pdf = async () => new Uint8Array([37, 80, 68, 70]);
let clock = 0;
const deps = (cups: Cups) => ({
  cups,
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
    expect(calls.at(-1)).toBe('cancel 42');
  });

  it('gives up and cancels after the time-out', async () => {
    const { cups, calls } = fakeCups({ jobs: [{ state: JOB_STATE.processing, reasons: [] }] });
    expect(await printViaCups(deps(cups), 'a4', A4, pdf)).toEqual({
      ok: false,
      problem: 'timeout',
    });
    expect(calls.at(-1)).toBe('cancel 42');
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

describe('printer problems', () => {
  it.each([
    [
      {
        'printer-state': [3],
        'printer-state-reasons': ['none'],
        'printer-is-accepting-jobs': [true],
      },
      null,
    ],
    [{ 'printer-state': [3], 'printer-state-reasons': ['toner-low-warning'] }, null],
    [{ 'printer-state': [5], 'printer-state-reasons': ['paused'] }, 'printer-stopped'],
    [{ 'printer-state': [3], 'printer-is-accepting-jobs': [false] }, 'printer-stopped'],
    [{ 'printer-state': [5], 'printer-state-reasons': ['media-empty-error'] }, 'paper-out'],
    [{ 'printer-state': [4], 'printer-state-reasons': ['media-needed'] }, 'paper-out'],
    [{ 'printer-state': [5], 'printer-state-reasons': ['media-jam-error'] }, 'paper-jam'],
    [{ 'printer-state': [3], 'printer-state-reasons': ['offline-report'] }, 'printer-offline'],
    [
      { 'printer-state': [3], 'printer-state-reasons': ['door-open-error'] },
      'printer-needs-attention',
    ],
  ] as const)('%j → %s', (attrs, problem) => {
    expect(problemOf(attrs as never)).toBe(problem);
  });
});

describe('IPP encoding', () => {
  it('decodes what it encodes, with repeated values', () => {
    const req = encodeRequest(IPP_OPERATIONS.getPrinterAttributes, 7, [
      { tag: 'uri', name: 'printer-uri', values: ['ipp://localhost/printers/Kiosk'] },
      {
        tag: 'keyword',
        name: 'requested-attributes',
        values: ['printer-state', 'printer-state-reasons'],
      },
    ]);
    expect(req.readUInt16BE(2)).toBe(IPP_OPERATIONS.getPrinterAttributes);
    expect(req.readUInt32BE(4)).toBe(7);
    const decoded = decodeResponse(req);
    expect(decoded.operation['requested-attributes']).toEqual([
      'printer-state',
      'printer-state-reasons',
    ]);
    expect(decoded.operation['attributes-charset']).toEqual(['utf-8']);
  });

  it('refuses a truncated answer', () => {
    const req = encodeRequest(IPP_OPERATIONS.getJobAttributes, 1, []);
    expect(() => decodeResponse(req.subarray(0, req.length - 5))).toThrow(/truncated/);
  });
});

describe('paper', () => {
  it('sizes A4 and a receipt within its bounds', () => {
    expect(pageSizeFor('a4')).toEqual({ widthMm: 210, heightMm: 297 });
    expect(pageSizeFor('receipt-80', 20)).toEqual({ widthMm: 80, heightMm: 100 });
    expect(pageSizeFor('receipt-80', 99_999)).toEqual({ widthMm: 80, heightMm: 2500 });
    expect(inches(A4).width).toBeCloseTo(8.27, 2);
    expect(microns(pageSizeFor('receipt-80', 300))).toEqual({ width: 80_000, height: 300_000 });
    expect(cupsMedia('a4', A4)).toBe('A4');
  });
});

describe('print IPC', () => {
  const PAGE = 'file:///app/out/renderer/index.html';
  function setup(platform: NodeJS.Platform, cups: Cups) {
    const staff = { active: false };
    const count = vi.fn();
    const handlers = new Map<string, (e: IpcMainInvokeEvent, ...a: unknown[]) => unknown>();
    const ipc = { handle: (ch: string, fn: never) => handlers.set(ch, fn) } as unknown as IpcMain;
    const printToPDF = vi.fn(async () => Buffer.from('%PDF'));
    const print = vi.fn((_o: unknown, cb: (ok: boolean, reason: string) => void) => cb(true, ''));
    printIpc.register(ipc, {
      pageUrl: PAGE,
      platform,
      cups,
      readSettings: () => DEFAULT_SETTINGS,
      log: () => {},
      staffActive: () => staff.active,
      count,
    });
    const event = {
      senderFrame: { url: PAGE, parent: null },
      sender: { printToPDF, print, getPrintersAsync: async () => [{ name: 'Epson' }] },
    } as unknown as IpcMainInvokeEvent;
    const call = async (ch: string, ...args: unknown[]) => handlers.get(ch)!(event, ...args);
    return { call, printToPDF, print, staff, count };
  }

  it('renders at an explicit page size and prints through CUPS on Linux', async () => {
    const { cups } = fakeCups({});
    const { call, printToPDF } = setup('linux', cups);
    expect(
      await call('kiosk:print-sheet', { kind: 'visit', paper: 'receipt-80', receiptLengthMm: 400 }),
    ).toEqual({
      ok: true,
      confirmed: true,
    });
    expect(printToPDF).toHaveBeenCalledWith(
      expect.objectContaining({
        pageSize: { width: 80 / 25.4, height: 400 / 25.4 },
        preferCSSPageSize: false,
      }),
    );
  });

  it('refuses a malformed request without printing', async () => {
    const { cups, calls } = fakeCups({});
    const { call, printToPDF } = setup('linux', cups);
    for (const bad of [
      null,
      { paper: 'a3' },
      { paper: 'a4', receiptLengthMm: 'long' },
      { paper: 'a4', extra: 1 },
    ]) {
      await expect(call('kiosk:print-sheet', bad)).rejects.toThrow('refused: malformed request');
    }
    await expect(call('kiosk:print-sheet')).rejects.toThrow('refused: malformed request');
    expect(printToPDF).not.toHaveBeenCalled();
    expect(calls).toEqual([]);
  });

  it("counts visitors' sheets, prints a test page only in staff mode and never counts it", async () => {
    const { cups } = fakeCups({});
    const { call, printToPDF, staff, count } = setup('linux', cups);
    await call('kiosk:print-sheet', { kind: 'visit', paper: 'a4' });
    expect(count).toHaveBeenCalledWith({ type: 'printed' });
    count.mockClear();
    printToPDF.mockClear();
    expect(await call('kiosk:print-sheet', { kind: 'test', paper: 'a4' })).toEqual({
      ok: false,
      problem: 'unsupported',
    });
    expect(printToPDF).not.toHaveBeenCalled();
    staff.active = true;
    expect(await call('kiosk:print-sheet', { kind: 'test', paper: 'a4' })).toMatchObject({
      ok: true,
    });
    expect(count).not.toHaveBeenCalled();
  });

  it('counts a failed visitor print', async () => {
    const { cups } = fakeCups({});
    const { call, printToPDF, count } = setup('linux', cups);
    printToPDF.mockRejectedValueOnce(new Error('renderer gone'));
    expect(await call('kiosk:print-sheet', { kind: 'visit', paper: 'a4' })).toMatchObject({
      ok: false,
    });
    expect(count).toHaveBeenCalledWith({ type: 'print-failed' });
  });

  it('prints silently on Windows, and does not claim the sheet came out', async () => {
    const { cups } = fakeCups({});
    const { call, print } = setup('win32', cups);
    expect(await call('kiosk:print-sheet', { kind: 'visit', paper: 'a4' })).toEqual({
      ok: true,
      confirmed: false,
    });
    expect(print).toHaveBeenCalledWith(
      expect.objectContaining({ silent: true, pageSize: { width: 210_000, height: 297_000 } }),
      expect.any(Function),
    );
    expect(await call('kiosk:check-printer')).toEqual({
      printer: null,
      ready: true,
      problem: null,
    });
  });
});
