import { describe, expect, it, vi } from 'vitest';
import {
  createAppProtocolHandler,
  PAGE_URL,
  resolveAppRequest,
} from '../../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../core/kiosk/csp';

vi.mock('electron', () => ({}));

const ROOT = '/opt/kiosk/resources/app.asar/out/renderer';

describe('app:// protocol', () => {
  it('serves files under the renderer folder, with the CSP as a header', async () => {
    const read = vi.fn(async () => new TextEncoder().encode('<!doctype html>'));
    const handler = createAppProtocolHandler(ROOT, read);
    const res = await handler({ url: PAGE_URL, method: 'GET' });
    expect(res.status).toBe(200);
    expect(read).toHaveBeenCalledWith(`${ROOT}/index.html`);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('<!doctype html>');
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
    const handler = createAppProtocolHandler(ROOT, async () => {
      throw new Error(`ENOENT: ${ROOT}/assets/gone.js`);
    });
    const res = await handler({ url: 'app://kiosk/assets/gone.js', method: 'GET' });
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('');
  });
});
