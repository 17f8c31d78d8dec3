import type {
  Content,
  LocalizedText,
  OfficialLink,
  PhoneNumber,
  StepKind,
  Urgency,
} from '../content/model.ts';
import { URGENCIES } from '../content/model.ts';
import type { Locale } from '../locales.ts';
import { kioskPhones, type KioskPhoneEntry, type KioskPlace } from './kiosk-phones.ts';
import {
  visibleNotes,
  visibleRoutes,
  visibleSubsteps,
  visibleThen,
  type Answers,
  type PlanItem,
  type StepStatus,
} from './plan.ts';

/*
 * The personal action sheet as data: what the visitor takes home. Built from the plan, the
 * marks, the content and the kiosk's settings, and nothing else: there is no personal data to
 * put on it, and the model has no field that could hold any.
 */

export interface SheetStep {
  readonly id: string;
  readonly kind: StepKind;
  readonly urgency: Urgency;
  readonly status: StepStatus;
  readonly title: LocalizedText;
  readonly short: LocalizedText;
  /** Why the step matters: what a step shortened to fit the paper still says. */
  readonly why: LocalizedText;
  /** Never shortened to fit the paper (how scammers act). */
  readonly essential: boolean;
  /** What to do (to-do steps), what to remember (info steps); nothing for done ones. */
  readonly lines: readonly LocalizedText[];
  /** Ways to do it, each apart (on a phone, on a computer), after the lines. */
  readonly routes: readonly SheetRoute[];
  /** What to do after the ways. */
  readonly then: readonly LocalizedText[];
  /**
   * The step's warnings that apply ("new keys do not revoke old ones"), whatever the step's
   * status: at home the sheet is all the visitor has. A warning several steps share is kept at
   * the first of them only.
   */
  readonly warnings: readonly LocalizedText[];
  /**
   * What fitting the A4 sheet to two pages took from the step (core/visit/sheet-fit.ts): its
   * detail, leaving why it matters ("in-brief"), or its ways but the first ("one-way").
   */
  readonly cut?: 'in-brief' | 'one-way';
}

export interface SheetRoute {
  readonly title: LocalizedText;
  readonly lines: readonly LocalizedText[];
}

export interface SheetGroup {
  readonly urgency: Urgency;
  readonly steps: readonly SheetStep[];
}

export interface SheetModel {
  /** ISO date and time of printing, local to the kiosk. */
  readonly printedAt: string;
  readonly branchName: string;
  readonly checkedAsOf: string;
  /** Steps left to do (not marked, or "later"), by urgency, with empty check boxes. */
  readonly todo: readonly SheetGroup[];
  /** Steps already done, ticked. */
  readonly done: readonly SheetStep[];
  /** Steps the visitor marked "not relevant": titles only, so they can change their mind. */
  readonly notRelevant: readonly SheetStep[];
  /** Info steps: how scammers act, what officials never do, where to tell your story. */
  readonly remember: readonly SheetStep[];
  /** The phones staff set for this kiosk: the branch or station, the local police. */
  readonly kioskPhones: readonly KioskPhoneEntry[];
  readonly numbers: readonly PhoneNumber[];
  readonly links: readonly OfficialLink[];
  readonly emails: readonly string[];
  /** Nobody can get the money back for a fee: on every sheet. */
  readonly recoveryWarning: LocalizedText;
}

export interface SheetInput {
  readonly content: Content;
  readonly plan: readonly PlanItem[];
  readonly statuses: Readonly<Record<string, StepStatus>>;
  readonly answers: Answers;
  readonly branchName: string;
  /** Where the kiosk stands and its phones: what a step says and shows depends on it. */
  readonly place: KioskPlace;
  readonly printedAt: Date;
}

/** The second language of a bilingual sheet: Kazakh, or Russian for a Kazakh-speaking visitor. */
export function secondLocale(locale: Locale): Locale {
  return locale === 'kk' ? 'ru' : 'kk';
}

