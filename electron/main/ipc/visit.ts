import type { Clipboard, IpcMain } from 'electron';
import { IPC_CHANNELS } from '../../../src/kiosk/kiosk-api';
import { isTrustedSender } from './sender';

export const channel = IPC_CHANNELS.endVisit;

/**
 * Ends a visit on the Electron side: the page's session storage, cookies, caches and service
 * workers, and the clipboard (a visitor could have copied a number). Kiosk settings live in
 * main's own file, so nothing of the kiosk is lost.
 */
export function register(
  ipc: IpcMain,
  deps: { pageUrl: string; clipboard: Pick<Clipboard, 'clear'>; log: (m: string) => void },
): void {
  ipc.handle(channel, async (event): Promise<void> => {
    if (!isTrustedSender(event, deps.pageUrl)) throw new Error('refused: untrusted sender');
    const session = event.sender.session;
    try {
      await session.clearStorageData();
      await session.clearCache();
    } catch (err) {
      deps.log(`visit: clearing storage failed: ${(err as Error).message}`);
    }
    deps.clipboard.clear();
  });
}
