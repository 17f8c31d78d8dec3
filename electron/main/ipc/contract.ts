import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import {
  IPC_CHANNELS,
  PAPER_SIZES,
  type KioskApi,
  type KioskMethod,
  type KioskSettings,
  type PaperSize,
} from '../../../core/kiosk/kiosk-api';
import { LOCALES, type Locale } from '../../../core/locales';
import { MARKED_STATUSES, type MarkedStatus } from '../../../core/kiosk/counters';
import { MAX_HEADER_LENGTH } from '../../../core/kiosk/counters-csv';
import {
  expectedOf,
  isValidField,
  SETTINGS,
  SETTINGS_RULES,
  type Field,
} from '../../../core/kiosk/settings';
import type { LogFn } from '../log';
import { isTrustedSender } from './sender';

/*
 * The main side of the one contract in core/kiosk/kiosk-api.ts. Each method's arguments have a
 * schema here, typed to parse to exactly the method's parameters, so a page that sends anything
 * else (a wrong type, an extra field, a missing or extra argument) is refused before a handler
 * runs. Zod stays in main: it never ships to the page.
 */

const paper = z.enum(PAPER_SIZES as [PaperSize, ...PaperSize[]]);

export const printRequestSchema = z
  .strictObject({
    kind: z.enum(['visit', 'document', 'test', 'readiness', 'staff-card']),
    document: z
      .string()
      .max(60)
      .regex(/^[a-z0-9-]+$/)
      .optional(),
    paper,
    receiptLengthMm: z.number().finite().positive().max(10_000).optional(),
  })
  // A document names which one; nothing else does.
  .refine((r) => (r.kind === 'document') === (r.document !== undefined));

const locale = z.enum(LOCALES as unknown as [Locale, ...Locale[]]);

/** The zod schema of a settings field, from the table in core/kiosk/settings.ts. */
function fieldSchema(field: Field): z.ZodType {
  if (field.kind === 'group')
    return z.strictObject(
      Object.fromEntries(Object.entries(field.fields).map(([k, f]) => [k, fieldSchema(f)])),
    );
  // A refinement of `unknown` rather than z.custom: its issue lets the rules below still run.
  return z.unknown().superRefine((v, ctx) => {
    if (!isValidField(field, v)) ctx.addIssue({ code: 'custom', message: expectedOf(field) });
  });
}

/**
 * Settings from the staff screen: every field, each valid, and every rule holding, or the save
 * is refused. Rules are checked even when a field already failed, so that the refusal names the
 * same fields as the staff form's red marks.
 */
