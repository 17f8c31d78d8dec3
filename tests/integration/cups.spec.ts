import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCups } from '../../electron/main/print/cups';
import { JobReaper } from '../../electron/main/print/job-reaper';
import { A4 } from '../../electron/main/print/paper';
import { checkCupsPrinter, printViaCups } from '../../electron/main/print/print-via-cups';
import { tinyPdf } from './tiny-pdf';

/*
 * Printing against a real CUPS scheduler with a cups-pdf queue that writes PDFs. `.ci/run`
 * installs and starts both; elsewhere these tests are skipped with the reason, because they
 * create and remove print queues, which needs a running cupsd and administrator rights.
 */
const QUEUE = 'citizensec-test-pdf';
const STOPPED = 'citizensec-test-stopped';
const MISSING = 'citizensec-test-missing';
const PPD = 'lsb/usr/cups-pdf/CUPS-PDF_opt.ppd';

function unavailable(): string | null {
  if (
    spawnSync('lpstat', ['-r'], { encoding: 'utf8' }).stdout?.includes('scheduler is running') !==
    true
  )
    return 'no CUPS scheduler is running (.ci/run starts one)';
  const models = spawnSync('lpinfo', ['-m'], { encoding: 'utf8' }).stdout ?? '';
  if (!models.includes(PPD))
    return 'the cups-pdf driver is not installed (Debian: printer-driver-cups-pdf)';
  return null;
}

const why = unavailable();
if (why) console.log(`CUPS integration tests skipped: ${why}.`);
const log: string[] = [];
const logger = (m: string) => log.push(m);

/** cups-pdf writes to the submitting user's ~/PDF (or a spool folder for anonymous jobs). */
function outputOf(jobId: number): string | undefined {
  const dirs = [join(homedir(), 'PDF'), '/root/PDF', '/var/spool/cups-pdf/ANONYMOUS'];
  for (const d of dirs) {
    if (!existsSync(d)) continue;
    const hit = readdirSync(d).find((f) => f.endsWith(`job_${jobId}.pdf`));
    if (hit) return join(d, hit);
  }
  return undefined;
}

function sheetFilesLeft(): string[] {
  return readdirSync(tmpdir()).filter((f) => f.startsWith('citizensec-sheet-'));
}

describe.skipIf(why !== null)('printing through a real CUPS', () => {
  const cups = createCups();
  const reaper = new JobReaper(cups, logger);

  beforeAll(() => {
    for (const q of [QUEUE, STOPPED]) {
      execFileSync('lpadmin', ['-p', q, '-E', '-v', 'cups-pdf:/', '-m', PPD], { stdio: 'ignore' });
    }
    execFileSync('cupsdisable', [STOPPED]);
    spawnSync('lpadmin', ['-x', MISSING], { stdio: 'ignore' });
  });

  afterAll(() => {
    for (const q of [QUEUE, STOPPED]) spawnSync('lpadmin', ['-x', q], { stdio: 'ignore' });
  });

  it('prints a sheet: the job completes and the PDF comes out of the queue', async () => {
    const before = sheetFilesLeft();
    const outcome = await printViaCups(
      { cups, reaper, printerName: QUEUE, log: logger },
      'a4',
      A4,
      async () => tinyPdf('CitizenSec CUPS integration sheet'),
    );
    expect(outcome).toEqual({ ok: true, confirmed: true });
    const jobId = Number(/job (\d+) completed/.exec(log.join('\n'))?.[1]);
    let out: string | undefined;
    for (let i = 0; i < 40 && !out; i++) {
      out = outputOf(jobId);
      if (!out) await new Promise((r) => setTimeout(r, 250));
    }
    expect(out, `cups-pdf output for job ${jobId}`).toBeDefined();
    expect(statSync(out!).size).toBeGreaterThan(500);
    const text = execFileSync('pdftotext', ['-q', out!, '-'], { encoding: 'utf8' });
    expect(text).toContain('CitizenSec CUPS integration sheet');
    rmSync(out!);
    // The kiosk's own copy of the sheet is gone.
    expect(sheetFilesLeft()).toEqual(before);
  });

  it('reports a disabled queue as stopped, before sending anything', async () => {
    expect(await checkCupsPrinter(cups, STOPPED, logger)).toEqual({
      printer: STOPPED,
      ready: false,
      problem: 'printer-stopped',
    });
    let rendered = false;
    const outcome = await printViaCups(
      { cups, reaper, printerName: STOPPED, log: logger },
      'a4',
      A4,
      async () => {
        rendered = true;
        return tinyPdf('never printed');
      },
    );
    expect(outcome).toEqual({ ok: false, problem: 'printer-stopped' });
    expect(rendered).toBe(false);
  });

  it('reports a queue that does not exist', async () => {
    expect(
      await printViaCups({ cups, reaper, printerName: MISSING, log: logger }, 'a4', A4, async () =>
        tinyPdf('x'),
      ),
    ).toEqual({
      ok: false,
      problem: 'no-printer',
    });
  });

  it('reports a job that fails in the queue, and removes it so it never prints later', async () => {
    const outcome = await printViaCups(
      { cups, reaper, printerName: QUEUE, log: logger },
      'a4',
      A4,
      async () => Buffer.from('%PDF-1.4\nnot really a PDF\n%%EOF\n'),
    );
    expect(outcome).toEqual({ ok: false, problem: 'job-failed' });
    const jobId = Number(
      /job (\d+) submitted/.exec(log.filter((l) => l.includes('submitted')).at(-1)!)?.[1],
    );
    // Gone from CUPS, document and all: it can never be pending again.
    await expect(cups.jobStatus(jobId)).rejects.toThrow(/no job/);
    expect(sheetFilesLeft()).toEqual([]);
  });

  it('lists the queues with their state', async () => {
    const printers = await cups.listPrinters();
    expect(printers).toContainEqual({ name: QUEUE, isDefault: expect.any(Boolean), problem: null });
    expect(printers).toContainEqual({
      name: STOPPED,
      isDefault: expect.any(Boolean),
      problem: 'printer-stopped',
    });
  });
});

describe('printing when CUPS is not running', () => {
  it('says the print service is down, without throwing', async () => {
    const cups = createCups({ CUPS_SERVER: join(tmpdir(), 'no-such-cups.sock') });
    const reaper = new JobReaper(cups, logger);
    expect(await checkCupsPrinter(cups, 'any', logger)).toEqual({
      printer: 'any',
      ready: false,
      problem: 'print-service-down',
    });
    expect(
      await printViaCups({ cups, reaper, printerName: '', log: logger }, 'a4', A4, async () =>
        tinyPdf('x'),
      ),
    ).toEqual({
      ok: false,
      problem: 'print-service-down',
    });
  });
});
