import type { Condition, PlanRule, Step, Substep, Urgency } from '../content/model.ts';
import { NOT_SURE, URGENCIES } from '../content/model.ts';

/** The visitor's answers: question id → chosen option ids; `[NOT_SURE]` for "not sure". */
export type Answers = Readonly<Record<string, readonly string[]>>;

export interface PlanItem {
  readonly stepId: string;
  readonly urgency: Urgency;
}

export type StepStatus = 'pending' | 'done' | 'later' | 'not-relevant';

/**
 * Whether a condition holds for these answers. A question the visitor did not answer, or answered
 * "not sure", satisfies a condition on it unless the condition says `notSure: false`: when in
 * doubt, the plan includes the step.
 */
export function holds(c: Condition, answers: Answers): boolean {
  if ('always' in c) return true;
  if ('any' in c) return c.any.some((x) => holds(x, answers));
  if ('all' in c) return c.all.every((x) => holds(x, answers));
  const given = answers[c.question] ?? [];
  if (given.length === 0 || given.includes(NOT_SURE)) return c.notSure !== false;
  return c.anyOf.some((o) => given.includes(o));
}

/**
 * The visitor's plan: every step whose rule has a case that holds, with the urgency of the first
 * such case, ordered by urgency (now, today, this week) and within one urgency by rule order.
 */
export function buildPlan(rules: readonly PlanRule[], answers: Answers): PlanItem[] {
  const items: (PlanItem & { order: number })[] = [];
  rules.forEach((rule, order) => {
    const match = rule.cases.find((c) => holds(c.when, answers));
    if (match) items.push({ stepId: rule.step, urgency: match.urgency, order });
  });
  const rank = (u: Urgency) => URGENCIES.indexOf(u);
  return items
    .sort((a, b) => rank(a.urgency) - rank(b.urgency) || a.order - b.order)
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

/** The sub-steps of a step that apply to this visitor. */
export function visibleSubsteps(step: Step, answers: Answers): Substep[] {
  return step.substeps.filter((s) => !s.onlyIf || holds(s.onlyIf, answers));
}
