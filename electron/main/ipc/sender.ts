import type { IpcMainInvokeEvent } from 'electron';

/**
 * Whether an IPC call comes from the kiosk page's own main frame: not a sub-frame, and not a
 * page the window was somehow navigated to.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, pageUrl: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  try {
    return new URL(frame.url).origin === new URL(pageUrl).origin;
  } catch {
    return false;
  }
}
