import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import type { PrinterInfo, PrintProblem } from '../../../core/kiosk/kiosk-api';
import { DeviceReach } from './device-reach';
import {
  cupsEndpoints,
  encodeRequest,
  IPP_OPERATIONS,
  IPP_STATUS_NOT_FOUND,
  IppHttpError,
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
  /** Whether CUPS still keeps the job's document (so it could be printed again). */
  readonly preserved: boolean;
}

/**
 * What became of a request to remove a job: removed with its document, already gone, or refused
 * (the scheduler's policy does not let the kiosk's user do it).
 */
export type PurgeResult = 'purged' | 'gone' | 'refused';

/** What the print flow needs of CUPS; an interface so that it can be tested without one. */
export interface Cups {
  defaultPrinter(): Promise<string | null>;
  listPrinters(): Promise<PrinterInfo[]>;
  /** `printing`: a job of the kiosk's is on this printer now (see DeviceReach). */
  printerStatus(name: string, printing?: boolean): Promise<PrinterStatus>;
  submit(name: string, file: string, options: { media: string; title: string }): Promise<number>;
  jobStatus(jobId: number): Promise<JobStatus>;
  cancelJob(jobId: number): Promise<void>;
  /** Cancels the job if it has not ended, and removes it and its document from CUPS. */
  purgeJob(jobId: number): Promise<PurgeResult>;
  /** The ids of every job of the kiosk's own user that CUPS still holds, ended or not. */
  ownJobs(): Promise<number[]>;
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

function run(
  cmd: string,
  args: readonly string[],
  timeoutMs: number,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs, encoding: 'utf8', env }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} failed: ${(stderr || err.message).trim()}`));
      else resolve(stdout);
    });
  });
}

const IPP_STATUS_ERROR = 0x0400;

/**
 * The CUPS client: IPP for state, `lp` to submit files as administrators would. A printer whose
 * queue looks fine but whose network device does not answer is reported offline (`reach`).
 */
export function createCups(
  env: NodeJS.ProcessEnv = process.env,
  reach: DeviceReach = new DeviceReach(),
): Cups {
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
        // An HTTP error is an answer: the scheduler is there but will not do this.
        if (err instanceof IppHttpError) {
          working = ep;
          throw err;
        }
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
    'device-uri',
  ];

  /** The queue's own problem, else whether its network device answers. */
  async function problemWithDevice(
    attrs: IppAttributes,
    printing = false,
  ): Promise<PrintProblem | null> {
    const problem = problemOf(attrs);
    if (problem) return problem;
    const uri = attrs['device-uri']?.[0];
    return typeof uri === 'string' && !(await reach.reachable(uri, printing))
      ? 'printer-offline'
      : null;
  }

  const jobUri = (jobId: number) => ({
    tag: 'uri' as const,
    name: 'job-uri',
    values: [`ipp://localhost/jobs/${jobId}`],
  });

  async function cancel(jobId: number, purge: boolean) {
    try {
      return await ask('/', IPP_OPERATIONS.cancelJob, [
        jobUri(jobId),
        ...(purge ? [{ tag: 'boolean' as const, name: 'purge-job', values: [true] }] : []),
      ]);
    } catch (err) {
      if (err instanceof IppHttpError) return { status: 0x0401 };
      throw err;
    }
  }

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
      return Promise.all(
        res.printers.map(async (p) => {
          const name = String(p['printer-name']?.[0] ?? '');
          return { name, isDefault: name === def, problem: await problemWithDevice(p) };
        }),
      );
    },
    async printerStatus(name, printing = false) {
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
      return { exists: true, problem: await problemWithDevice(res.printers[0], printing) };
    },
    async submit(name, file, { media, title }) {
      const out = await run(
        'lp',
        ['-d', name, '-t', title, '-o', `media=${media}`, '--', file],
        LP_TIMEOUT_MS,
        env,
      );
      const match = /request id is \S+-(\d+)/.exec(out);
      if (!match) throw new Error(`lp did not report a job id: ${out.trim()}`);
      return Number(match[1]);
    },
    async jobStatus(jobId) {
      const res = await ask('/', IPP_OPERATIONS.getJobAttributes, [
        jobUri(jobId),
        {
          tag: 'keyword',
          name: 'requested-attributes',
          values: ['job-state', 'job-state-reasons', 'job-preserved'],
        },
      ]);
      const job = res.jobs[0];
      if (!job)
        throw new Error(`CUPS has no job ${jobId} (IPP status 0x${res.status.toString(16)})`);
      return {
        state: Number(job['job-state']?.[0] ?? 0),
        reasons: (job['job-state-reasons'] ?? []).map(String),
        preserved: job['job-preserved']?.[0] === true,
      };
    },
    async cancelJob(jobId) {
      const res = await cancel(jobId, false);
      if (res.status >= IPP_STATUS_ERROR)
        throw new Error(
          `CUPS refused to cancel job ${jobId} (IPP status 0x${res.status.toString(16)})`,
        );
    },
    async purgeJob(jobId) {
      const res = await cancel(jobId, true);
      if (res.status < IPP_STATUS_ERROR) return 'purged';
      return res.status === IPP_STATUS_NOT_FOUND ? 'gone' : 'refused';
    },
    async ownJobs() {
      const res = await ask('/', IPP_OPERATIONS.getJobs, [
        { tag: 'uri', name: 'printer-uri', values: ['ipp://localhost/'] },
        { tag: 'keyword', name: 'which-jobs', values: ['all'] },
        { tag: 'boolean', name: 'my-jobs', values: [true] },
        { tag: 'keyword', name: 'requested-attributes', values: ['job-id'] },
      ]);
      if (res.status >= IPP_STATUS_ERROR && res.status !== IPP_STATUS_NOT_FOUND)
        throw new Error(`CUPS refused to list jobs (IPP status 0x${res.status.toString(16)})`);
      return res.jobs.map((j) => Number(j['job-id']?.[0])).filter((id) => id > 0);
    },
  };
}
