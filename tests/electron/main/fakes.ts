import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach } from 'vitest';
import { JOB_STATE, type Cups, type JobStatus } from '../../../electron/main/print/cups';
import type { PrintProblem } from '../../../core/kiosk/kiosk-api';

/*
 * Stand-ins for what main talks to, shared by the tests of main's modules: a data folder, the
 * IPC bus, and CUPS.
 */

/** A fresh folder for each test of the file, removed after it; `dir()` is the current one. */
export function useTempDir(prefix = 'kiosk-'): () => string {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}

/** The kiosk page as main sees it: the URL it was loaded from, and its main frame. */
export const PAGE = 'file:///opt/kiosk/resources/app.asar/out/renderer/index.html';
export const FRAME = { url: PAGE, parent: null };

/** An ipcMain double that keeps the handlers so a test can call them as the page would. */
export function fakeIpc() {
  const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
  const ipc = {
    handle: (ch: string, fn: never) => {
      if (handlers.has(ch)) throw new Error(`second handler for ${ch}`);
      handlers.set(ch, fn);
    },
  } as unknown as IpcMain;
  const invoke = (
    ch: string,
    frame: { url: string; parent: unknown } | null,
    ...args: unknown[]
  ): unknown => handlers.get(ch)!({ senderFrame: frame } as unknown as IpcMainInvokeEvent, ...args);
  return { ipc, invoke, handlers };
}

/** A CUPS double: a printer whose problem and jobs' states a test scripts step by step. */
export function fakeCups(script: {
  problems?: (PrintProblem | null)[];
  jobs?: (Omit<JobStatus, 'preserved'> & { preserved?: boolean })[];
  submitError?: Error;
  /** Each job status call throws this instead (CUPS gone mid-job). */
  statusError?: Error;
}) {
  const problems = [...(script.problems ?? [null])];
  const jobs = (script.jobs ?? [{ state: JOB_STATE.completed, reasons: [] }]).map((j) => ({
    preserved: false,
    ...j,
  }));
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
    jobStatus: async () => {
      if (script.statusError) throw script.statusError;
      return jobs.length > 1 ? jobs.shift()! : jobs[0]!;
    },
    cancelJob: async (id) => {
      calls.push(`cancel ${id}`);
    },
    purgeJob: async (id) => {
      calls.push(`purge ${id}`);
      return 'purged';
    },
    ownJobs: async () => {
      calls.push('own jobs');
      return [42];
    },
  };
  return { cups, calls };
}
