import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import * as infoIpc from '../../electron/main/ipc/info';
import * as settingsIpc from '../../electron/main/ipc/settings';
import * as visitIpc from '../../electron/main/ipc/visit';
import * as printIpc from '../../electron/main/ipc/print';
import * as staffIpc from '../../electron/main/ipc/staff';
import { REQUEST_SCHEMAS, RefusedCall } from '../../electron/main/ipc/contract';
import { createPreloadApi } from '../../electron/preload/index';
import { IPC_CHANNELS } from '../../src/kiosk/kiosk-api';
import { DEFAULT_SETTINGS } from '../../src/kiosk/settings';

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn() },
}));

const PAGE = 'file:///opt/kiosk/resources/app.asar/out/renderer/index.html';

/** An ipcMain double that keeps the handlers so a test can call them as the page would. */
function fakeIpc() {
  const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
  const ipc = {
    handle: (ch: string, fn: never) => {
      if (handlers.has(ch)) throw new Error(`second handler for ${ch}`);
      handlers.set(ch, fn);
    },
  } as unknown as IpcMain;
  const invoke = (
    ch: string,
    frame: { url: string; parent: unknown } | null,
    ...args: unknown[]
  ): unknown => handlers.get(ch)!({ senderFrame: frame } as unknown as IpcMainInvokeEvent, ...args);
  return { ipc, invoke, handlers };
}

const FRAME = { url: PAGE, parent: null };

describe('IPC contract', () => {
  it('has a channel and a schema for every method, and every module registers its own', () => {
    const { ipc, handlers } = fakeIpc();
    const ctx = { pageUrl: PAGE, log: () => {} };
    infoIpc.register(ipc, { ...ctx, version: '1.2.3' });
    settingsIpc.register(ipc, { ...ctx, readSettings: () => DEFAULT_SETTINGS });
    visitIpc.register(ipc, { ...ctx, clipboard: { clear: () => {} }, counters: { add: () => {} } });
    printIpc.register(ipc, {
      ...ctx,
      platform: 'linux',
      cups: {} as never,
      readSettings: () => DEFAULT_SETTINGS,
      staffActive: () => false,
      count: () => {},
    });
    staffIpc.register(ipc, {
      ...ctx,
      staff: {} as never,
      settings: {} as never,
      counters: {} as never,
      dialog: {} as never,
      window: () => null,
      app: {} as never,
      env: {},
    });
    // A second registration of one channel would have thrown above.
    expect([...handlers.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
    expect(Object.keys(REQUEST_SCHEMAS).sort()).toEqual(Object.keys(IPC_CHANNELS).sort());
    expect(new Set(Object.values(IPC_CHANNELS)).size).toBe(Object.keys(IPC_CHANNELS).length);
  });

  it('answers the kiosk page', () => {
    const { ipc, invoke } = fakeIpc();
    infoIpc.register(ipc, { pageUrl: PAGE, log: () => {}, version: '1.2.3' });
    settingsIpc.register(ipc, {
      pageUrl: PAGE,
      log: () => {},
      readSettings: () => DEFAULT_SETTINGS,
    });
    expect(invoke(IPC_CHANNELS.getInfo, FRAME)).toEqual({ runtime: 'electron', version: '1.2.3' });
    expect(invoke(IPC_CHANNELS.getSettings, FRAME)).toEqual(DEFAULT_SETTINGS);
  });

  it('refuses a sub-frame, a foreign page and a missing frame, and logs only the channel', () => {
    const { ipc, invoke } = fakeIpc();
    const log = vi.fn();
    const readSettings = vi.fn(() => DEFAULT_SETTINGS);
    settingsIpc.register(ipc, { pageUrl: 'http://localhost:5173/', log, readSettings });
    const ch = IPC_CHANNELS.getSettings;
    expect(() => invoke(ch, { url: 'http://localhost:5173/', parent: {} })).toThrow(RefusedCall);
    expect(() => invoke(ch, { url: 'https://evil.example/', parent: null })).toThrow(/untrusted/);
    expect(() => invoke(ch, null)).toThrow(/untrusted/);
    expect(readSettings).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith('ipc: refused kiosk:get-settings from an untrusted sender');
  });

  it('refuses arguments a method does not take, and never logs their content', () => {
    const { ipc, invoke } = fakeIpc();
    const log = vi.fn();
    const readSettings = vi.fn(() => DEFAULT_SETTINGS);
    settingsIpc.register(ipc, { pageUrl: PAGE, log, readSettings });
    expect(() => invoke(IPC_CHANNELS.getSettings, FRAME, 'Aigerim, IIN 900101300123')).toThrow(
      'refused: malformed request',
    );
    expect(readSettings).not.toHaveBeenCalled();
    const logged = log.mock.calls.flat().join('\n');
    expect(logged).toContain('malformed kiosk:get-settings');
    expect(logged).not.toMatch(/Aigerim|900101300123/);
  });
});

describe('preload', () => {
  it('exposes one named function per method, each forwarding to its own channel', async () => {
    const invoke = vi.fn(async (..._args: unknown[]) => 'answer');
    const api = createPreloadApi(invoke);
    expect(Object.keys(api).sort()).toEqual(Object.keys(IPC_CHANNELS).sort());
    expect(Object.values(api).every((f) => typeof f === 'function')).toBe(true);
    await expect(api.printSheet({ kind: 'visit', paper: 'a4' })).resolves.toBe('answer');
    expect(invoke).toHaveBeenLastCalledWith('kiosk:print-sheet', { kind: 'visit', paper: 'a4' });
    await api.endVisit();
    expect(invoke).toHaveBeenLastCalledWith('kiosk:end-visit');
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('ipcRenderer');
  });
});

describe('end of a visit in Electron', () => {
  it('clears the page session storage, cache and clipboard, for the kiosk page only', async () => {
    const { ipc, handlers } = fakeIpc();
    const clipboard = { clear: vi.fn() };
    visitIpc.register(ipc, {
      pageUrl: PAGE,
      clipboard,
      log: () => {},
      counters: { add: () => {} },
    });
    const channel = IPC_CHANNELS.endVisit;
    const session = { clearStorageData: vi.fn(async () => {}), clearCache: vi.fn(async () => {}) };
    const call = async (frame: unknown) =>
      handlers.get(channel)!({ senderFrame: frame, sender: { session } } as never);
    await call({ url: PAGE, parent: null });
    expect(session.clearStorageData).toHaveBeenCalled();
    expect(session.clearCache).toHaveBeenCalled();
    expect(clipboard.clear).toHaveBeenCalled();
    await expect(call({ url: 'https://evil.example/', parent: null })).rejects.toThrow(/untrusted/);
  });

  it('still clears the clipboard when clearing storage fails, and says so', async () => {
    const { ipc, handlers } = fakeIpc();
    const clipboard = { clear: vi.fn() };
    const log = vi.fn();
    visitIpc.register(ipc, { pageUrl: PAGE, clipboard, log, counters: { add: () => {} } });
    const session = {
      clearStorageData: vi.fn(async () => {
        throw new Error('busy');
      }),
      clearCache: vi.fn(async () => {}),
    };
    await handlers.get(IPC_CHANNELS.endVisit)!({
      senderFrame: { url: PAGE, parent: null },
      sender: { session },
    } as never);
    expect(clipboard.clear).toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('busy'));
  });
});
