import { describe, expect, it, vi } from 'vitest';
import * as visitIpc from '../../../../electron/main/ipc/visit';
import { IPC_CHANNELS } from '../../../../core/kiosk/kiosk-api';
import { fakeIpc, PAGE } from '../fakes';

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn() },
}));

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
