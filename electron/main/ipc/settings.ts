import type { IpcMain } from 'electron';
import { IPC_CHANNELS, type KioskSettings } from '../../../src/kiosk/kiosk-api';
import { isTrustedSender } from './sender';

export const channel = IPC_CHANNELS.getSettings;

export function register(
  ipc: IpcMain,
  deps: { pageUrl: string; readSettings: () => KioskSettings },
): void {
  ipc.handle(channel, (event): KioskSettings => {
    if (!isTrustedSender(event, deps.pageUrl)) throw new Error('refused: untrusted sender');
    return deps.readSettings();
  });
}
