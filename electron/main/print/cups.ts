import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import type { PrinterInfo, PrintProblem } from '../../../core/kiosk/kiosk-api';
import {
  cupsEndpoints,
  encodeRequest,
  IPP_OPERATIONS,
  IPP_STATUS_NOT_FOUND,
  ippRequest,
  type CupsEndpoint,
  type IppAttributes,
  type IppResponse,
} from './ipp';

/** One IPP answer from CUPS; a scheduler that does not answer in this time is treated as down. */
export const CUPS_REQUEST_TIMEOUT_MS = 5_000;
/** `lp` only hands the file to the scheduler, which takes well under a second when healthy. */
export const LP_TIMEOUT_MS = 15_000;

/** IPP job-state values (RFC 8011 §5.3.7). */
export const JOB_STATE = {
  pending: 3,
  held: 4,
  processing: 5,
  stopped: 6,
  canceled: 7,
  aborted: 8,
  completed: 9,
} as const;

const PRINTER_STATE_STOPPED = 5;

export interface PrinterStatus {
  readonly exists: boolean;
  readonly problem: PrintProblem | null;
}

export interface JobStatus {
  readonly state: number;
  readonly reasons: readonly string[];
}

/** What the print flow needs of CUPS; an interface so that it can be tested without one. */
export interface Cups {
  defaultPrinter(): Promise<string | null>;
  listPrinters(): Promise<PrinterInfo[]>;
  printerStatus(name: string): Promise<PrinterStatus>;
  submit(name: string, file: string, options: { media: string; title: string }): Promise<number>;
  jobStatus(jobId: number): Promise<JobStatus>;
  cancelJob(jobId: number): Promise<void>;
}

/** Raised when the CUPS scheduler cannot be reached at all. */
export class CupsUnavailableError extends Error {}

/**
 * A printer's state and reasons as a problem the visitor's screen and staff can act on, or null
 * when it can take a job. Only `-error` reasons and a few reports block printing; `-warning`
 * reasons (toner low) do not.
 */
export function problemOf(attrs: IppAttributes): PrintProblem | null {
  const state = attrs['printer-state']?.[0];
  const accepting = attrs['printer-is-accepting-jobs']?.[0];
  const reasons = (attrs['printer-state-reasons'] ?? []).map(String);
  const has = (...prefixes: string[]) =>
    reasons.some((r) => prefixes.some((p) => r === p || r.startsWith(`${p}-`)));
  if (has('media-empty', 'media-needed')) return 'paper-out';
  if (has('media-jam')) return 'paper-jam';
  if (has('offline', 'connecting-to-device', 'shutdown', 'timed-out')) return 'printer-offline';
  if (state === PRINTER_STATE_STOPPED || has('paused') || accepting === false)
    return 'printer-stopped';
  if (reasons.some((r) => r.endsWith('-error'))) return 'printer-needs-attention';
  return null;
}

function run(cmd: string, args: readonly string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} failed: ${(stderr || err.message).trim()}`));
      else resolve(stdout);
    });
  });
}

/** The CUPS client: IPP for state, `lp` to submit files as administrators would. */
export function createCups(env: NodeJS.ProcessEnv = process.env): Cups {
  const endpoints = cupsEndpoints(env);
  let working: CupsEndpoint | undefined;
  let requestId = 1;
  // CUPS lets a user cancel their own jobs: ask as the user `lp` submits as.
  const user = userInfo().username;

  async function ask(path: string, op: number, attrs: Parameters<typeof encodeRequest>[2]) {
    const body = encodeRequest(op, requestId++, [
      { tag: 'name', name: 'requesting-user-name', values: [user] },
      ...attrs,
    ]);
    const tried: string[] = [];
    for (const ep of working ? [working] : endpoints) {
      try {
        const res = await ippRequest(ep, path, body, CUPS_REQUEST_TIMEOUT_MS);
        working = ep;
        return res;
      } catch (err) {
        tried.push(`${ep.socketPath ?? `${ep.host}:${ep.port}`}: ${(err as Error).message}`);
      }
    }
    working = undefined;
    throw new CupsUnavailableError(`CUPS is not reachable (${tried.join('; ')})`);
  }

  const printerUri = (name: string) => `ipp://localhost/printers/${encodeURIComponent(name)}`;
  const printerAttrs = [
    'printer-name',
    'printer-state',
    'printer-state-reasons',
    'printer-is-accepting-jobs',
  ];

  async function defaultPrinter(): Promise<string | null> {
    const res: IppResponse = await ask('/', IPP_OPERATIONS.cupsGetDefault, [
      { tag: 'keyword', name: 'requested-attributes', values: ['printer-name'] },
    ]);
    const name = res.printers[0]?.['printer-name']?.[0];
    return typeof name === 'string' ? name : null;
  }

  return {
    defaultPrinter,
    async listPrinters() {
      const [res, def] = await Promise.all([
        ask('/', IPP_OPERATIONS.cupsGetPrinters, [
          { tag: 'keyword', name: 'requested-attributes', values: printerAttrs },
        ]),
        defaultPrinter(),
      ]);
      return res.printers.map((p) => {
        const name = String(p['printer-name']?.[0] ?? '');
        return { name, isDefault: name === def, problem: problemOf(p) };
      });
    },
    async printerStatus(name) {
      const res = await ask(
        `/printers/${encodeURIComponent(name)}`,
        IPP_OPERATIONS.getPrinterAttributes,
        [
          { tag: 'uri', name: 'printer-uri', values: [printerUri(name)] },
          { tag: 'keyword', name: 'requested-attributes', values: printerAttrs },
        ],
      );
      if (res.status === IPP_STATUS_NOT_FOUND || !res.printers[0])
        return { exists: false, problem: 'no-printer' };
      return { exists: true, problem: problemOf(res.printers[0]) };
    },
    async submit(name, file, { media, title }) {
      const out = await run(
        'lp',
        ['-d', name, '-t', title, '-o', `media=${media}`, '--', file],
        LP_TIMEOUT_MS,
      );
      const match = /request id is \S+-(\d+)/.exec(out);
      if (!match) throw new Error(`lp did not report a job id: ${out.trim()}`);
      return Number(match[1]);
    },
    async jobStatus(jobId) {
      const res = await ask('/', IPP_OPERATIONS.getJobAttributes, [
        { tag: 'uri', name: 'job-uri', values: [`ipp://localhost/jobs/${jobId}`] },
        {
          tag: 'keyword',
          name: 'requested-attributes',
          values: ['job-state', 'job-state-reasons'],
        },
      ]);
      const job = res.jobs[0];
      if (!job)
        throw new Error(`CUPS has no job ${jobId} (IPP status 0x${res.status.toString(16)})`);
      return {
        state: Number(job['job-state']?.[0] ?? 0),
        reasons: (job['job-state-reasons'] ?? []).map(String),
      };
    },
    async cancelJob(jobId) {
      const res = await ask('/', IPP_OPERATIONS.cancelJob, [
        { tag: 'uri', name: 'job-uri', values: [`ipp://localhost/jobs/${jobId}`] },
      ]);
      if (res.status >= 0x0400)
        throw new Error(
          `CUPS refused to cancel job ${jobId} (IPP status 0x${res.status.toString(16)})`,
        );
    },
  };
}
