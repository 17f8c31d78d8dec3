import type { IpcMain } from 'electron';
import type { KioskSettings } from '../../../core/kiosk/kiosk-api';
import { handle, type HandlerContext } from './contract';

/** The kiosk's settings, as main read and normalised them; the page never writes them here. */
export function register(
  ipc: Pick<IpcMain, 'handle'>,
  ctx: HandlerContext & { readSettings: () => KioskSettings },
): void {
  handle(ipc, ctx, 'getSettings', () => ctx.readSettings());
}
