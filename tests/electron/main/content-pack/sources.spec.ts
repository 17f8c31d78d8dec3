import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFolderSource, readUrlSource } from '../../../../electron/main/content-pack/sources';
import { useTempDir } from '../fakes';

describe('readFolderSource', () => {
  const dir = useTempDir('packs-');

  it('lists pack files newest version first, and nothing else', () => {
    for (const name of ['citizensec-content-2.pack', 'citizensec-content-10.pack', 'notes.txt'])
      writeFileSync(join(dir(), name), name);
    writeFileSync(join(dir(), 'citizensec-content-11.pack.partial'), 'half');
    const result = readFolderSource(dir());
    expect(result).toEqual({
      ok: true,
      packs: [
        { name: 'citizensec-content-10.pack', text: 'citizensec-content-10.pack' },
        { name: 'citizensec-content-2.pack', text: 'citizensec-content-2.pack' },
      ],
    });
  });

  it('passes an oversized file on so that the check refuses it, without reading it', () => {
    writeFileSync(join(dir(), 'citizensec-content-3.pack'), 'x'.repeat(200));
    const result = readFolderSource(dir(), 100);
    expect(result.ok && result.packs[0]!.text.length).toBe(101);
  });

  it('says why when the folder is not there (a USB stick taken out)', () => {
    expect(readFolderSource(join(dir(), 'gone'))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('ENOENT'),
    });
  });

  it('reports an unreadable pack by name', () => {
    mkdirSync(join(dir(), 'citizensec-content-4.pack'));
    const result = readFolderSource(dir());
    expect(result.ok && result.packs[0]!.text).toMatch(/^unreadable/);
  });
});

describe('readUrlSource', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/pack') res.end('PACK');
      else if (req.url === '/hang')
        res.writeHead(200).write('PA'); // never ends
      else if (req.url === '/big') {
        res.writeHead(200); // chunked: no length said beforehand
        for (let i = 0; i < 20; i++) res.write('x'.repeat(100));
        res.end();
      } else if (req.url === '/big-declared')
        res.writeHead(200, { 'content-length': '5000' }).end('x'.repeat(5000));
      else res.writeHead(404).end('not here');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });
  const fetcher = (url: string, init: { signal: AbortSignal }) => fetch(url, init);

  it('downloads a pack', async () => {
    expect(await readUrlSource(`${base}/pack`, { fetcher })).toEqual({
      ok: true,
      packs: [{ name: 'pack', text: 'PACK' }],
    });
  });

  it('says 404', async () => {
    expect(await readUrlSource(`${base}/none`, { fetcher })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('HTTP 404'),
    });
  });

  it('gives up on a slow or hanging server after the timeout', async () => {
    const t0 = Date.now();
    const result = await readUrlSource(`${base}/hang`, { fetcher, timeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('within 0.3 s') });
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('stops an oversized download, declared or not', async () => {
    for (const path of ['/big', '/big-declared'])
      expect(await readUrlSource(`${base}${path}`, { fetcher, maxBytes: 1000 })).toMatchObject({
        ok: false,
        reason: expect.stringContaining('larger than 1000 bytes'),
      });
  });

  it('says why when nothing answers', async () => {
    const result = await readUrlSource('http://127.0.0.1:1/pack', { fetcher, timeoutMs: 2000 });
    expect(result.ok).toBe(false);
  });
});
