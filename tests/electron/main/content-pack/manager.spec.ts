import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ACTIVE_FILE,
  ContentPackManager,
  PACKS_DIR_NAME,
  PREVIOUS_FILE,
  type ContentPackDeps,
} from '../../../../electron/main/content-pack/manager';
import { BUNDLED_CHECKED_AS_OF, KEY, OTHER_KEY, pack } from '../../../core/content/pack-fixture';
import { useTempDir } from '../fakes';

describe('ContentPackManager', () => {
  const dir = useTempDir('pack-manager-');
  const usb = () => join(dir(), 'usb');
  const lines: string[] = [];

  function manager(o: Partial<ContentPackDeps> = {}) {
    mkdirSync(usb(), { recursive: true });
    return new ContentPackManager({
      dataDir: join(dir(), 'data'),
      trustedKeys: [KEY.publicKey],
      bundledCheckedAsOf: BUNDLED_CHECKED_AS_OF,
      appVersion: '0.1.0',
      sources: { folder: usb() },
      log: (m) => lines.push(m),
      ...o,
    });
  }
  const put = (version: number, text: string) =>
    writeFileSync(join(usb(), `citizensec-content-${version}.pack`), text);

  it('holds a checked pack as pending and applies it only between visits', async () => {
    const m = manager();
    await m.load();
    expect(m.activeContent()).toBeNull();
    put(2, pack(2, { date: '2026-10-01' }));
    // During a visit: the poll finds the pack, but the content in use does not change.
    const status = await m.poll();
    expect(status.pending).toMatchObject({ version: 2, checkedAsOf: '2026-10-01' });
    expect(m.activeContent()).toBeNull();
    // On the attract screen: it applies.
    expect(m.applyPending()).toBe(true);
    expect(m.activeContent()!.meta.checkedAsOf).toBe('2026-10-01');
    expect(m.status()).toMatchObject({ active: { version: 2 }, pending: null });
    // And it is what the next start finds.
    const again = manager();
    await again.load();
    expect(again.activeInfo()).toMatchObject({ checkedAsOf: '2026-10-01', version: 2 });
  });

  it('takes the newest good pack and shows why a bad one was refused', async () => {
    const m = manager();
    await m.load();
    put(2, pack(2));
    put(3, pack(3, { key: OTHER_KEY }));
    const status = await m.poll();
    expect(status.pending?.version).toBe(2);
    expect(status.lastProblem).toMatchObject({
      code: 'untrusted-key',
      source: 'citizensec-content-3.pack',
    });
    expect(lines.some((l) => l.includes('citizensec-content-3.pack refused: untrusted-key'))).toBe(
      true,
    );
  });

  it('keeps serving the current content when every pack is refused', async () => {
    const m = manager();
    await m.load();
    put(2, pack(2));
    await m.poll();
    m.applyPending();
    const text = pack(3);
    put(3, text.slice(0, text.length - 100)); // still being copied
    const status = await m.poll();
    expect(status.lastProblem?.code).toBe('damaged');
    expect(status.pending).toBeNull();
    expect(m.activeInfo()?.version).toBe(2);
    // The copy finishes: the next poll takes it.
    put(3, text);
    expect((await m.poll()).pending?.version).toBe(3);
  });

  it('never rolls back by itself: an older pack is not taken', async () => {
    const m = manager();
    await m.load();
    put(5, pack(5));
    await m.poll();
    m.applyPending();
    put(4, pack(4, { date: '2026-11-01' }));
    const status = await m.poll();
    expect(status.pending).toBeNull();
    expect(m.activeInfo()?.version).toBe(5);
  });

  it('replaces the kept files atomically, keeping the previous pack for staff', async () => {
    const m = manager();
    await m.load();
    put(2, pack(2, { date: '2026-09-01' }));
    await m.poll();
    m.applyPending();
    put(3, pack(3, { date: '2026-10-01' }));
    await m.poll();
    m.applyPending();
    const packs = join(dir(), 'data', PACKS_DIR_NAME);
    expect(readdirSync(packs).sort()).toEqual([ACTIVE_FILE, PREVIOUS_FILE]); // no temp file left
    expect(readFileSync(join(packs, PREVIOUS_FILE), 'utf8')).toBe(pack2Text(usb()));
    // One touch: back to version 2, which a poll does not undo.
    expect(m.rollback()).toMatchObject({ active: { version: 2 }, previous: null });
    expect(m.activeContent()!.meta.checkedAsOf).toBe('2026-09-01');
    expect((await m.poll()).pending).toBeNull();
    // A second touch: back to the bundled content, the floor.
    expect(m.rollback().active).toBeNull();
    expect(existsSync(join(packs, ACTIVE_FILE))).toBe(false);
    const restarted = manager();
    await restarted.load();
    expect(restarted.activeContent()).toBeNull();
    expect((await restarted.poll()).pending).toBeNull(); // 3 and 2 were turned away by staff
    put(4, pack(4));
    expect((await restarted.poll()).pending?.version).toBe(4);
  });

  it('a kept pack no longer trusted (the key was withdrawn) gives way to the bundled content', async () => {
    const m = manager();
    await m.load();
    put(2, pack(2));
    await m.poll();
    m.applyPending();
    const after = manager({ trustedKeys: [OTHER_KEY.publicKey] });
    await after.load();
    expect(after.activeContent()).toBeNull();
    expect(after.status().lastProblem).toMatchObject({
      code: 'untrusted-key',
      source: ACTIVE_FILE,
    });
  });

  it('answers a second request during a poll with that same poll', async () => {
    const m = manager();
    await m.load();
    put(2, pack(2));
    const before = lines.length;
    const [a, b] = await Promise.all([m.poll(), m.poll()]);
    expect(a).toBe(b);
    expect(lines.slice(before).filter((l) => l.includes('v2 checked'))).toHaveLength(1);
  });

  it('reports a source it cannot reach', async () => {
    const m = manager({ sources: { folder: join(dir(), 'no-stick') } });
    await m.load();
    const problem = (await m.poll()).lastProblem;
    expect(problem).toMatchObject({
      code: 'source-unavailable',
      message: expect.stringContaining('ENOENT'),
    });
    // The folder is the record's source, and not said again in its message.
    expect(problem?.message).not.toContain(problem!.source);
  });
});

function pack2Text(folder: string): string {
  return readFileSync(join(folder, 'citizensec-content-2.pack'), 'utf8');
}
