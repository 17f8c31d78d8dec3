import type { App, BrowserWindow, Input, Session, WebContents } from 'electron';

/**
 * Keys that would leave or disturb the kiosk: close, quit, reload, full screen, devtools, zoom,
 * print dialog, view source. Blocked unless staff mode allows them.
 */
export function isBlockedShortcut(
  input: Pick<Input, 'key' | 'control' | 'meta' | 'alt' | 'shift'>,
): boolean {
  const key = input.key.toLowerCase();
  const mod = input.control || input.meta;
  if (input.alt && (key === 'f4' || key === 'arrowleft' || key === 'arrowright' || key === 'home'))
    return true;
  if (['f5', 'f11', 'f12', 'browserback', 'browserforward', 'browserrefresh'].includes(key))
    return true;
  if (
    mod &&
    ['w', 'q', 'r', 'n', 't', 'p', 's', 'o', 'u', 'f', 'l', '+', '=', '-', '0', 'tab'].includes(key)
  )
    return true;
  if (mod && input.shift && ['i', 'j', 'c', 'r', 'delete'].includes(key)) return true;
  return false;
}

/**
 * Denies by default everything the page could do beyond showing itself: navigating away,
 * opening windows, webviews, permissions, downloads, zoom, the context menu and exit shortcuts.
 */
export function lockDownContents(
  wc: WebContents,
  opts: { allowShortcuts: () => boolean; log: (m: string) => void },
): void {
  const deny = (what: string) => (event: { preventDefault(): void }, url?: string) => {
    event.preventDefault();
    opts.log(`lockdown: refused ${what}${url ? ` to ${url}` : ''}`);
  };
  wc.on('will-navigate', (event, url) => {
    // The page is one document: a navigation, even within the app, would lose the visit.
    deny('navigation')(event, url);
  });
  wc.on('will-redirect', (event, url) => deny('redirect')(event, url));
  wc.on('will-attach-webview', (event) => deny('webview')(event));
  wc.setWindowOpenHandler(({ url }) => {
    opts.log(`lockdown: refused a new window for ${url}`);
    return { action: 'deny' };
  });
  wc.on('context-menu', (event) => event.preventDefault());
  wc.on('before-input-event', (event, input) => {
    if (input.type === 'keyDown' && isBlockedShortcut(input) && !opts.allowShortcuts())
      event.preventDefault();
  });
  void wc.setVisualZoomLevelLimits(1, 1);
  wc.on('zoom-changed', () => wc.setZoomLevel(0));
  lockDownSession(wc.session, opts.log);
}

/** Every permission request and check refused, and every download cancelled. */
export function lockDownSession(session: Session, log: (m: string) => void): void {
  session.setPermissionRequestHandler((_wc, permission, callback) => {
    log(`lockdown: refused permission ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.on('will-download', (event) => {
    event.preventDefault();
    log('lockdown: refused a download');
  });
}

/**
 * The kiosk window cannot be closed by a visitor: a close is refused unless the app itself is
 * quitting (staff quit, system shutdown) or `allow` says so (development, later staff mode).
 */
export function guardClose(
  win: Pick<BrowserWindow, 'on'>,
  app: Pick<App, 'on'>,
  allow: () => boolean,
  log: (m: string) => void,
): void {
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  win.on('close', (event) => {
    if (quitting || allow()) return;
    event.preventDefault();
    log('lockdown: refused to close the kiosk window');
  });
}
