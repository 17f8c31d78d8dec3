import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type ActiveContentPack } from '../../../../core/kiosk/kiosk-api';
import type { Diagnostics } from '../../../../core/kiosk/kiosk-api';
import { readinessChecks } from '../../../../core/kiosk/diagnostics';
import { contentProblem } from '../../../../core/content/content-check';
import { ContentPackManager } from '../../../../electron/main/content-pack/manager';
import * as contentPackIpc from '../../../../electron/main/ipc/content-pack';
import * as diagnosticsIpc from '../../../../electron/main/ipc/diagnostics';
import { contentHash } from '../../../../electron/main/diagnostics/file-hashes';
import {
  BUNDLED_CHECKED_AS_OF,
  contentCheckedAsOf,
  KEY,
  pack,
} from '../../../core/content/pack-fixture';
import { fakeIpc, FRAME, PAGE, useTempDir } from '../fakes';

vi.mock('electron', () => ({}));

const dir = useTempDir('kiosk-packs-ipc-');

function setup() {
  const { ipc, invoke } = fakeIpc();
  let staffActive = false;
  const staff = { isActive: () => staffActive, touch: vi.fn() };
  const logged: string[] = [];
  const log = (m: string) => logged.push(m);
  const usb = join(dir(), 'usb');
  mkdirSync(usb);
  const packs = new ContentPackManager({
    dataDir: join(dir(), 'data'),
    trustedKeys: [KEY.publicKey],
    bundledCheckedAsOf: BUNDLED_CHECKED_AS_OF,
    appVersion: '0.1.0',
    sources: { folder: usb },
    log,
  });
  contentPackIpc.register(ipc, { pageUrl: PAGE, log, staff, packs });
  diagnosticsIpc.register(ipc, {
    pageUrl: PAGE,
    log,
    staff,
    version: '0.1.0',
    content: { checkedAsOf: BUNDLED_CHECKED_AS_OF, sha256: 'c'.repeat(64) },
    appSha256: () => null,
    dataDir: dir(),
    logDir: dir(),
    prints: () => ({ lastSuccess: null, lastFailure: null }),
    contentPacks: () => ({ view: packs.status(), active: packs.activeInfo(), maxAgeDays: 180 }),
  });
  const call = (m: keyof typeof IPC_CHANNELS) => invoke(IPC_CHANNELS[m], FRAME);
  const asStaff = async <T>(fn: () => T) => {
    staffActive = true;
    try {
      return await fn();
    } finally {
      staffActive = false;
    }
  };
  return { call, asStaff, packs, usb, logged };
}

/** What the page does with the pack: check it again and take its content. */
function pageContent(offer: ActiveContentPack | null) {
  if (!offer) return null;
  expect(contentProblem(offer.content)).toBeNull();
  return offer.content;
}

describe('content pack IPC', () => {
  it('applies a pack built and signed here between two visits; the screens show its date', async () => {
    const { call, asStaff, packs, usb } = setup();
    await packs.load();
    expect(await call('getContentPack')).toBeNull(); // the bundled content serves

    // Visit 1 is under way when the pack arrives and staff ask for a check.
    writeFileSync(join(usb, 'citizensec-content-2.pack'), pack(2, { date: '2026-11-20' }));
    const view = (await asStaff(() => call('checkContentPacks'))) as { pending: unknown };
    expect(view.pending).toMatchObject({ version: 2, checkedAsOf: '2026-11-20' });
    expect(await call('getContentPack')).toBeNull(); // the visit keeps its content

    // Visit 1 ends: the page is on the attract screen.
    expect(await call('betweenVisits')).toBe(true);
    // The page reloads for visit 2 and gets the new content, which it validates again.
    const content = pageContent((await call('getContentPack')) as ActiveContentPack);
    expect(content?.meta.checkedAsOf).toBe('2026-11-20'); // the summary's "checked as of"
    expect(await call('betweenVisits')).toBe(false); // nothing more to apply

    // "Check this kiosk" shows the new date and where it comes from.
    const d = (await asStaff(() => call('getDiagnostics'))) as Diagnostics;
    expect(d.content).toMatchObject({ source: 'pack', checkedAsOf: '2026-11-20' });
    expect(d.contentPacks?.active).toMatchObject({ version: 2, checkedAsOf: '2026-11-20' });
    // The auditor's content hash is the pack's: what `npm run hashes` gives for the content/
    // folder the pack was built from.
    const built = join(dir(), 'built');
    for (const f of contentCheckedAsOf('2026-11-20')) {
      mkdirSync(join(built, f.path, '..'), { recursive: true });
      writeFileSync(join(built, f.path), f.text);
    }
    expect(d.content.sha256).toBe(contentHash(join(built, 'content')).sha256);
    expect(d.content.sha256).not.toBe('c'.repeat(64));
    const contentCheck = readinessChecks({
      diagnostics: d,
      printer: null,
      now: new Date('2026-11-25T12:00:00Z'),
    }).find((c) => c.id === 'content');
    expect(contentCheck?.status).toBe('ok');

    // One touch back to the bundled content.
    await asStaff(() => call('rollbackContentPack'));
    expect(await call('getContentPack')).toBeNull();
  });

  it('refuses the staff calls outside staff mode', async () => {
    const { call, packs } = setup();
    await packs.load();
    expect(() => call('checkContentPacks')).toThrow(/staff only/);
    expect(() => call('rollbackContentPack')).toThrow(/staff only/);
  });

  it('shows a refused pack on the diagnostics and keeps the content', async () => {
    const { call, asStaff, packs, usb } = setup();
    await packs.load();
    writeFileSync(join(usb, 'citizensec-content-3.pack'), pack(3).replace('1414', '1415'));
    await asStaff(() => call('checkContentPacks'));
    const d = (await asStaff(() => call('getDiagnostics'))) as Diagnostics;
    expect(d.content.source).toBe('bundled');
    expect(d.contentPacks?.lastProblem).toMatchObject({ source: 'citizensec-content-3.pack' });
  });
});
