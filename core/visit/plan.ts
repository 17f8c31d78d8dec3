import type {
  CaseText,
  Condition,
  LocalizedText,
  PlanRule,
  Step,
  StepKind,
  StepNote,
  StepRoute,
  Substep,
  Urgency,
} from '../content/model.ts';
import { NOT_SURE, URGENCIES } from '../content/model.ts';
import type { Place } from '../place.ts';

/** The visitor's answers: question id → chosen option ids; `[NOT_SURE]` for "not sure". */
export type Answers = Readonly<Record<string, readonly string[]>>;

/**
 * What conditions are judged on: the visitor's answers, and where they read the text: at a kiosk
 * in a bank or a police station, or (null) at home, on the printed sheet, where "here" means
 * nothing and no place condition holds.
 */
export interface Situation {
  readonly answers: Answers;
  readonly place: Place | null;
}

export interface PlanItem {
  readonly stepId: string;
  readonly urgency: Urgency;
}

export type StepStatus = 'pending' | 'done' | 'later' | 'not-relevant';

/**
 * Whether a condition holds. A question the visitor did not answer, or answered "not sure",
 * satisfies a condition on it unless the condition says `notSure: false`: when in doubt, the
 * plan includes the step.
 */
export function holds(c: Condition, at: Situation): boolean {
  if ('always' in c) return true;
  if ('place' in c) return c.place === at.place;
  if ('not' in c) return !holds(c.not, at);
  if ('any' in c) return c.any.some((x) => holds(x, at));
  if ('all' in c) return c.all.every((x) => holds(x, at));
  const given = at.answers[c.question] ?? [];
  if (given.length === 0 || given.includes(NOT_SURE)) return c.notSure !== false;
  return c.anyOf.some((o) => given.includes(o));
}

/** What the plan is built from: the rules, and each step's kind. */
export interface PlanSource {
  readonly rules: readonly PlanRule[];
  readonly steps: readonly { readonly id: string; readonly kind: StepKind }[];
}

/**
 * The visitor's plan: every step whose rule has a case that holds, with the urgency of the first
 * such case, ordered by urgency (now, today, this week); within one urgency the actions come
 * before the steps that are only to read, each in rule order. So what stops the damage comes
 * first, and nothing to read stands before something to do now.
 */
export function buildPlan(source: PlanSource, at: Situation): PlanItem[] {
  const kind = new Map(source.steps.map((s) => [s.id, s.kind]));
  const items: (PlanItem & { order: number; info: number })[] = [];
  source.rules.forEach((rule, order) => {
    const match = rule.cases.find((c) => holds(c.when, at));
    const info = kind.get(rule.step) === 'info' ? 1 : 0;
    if (match) items.push({ stepId: rule.step, urgency: match.urgency, order, info });
  });
  const rank = (u: Urgency) => URGENCIES.indexOf(u);
  return items
    .sort((a, b) => rank(a.urgency) - rank(b.urgency) || a.info - b.info || a.order - b.order)
    .map(({ stepId, urgency }) => ({ stepId, urgency }));
}

export interface UrgencyGroup<T extends PlanItem = PlanItem> {
  readonly urgency: Urgency;
  readonly items: readonly T[];
}

/** The plan's items grouped by urgency, in urgency order, leaving out empty groups. */
export function groupByUrgency<T extends PlanItem>(plan: readonly T[]): UrgencyGroup<T>[] {
  return URGENCIES.map((urgency) => ({
    urgency,
    items: plan.filter((p) => p.urgency === urgency),
  })).filter((g) => g.items.length > 0);
}

const applies = (x: { readonly onlyIf?: Condition }, at: Situation) =>
  !x.onlyIf || holds(x.onlyIf, at);

/** The sub-steps of a step that apply to this visitor, here. */
export function visibleSubsteps(step: Step, at: Situation): Substep[] {
  return step.substeps.filter((s) => applies(s, at));
}

/** The ways to do a step, each with the sub-steps that apply; a way left with none is left out. */
export function visibleRoutes(step: Step, at: Situation): StepRoute[] {
  return step.routes
    .map((r) => ({ title: r.title, substeps: r.substeps.filter((s) => applies(s, at)) }))
    .filter((r) => r.substeps.length > 0);
}

/** What to do after the ways, as it applies to this visitor, here. */
export function visibleThen(step: Step, at: Situation): Substep[] {
  return step.then.filter((s) => applies(s, at));
}

/** The notes of a step that apply to this visitor, here. */
export function visibleNotes(step: Step, at: Situation): StepNote[] {
  return step.notes.filter((n) => applies(n, at));
}

/** The text of the first case that holds (content puts a case that always holds last). */
export function textFor(cases: readonly CaseText[], at: Situation): LocalizedText {
  const match = cases.find((c) => holds(c.when, at)) ?? cases[cases.length - 1];
  if (!match) throw new Error('no text for this case');
  return match.text;
}
