import type { LocalizedText, Urgency } from '../content/model.ts';
import type { SheetModel, SheetStep } from './sheet.ts';

/*
 * An A4 sheet prints in 12 pt and keeps to two pages. A plan with many steps does not fit at
 * that size, so the page lays the sheet out, measures it, and shortens it one cut at a time
 * until it fits; the sheet then says what it left out, and marks each step it shortened. The
 * cuts, in order, each as small as it can be so that no more is left out than needed:
 *
 * 1. the reminders other than how scammers act, to why each matters;
 * 2. the other ways of doing a step, keeping the first (on a phone), one step at a time from the
 *    least urgent;
 * 3. a step's instructions, to why it matters (its warnings stay), one step at a time: this
 *    week's from the last, then today's;
 * 4. the official sites' QR codes (their addresses stay);
 * 5. the instructions of the steps for right now, from the last.
 */

export type SheetCutKind = 'reminders' | 'other-ways' | 'in-brief' | 'site-codes';

/** One cut: what it takes, and from which step (none for the reminders and the site codes). */
export interface SheetCut {
  readonly kind: SheetCutKind;
  readonly step?: string;
}

/** What the cuts made left out, by kind, with the titles of the steps they took from. */
export interface LeftOut {
  readonly cut: SheetCutKind;
  readonly steps: readonly LocalizedText[];
}

export interface FittedSheet {
  readonly model: SheetModel;
  /** Whether the official sites keep their QR codes. */
  readonly siteCodes: boolean;
  readonly leftOut: readonly LeftOut[];
}

/** Whether shortening a step to why it matters would leave anything out. */
function hasDetail(s: SheetStep): boolean {
  return (
    !s.essential && (s.routes.length > 0 || s.then.length > 0 || s.lines.some((l) => l !== s.why))
  );
}

const BY_URGENCY: readonly Urgency[] = ['this-week', 'today', 'now'];

/** Every cut this sheet can take, in the order they are made. */
export function sheetCuts(model: SheetModel): SheetCut[] {
  const open = (u: Urgency) =>
    [...(model.todo.find((g) => g.urgency === u)?.steps ?? [])].reverse();
  const cuts: SheetCut[] = [];
  if (model.remember.some(hasDetail)) cuts.push({ kind: 'reminders' });
  for (const u of BY_URGENCY)
    for (const s of open(u)) if (s.routes.length > 1) cuts.push({ kind: 'other-ways', step: s.id });
  for (const u of BY_URGENCY) {
    if (u === 'now' && model.links.length > 0) cuts.push({ kind: 'site-codes' });
    for (const s of open(u)) if (hasDetail(s)) cuts.push({ kind: 'in-brief', step: s.id });
  }
  return cuts;
}

/** The sheet with the first `count` of its cuts made, and what they left out. */
export function fitSheet(model: SheetModel, count: number): FittedSheet {
  const made = sheetCuts(model).slice(0, Math.max(0, count));
  const briefed = new Set(made.filter((c) => c.kind === 'in-brief').map((c) => c.step));
  const oneWay = new Set(made.filter((c) => c.kind === 'other-ways').map((c) => c.step));
  const reminders = made.some((c) => c.kind === 'reminders');
  const shortened = (s: SheetStep): SheetStep => ({
    ...s,
    lines: [s.why],
    routes: [],
    then: [],
    cut: 'in-brief',
  });
  const cutStep = (s: SheetStep): SheetStep => {
    if (briefed.has(s.id)) return shortened(s);
    if (oneWay.has(s.id)) return { ...s, routes: s.routes.slice(0, 1), cut: 'one-way' };
    return s;
  };
  const fitted: SheetModel = {
    ...model,
    todo: model.todo.map((g) => ({ ...g, steps: g.steps.map(cutStep) })),
    remember: model.remember.map((s) => (reminders && hasDetail(s) ? shortened(s) : s)),
  };
  const titles = (ids: Set<string | undefined>) =>
    model.todo
      .flatMap((g) => g.steps)
      .filter((s) => ids.has(s.id))
      .map((s) => s.title);
  const leftOut: LeftOut[] = [
    ...(reminders
      ? [{ cut: 'reminders' as const, steps: model.remember.filter(hasDetail).map((s) => s.title) }]
      : []),
    // A step shortened to why it matters has lost its other ways too: it is named once.
    ...(oneWay.size > 0
      ? [
          {
            cut: 'other-ways' as const,
            steps: titles(new Set([...oneWay].filter((id) => !briefed.has(id)))),
          },
        ]
      : []),
    ...(briefed.size > 0 ? [{ cut: 'in-brief' as const, steps: titles(briefed) }] : []),
    ...(made.some((c) => c.kind === 'site-codes')
      ? [{ cut: 'site-codes' as const, steps: [] }]
      : []),
  ].filter((l) => l.cut === 'site-codes' || l.steps.length > 0);
  return {
    model: fitted,
    siteCodes: !made.some((c) => c.kind === 'site-codes'),
    leftOut,
  };
}
