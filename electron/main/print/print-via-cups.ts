import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  PaperSize,
  PrinterReadiness,
  PrintOutcome,
  PrintProblem,
} from '../../../core/kiosk/kiosk-api';
import { CupsUnavailableError, JOB_STATE, type Cups } from './cups';
import type { JobReaper } from './job-reaper';
import { cupsMedia, type PageSizeMm } from './paper';

/** Rendering one sheet to PDF takes well under a second; more means the renderer is stuck. */
export const RENDER_TIMEOUT_MS = 15_000;
/** From submission to "completed": a receipt printer takes seconds, a busy office laser longer. */
export const JOB_TIMEOUT_MS = 90_000;
/** How often to ask CUPS about the job. */
export const JOB_POLL_MS = 500;

/** The title CUPS shows in its queue: nothing about the visitor. */
export const JOB_TITLE = 'CitizenSec action sheet';

export interface CupsPrintDeps {
  readonly cups: Cups;
  /** Removes every job the kiosk is done with or lost track of; prints run through it. */
  readonly reaper: JobReaper;
  readonly printerName: string;
  readonly log: (message: string) => void;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  readonly jobTimeoutMs?: number;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** The printer to use (the configured one, else the system default) and whether it is ready. */
export async function checkCupsPrinter(
  cups: Cups,
  printerName: string,
  log: (m: string) => void,
  /** A job of the kiosk's is on the printer now. */
  printing = false,
): Promise<PrinterReadiness> {
  try {
    const printer = printerName || (await cups.defaultPrinter());
    if (!printer) return { printer: null, ready: false, problem: 'no-printer' };
    const status = await cups.printerStatus(printer, printing);
    return { printer, ready: status.problem === null, problem: status.problem };
  } catch (err) {
    log(`print: cannot check the printer: ${(err as Error).message}`);
    return { printer: printerName || null, ready: false, problem: 'print-service-down' };
  }
}

/**
 * Prints through CUPS and follows the job to its end: checks the printer first, renders the
 * sheet to PDF at an explicit page size, hands the file to `lp`, deletes it at once (the
 * scheduler has its own copy), then asks CUPS until the job completes, fails or times out.
 * However it ends, the job is then removed from CUPS with its document, so that nothing of the
 * visitor's is kept or can come out later in front of someone else; a job lost track of (CUPS
 * stopped answering) is removed as soon as CUPS answers again.
 */
export function printViaCups(
  deps: CupsPrintDeps,
  paper: PaperSize,
  size: PageSizeMm,
  renderPdf: () => Promise<Uint8Array>,
): Promise<PrintOutcome> {
  return deps.reaper.run(() => printAndFollow(deps, paper, size, renderPdf));
}

async function printAndFollow(
  deps: CupsPrintDeps,
  paper: PaperSize,
  size: PageSizeMm,
  renderPdf: () => Promise<Uint8Array>,
): Promise<PrintOutcome> {
  const { cups, log, reaper } = deps;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = deps.now ?? Date.now;

  const readiness = await checkCupsPrinter(cups, deps.printerName, log);
  if (!readiness.ready || !readiness.printer)
    return { ok: false, problem: readiness.problem ?? 'no-printer' };
  const printer = readiness.printer;

  let pdf: Uint8Array;
  try {
    pdf = await withTimeout(renderPdf(), RENDER_TIMEOUT_MS, 'rendering the sheet');
  } catch (err) {
    log(`print: rendering failed: ${(err as Error).message}`);
    return { ok: false, problem: 'render-failed' };
  }

  let jobId: number;
  const dir = await mkdtemp(join(tmpdir(), 'citizensec-sheet-'));
  try {
    const file = join(dir, 'sheet.pdf');
    await writeFile(file, pdf, { mode: 0o600 });
    jobId = await cups.submit(printer, file, { media: cupsMedia(paper, size), title: JOB_TITLE });
  } catch (err) {
    log(`print: submitting to ${printer} failed: ${(err as Error).message}`);
    // `lp` may have got the job to the scheduler before it failed or was stopped.
    reaper.lost();
    const status = await checkCupsPrinter(cups, printer, log);
    return { ok: false, problem: status.problem ?? 'job-failed' };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  log(`print: job ${jobId} submitted to ${printer}`);

  const deadline = now() + (deps.jobTimeoutMs ?? JOB_TIMEOUT_MS);
  const giveUp = async (why: string, problem: PrintProblem): Promise<PrintOutcome> => {
    log(`print: giving up on job ${jobId}: ${why}`);
    await reaper.end(jobId);
    return { ok: false, problem };
  };
  while (now() < deadline) {
    let job;
    try {
      job = await cups.jobStatus(jobId);
    } catch (err) {
      log(`print: lost track of job ${jobId}: ${(err as Error).message}`);
      reaper.lost();
      return {
        ok: false,
        problem: err instanceof CupsUnavailableError ? 'print-service-down' : 'job-failed',
      };
    }
    switch (job.state) {
      case JOB_STATE.completed:
        log(`print: job ${jobId} completed`);
        await reaper.end(jobId);
        return { ok: true, confirmed: true };
      case JOB_STATE.canceled:
      case JOB_STATE.aborted: {
        const status = await checkCupsPrinter(cups, printer, log, true);
        return giveUp(
          `ended in state ${job.state} (${job.reasons.join(', ')})`,
          status.problem ?? 'job-failed',
        );
      }
      case JOB_STATE.stopped:
      case JOB_STATE.held: {
        // A stopped or held job waits for someone to act (a filter failed, the queue holds it):
        // for a visitor at the kiosk that is a failure, and the job must not print later.
        const status = await checkCupsPrinter(cups, printer, log, true);
        return giveUp(
          `job ${job.state === JOB_STATE.held ? 'held' : 'stopped'} (${job.reasons.join(', ')})`,
          status.problem ?? 'job-failed',
        );
      }
      default: {
        // Pending or processing: while the printer itself is fine, keep waiting.
        const status = await checkCupsPrinter(cups, printer, log, true);
        if (status.problem === 'print-service-down') {
          reaper.lost();
          return { ok: false, problem: 'print-service-down' };
        }
        if (status.problem) return giveUp(`printer problem ${status.problem}`, status.problem);
      }
    }
    await sleep(JOB_POLL_MS);
  }
  return giveUp('timed out', 'timeout');
}
