import type { IpcMain } from 'electron';
import { handle, type HandlerContext } from './contract';

/** What the page may know of the kiosk around it: that it is the Electron app, and its version. */
export function register(
  ipc: Pick<IpcMain, 'handle'>,
  ctx: HandlerContext & { version: string },
): void {
  handle(ipc, ctx, 'getInfo', () => ({ runtime: 'electron', version: ctx.version }));
}
