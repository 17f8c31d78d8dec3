import { join } from 'node:path';
import type { PrintHistory, PrintOutcome } from '../../../core/kiosk/kiosk-api';
import { normalizePrintHistory, recordPrint } from '../../../core/kiosk/print-history';
import { readJsonFile, writeFileAtomic } from '../data-file';
import type { LogFn } from '../log';

export const PRINT_HISTORY_FILE_NAME = 'print-history.json';

/**
 * When the kiosk last printed well and last failed to, for "Check this kiosk", kept in the data
 * folder across restarts. A damaged file is only a lost history, so it is logged and started
 * afresh; a write that fails is logged and never fails the print it records.
 */
export class PrintHistoryStore {
  private history: PrintHistory;

  constructor(
    private readonly dir: string,
    private readonly log: LogFn,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.history = this.read();
  }

  private get file(): string {
    return join(this.dir, PRINT_HISTORY_FILE_NAME);
  }

  private read(): PrintHistory {
    const read = readJsonFile(this.file);
    if (read.kind === 'missing') return normalizePrintHistory(null);
    if (read.kind === 'broken') {
      this.log(`print: ${this.file} is damaged (${read.why}); print history starts afresh`);
      return normalizePrintHistory(null);
    }
    return normalizePrintHistory(read.raw);
  }

  current(): PrintHistory {
    return this.history;
  }

  record(outcome: PrintOutcome): void {
    this.history = recordPrint(this.history, outcome, this.now());
    try {
      writeFileAtomic(this.file, `${JSON.stringify(this.history, null, 2)}\n`);
    } catch (err) {
      this.log(`print: could not save the print history: ${(err as Error).message}`);
    }
  }
}
