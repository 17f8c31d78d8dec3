import type { IpcMain } from 'electron';
import { IPC_CHANNELS, type KioskInfo } from '../../../src/kiosk/kiosk-api';
import { isTrustedSender } from './sender';

export const channel = IPC_CHANNELS.getInfo;

export function register(ipc: IpcMain, deps: { pageUrl: string; version: string }): void {
  ipc.handle(channel, (event): KioskInfo => {
    if (!isTrustedSender(event, deps.pageUrl)) throw new Error('refused: untrusted sender');
    return { runtime: 'electron', version: deps.version };
  });
}
