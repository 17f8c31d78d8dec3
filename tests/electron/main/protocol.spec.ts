import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  createAppProtocolHandler,
  PAGE_URL,
  resolveAppRequest,
} from '../../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../core/kiosk/csp';
import { useTempDir } from './fakes';

vi.mock('electron', () => ({}));

const dir = useTempDir('kiosk-protocol-');

const ROOT = '/opt/kiosk/resources/app.asar/out/renderer';

describe('app:// protocol', () => {
  it('serves files under the renderer folder, with the CSP as a header', async () => {
    const read = vi.fn(async () => new TextEncoder().encode('<!doctype html>'));
    const handler = createAppProtocolHandler(ROOT, read, async (p) => p);
    const res = await handler({ url: PAGE_URL, method: 'GET' });
    expect(res.status).toBe(200);
    expect(read).toHaveBeenCalledWith(`${ROOT}/index.html`);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('<!doctype html>');
  });

  it('serves an audio clip as Ogg, from the overlay (an active pack) before the app’s own', async () => {
    const read = vi.fn(async () => new Uint8Array([1, 2, 3]));
    const overlay = vi.fn(async (path: string) =>
      path === '/audio/ru/titleWhy.opus' ? new Uint8Array([9]) : null,
    );
    const handler = createAppProtocolHandler(ROOT, read, async (p) => p, overlay);
    const fromPack = await handler({ url: 'app://kiosk/audio/ru/titleWhy.opus', method: 'GET' });
    expect(fromPack.headers.get('content-type')).toBe('audio/ogg');
    expect(new Uint8Array(await fromPack.arrayBuffer())).toEqual(new Uint8Array([9]));
    expect(read).not.toHaveBeenCalled();
    const own = await handler({ url: 'app://kiosk/audio/kk/titleWhy.opus', method: 'GET' });
    expect(new Uint8Array(await own.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    expect(read).toHaveBeenCalledWith(`${ROOT}/audio/kk/titleWhy.opus`);
    // The overlay is asked only for what the handler would serve at all.
    await handler({ url: 'app://kiosk/audio/..%2f..%2fmain%2findex.opus', method: 'GET' });
    expect(overlay).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['app://kiosk/assets/..%2f..%2fmain/index.js', 'GET', 403],
    ['app://kiosk/assets\\..\\x.js', 'GET', 403],
    ['app://kiosk/a%00.js', 'GET', 403],
    ['app://other-host/index.html', 'GET', 403],
    ['file:///etc/passwd', 'GET', 403],
    ['app://kiosk/index.html', 'POST', 405],
    ['app://kiosk/index.html', 'PUT', 405],
    ['app://kiosk/tool.exe', 'GET', 404],
  ])('refuses %s (%s) with %i', (url, method, status) => {
    expect(resolveAppRequest(url, method, ROOT)).toEqual({ ok: false, status });
  });

  it('keeps dot segments, plain or encoded, inside the renderer folder', () => {
    // The URL parser resolves them before the handler sees the path; whatever is left must
    // still point inside the root.
    for (const url of [
      'app://kiosk/../../etc/passwd',
      'app://kiosk/assets/%2e%2e/%2e%2e/%2e%2e/main/index.js',
      'app://kiosk/./../index.html',
    ]) {
      const r = resolveAppRequest(url, 'GET', ROOT);
      if (r.ok) expect(r.file.startsWith(`${ROOT}/`), url).toBe(true);
    }
    expect(resolveAppRequest('app://kiosk/../../etc/passwd', 'GET', ROOT)).toEqual({
      ok: false,
      status: 404,
    });
  });

  it('answers 404 for a file that is not there, without leaking the path', async () => {
    const handler = createAppProtocolHandler(
      ROOT,
      async () => {
        throw new Error(`ENOENT: ${ROOT}/assets/gone.js`);
      },
      async (p) => p,
    );
    const res = await handler({ url: 'app://kiosk/assets/gone.js', method: 'GET' });
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('');
  });

  it('never follows a link inside the renderer folder to a file outside it', async () => {
    const root = join(dir(), 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(dir(), 'secret.json'), '{"pin":"482913"}');
    symlinkSync('/etc/passwd', join(root, 'assets', 'passwd.js'));
    symlinkSync(join(dir(), 'secret.json'), join(root, 'secret.json'));
    symlinkSync(join(root, 'index.html'), join(root, 'home.html'));
    const handler = createAppProtocolHandler(root);
    expect((await handler({ url: 'app://kiosk/assets/passwd.js', method: 'GET' })).status).toBe(
      403,
    );
    expect((await handler({ url: 'app://kiosk/secret.json', method: 'GET' })).status).toBe(403);
    // A link that stays inside is served; so is the page itself.
    expect((await handler({ url: 'app://kiosk/home.html', method: 'GET' })).status).toBe(200);
    const page = await handler({ url: PAGE_URL, method: 'GET' });
    expect(await page.text()).toBe('<!doctype html>');
  });
});
