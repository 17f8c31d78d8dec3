import { join } from 'node:path';
import {
  addEvent,
  countersCsv,
  localDate,
  normalizeDays,
  type CounterEvent,
  type DayCounts,
} from '../../core/kiosk/counters';
import { readJsonFile, writeFileAtomic } from './data-file';
import type { LogFn } from './log';

export const COUNTERS_FILE_NAME = 'counters.json';

/**
 * The anonymous daily counts in `counters.json`, saved atomically after each event. A damaged
 * file is set aside (renamed) and counting starts again, rather than the kiosk failing.
 */
export class CountersStore {
  private days: DayCounts[];

  constructor(
    private readonly dir: string,
    private readonly stepIds: readonly string[],
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
    if (read.kind === 'ok') return normalizeDays(read.raw, this.stepIds);
    if (read.kind === 'broken')
      this.log(`counters: ${this.file} is damaged (${read.why}); counting afresh`);
    return [];
  }

  all(): readonly DayCounts[] {
    return this.days;
  }

  add(event: CounterEvent): void {
    this.days = addEvent(this.days, event, localDate(this.now()));
    try {
      writeFileAtomic(this.file, JSON.stringify(this.days));
    } catch (err) {
      this.log(`counters: cannot save: ${(err as Error).message}`);
    }
  }

  /** Writes the CSV into `folder`; returns the file's path. Throws if it cannot be written. */
  exportCsv(folder: string, kioskName: string): string {
    const slug = kioskName
      .normalize('NFKD')
      .replace(/[^\w-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40);
    const file = join(
      folder,
      `citizensec-counters-${slug || 'kiosk'}-${localDate(this.now())}.csv`,
    );
    writeFileAtomic(file, countersCsv(this.days, this.stepIds));
    this.log('counters: exported');
    return file;
  }
}
