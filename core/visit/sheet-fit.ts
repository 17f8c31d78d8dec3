import type { LocalizedText, Urgency } from '../content/model.ts';
import type { SheetModel, SheetStep } from './sheet.ts';

/*
 * An A4 sheet prints in 12 pt and keeps to two pages. A plan with many steps does not fit at
 * that size, so the page lays the sheet out, measures it, and shortens it one cut at a time,
 * in this order, until it fits; the sheet then says what it left out.
 */

export type SheetCut =
  /** Reminders other than how scammers act: only why each matters. */
  | 'reminders'
  /** Steps with several ways of doing them: only the first (on a phone). */
  | 'other-ways'
  /** Steps for this week, then today, then now: only why each matters, and its warnings. */
  | 'detail-this-week'
  | 'detail-today'
  /** The official sites listed without their QR codes. */
  | 'site-codes'
  | 'detail-now';

export const SHEET_CUTS: readonly SheetCut[] = [
  'reminders',
  'other-ways',
  'detail-this-week',
  'detail-today',
  'site-codes',
  'detail-now',
];

/** What a cut left out, and of which steps (none for the site codes). */
export interface LeftOut {
  readonly cut: SheetCut;
  readonly steps: readonly LocalizedText[];
}

export interface FittedSheet {
  readonly model: SheetModel;
  /** Whether the official sites keep their QR codes. */
  readonly siteCodes: boolean;
  readonly leftOut: readonly LeftOut[];
}

const DETAIL: Partial<Record<SheetCut, Urgency>> = {
  'detail-this-week': 'this-week',
  'detail-today': 'today',
  'detail-now': 'now',
};

/** A step shortened to why it matters: its warnings stay. */
function shortened(s: SheetStep): SheetStep {
  return { ...s, lines: [s.why], routes: [], then: [], cut: 'in-brief' };
}

/** Whether shortening would leave out anything. */
function hasDetail(s: SheetStep): boolean {
  return s.routes.length > 0 || s.then.length > 0 || s.lines.some((l) => l !== s.why);
}

/** The sheet with the first `cuts` cuts of SHEET_CUTS made, and what each left out. */
export function fitSheet(model: SheetModel, cuts: number): FittedSheet {
  let m = model;
  let siteCodes = true;
  const leftOut: LeftOut[] = [];
  for (const cut of SHEET_CUTS.slice(0, Math.max(0, cuts))) {
    const affected: LocalizedText[] = [];
    const steps = (f: (s: SheetStep) => SheetStep | null) => (s: SheetStep) => {
      const next = f(s);
      if (!next) return s;
      affected.push(s.title);
      return next;
    };
    if (cut === 'reminders') {
      m = {
        ...m,
        remember: m.remember.map(
          steps((s) => (!s.essential && hasDetail(s) ? shortened(s) : null)),
        ),
      };
    } else if (cut === 'other-ways') {
      m = {
        ...m,
        todo: m.todo.map((g) => ({
          ...g,
          steps: g.steps.map(
            steps((s) =>
              s.routes.length > 1 ? { ...s, routes: s.routes.slice(0, 1), cut: 'one-way' } : null,
            ),
          ),
        })),
      };
    } else if (cut === 'site-codes') {
      if (m.links.length > 0) siteCodes = false;
      if (siteCodes) continue;
    } else {
      const urgency = DETAIL[cut];
      m = {
        ...m,
        todo: m.todo.map((g) =>
          g.urgency !== urgency
            ? g
            : {
                ...g,
                steps: g.steps.map(
                  steps((s) => (!s.essential && hasDetail(s) ? shortened(s) : null)),
                ),
              },
        ),
      };
    }
    if (cut === 'site-codes' || affected.length > 0) leftOut.push({ cut, steps: affected });
  }
  // A step shortened to why it matters has lost its other ways too: it is named once.
  const shortenedTitles = new Set(
    leftOut.filter((l) => l.cut.startsWith('detail-')).flatMap((l) => l.steps.map((t) => t.en)),
  );
  const named = leftOut
    .map((l) =>
      l.cut === 'other-ways'
        ? { ...l, steps: l.steps.filter((t) => !shortenedTitles.has(t.en)) }
        : l,
    )
    .filter((l) => l.cut === 'site-codes' || l.steps.length > 0);
  return { model: m, siteCodes, leftOut: named };
}
