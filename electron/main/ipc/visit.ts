import type { Clipboard, IpcMain } from 'electron';
import type { CountersStore } from '../counters-store';
import { handle, type HandlerContext } from './contract';

/**
 * Ends a visit on the Electron side: the page's session storage, cookies, caches and service
 * workers, and the clipboard (a visitor could have copied a number). Kiosk settings live in
 * main's own file, so nothing of the kiosk is lost.
 */
export function register(
  ipc: Pick<IpcMain, 'handle'>,
  ctx: HandlerContext & {
    clipboard: Pick<Clipboard, 'clear'>;
    counters: Pick<CountersStore, 'add'>;
  },
): void {
  // Only totals are kept: the tally is added to today's counts and not logged or stored.
  handle(ipc, ctx, 'countVisit', (_e, tally) => ctx.counters.add({ type: 'visit', tally }));

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