export const settingsSchema = (fieldSchema(SETTINGS) as z.ZodType<KioskSettings>).superRefine(
  (s, ctx) => {
    for (const rule of SETTINGS_RULES)
      if (!rule.holds(s))
        ctx.addIssue({ code: 'custom', path: [rule.field], message: rule.expected });
  },
  { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
);

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

/** The drive is checked against main's own list, and the header against the columns, later. */
export const exportRequestSchema = z.strictObject({
  drive: z.string().min(1).max(1_000),
  header: z.array(z.string().max(MAX_HEADER_LENGTH)).max(1_000),
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
  enterSetupCode: z.tuple([pin]),
  setupStaffPin: z.tuple([pin]),
  unlockStaff: z.tuple([pin]),
  lockStaff: z.tuple([]),
  changeStaffPin: z.tuple([pin]),
  getStaffView: z.tuple([]),
  saveSettings: z.tuple([settingsSchema]),
  listDrives: z.tuple([]),
  exportCounters: z.tuple([exportRequestSchema]),
  leaveApp: z.tuple([z.enum(['quit', 'restart'])]),
  getDiagnostics: z.tuple([]),
  getContentPack: z.tuple([]),
  betweenVisits: z.tuple([]),
  checkContentPacks: z.tuple([]),
  rollbackContentPack: z.tuple([]),
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
  /** Where refusals are logged, at a bounded rate; one per kiosk, shared by every channel. */
  readonly refusals?: LogFn;
}

type Result<K extends KioskMethod> = ReturnType<KioskApi[K]> | Awaited<ReturnType<KioskApi[K]>>;

/**
 * The most a call's arguments may hold before they are even parsed: no method takes more than a
 * few dozen values, and a page that sends a million would hold up main while it was checked.
 */
export const PAYLOAD_LIMITS = { values: 2_000, stringLength: 4_096, depth: 8 } as const;

/** Whether arguments are within PAYLOAD_LIMITS; stops at the first value past them. */
export function withinLimits(args: readonly unknown[]): boolean {
  let values = 0;
  const stack: [unknown, number][] = args.map((a) => [a, 1]);
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    values += 1;
    if (values > PAYLOAD_LIMITS.values || depth > PAYLOAD_LIMITS.depth) return false;
    if (typeof v === 'string') {
      if (v.length > PAYLOAD_LIMITS.stringLength) return false;
    } else if (Array.isArray(v)) {
      if (v.length > PAYLOAD_LIMITS.values) return false;
      for (const item of v) stack.push([item, depth + 1]);
    } else if (typeof v === 'object' && v !== null) {
      const keys = Object.keys(v);
      if (keys.length > PAYLOAD_LIMITS.values) return false;
      for (const k of keys) {
        if (k.length > PAYLOAD_LIMITS.stringLength) return false;
        stack.push([(v as Record<string, unknown>)[k], depth + 1]);
      }
    }
  }
  return true;
}

/** Refusals logged in one window; past that they are counted and summed up once. */
export const REFUSALS_LOGGED_PER_MINUTE = 10;

/**
 * Logs refusals, at most REFUSALS_LOGGED_PER_MINUTE a minute: a page that floods main with bad
 * calls must not be able to rotate the kiosk's log away.
 */
export function refusalLog(log: LogFn, now: () => number = () => performance.now()): LogFn {
  let windowStart = -Infinity;
  let logged = 0;
  let dropped = 0;
  return (message) => {
    const t = now();
    if (t - windowStart >= 60_000) {
      if (dropped > 0) log(`ipc: ${dropped} more refusals in the last minute were not logged`);
      windowStart = t;
      logged = 0;
      dropped = 0;
    }
    if (logged < REFUSALS_LOGGED_PER_MINUTE) {
      logged += 1;
      log(message);
    } else dropped += 1;
  };
}

/**
 * Registers the handler of one method. The sender must be the kiosk page's main frame and the
 * arguments must be within PAYLOAD_LIMITS and match the method's schema. A refusal is logged by
 * channel and zod's issue codes only (never a path: its keys are the page's to choose, and could
 * hold something a visitor typed), and at a bounded rate.
 */
export function handle<K extends KioskMethod>(
  ipc: Pick<IpcMain, 'handle'>,
  ctx: HandlerContext,
  method: K,
  fn: (event: IpcMainInvokeEvent, ...args: Args<K>) => Result<K>,
): void {
  const channel = IPC_CHANNELS[method];
  const schema = REQUEST_SCHEMAS[method];
  const refused = ctx.refusals ?? refusalLog(ctx.log);
  ipc.handle(channel, (event, ...raw: unknown[]) => {
    if (!isTrustedSender(event, ctx.pageUrl)) {
      refused(`ipc: refused ${channel} from an untrusted sender`);
      throw new RefusedCall('untrusted sender');
    }
    if (!withinLimits(raw)) {
      refused(`ipc: refused an oversized ${channel}`);
      throw new RefusedCall('malformed request');
    }
    let parsed: ReturnType<typeof schema.safeParse>;
    try {
      parsed = schema.safeParse(raw);
    } catch {
      refused(`ipc: refused a malformed ${channel}: unreadable`);
      throw new RefusedCall('malformed request');
    }
    if (!parsed.success) {
      const codes = [...new Set(parsed.error.issues.map((i) => i.code))].slice(0, 5);
      refused(`ipc: refused a malformed ${channel}: ${codes.join(', ')}`);
      throw new RefusedCall('malformed request');
    }
    return fn(event, ...(parsed.data as Args<K>));
  });
}