/** The languages the sheet prints in: the one chosen for paper, and the second one on its own pages. */
export function paperLocales(locale: Locale, bilingual: boolean): readonly Locale[] {
  return bilingual ? [locale, secondLocale(locale)] : [locale];
}

/** A sheet date as people write it in Kazakhstan: "22.11.2026", or "22.11.2026 09:05". */
export function formatSheetDate(iso: string, withTime = false): string {
  const [date, time] = iso.split('T') as [string, string | undefined];
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}${withTime && time ? ` ${time}` : ''}`;
}

function localIso(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

function unique<T>(items: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => !seen.has(key(t)) && seen.add(key(t)));
}

export function buildSheet(input: SheetInput): SheetModel {
  const { content, plan, statuses } = input;
  // The sheet is read at home: what the kiosk's place offers "here" does not apply there.
  const at = { answers: input.answers, place: null };
  // On paper a sub-step may have a shorter form (the scam tricks, as a short list).
  const line = (s: {
    text: LocalizedText;
    brief?: LocalizedText;
    path?: readonly LocalizedText[];
  }) => (s.path ? joinPath(s.text, s.path) : (s.brief ?? s.text));
  const stepOf = new Map(content.steps.map((s) => [s.id, s]));
  const numberOf = new Map(content.numbers.map((n) => [n.id, n]));

  const steps: SheetStep[] = plan.flatMap((item) => {
    const step = stepOf.get(item.stepId);
    if (!step) return [];
    const status = step.kind === 'info' ? 'pending' : (statuses[step.id] ?? 'pending');
    const brief = step.kind === 'info' && step.onSheet === 'brief';
    const closed = status === 'done' || status === 'not-relevant';
    const lines = brief ? [step.why] : closed ? [] : visibleSubsteps(step, at).map(line);
    const open = !brief && !closed;
    const routes = open
      ? visibleRoutes(step, at).map((r) => ({ title: r.title, lines: r.substeps.map(line) }))
      : [];
    const then = open ? visibleThen(step, at).map(line) : [];
    const warnings = visibleNotes(step, at)
      .filter((n) => n.kind === 'warning')
      .map((n) => n.text);
    return [
      {
        id: step.id,
        kind: step.kind,
        urgency: item.urgency,
        status,
        title: step.title,
        short: step.short,
        why: step.why,
        essential: step.onSheet === 'essential',
        lines,
        routes,
        then,
        warnings,
      },
    ];
  });

  const actions = steps.filter((s) => s.kind === 'action');
  const todo = URGENCIES.map((urgency) => ({
    urgency,
    steps: actions.filter(
      (s) => s.urgency === urgency && (s.status === 'pending' || s.status === 'later'),
    ),
  })).filter((g) => g.steps.length > 0);
  const done = actions.filter((s) => s.status === 'done');
  const notRelevant = actions.filter((s) => s.status === 'not-relevant');
  const remember = steps.filter((s) => s.kind === 'info');
  // In the order the sheet prints them, each warning is kept at its first step only.
  const seen = new Set<string>();
  const once = (s: SheetStep): SheetStep => ({
    ...s,
    warnings: s.warnings.filter((w) => !seen.has(w.en) && seen.add(w.en)),
  });
  const ordered = {
    todo: todo.map((g) => ({ ...g, steps: g.steps.map(once) })),
    done: done.map(once),
    notRelevant: notRelevant.map(once),
    remember: remember.map(once),
  };
  const inPlan = plan.flatMap((p) => stepOf.get(p.stepId) ?? []);
  return {
    printedAt: localIso(input.printedAt),
    branchName: input.branchName,
    checkedAsOf: content.meta.checkedAsOf,
    ...ordered,
    kioskPhones: kioskPhones(input.place),
    numbers: unique(
      inPlan.flatMap((s) => s.numbers.flatMap((id) => numberOf.get(id) ?? [])),
      (n) => n.id,
    ),
    links: unique(
      inPlan.flatMap((s) => s.links),
      (l) => l.url,
    ),
    emails: unique(
      inPlan.flatMap((s) => s.emails),
      (e) => e,
    ),
    recoveryWarning: content.meta.recoveryWarning,
  };
}

/** Every warning the sheet carries, once each, in the order it prints them. */
export function sheetWarnings(model: SheetModel): LocalizedText[] {
  return [
    ...model.todo.flatMap((g) => g.steps),
    ...model.done,
    ...model.notRelevant,
    ...model.remember,
  ].flatMap((s) => s.warnings);
}

/**
 * The blocks of an A4 sheet below its header, top to bottom, each drawn only when it has
 * anything in it: the groups of steps to do, the steps done, those not relevant, then for
 * reference how scammers act (and the recovery warning, always there), the numbers, the
 * official sites, and the footer. The preview draws them in turn, as far as its screen shows.
 */
export type SheetBlock =
  `todo-${Urgency}` | 'done' | 'not-relevant' | 'remember' | 'numbers' | 'links' | 'footer';

export function sheetBlocks(model: SheetModel): SheetBlock[] {
  const when = (has: boolean, block: SheetBlock) => (has ? [block] : []);
  return [
    ...model.todo.map((g) => `todo-${g.urgency}` as const),
    ...when(model.done.length > 0, 'done'),
    ...when(model.notRelevant.length > 0, 'not-relevant'),
    'remember',
    ...when(model.numbers.length + model.kioskPhones.length > 0, 'numbers'),
    ...when(model.links.length > 0, 'links'),
    'footer',
  ];
}

/** A sub-step with its menu path on one line: "In eGov Mobile, open: «A» → «B»". */
function joinPath(text: LocalizedText, path: readonly LocalizedText[]): LocalizedText {
  const join = (l: Locale) => `${text[l]} ${path.map((p) => p[l]).join(' → ')}`;
  return { kk: join('kk'), ru: join('ru'), en: join('en') };
}

/** Words the phone text needs from the UI catalogue, in the visitor's language. */
export interface PhoneTextLabels {
  readonly title: string;
  readonly urgency: Readonly<Record<Urgency, string>>;
  readonly done: string;
  readonly phones: string;
}

/**
 * The most a "plan on your phone" QR code holds: with low error correction this is QR version
 * 17 or less, which a phone reads from a 45 mm square on paper.
 */
export const PHONE_TEXT_MAX_BYTES = 640;

/**
 * The plan as short plain text for a QR code the visitor scans into their phone's notes:
 * nothing leaves the kiosk, no server is involved. Lines are dropped from the end (done steps
 * first) until it fits.
 */
export function phoneText(model: SheetModel, labels: PhoneTextLabels, l: Locale): string {
  const head = [`${labels.title} · CitizenSec · ${formatSheetDate(model.printedAt)}`];
  const todo = model.todo.flatMap((g) => [
    `${labels.urgency[g.urgency]}:`,
    ...g.steps.map((s) => `[ ] ${s.short[l]}`),
  ]);
  const done =
    model.done.length > 0
      ? [`${labels.done}: ${model.done.map((s) => s.short[l]).join(', ')}`]
      : [];
  const dials = unique(
    [...model.kioskPhones.map((p) => p.dial), ...model.numbers.map((n) => n.dial)],
    (d) => d,
  );
  const phones = dials.length > 0 ? [`${labels.phones}: ${dials.join(', ')}`] : [];
  const sites =
    model.links.length > 0 ? [model.links.map((k) => new URL(k.url).hostname).join(' ')] : [];

  const bytes = (lines: string[]) => new TextEncoder().encode(lines.join('\n')).length;
  let lines = [...head, ...todo, ...phones, ...sites, ...done];
  for (const drop of [done, sites]) {
    if (bytes(lines) <= PHONE_TEXT_MAX_BYTES) break;
    lines = lines.filter((x) => !drop.includes(x));
  }
  while (bytes(lines) > PHONE_TEXT_MAX_BYTES && lines.length > 1) lines = lines.slice(0, -1);
  return lines.join('\n');
}
