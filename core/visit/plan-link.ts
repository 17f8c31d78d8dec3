import type { Content, Urgency } from '../content/model.ts';
import { NOT_SURE, URGENCIES } from '../content/model.ts';
import { LOCALES, type Locale } from '../locales.ts';
import type { Answers, PlanItem, StepStatus } from './plan.ts';

/*
 * The plan, carried to the visitor's phone in the fragment of a link (`<companion URL>#<code>`):
 * a browser never sends the fragment to the server, and the code holds nothing personal, only
 * the language, the date, which version of the content the plan was made with, the answers (as
 * categories), and each step's urgency and mark. It is a few dozen bytes in base64url, so the QR
 * code that holds the link stays small enough to read from an 80 mm receipt.
 *
 * Layout (version 1), as a bit string: version (8), language (2), date as days since
 * 2024-01-01 (16), the content's checked-as-of date likewise (16), a 16-bit fingerprint of the
 * content's questions, options and steps (so a code is never read against content it was not
 * made with), then per question one bit per option and one for "not sure", then per step in
 * content order its urgency (2: none, now, today, this week) and mark (2).
 */

export const PLAN_LINK_VERSION = 1;
const EPOCH = Date.UTC(2024, 0, 1);
const DAY = 86_400_000;
const STATUSES: readonly StepStatus[] = ['pending', 'done', 'later', 'not-relevant'];

export interface PlanLink {
  readonly locale: Locale;
  /** The visit's date, YYYY-MM-DD. */
  readonly date: string;
  readonly answers: Answers;
  readonly plan: readonly PlanItem[];
  readonly statuses: Readonly<Record<string, StepStatus>>;
}

export type PlanLinkResult =
  | { readonly ok: true; readonly link: PlanLink }
  /**
   * `damaged`: not a code at all, or cut short; `newer`: made by a newer kiosk or newer content
   * than this page knows; `other-content`: made with content this page does not have.
   */
  | { readonly ok: false; readonly problem: 'damaged' | 'newer' | 'other-content' };

/** The content a code is read against: its date, and a fingerprint of what the code indexes. */
export function contentFingerprint(content: Content): number {
  const shape = [
    ...content.questions.map((q) => `${q.id}:${q.options.map((o) => o.id).join(',')}`),
    ...content.steps.map((s) => s.id),
  ].join('|');
  // FNV-1a, folded to 16 bits.
  let h = 0x811c9dc5;
  for (let i = 0; i < shape.length; i++) {
    h ^= shape.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return ((h >>> 16) ^ (h & 0xffff)) & 0xffff;
}

function toDays(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Math.round((Date.UTC(y!, m! - 1, d!) - EPOCH) / DAY);
}

function fromDays(days: number): string {
  return new Date(EPOCH + days * DAY).toISOString().slice(0, 10);
}

class BitWriter {
  private readonly bits: number[] = [];
  put(value: number, width: number): void {
    for (let i = width - 1; i >= 0; i--) this.bits.push((value >>> i) & 1);
  }
  bytes(): Uint8Array {
    const out = new Uint8Array(Math.ceil(this.bits.length / 8));
    this.bits.forEach((b, i) => {
      out[i >> 3]! |= b << (7 - (i & 7));
    });
    return out;
  }
}

class BitReader {
  private at = 0;
  constructor(private readonly data: Uint8Array) {}
  get(width: number): number {
    if (this.at + width > this.data.length * 8) throw new RangeError('code cut short');
    let v = 0;
    for (let i = 0; i < width; i++, this.at++)
      v = (v << 1) | ((this.data[this.at >> 3]! >> (7 - (this.at & 7))) & 1);
    return v >>> 0;
  }
  /** Whatever is left is only the padding of the last byte, all zero. */
  done(): boolean {
    if (this.data.length * 8 - this.at >= 8) return false;
    while (this.at < this.data.length * 8) if (this.get(1) !== 0) return false;
    return true;
  }
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.ceil((Math.min(3, bytes.length - i) * 8) / 6);
    for (let j = 0; j < chars; j++) out += BASE64URL[(n >> (18 - 6 * j)) & 63];
  }
  return out;
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 4) {
    const chunk = text.slice(i, i + 4);
    let n = 0;
    for (let j = 0; j < 4; j++)
      n = (n << 6) | (j < chunk.length ? BASE64URL.indexOf(chunk[j]!) : 0);
    const count = Math.floor((chunk.length * 6) / 8);
    for (let j = 0; j < count; j++) bytes.push((n >> (16 - 8 * j)) & 255);
  }
  return new Uint8Array(bytes);
}

