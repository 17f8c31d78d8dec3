import * as fs from 'node:fs';
import { basename, join } from 'node:path';
import {
  addEvent,
  localDate,
  normalizeDays,
  type CountedIds,
  type CounterEvent,
  type DayCounts,
} from '../../core/kiosk/counters';
import { countersCsv, countersFileName } from '../../core/kiosk/counters-csv';
import { readJsonFile, setAside, writeFileAtomic, type FileOps } from './data-file';
import type { LogFn } from './log';

export const COUNTERS_FILE_NAME = 'counters.json';

/**
 * The anonymous daily counts in `counters.json`, saved atomically after each event. A damaged
 * file is set aside under a dated name (so nothing of it is lost, and IT can look at it) and
 * counting starts again, rather than the kiosk failing; the staff screen says so.
 */
export class CountersStore {
  private days: DayCounts[];
  /** Where a damaged file was set aside at start, for the staff screen. */
  private setAsideAs: string | null = null;

  constructor(
    private readonly dir: string,
    /** The steps and documents of the content in use: the active content pack's, or the app's. */
    private readonly ids: () => CountedIds,
    private readonly log: LogFn,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.days = this.read();
  }

  private get file(): string {
    return join(this.dir, COUNTERS_FILE_NAME);
  }

  private read(): DayCounts[] {
    const read = readJsonFile(this.file);
    if (read.kind === 'ok' && Array.isArray(read.raw)) return normalizeDays(read.raw);
    if (read.kind === 'missing') return [];
    const why = read.kind === 'broken' ? read.why : 'not a list of days';
    const moved = setAside(this.file, this.now());
    this.setAsideAs = moved ? basename(moved) : null;
    this.log(
      moved
        ? `counters: ${this.file} is damaged (${why}); set aside as ${moved}, counting afresh`
        : `counters: ${this.file} is damaged (${why}) and cannot be set aside; counting afresh`,
    );
    return [];
  }

  all(): readonly DayCounts[] {
    return this.days;
  }

  /** The name a damaged counters file was set aside under at start, or null. */
  setAside(): string | null {
    return this.setAsideAs;
  }

  add(event: CounterEvent): void {
    this.days = addEvent(this.days, event, localDate(this.now()), this.ids());
    try {
      writeFileAtomic(this.file, JSON.stringify(this.days));
    } catch (err) {
      this.log(`counters: cannot save: ${(err as Error).message}`);
    }
  }

  /**
   * Writes the CSV (header row `header`, in staff's language) into `folder`, atomically: a full or
   * read-only drive leaves no part of a file. Returns the file's name; throws if it cannot be
   * written, with the file system's error code.
   */
  exportCsv(
    folder: string,
    kioskName: string,
    header: readonly string[],
    ops: FileOps = fs,
  ): string {
    const today = localDate(this.now());
    const name = countersFileName(kioskName, today);
    writeFileAtomic(join(folder, name), countersCsv(this.days, this.ids(), header, today), ops);
    this.log('counters: exported');
    return name;
  }
}
