import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../core/kiosk/settings';
import * as printIpc from '../../electron/main/ipc/print';
import { startMetrics, type Metrics } from '../../electron/main/metrics';
import { JobReaper } from '../../electron/main/print/job-reaper';
import { fakeCups } from '../electron/main/fakes';

vi.mock('electron', () => ({}));

/*
 * The kiosk's metrics file read by a real node_exporter, as IT's monitoring reads it: Debian's
 * prometheus-node-exporter on 127.0.0.1 at a free port, with only the textfile collector, pointed
 * at a temporary folder the kiosk's writer writes to. A print that fails (paper out) through
 * main's print IPC must show in the next scrape. `.ci/run` installs the package; the test starts
 * and stops its own node_exporter, so no daemon needs to run.
 */
const BINARY = ['prometheus-node-exporter', 'node_exporter'].find(
  (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0,
);
const why = BINARY
  ? null
  : 'node_exporter is not installed (Debian package `prometheus-node-exporter`; .ci/run installs it)';
if (why) console.log(`node_exporter integration test skipped: ${why}.`);

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** The samples of a scrape, by series. */
function parse(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const at = line.lastIndexOf(' ');
    out.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return out;
}

describe.skipIf(why !== null)('the metrics file through a real node_exporter', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-textfile-'));
  let exporter: ChildProcess;
  let url = '';
  let metrics: Metrics;
  let stderr = '';

  const scrape = async (): Promise<Map<string, number>> => {
    const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    expect(res.status).toBe(200);
    return parse(await res.text());
  };

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}/metrics`;
    metrics = startMetrics({
      policy: { file: join(dir, 'citizensec-kiosk.prom') },
      log: () => {},
      appVersion: '0.1.0',
      content: () => ({ version: 'bundled-3fa2c9d01b7e', checkedAsOf: '2026-11-01' }),
      today: () => ({ visits: 2, completed: 1 }),
      lastPrintSuccess: () => null,
    });
    metrics.health.printerChecked({ ready: true, problem: null });
    exporter = spawn(
      BINARY!,
      [
        `--web.listen-address=127.0.0.1:${port}`,
        '--collector.disable-defaults',
        '--collector.textfile',
        `--collector.textfile.directory=${dir}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    exporter.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const until = Date.now() + 15_000;
    for (;;) {
      try {
        if ((await fetch(url, { signal: AbortSignal.timeout(1_000) })).ok) break;
      } catch {
        // Not listening yet.
      }
      if (exporter.exitCode !== null || Date.now() > until)
        throw new Error(`node_exporter did not start: ${stderr.slice(-500)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 20_000);

  afterAll(() => {
    metrics?.stop();
    exporter?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the kiosk’s metrics, read without an error', async () => {
    const s = await scrape();
    expect(s.get('node_textfile_scrape_error')).toBe(0);
    expect(s.get('citizensec_kiosk_up')).toBe(1);
    expect(s.get('citizensec_kiosk_build_info{version="0.1.0"}')).toBe(1);
    expect(s.get('citizensec_kiosk_visits_today')).toBe(2);
    expect(s.get('citizensec_kiosk_printer_ready')).toBe(1);
    expect(s.get('citizensec_kiosk_print_failures_total')).toBe(0);
  });

  it('shows a print that failed for want of paper in the next scrape', async () => {
    const handlers = new Map<string, (e: IpcMainInvokeEvent, ...a: unknown[]) => unknown>();
    const ipc = { handle: (ch: string, fn: never) => handlers.set(ch, fn) } as unknown as IpcMain;
    const { cups } = fakeCups({ problems: ['paper-out'] });
    const page = 'app://kiosk/index.html';
    // Wired as electron/main/index.ts wires it.
    printIpc.register(ipc, {
      pageUrl: page,
      platform: 'linux',
      cups,
      reaper: new JobReaper(cups, () => {}),
      readSettings: () => DEFAULT_SETTINGS,
      log: () => {},
      staffActive: () => false,
      count: () => {},
      documentIds: () => [],
      recordOutcome: (outcome) => metrics.health.printOutcome(outcome),
    });
    const event = {
      senderFrame: { url: page, parent: null },
      sender: { printToPDF: async () => Buffer.from('%PDF') },
    } as unknown as IpcMainInvokeEvent;
    const outcome = await handlers.get('kiosk:print-sheet')!(event, { kind: 'visit', paper: 'a4' });
    expect(outcome).toEqual({ ok: false, problem: 'paper-out' });

    const s = await scrape();
    expect(s.get('node_textfile_scrape_error')).toBe(0);
    expect(s.get('citizensec_kiosk_print_failures_total')).toBe(1);
    expect(s.get('citizensec_kiosk_printer_ready')).toBe(0);
    expect(s.get('citizensec_kiosk_printer_problem{problem="paper-out"}')).toBe(1);
    expect(s.get('citizensec_kiosk_printer_problem{problem="paper-jam"}')).toBe(0);
  });
});
