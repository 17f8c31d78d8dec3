import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { type Cups } from '../../../../electron/main/print/cups';
import { JobReaper } from '../../../../electron/main/print/job-reaper';
import * as printIpc from '../../../../electron/main/ipc/print';
import { DEFAULT_SETTINGS } from '../../../../core/kiosk/settings';
import { fakeCups } from '../fakes';

vi.mock('electron', () => ({}));

describe('print IPC', () => {
  const PAGE = 'file:///app/out/renderer/index.html';
  function setup(
    platform: NodeJS.Platform,
    cups: Cups,
    extra: Partial<printIpc.PrintIpcDeps> = {},
  ) {
    const staff = { active: false };
    const count = vi.fn();
    const recordOutcome = vi.fn();
    const handlers = new Map<string, (e: IpcMainInvokeEvent, ...a: unknown[]) => unknown>();
    const ipc = { handle: (ch: string, fn: never) => handlers.set(ch, fn) } as unknown as IpcMain;
    const printToPDF = vi.fn(async () => Buffer.from('%PDF'));
    const print = vi.fn((_o: unknown, cb: (ok: boolean, reason: string) => void) => cb(true, ''));
    printIpc.register(ipc, {
      pageUrl: PAGE,
      platform,
      cups,
      reaper: new JobReaper(cups, () => {}),
      readSettings: () => DEFAULT_SETTINGS,
      log: () => {},
      staffActive: () => staff.active,
      count,
      documentIds: () => ['police-application'],
      recordOutcome,
      ...extra,
    });
    const event = {
      senderFrame: { url: PAGE, parent: null },
      sender: { printToPDF, print, getPrintersAsync: async () => [{ name: 'Epson' }] },
    } as unknown as IpcMainInvokeEvent;
    const call = async (ch: string, ...args: unknown[]) => handlers.get(ch)!(event, ...args);
    return { call, printToPDF, print, staff, count, recordOutcome };
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
      { kind: 'document', paper: 'a4' },
      { kind: 'visit', document: 'police-application', paper: 'a4' },
      { kind: 'document', document: '../../etc', paper: 'a4' },
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

  it('prints the readiness report and the staff card only in staff mode, never counted', async () => {
    const { cups } = fakeCups({});
    const { call, printToPDF, staff, count } = setup('linux', cups);
    for (const kind of ['readiness', 'staff-card']) {
      expect(await call('kiosk:print-sheet', { kind, paper: 'receipt-80' })).toEqual({
        ok: false,
        problem: 'unsupported',
      });
    }
    expect(printToPDF).not.toHaveBeenCalled();
    staff.active = true;
    for (const kind of ['readiness', 'staff-card'])
      expect(await call('kiosk:print-sheet', { kind, paper: 'a4' })).toMatchObject({ ok: true });
    expect(printToPDF).toHaveBeenCalledTimes(2);
    expect(count).not.toHaveBeenCalled();
  });

  it('records every print’s outcome for Check this kiosk, staff prints included', async () => {
    const { cups } = fakeCups({ problems: ['paper-out'] });
    const { call, staff, recordOutcome } = setup('linux', cups);
    staff.active = true;
    await call('kiosk:print-sheet', { kind: 'readiness', paper: 'a4' });
    expect(recordOutcome).toHaveBeenCalledWith({ ok: false, problem: 'paper-out' });
  });

  it('prints a known document on A4 and counts it by type; refuses others', async () => {
    const { cups } = fakeCups({});
    const { call, printToPDF, count } = setup('linux', cups);
    expect(
      await call('kiosk:print-sheet', {
        kind: 'document',
        document: 'police-application',
        paper: 'a4',
      }),
    ).toEqual({ ok: true, confirmed: true });
    expect(printToPDF).toHaveBeenCalledWith(
      expect.objectContaining({ pageSize: { width: 210 / 25.4, height: 297 / 25.4 } }),
    );
    expect(count).toHaveBeenCalledWith({
      type: 'document-printed',
      document: 'police-application',
    });
    count.mockClear();
    printToPDF.mockClear();
    for (const bad of [
      { kind: 'document', document: 'made-up', paper: 'a4' },
      { kind: 'document', document: 'police-application', paper: 'receipt-80' },
    ])
      expect(await call('kiosk:print-sheet', bad)).toEqual({ ok: false, problem: 'unsupported' });
    expect(printToPDF).not.toHaveBeenCalled();
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

  it('tells the health metrics what each readiness check found, on Linux and Windows', async () => {
    const onReadiness = vi.fn();
    const { cups } = fakeCups({ problems: ['paper-out'] });
    const { call } = setup('linux', cups, { onReadiness });
    const found = await call('kiosk:check-printer');
    expect(found).toMatchObject({ ready: false, problem: 'paper-out' });
    expect(onReadiness).toHaveBeenCalledWith(found);
    const win = setup('win32', fakeCups({}).cups, { onReadiness });
    expect(await win.call('kiosk:check-printer')).toMatchObject({ ready: true });
    expect(onReadiness).toHaveBeenLastCalledWith(expect.objectContaining({ ready: true }));
  });
});
