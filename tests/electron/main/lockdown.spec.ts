import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { guardClose, isBlockedShortcut, lockDownContents } from '../../../electron/main/lockdown';

vi.mock('electron', () => ({}));

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
