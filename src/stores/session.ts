import { defineStore } from 'pinia';
import { ref } from 'vue';
import { INITIAL_STATE, transition, type SessionEvent, type SessionState } from '../domain/session';
import { kioskContent } from '../content';
import { usePlanStore } from './plan';

/** Where the visitor is in the visit; every move goes through the session state machine. */
export const useSessionStore = defineStore('session', () => {
  const state = ref<SessionState>(INITIAL_STATE);
  const plan = usePlanStore();

  function dispatch(event: SessionEvent): void {
    state.value = transition(state.value, event, {
      questionCount: kioskContent.questions.length,
      stepCount: plan.items.length,
    });
  }

  function reset(): void {
    state.value = INITIAL_STATE;
  }

  return { state, dispatch, reset };
});