/** The code for a visit's plan, to put after `#` in the companion's address. */
export function encodePlanLink(content: Content, link: PlanLink): string {
  const w = new BitWriter();
  w.put(PLAN_LINK_VERSION, 8);
  w.put(LOCALES.indexOf(link.locale), 2);
  w.put(toDays(link.date), 16);
  w.put(toDays(content.meta.checkedAsOf), 16);
  w.put(contentFingerprint(content), 16);
  for (const q of content.questions) {
    const given = link.answers[q.id] ?? [];
    for (const o of q.options) w.put(given.includes(o.id) ? 1 : 0, 1);
    w.put(given.includes(NOT_SURE) ? 1 : 0, 1);
  }
  const urgencyOf = new Map(link.plan.map((p) => [p.stepId, p.urgency]));
  for (const s of content.steps) {
    const u = urgencyOf.get(s.id);
    w.put(u ? URGENCIES.indexOf(u) + 1 : 0, 2);
    w.put(u ? STATUSES.indexOf(link.statuses[s.id] ?? 'pending') : 0, 2);
  }
  return toBase64Url(w.bytes());
}

/** Reads a code back against this content; never throws. */
export function decodePlanLink(content: Content, code: string): PlanLinkResult {
  const bytes = fromBase64Url(code.trim());
  if (!bytes || bytes.length === 0) return { ok: false, problem: 'damaged' };
  try {
    const r = new BitReader(bytes);
    const version = r.get(8);
    if (version > PLAN_LINK_VERSION) return { ok: false, problem: 'newer' };
    if (version !== PLAN_LINK_VERSION) return { ok: false, problem: 'damaged' };
    const locale = LOCALES[r.get(2)];
    const date = r.get(16);
    const contentDate = r.get(16);
    const fingerprint = r.get(16);
    if (!locale) return { ok: false, problem: 'damaged' };
    if (
      fingerprint !== contentFingerprint(content) ||
      contentDate !== toDays(content.meta.checkedAsOf)
    )
      return {
        ok: false,
        problem: contentDate > toDays(content.meta.checkedAsOf) ? 'newer' : 'other-content',
      };
    const answers: Record<string, string[]> = {};
    for (const q of content.questions) {
      const chosen = q.options.filter(() => r.get(1) === 1).map((o) => o.id);
      if (r.get(1) === 1) chosen.push(NOT_SURE);
      if (chosen.length > 0) answers[q.id] = chosen;
    }
    const plan: PlanItem[] = [];
    const statuses: Record<string, StepStatus> = {};
    for (const s of content.steps) {
      const u = r.get(2);
      const status = STATUSES[r.get(2)]!;
      if (u === 0) continue;
      plan.push({ stepId: s.id, urgency: URGENCIES[u - 1] as Urgency });
      if (status !== 'pending') statuses[s.id] = status;
    }
    if (!r.done()) return { ok: false, problem: 'damaged' };
    // The plan in the order the kiosk shows it (buildPlan's): by urgency, actions before what is
    // only read, then content order, which is rule order.
    const info = new Set(content.steps.filter((s) => s.kind === 'info').map((s) => s.id));
    const rank = (p: PlanItem) => URGENCIES.indexOf(p.urgency) * 2 + (info.has(p.stepId) ? 1 : 0);
    plan.sort((a, b) => rank(a) - rank(b));
    return { ok: true, link: { locale, date: fromDays(date), answers, plan, statuses } };
  } catch {
    return { ok: false, problem: 'damaged' };
  }
}

/** The address the QR code holds: the companion's, with the plan in its fragment. */
export function planLinkUrl(companionUrl: string, code: string): string {
  return `${companionUrl.replace(/#.*$/, '')}#${code}`;
}
