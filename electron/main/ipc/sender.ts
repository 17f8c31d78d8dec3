import type { IpcMainInvokeEvent } from 'electron';

/**
 * Whether an IPC call comes from the kiosk page's own main frame: not a sub-frame, and not a
 * page the window was somehow navigated to. Scheme and host are compared rather than
 * `URL.origin`, which is the string "null" for app:, data: and file: URLs alike.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, pageUrl: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  try {
    const from = new URL(frame.url);
    const page = new URL(pageUrl);
    if (from.protocol !== page.protocol || from.host !== page.host) return false;
    return from.protocol !== 'file:' || from.pathname === page.pathname;
  } catch {
    return false;
  }
}
