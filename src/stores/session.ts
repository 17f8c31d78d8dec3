import { defineStore } from 'pinia';
import { ref } from 'vue';
import {
  INITIAL_STATE,
  transition,
  type SessionEvent,
  type SessionState,
} from '../../core/visit/session';
import { kioskContent } from '../content';
import { usePlanStore } from './plan';

/** Where the visitor is in the visit; every move goes through the session state machine. */
export const useSessionStore = defineStore('session', () => {
  const state = ref<SessionState>(INITIAL_STATE);
  /** For the anonymous counters: a language was chosen, and the summary was reached. */
  const started = ref(false);
  const completed = ref(false);
  const plan = usePlanStore();

  function dispatch(event: SessionEvent): void {
    const before = state.value.name;
    state.value = transition(state.value, event, {
      questionCount: kioskContent.questions.length,
      stepCount: plan.items.length,
      documents: plan.documents.map((d) => d.id),
    });
    if (before === 'language' && event.type === 'language-chosen') started.value = true;
    if (state.value.name === 'summary') completed.value = true;
  }

  function reset(): void {
    state.value = INITIAL_STATE;
    started.value = false;
    completed.value = false;
  }

  return { state, started, completed, dispatch, reset };
});
