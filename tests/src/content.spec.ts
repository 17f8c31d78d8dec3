import { describe, expect, it, vi } from 'vitest';
import type { ActiveContentPack } from '../../core/kiosk/kiosk-api';

/** A fresh copy of src/content.ts for each test: it holds the content in use. */
async function fresh() {
  vi.resetModules();
  return import('../../src/content');
}

describe('loadActiveContent', () => {
  it('keeps the bundled content when no pack is active, or the call fails', async () => {
    const c = await fresh();
    expect(await c.loadActiveContent({ getContentPack: async () => null })).toBe('bundled');
    expect(
      await c.loadActiveContent({ getContentPack: () => Promise.reject(new Error('gone')) }),
    ).toBe('bundled');
    expect(c.kioskContent).toBe(c.bundledContent);
  });

  it('uses an active pack that passes its check, steps and numbers included', async () => {
    const c = await fresh();
    // A step renamed everywhere it is named: its own id, the plan's rules, the documents.
    const old = c.bundledContent.steps[0]!.id;
    const content = JSON.parse(
      JSON.stringify(c.bundledContent).replaceAll(`"${old}"`, '"renamed-step"'),
    ) as typeof c.bundledContent;
    (content.meta as { checkedAsOf: string }).checkedAsOf = '2099-01-01';
    const offer: ActiveContentPack = { version: 4, checkedAsOf: '2099-01-01', content };
    expect(await c.loadActiveContent({ getContentPack: async () => offer })).toBe('pack');
    expect(c.kioskContent.meta.checkedAsOf).toBe('2099-01-01');
    expect(c.stepById('renamed-step').id).toBe('renamed-step');
  });

  it('falls back to the bundled content when the pack fails the check or is older', async () => {
    const c = await fresh();
    const broken = structuredClone(c.bundledContent) as unknown as { steps: unknown };
    broken.steps = 'none';
    const offer = { version: 4, checkedAsOf: '2099-01-01', content: broken } as never;
    expect(await c.loadActiveContent({ getContentPack: async () => offer })).toBe('bundled');
    const older = structuredClone(c.bundledContent);
    (older.meta as { checkedAsOf: string }).checkedAsOf = '2000-01-01';
    expect(
      await c.loadActiveContent({
        getContentPack: async () => ({ version: 5, checkedAsOf: '2000-01-01', content: older }),
      }),
    ).toBe('bundled');
    expect(c.kioskContent).toBe(c.bundledContent);
  });
});

describe('takeContentBetweenVisits', () => {
  it('reloads on the attract screen when main applied a pack, and only then', async () => {
    const c = await fresh();
    const reload = vi.fn();
    await c.takeContentBetweenVisits({ betweenVisits: async () => false }, () => true, reload);
    expect(reload).not.toHaveBeenCalled();
    await c.takeContentBetweenVisits({ betweenVisits: async () => true }, () => true, reload);
    expect(reload).toHaveBeenCalledOnce();
  });

  it('waits for the next attract screen when a visitor touched in the meantime', async () => {
    const c = await fresh();
    const reload = vi.fn();
    await c.takeContentBetweenVisits({ betweenVisits: async () => true }, () => false, reload);
    expect(reload).not.toHaveBeenCalled();
    // Main has nothing new now, but the page still shows the old content: it reloads.
    await c.takeContentBetweenVisits({ betweenVisits: async () => false }, () => true, reload);
    expect(reload).toHaveBeenCalledOnce();
  });

  it('survives a failed call', async () => {
    const c = await fresh();
    const reload = vi.fn();
    await c.takeContentBetweenVisits(
      { betweenVisits: () => Promise.reject(new Error('x')) },
      () => true,
      reload,
    );
    await c.takeContentBetweenVisits(null, () => true, reload);
    expect(reload).not.toHaveBeenCalled();
  });
});
