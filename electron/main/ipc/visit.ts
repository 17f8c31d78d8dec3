import type { Clipboard, IpcMain } from 'electron';
import { handle, type HandlerContext } from './contract';

/**
 * Ends a visit on the Electron side: the page's session storage, cookies, caches and service
 * workers, and the clipboard (a visitor could have copied a number). Kiosk settings live in
 * main's own file, so nothing of the kiosk is lost.
 */
export function register(
  ipc: Pick<IpcMain, 'handle'>,
  ctx: HandlerContext & { clipboard: Pick<Clipboard, 'clear'> },
): void {
  handle(ipc, ctx, 'endVisit', async (event) => {
    const session = event.sender.session;
    try {
      await session.clearStorageData();
      await session.clearCache();
    } catch (err) {
      ctx.log(`visit: clearing storage failed: ${(err as Error).message}`);
    }
    ctx.clipboard.clear();
  });
}
