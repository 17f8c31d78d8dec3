import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import {
  IPC_CHANNELS,
  PAPER_SIZES,
  type KioskApi,
  type KioskMethod,
  type PaperSize,
} from '../../../src/kiosk/kiosk-api';
import type { LogFn } from '../log';
import { isTrustedSender } from './sender';

/*
 * The main side of the one contract in src/kiosk/kiosk-api.ts. Each method's arguments have a
 * schema here, typed to parse to exactly the method's parameters, so a page that sends anything
 * else (a wrong type, an extra field, a missing or extra argument) is refused before a handler
 * runs. Zod stays in main: it never ships to the page.
 */

const paper = z.enum(PAPER_SIZES as [PaperSize, ...PaperSize[]]);

export const printRequestSchema = z.strictObject({
  paper,
  receiptLengthMm: z.number().finite().positive().max(10_000).optional(),
});

type Args<K extends KioskMethod> = Parameters<KioskApi[K]>;

export const REQUEST_SCHEMAS: { readonly [K in KioskMethod]: z.ZodType<Args<K>> } = {
  getInfo: z.tuple([]),
  getSettings: z.tuple([]),
  checkPrinter: z.tuple([]),
  listPrinters: z.tuple([]),
  printSheet: z.tuple([printRequestSchema]),
  endVisit: z.tuple([]),
};

/** Why a call was refused; the page sees only this message, never a stack or a payload. */
export class RefusedCall extends Error {
  constructor(reason: 'untrusted sender' | 'malformed request') {
    super(`refused: ${reason}`);
    this.name = 'RefusedCall';
  }
}

export interface HandlerContext {
  readonly pageUrl: string;
  readonly log: LogFn;
}

type Result<K extends KioskMethod> = ReturnType<KioskApi[K]> | Awaited<ReturnType<KioskApi[K]>>;

/**
 * Registers the handler of one method. The sender must be the kiosk page's main frame and the
 * arguments must match the method's schema; a refusal is logged by channel and reason only,
 * because a payload could hold something a visitor typed.
 */
export function handle<K extends KioskMethod>(
  ipc: Pick<IpcMain, 'handle'>,
  ctx: HandlerContext,
  method: K,
  fn: (event: IpcMainInvokeEvent, ...args: Args<K>) => Result<K>,
): void {
  const channel = IPC_CHANNELS[method];
  const schema = REQUEST_SCHEMAS[method];
  ipc.handle(channel, (event, ...raw: unknown[]) => {
    if (!isTrustedSender(event, ctx.pageUrl)) {
      ctx.log(`ipc: refused ${channel} from an untrusted sender`);
      throw new RefusedCall('untrusted sender');
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const where = parsed.error.issues.map(
        (i) => `${i.path.join('.') || '(arguments)'} ${i.code}`,
      );
      ctx.log(`ipc: refused a malformed ${channel}: ${where.join(', ')}`);
      throw new RefusedCall('malformed request');
    }
    return fn(event, ...(parsed.data as Args<K>));
  });
}
