import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { PAGE_URL } from '../../../../electron/main/protocol';
import { isTrustedSender } from '../../../../electron/main/ipc/sender';

vi.mock('electron', () => ({}));

describe('IPC sender check', () => {
  const frame = (url: string, parent: unknown = null) =>
    ({ senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;

  it('trusts only the kiosk page main frame', () => {
    expect(isTrustedSender(frame('app://kiosk/index.html'), PAGE_URL)).toBe(true);
    for (const url of [
      'app://evil/index.html',
      'data:text/html,hi',
      'file:///tmp/x.html',
      'https://kiosk/',
    ])
      expect(isTrustedSender(frame(url), PAGE_URL), url).toBe(false);
    expect(isTrustedSender(frame('app://kiosk/index.html', {}), PAGE_URL)).toBe(false);
  });
});
