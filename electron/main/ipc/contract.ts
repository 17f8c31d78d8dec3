import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import {
  BRANCH_TYPES,
  IPC_CHANNELS,
  PAPER_SIZES,
  type BranchType,
  type KioskApi,
  type KioskMethod,
  type KioskSettings,
  type PaperSize,
} from '../../../src/kiosk/kiosk-api';
import { LOCALES, type Locale } from '../../../src/domain/locales';
import { IDLE_BOUNDS, type IdleSettings } from '../../../src/domain/idle';
import { MARKED_STATUSES, type MarkedStatus } from '../../../src/domain/counters';
import { isWellFormedPhone } from '../../../src/domain/content/phone';
import { MAX_NAME_LENGTH, PRINTER_NAME } from '../../../src/kiosk/settings';
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
  kind: z.enum(['visit', 'test']),
  paper,
  receiptLengthMm: z.number().finite().positive().max(10_000).optional(),
});

const locale = z.enum(LOCALES as unknown as [Locale, ...Locale[]]);
const name = z.string().max(MAX_NAME_LENGTH);
const phone = z
  .string()
  .refine((v) => v === '' || isWellFormedPhone(v), 'a phone number as dialled');
const seconds = (k: keyof IdleSettings) =>
  z.number().int().min(IDLE_BOUNDS[k].min).max(IDLE_BOUNDS[k].max);

/** Settings from the staff screen: every field, each valid, or the save is refused. */
export const settingsSchema: z.ZodType<KioskSettings> = z
  .strictObject({
    kioskName: name,
    branchName: name,
    branchType: z.enum(BRANCH_TYPES as [BranchType, ...BranchType[]]),
    branchPhone: phone,
    policePhone: phone,
    defaultLocale: locale,
    enabledLocales: z
      .array(locale)
      .min(1)
      .refine((l) => new Set(l).size === l.length, 'each language once'),
    printerName: z.string().refine((v) => v === '' || PRINTER_NAME.test(v), 'a print queue name'),
    paper,
    bilingualSheet: z.boolean(),
    idle: z.strictObject({
      idleSeconds: seconds('idleSeconds'),
      readingIdleSeconds: seconds('readingIdleSeconds'),
      warningSeconds: seconds('warningSeconds'),
      goodbyeSeconds: seconds('goodbyeSeconds'),
    }),
  })
  .refine((s) => s.enabledLocales.includes(s.defaultLocale), 'the default language is enabled');

const pin = z.string().max(32);

export const visitTallySchema = z.strictObject({
  locale,
  completed: z.boolean(),
  marks: z
    .record(
      z.string().regex(/^[a-z0-9-]{1,60}$/),
      z.enum(MARKED_STATUSES as [MarkedStatus, ...MarkedStatus[]]),
    )
    .refine((m) => Object.keys(m).length <= 100, 'at most 100 steps'),
});

type Args<K extends KioskMethod> = Parameters<KioskApi[K]>;

export const REQUEST_SCHEMAS: { readonly [K in KioskMethod]: z.ZodType<Args<K>> } = {
  getInfo: z.tuple([]),
  getSettings: z.tuple([]),
  checkPrinter: z.tuple([]),
  listPrinters: z.tuple([]),
  printSheet: z.tuple([printRequestSchema]),
  endVisit: z.tuple([]),
  countVisit: z.tuple([visitTallySchema]),
  staffStatus: z.tuple([]),
  setupStaffPin: z.tuple([pin]),
  unlockStaff: z.tuple([pin]),
  lockStaff: z.tuple([]),
  changeStaffPin: z.tuple([pin]),
  getStaffView: z.tuple([]),
  saveSettings: z.tuple([settingsSchema]),
  exportCounters: z.tuple([]),
  leaveApp: z.tuple([z.enum(['quit', 'restart'])]),
};

/** Why a call was refused; the page sees only this message, never a stack or a payload. */
export class RefusedCall extends Error {
  constructor(reason: 'untrusted sender' | 'malformed request' | 'staff only') {
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
