import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS, type KioskApi, type KioskMethod } from '../../core/kiosk/kiosk-api';

/**
 * The contract's methods, each forwarding its arguments to its own channel. The page gets these
 * named functions and nothing else: never ipcRenderer, never a channel name of its choosing.
 */
export function createPreloadApi(
  invoke: (channel: string, ...args: unknown[]) => Promise<unknown>,
): KioskApi {
  const methods = Object.keys(IPC_CHANNELS) as KioskMethod[];
  return Object.fromEntries(
    methods.map((m) => [m, (...args: unknown[]) => invoke(IPC_CHANNELS[m], ...args)]),
  ) as unknown as KioskApi;
}

contextBridge.exposeInMainWorld(
  'kiosk',
  createPreloadApi((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
