import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as infoIpc from '../../electron/main/ipc/info';
import * as settingsIpc from '../../electron/main/ipc/settings';
import * as visitIpc from '../../electron/main/ipc/visit';
import { readSettingsFile } from '../../electron/main/settings-file';
import { DEFAULT_SETTINGS } from '../../src/kiosk/settings';

vi.mock('electron', () => ({}));

const PAGE = 'file:///opt/kiosk/resources/app.asar/out/renderer/index.html';

/** An ipcMain double that keeps the handlers so a test can call them as the page would. */
function fakeIpc() {
  const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
  const ipc = { handle: (ch: string, fn: never) => handlers.set(ch, fn) } as unknown as IpcMain;
  const invoke = (ch: string, frame: { url: string; parent: unknown } | null) =>
    handlers.get(ch)!({ senderFrame: frame } as unknown as IpcMainInvokeEvent);
  return { ipc, invoke, handlers };
}

describe('IPC handlers', () => {
  it('answer the kiosk page', () => {
    const { ipc, invoke } = fakeIpc();
    infoIpc.register(ipc, { pageUrl: PAGE, version: '1.2.3' });
    settingsIpc.register(ipc, { pageUrl: PAGE, readSettings: () => DEFAULT_SETTINGS });
    const frame = { url: PAGE, parent: null };
    expect(invoke(infoIpc.channel, frame)).toEqual({ runtime: 'electron', version: '1.2.3' });
    expect(invoke(settingsIpc.channel, frame)).toEqual(DEFAULT_SETTINGS);
  });

  it('refuse a sub-frame, a foreign page and a missing frame', () => {
    const { ipc, invoke } = fakeIpc();
    settingsIpc.register(ipc, {
      pageUrl: 'http://localhost:5173/',
      readSettings: () => DEFAULT_SETTINGS,
    });
    expect(() =>
      invoke(settingsIpc.channel, { url: 'http://localhost:5173/', parent: {} }),
    ).toThrow(/untrusted/);
    expect(() =>
      invoke(settingsIpc.channel, { url: 'https://evil.example/', parent: null }),
    ).toThrow(/untrusted/);
    expect(() => invoke(settingsIpc.channel, null)).toThrow(/untrusted/);
  });
});

describe('settings file', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives defaults when there is no file, silently', () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-settings-'));
    const log = vi.fn();
    expect(readSettingsFile(dir, log)).toEqual(DEFAULT_SETTINGS);
    expect(log).not.toHaveBeenCalled();
  });

  it('gives defaults for a broken file, and says so', () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-settings-'));
    writeFileSync(join(dir, 'settings.json'), '{"branchName": "Almaty 1", ');
    const log = vi.fn();
    expect(readSettingsFile(dir, log)).toEqual(DEFAULT_SETTINGS);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('not valid JSON'));
  });

  it('keeps the good fields of a hand-edited file and defaults the bad ones', () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-settings-'));
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({
        branchName: '  Almaty, branch 1  ',
        defaultLocale: 'de',
        enabledLocales: ['ru', 'xx', 'kk'],
        printerName: 'Lobby receipt',
        paper: 'receipt-80',
        bilingualSheet: 'yes',
        idle: { warningSeconds: 3, readingIdleSeconds: 240 },
      }),
    );
    expect(readSettingsFile(dir)).toEqual({
      branchName: 'Almaty, branch 1',
      defaultLocale: 'kk',
      enabledLocales: ['kk', 'ru'],
      // CUPS queue names have no spaces: a name with one cannot be a queue.
      printerName: '',
      paper: 'receipt-80',
      bilingualSheet: false,
      // A warning shorter than 20 s is raised to 20 s (WCAG 2.2.1).
      idle: { ...DEFAULT_SETTINGS.idle, warningSeconds: 20, readingIdleSeconds: 240 },
    });
  });
});

describe('end of a visit in Electron', () => {
  it('clears the page session storage, cache and clipboard, for the kiosk page only', async () => {
    const { ipc, handlers } = fakeIpc();
    const clipboard = { clear: vi.fn() };
    visitIpc.register(ipc, { pageUrl: PAGE, clipboard, log: () => {} });
    const session = { clearStorageData: vi.fn(async () => {}), clearCache: vi.fn(async () => {}) };
    const call = (frame: unknown) =>
      handlers.get(visitIpc.channel)!({ senderFrame: frame, sender: { session } } as never);
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
    visitIpc.register(ipc, { pageUrl: PAGE, clipboard, log });
    const session = {
      clearStorageData: vi.fn(async () => {
        throw new Error('busy');
      }),
      clearCache: vi.fn(async () => {}),
    };
    await handlers.get(visitIpc.channel)!({
      senderFrame: { url: PAGE, parent: null },
      sender: { session },
    } as never);
    expect(clipboard.clear).toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('busy'));
  });
});
