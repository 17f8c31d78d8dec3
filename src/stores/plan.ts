import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Step, Urgency } from '../../core/content/model';
import { buildPlan, type StepStatus } from '../../core/visit/plan';
import { kioskContent, stepById } from '../content';
import { useAnswersStore } from './answers';

export interface PlannedStep {
  readonly step: Step;
  readonly urgency: Urgency;
  readonly status: StepStatus;
}

/** The visitor's plan, derived from the answers, and what they marked on each step. */
export const usePlanStore = defineStore('plan', () => {
  const answers = useAnswersStore();
  const statuses = ref<Readonly<Record<string, StepStatus>>>({});

  const items = computed<PlannedStep[]>(() =>
    buildPlan(kioskContent.rules, answers.answers).map((p) => ({
      step: stepById(p.stepId),
      urgency: p.urgency,
      status: statuses.value[p.stepId] ?? 'pending',
    })),
  );

  function setStatus(stepId: string, status: StepStatus): void {
    statuses.value = { ...statuses.value, [stepId]: status };
  }

  function reset(): void {
    statuses.value = {};
  }

  return { items, statuses, setStatus, reset };
});
