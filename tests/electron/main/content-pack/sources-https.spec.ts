import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkPack } from '../../../../core/content/pack';
import { ContentPackManager } from '../../../../electron/main/content-pack/manager';
import { readUrlSource } from '../../../../electron/main/content-pack/sources';
import { BUNDLED_CHECKED_AS_OF, KEY, pack } from '../../../core/content/pack-fixture';
import { useTempDir } from '../fakes';

vi.mock('electron', () => ({}));

/*
 * The URL source over HTTPS, as IT runs it: a server whose certificate a private CA signed. A
 * kiosk that trusts the CA (Electron's net.fetch uses the system's store; here Node's fetch with
 * NODE_EXTRA_CA_CERTS, in a child process because Node reads it only at start) downloads the
 * pack; one that does not refuses the connection and says why, and keeps its content.
 */

const ROOT = resolve(import.meta.dirname, '../../../..');
const dir = useTempDir('packs-https-data-');
/** The certificates and the child's script, for the whole file. */
let certDir = '';
let tls: { dir: string; ca: string; key: string; cert: string };

function makeCertificates(): void {
  const d = (certDir = mkdtempSync(join(tmpdir(), 'packs-https-')));
  const openssl = (args: string) =>
    execFileSync('openssl', args.split(' '), { cwd: d, stdio: 'pipe' });
  // A CA of the branch's IT, and the pack server's certificate for 127.0.0.1 signed by it.
  openssl(
    'req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=Branch-IT-CA -keyout ca.key -out ca.pem ' +
      '-addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign',
  );
  openssl('req -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -keyout server.key -out server.csr');
  writeFileSync(join(d, 'san.cnf'), 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  openssl(
    'x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 ' +
      '-extfile san.cnf -out server.pem',
  );
  tls = {
    dir: d,
    ca: join(d, 'ca.pem'),
    key: readFileSync(join(d, 'server.key'), 'utf8'),
    cert: readFileSync(join(d, 'server.pem'), 'utf8'),
  };
}

describe('readUrlSource over HTTPS', () => {
  let server: Server;
  let url = '';
  const served = pack(5, { date: '2026-11-20' });

  beforeAll(async () => {
    makeCertificates();
    server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
      if (req.url === '/citizensec-content-5.pack') res.end(served);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/citizensec-content-5.pack`;
  });
  afterAll(() => {
    server?.closeAllConnections();
    server?.close();
    if (certDir) rmSync(certDir, { recursive: true, force: true });
  });

  it('downloads a pack from a server whose CA the kiosk trusts, and the pack checks', async () => {
    const script = join(tls.dir, 'fetch.mts');
    writeFileSync(
      script,
      `import { readUrlSource } from ${JSON.stringify(join(ROOT, 'electron/main/content-pack/sources.ts'))};
const r = await readUrlSource(process.argv[2], { fetcher: (u, i) => fetch(u, i), timeoutMs: 20000 });
process.stdout.write(JSON.stringify(r));`,
    );
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', script, url],
      { cwd: ROOT, env: { ...process.env, NODE_EXTRA_CA_CERTS: tls.ca }, maxBuffer: 64 << 20 },
    );
    const result = JSON.parse(stdout) as Awaited<ReturnType<typeof readUrlSource>>;
    if (!result.ok) throw new Error(result.reason);
    expect(result.packs).toHaveLength(1);
    expect(result.packs[0]!.name).toBe('citizensec-content-5.pack');
    const checked = await checkPack(result.packs[0]!.text, {
      trustedKeys: [KEY.publicKey],
      activeVersion: 0,
      bundledCheckedAsOf: BUNDLED_CHECKED_AS_OF,
      appVersion: '0.1.0',
    });
    expect(checked.ok).toBe(true);
  }, 30_000);

  it('refuses a certificate the kiosk does not trust, and says so', async () => {
    const result = await readUrlSource(url, { fetcher: (u, i) => fetch(u, i), timeoutMs: 10_000 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toContain(url);
    expect(result.reason).toMatch(/certificate|CERT/i);
  });

  it('keeps the content in use, and shows why, when the server is not trusted', async () => {
    const logged: string[] = [];
    const manager = new ContentPackManager({
      dataDir: join(dir(), 'data'),
      trustedKeys: [KEY.publicKey],
      bundledCheckedAsOf: BUNDLED_CHECKED_AS_OF,
      appVersion: '0.1.0',
      sources: { url },
      fetcher: (u, i) => fetch(u, i),
      urlTimeoutMs: 10_000,
      log: (m) => logged.push(m),
    });
    await manager.load();
    const status = await manager.poll();
    expect(status.pending).toBeNull();
    expect(status.lastProblem).toMatchObject({ code: 'source-unavailable', source: url });
    expect(status.lastProblem?.message).toMatch(/certificate|CERT/i);
    expect(status.lastProblem?.message).not.toContain(url);
    expect(manager.activeContent()).toBeNull();
    expect(logged.join('\n')).toMatch(/certificate/i);
  });
});
