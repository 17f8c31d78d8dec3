import { EventEmitter } from 'node:events';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { guardClose, isBlockedShortcut, lockDownContents } from '../../electron/main/lockdown';
import {
  createAppProtocolHandler,
  PAGE_URL,
  resolveAppRequest,
} from '../../electron/main/protocol';
import { isTrustedSender } from '../../electron/main/ipc/sender';
import { CONTENT_SECURITY_POLICY } from '../../src/kiosk/csp';

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

describe('IPC sender check', () => {
  const frame = (url: string, parent: unknown = null) =>
    ({ senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;

  it('trusts only the kiosk page main frame', () => {
    expect(isTrustedSender(frame('app://kiosk/index.html'), PAGE_URL)).toBe(true);
    for (const url of [
      'app://evil/index.html',
      'data:text/html,hi',
      'file:///tmp/x.html',
      'https://kiosk/',
    ])
      expect(isTrustedSender(frame(url), PAGE_URL), url).toBe(false);
    expect(isTrustedSender(frame('app://kiosk/index.html', {}), PAGE_URL)).toBe(false);
  });
});

/** A WebContents double that records handlers so a test can fire them. */
function fakeContents() {
  const wc = new EventEmitter() as EventEmitter & Record<string, unknown>;
  const session = new EventEmitter() as EventEmitter & Record<string, unknown>;
  let openHandler: ((d: { url: string }) => { action: string }) | undefined;
  let permissionRequest: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
  let permissionCheck: (() => boolean) | undefined;
  Object.assign(session, {
    setPermissionRequestHandler: (h: typeof permissionRequest) => (permissionRequest = h),
    setPermissionCheckHandler: (h: typeof permissionCheck) => (permissionCheck = h),
  });
  Object.assign(wc, {
    session,
    setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
    setVisualZoomLevelLimits: vi.fn(async () => {}),
    setZoomLevel: vi.fn(),
  });
  return {
    wc: wc as unknown as WebContents,
    emitter: wc,
    session,
    open: (url: string) => openHandler!({ url }),
    request: (p: string) => new Promise<boolean>((r) => permissionRequest!(wc, p, r)),
    check: () => permissionCheck!(),
  };
}

const prevented = () => {
  const e = { defaultPrevented: false, preventDefault: () => (e.defaultPrevented = true) };
  return e;
};

describe('web contents lockdown', () => {
  it('denies navigation, redirects, new windows, webviews, permissions and downloads', async () => {
    const f = fakeContents();
    lockDownContents(f.wc, { allowShortcuts: () => false, log: () => {} });
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const e = prevented();
      f.emitter.emit(name, e, 'https://example.com/');
      expect(e.defaultPrevented, name).toBe(true);
    }
    expect(f.open('https://example.com/')).toEqual({ action: 'deny' });
    expect(await f.request('media')).toBe(false);
    expect(await f.request('geolocation')).toBe(false);
    expect(f.check()).toBe(false);
    const download = prevented();
    f.session.emit('will-download', download);
    expect(download.defaultPrevented).toBe(true);
    const menu = prevented();
    f.emitter.emit('context-menu', menu);
    expect(menu.defaultPrevented).toBe(true);
  });

  it('blocks exit shortcuts unless staff mode allows them', () => {
    let staff = false;
    const f = fakeContents();
    lockDownContents(f.wc, { allowShortcuts: () => staff, log: () => {} });
    const press = (input: object) => {
      const e = prevented();
      f.emitter.emit('before-input-event', e, {
        type: 'keyDown',
        control: false,
        meta: false,
        alt: false,
        shift: false,
        ...input,
      });
      return e.defaultPrevented;
    };
    expect(press({ key: 'F4', alt: true })).toBe(true);
    expect(press({ key: 'w', control: true })).toBe(true);
    expect(press({ key: 'I', control: true, shift: true })).toBe(true);
    expect(press({ key: 'F11' })).toBe(true);
    expect(press({ key: 'a' })).toBe(false);
    expect(press({ key: 'Enter' })).toBe(false);
    staff = true;
    expect(press({ key: 'F4', alt: true })).toBe(false);
  });

  it('knows the keys that leave or disturb the kiosk', () => {
    const k = (key: string, mods: object = {}) =>
      isBlockedShortcut({ key, control: false, meta: false, alt: false, shift: false, ...mods });
    for (const [key, mods] of [
      ['F5', {}],
      ['F12', {}],
      ['q', { control: true }],
      ['r', { meta: true }],
      ['=', { control: true }],
      ['-', { control: true }],
      ['p', { control: true }],
      ['ArrowLeft', { alt: true }],
    ] as const)
      expect(k(key, mods), `${key} ${JSON.stringify(mods)}`).toBe(true);
    expect(k('Tab')).toBe(false);
    expect(k('Backspace')).toBe(false);
  });
});

describe('close guard', () => {
  it('refuses to close the window until the app quits or closing is allowed', () => {
    const win = new EventEmitter();
    const app = new EventEmitter();
    let allowed = false;
    const log = vi.fn();
    guardClose(win as never, app as never, () => allowed, log);
    const close = () => {
      const e = prevented();
      win.emit('close', e);
      return e.defaultPrevented;
    };
    expect(close()).toBe(true);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('refused to close'));
    allowed = true;
    expect(close()).toBe(false);
    allowed = false;
    app.emit('before-quit');
    expect(close()).toBe(false);
  });
});
