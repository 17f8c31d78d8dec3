import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { DocumentTemplate, Step, Urgency } from '../../core/content/model';
import { offeredDocuments } from '../../core/visit/documents';
import { buildPlan, type Situation, type StepStatus } from '../../core/visit/plan';
import { kioskContent, stepById } from '../content';
import { useAnswersStore } from './answers';
import { useKioskStore } from './kiosk';

export interface PlannedStep {
  readonly step: Step;
  readonly urgency: Urgency;
  readonly status: StepStatus;
}

/** The visitor's plan, derived from the answers and the place, and what they marked on each step. */
export const usePlanStore = defineStore('plan', () => {
  const answers = useAnswersStore();
  const kiosk = useKioskStore();
  const statuses = ref<Readonly<Record<string, StepStatus>>>({});

  /** What the plan, each step's sub-steps and notes depend on: the answers, and where we are. */
  const situation = computed<Situation>(() => ({
    answers: answers.answers,
    place: kiosk.settings.branchType,
  }));

  const items = computed<PlannedStep[]>(() =>
    buildPlan(kioskContent, situation.value).map((p) => ({
      step: stepById(p.stepId),
      urgency: p.urgency,
      status: statuses.value[p.stepId] ?? 'pending',
    })),
  );

  /** The documents that fit this plan and these answers, to print and take. */
  const documents = computed<DocumentTemplate[]>(() =>
    offeredDocuments(
      kioskContent,
      items.value.map((i) => ({ stepId: i.step.id, urgency: i.urgency })),
      answers.answers,
      kiosk.settings.branchType,
    ),
  );

  function setStatus(stepId: string, status: StepStatus): void {
    statuses.value = { ...statuses.value, [stepId]: status };
  }

  function reset(): void {
    statuses.value = {};
  }

  return { items, statuses, situation, documents, setStatus, reset };
});
