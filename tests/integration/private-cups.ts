import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * A CUPS scheduler of the tests' own: its own configuration, spool and socket in a temporary
 * folder, the system's filters and backends plus `fault` (fault-backend.sh), which prints
 * slowly or fails on demand. The tests can stop, stall and restart it, and read its spool,
 * without touching the machine's own print system. cupsd runs its backends as the `lp` user, so
 * it must be started as root: `.ci/run` runs as root; elsewhere the tests say why they skip.
 */

const SYSTEM_SERVER_BIN = '/usr/lib/cups';

export function privateCupsUnavailable(): string | null {
  if (process.getuid?.() !== 0) return 'a private CUPS scheduler must be started as root';
  if (spawnSync('cupsd', ['-h'], { stdio: 'ignore' }).error)
    return 'cupsd is not installed (Debian: cups)';
  if (!existsSync(join(SYSTEM_SERVER_BIN, 'backend', 'socket')))
    return `CUPS backends are not in ${SYSTEM_SERVER_BIN}`;
  if (spawnSync('lpadmin', ['-h'], { stdio: 'ignore' }).error)
    return 'lpadmin is not installed (Debian: cups-client)';
  return null;
}

export interface PrivateCupsOptions {
  /** Whether CUPS keeps a job's document after the job ends: its default (a day), or not. */
  readonly preserveJobFiles?: 'default' | 'no';
  /** Who may cancel a job: its owner (CUPS's default policy), or nobody. */
  readonly cancel?: 'owner' | 'nobody';
}

export class PrivateCups {
  readonly dir: string;
  readonly socket: string;
  readonly outDir: string;
  readonly spoolDir: string;
  /** The environment that points `lp`, `lpadmin` and the kiosk's CUPS client here. */
  readonly env: NodeJS.ProcessEnv;
  private child: ChildProcess | null = null;

  private constructor(options: PrivateCupsOptions) {
    this.dir = mkdtempSync(join(tmpdir(), 'citizensec-cups-'));
    // cupsd drops to `lp` to run backends: it must be able to reach them.
    chmodSync(this.dir, 0o755);
    this.socket = join(this.dir, 'cups.sock');
    this.outDir = join(this.dir, 'printed');
    this.spoolDir = join(this.dir, 'spool');
    this.env = { ...process.env, CUPS_SERVER: this.socket };
    this.configure(options);
  }

  static async start(options: PrivateCupsOptions = {}): Promise<PrivateCups> {
    const cups = new PrivateCups(options);
    await cups.start();
    return cups;
  }

  private configure(options: PrivateCupsOptions): void {
    const etc = join(this.dir, 'etc');
    const bin = join(this.dir, 'lib');
    for (const d of [etc, bin, join(bin, 'backend'), this.outDir, this.spoolDir])
      mkdirSync(d, { recursive: true, mode: 0o755 });
    for (const d of ['cache', 'state', 'tmp']) mkdirSync(join(this.dir, d), { mode: 0o755 });
    chmodSync(this.outDir, 0o777);
    for (const d of ['filter', 'cgi-bin', 'daemon', 'notifier', 'driver', 'monitor']) {
      if (existsSync(join(SYSTEM_SERVER_BIN, d)))
        symlinkSync(join(SYSTEM_SERVER_BIN, d), join(bin, d));
    }
    for (const b of readdirSync(join(SYSTEM_SERVER_BIN, 'backend')))
      symlinkSync(join(SYSTEM_SERVER_BIN, 'backend', b), join(bin, 'backend', b));
    const fault = readFileSync(join(import.meta.dirname, 'fault-backend.sh'), 'utf8');
    writeFileSync(join(bin, 'backend', 'fault'), fault.replace('@OUT_DIR@', this.outDir), {
      mode: 0o755,
    });

    const d = this.dir;
    writeFileSync(
      join(etc, 'cups-files.conf'),
      [
        `ServerRoot ${etc}`,
        `RequestRoot ${this.spoolDir}`,
        `ServerBin ${bin}`,
        `CacheDir ${d}/cache`,
        `StateDir ${d}/state`,
        `TempDir ${d}/tmp`,
        `Printcap ${d}/printcap`,
        `ErrorLog ${d}/error_log`,
        `AccessLog ${d}/access_log`,
        `PageLog ${d}/page_log`,
        'SystemGroup root',
        '',
      ].join('\n'),
    );
    const cancel =
      options.cancel === 'nobody'
        ? ['    Require user no-such-user-may-cancel']
        : ['    Require user @OWNER @SYSTEM'];
    writeFileSync(
      join(etc, 'cupsd.conf'),
      [
        `Listen ${this.socket}`,
        'LogLevel debug',
        'Browsing No',
        'WebInterface No',
        ...(options.preserveJobFiles === 'no' ? ['PreserveJobFiles No'] : []),
        '<Location />',
        '  Order allow,deny',
        '  Allow all',
        '</Location>',
        '<Policy default>',
        '  JobPrivateAccess default',
        '  JobPrivateValues default',
        '  SubscriptionPrivateAccess default',
        '  SubscriptionPrivateValues default',
        '  <Limit Cancel-Job>',
        ...cancel,
        '    Order deny,allow',
        '  </Limit>',
        '  <Limit All>',
        '    Order deny,allow',
        '  </Limit>',
        '</Policy>',
        '',
      ].join('\n'),
    );
  }

  /** Starts the scheduler and waits until it answers. */
  async start(): Promise<void> {
    const etc = join(this.dir, 'etc');
    this.child = spawn(
      'cupsd',
      ['-f', '-c', join(etc, 'cupsd.conf'), '-s', join(etc, 'cups-files.conf')],
      { stdio: 'ignore' },
    );
    for (let i = 0; i < 80; i++) {
      if (this.answers()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the private cupsd did not start; see ${this.dir}/error_log`);
  }

  /** Whether the scheduler answers now. */
  answers(): boolean {
    const r = spawnSync('lpstat', ['-r'], { env: this.env, encoding: 'utf8', timeout: 3_000 });
    return r.stdout?.includes('scheduler is running') === true;
  }

  /** Stops the scheduler as `systemctl stop cups` does (SIGTERM), or kills it. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
    this.child = null;
  }

  /** Stalls the scheduler (SIGSTOP) until `resume`. */
  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  resume(): void {
    this.child?.kill('SIGCONT');
  }

  /** Adds an enabled raw queue printing to `deviceUri`. */
  addQueue(name: string, deviceUri: string): void {
    execFileSync('lpadmin', ['-p', name, '-E', '-v', deviceUri, '-m', 'raw'], {
      env: this.env,
      stdio: 'ignore',
    });
  }

  /** Submits a file as the kiosk's user would outside the kiosk (a job left from before). */
  submit(queue: string, file: string): number {
    const out = execFileSync('lp', ['-d', queue, '--', file], { env: this.env, encoding: 'utf8' });
    return Number(/request id is \S+-(\d+)/.exec(out)?.[1]);
  }

  /** Whether the fault backend printed this job. */
  printed(jobId: number): boolean {
    return existsSync(join(this.outDir, `job-${jobId}.prn`));
  }

  /** The documents CUPS holds in its spool (`d<job>-<n>` files), of one job or of all. */
  spooledDocuments(jobId?: number): string[] {
    const own = jobId === undefined ? /^d\d+-\d+$/ : new RegExp(`^d0*${jobId}-\\d+$`);
    return existsSync(this.spoolDir) ? readdirSync(this.spoolDir).filter((f) => own.test(f)) : [];
  }

  async close(): Promise<void> {
    this.resume();
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
