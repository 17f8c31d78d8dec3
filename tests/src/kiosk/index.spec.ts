// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { resolveKiosk } from '../../../src/kiosk';

describe('resolveKiosk', () => {
  it('is what the page uses when no preload put a kiosk API on the window', async () => {
    expect((await resolveKiosk({ steps: [], documents: [] }, window).getInfo()).runtime).toBe(
      'browser',
    );
  });

  it("is the preload's API inside Electron", () => {
    const api = { getInfo: async () => ({ runtime: 'electron', version: '1' }) };
    const win = { kiosk: api, localStorage } as unknown as Window;
    expect(resolveKiosk({ steps: [], documents: [] }, win)).toBe(api);
  });
});
