import * as fs from 'node:fs';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { StaffCore } from '../../../../core/staff/staff-core';
import { memoryStorage, plainHasher, SETUP_CODE, setupPolicy } from '../../../core/staff/fakes';
import { CountersStore } from '../../../../electron/main/counters-store';
import * as drivesIpc from '../../../../electron/main/ipc/drives';
import type { FileOps } from '../../../../electron/main/data-file';
import { IPC_CHANNELS, type RemovableDrive } from '../../../../core/kiosk/kiosk-api';
import { counterColumns } from '../../../../core/kiosk/counters-csv';
import { fakeIpc, FRAME, PAGE, useTempDir } from '../fakes';

vi.mock('electron', () => ({}));

const dir = useTempDir('kiosk-export-');
const IDS = { steps: ['hang-up'], documents: ['bank-letter'] };
const HEADER = counterColumns(IDS).map((_, i) => `Колонка ${i + 1}`);

/** A file system error as Node gives it. */
const fsError = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

describe('counters export to a USB stick', () => {
  async function setup(opts: { active?: boolean; fileOps?: FileOps; readOnly?: boolean } = {}) {
    const { ipc, invoke } = fakeIpc();
    const staff = new StaffCore(
      memoryStorage(),
      plainHasher,
      () => {},
      undefined,
      undefined,
      setupPolicy(),
    );
    if (opts.active ?? true) {
      await staff.enterSetupCode(SETUP_CODE);
      await staff.setup('482913');
    }
    const data = join(dir(), 'data');
    const stick = join(dir(), 'media', 'kiosk', 'KINGSTON');
    mkdirSync(stick, { recursive: true });
    const counters = new CountersStore(
      data,
      () => IDS,
      () => {},
      () => new Date(2026, 10, 25, 12),
    );
    for (let i = 0; i < 5; i += 1)
      counters.add({
        type: 'visit',
        tally: { locale: 'ru', completed: true, marks: { 'hang-up': 'later' } },
      });
    const drives: RemovableDrive[] = [
      { path: stick, label: 'KINGSTON', freeBytes: 1e9, readOnly: opts.readOnly ?? false },
    ];
    const listDrives = vi.fn(async () => drives);
    const log = vi.fn();
    drivesIpc.register(ipc, {
      pageUrl: PAGE,
      log,
      staff,
      counters,
      ids: () => IDS,
      kioskName: () => 'Алматы 3',
      listDrives,
      fileOps: opts.fileOps,
    });
    const call = async (ch: string, ...args: unknown[]) => invoke(ch, FRAME, ...args);
    return { call, stick, drives, listDrives, log };
  }

  it('lists the drives main finds, only in staff mode', async () => {
    const on = await setup();
    expect(await on.call(IPC_CHANNELS.listDrives)).toEqual(on.drives);
    const off = await setup({ active: false });
    await expect(off.call(IPC_CHANNELS.listDrives)).rejects.toThrow(/staff only/);
    expect(off.listDrives).not.toHaveBeenCalled();
  });

  it('writes the CSV to the drive, named after the kiosk and the day, and says where', async () => {
    const { call, stick } = await setup();
    const result = await call(IPC_CHANNELS.exportCounters, { drive: stick, header: HEADER });
    const file = 'citizensec-counters-Алматы-3-2026-11-25.csv';
    expect(result).toEqual({ ok: true, file, drive: 'KINGSTON' });
    expect(readdirSync(stick)).toEqual([file]);
    const bytes = readFileSync(join(stick, file));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1).split('\r\n')).toEqual([
      HEADER.join(';'),
      // Today's row: its totals only; the breakdown waits until the day is over.
      '25.11.2026;5;5;0;0;0;;;;;;;',
      '',
    ]);
  });

  it('refuses a drive that is not on its own list, and a path the page made up', async () => {
    const { call, stick, log } = await setup();
    for (const drive of [join(stick, '..'), '/etc', join(dir(), 'data'), `${stick}/sub`]) {
      expect(await call(IPC_CHANNELS.exportCounters, { drive, header: HEADER })).toEqual({
        ok: false,
        problem: 'no-drive',
      });
    }
    expect(readdirSync(join(dir(), 'data'))).toEqual(['counters.json']);
    expect(log).toHaveBeenCalledWith('counters: export to a drive that is not mounted now');
  });

  it('refuses outside staff mode, and a header that does not fit, writing nothing', async () => {
    const off = await setup({ active: false });
    expect(
      await off.call(IPC_CHANNELS.exportCounters, { drive: off.stick, header: HEADER }),
    ).toEqual({ ok: false, problem: 'not-staff' });
    const on = await setup();
    expect(
      await on.call(IPC_CHANNELS.exportCounters, { drive: on.stick, header: HEADER.slice(1) }),
    ).toEqual({ ok: false, problem: 'invalid' });
    await expect(
      on.call(IPC_CHANNELS.exportCounters, { drive: on.stick, header: HEADER, extra: 1 }),
    ).rejects.toThrow(/malformed/);
    await expect(on.call(IPC_CHANNELS.exportCounters)).rejects.toThrow(/malformed/);
    expect(readdirSync(on.stick)).toEqual([]);
    expect(readdirSync(off.stick)).toEqual([]);
  });

  it('says a full stick is full, and leaves no part of a file on it', async () => {
    let calls = 0;
    const full: FileOps = {
      ...fs,
      writeSync: ((fd: number, buf: Buffer, offset: number, length: number) => {
        calls += 1;
        if (calls > 1) throw fsError('ENOSPC');
        return fs.writeSync(fd, buf, offset, Math.min(length, 16));
      }) as FileOps['writeSync'],
    };
    const { call, stick, log } = await setup({ fileOps: full });
    expect(await call(IPC_CHANNELS.exportCounters, { drive: stick, header: HEADER })).toEqual({
      ok: false,
      problem: 'full',
    });
    expect(readdirSync(stick)).toEqual([]);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('failed (full)'));
  });

  it('says a read-only or locked stick cannot be written to', async () => {
    for (const code of ['EROFS', 'EACCES']) {
      const locked: FileOps = {
        ...fs,
        openSync: (() => {
          throw fsError(code);
        }) as FileOps['openSync'],
      };
      const { call, stick } = await setup({ fileOps: locked, readOnly: true });
      expect(await call(IPC_CHANNELS.exportCounters, { drive: stick, header: HEADER })).toEqual({
        ok: false,
        problem: 'read-only',
      });
      expect(readdirSync(stick)).toEqual([]);
    }
  });

  it('says a stick pulled out mid-write is gone, and any other fault plainly', async () => {
    const fail = (code: string): FileOps => ({
      ...fs,
      renameSync: (() => {
        throw fsError(code);
      }) as FileOps['renameSync'],
    });
    const gone = await setup({ fileOps: fail('ENODEV') });
    expect(
      await gone.call(IPC_CHANNELS.exportCounters, { drive: gone.stick, header: HEADER }),
    ).toEqual({ ok: false, problem: 'no-drive' });
    expect(readdirSync(gone.stick)).toEqual([]);
    const io = await setup({ fileOps: fail('EIO') });
    expect(await io.call(IPC_CHANNELS.exportCounters, { drive: io.stick, header: HEADER })).toEqual(
      { ok: false, problem: 'write-failed' },
    );
    expect(readdirSync(io.stick)).toEqual([]);
  });
});
