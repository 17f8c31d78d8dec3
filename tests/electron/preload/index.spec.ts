import { describe, expect, it, vi } from 'vitest';
import { createPreloadApi } from '../../../electron/preload/index';
import { IPC_CHANNELS } from '../../../core/kiosk/kiosk-api';

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn() },
}));

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
