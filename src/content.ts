import content from 'virtual:kiosk-content';
import type { Content, PhoneNumber, Step } from '../core/content/model';

/** The validated checklist, compiled into the page at build time. */
export const kioskContent: Content = content;

const stepsById = new Map(kioskContent.steps.map((s) => [s.id, s]));
const numbersById = new Map(kioskContent.numbers.map((n) => [n.id, n]));

export function stepById(id: string): Step {
  const step = stepsById.get(id);
  // Unreachable with validated content: the plan only names steps that exist.
  if (!step) throw new Error(`unknown step ${id}`);
  return step;
}

export function numbersOf(step: Step): PhoneNumber[] {
  return step.numbers.flatMap((id) => numbersById.get(id) ?? []);
}
