import { onBeforeUnmount, onMounted, ref, watch } from 'vue';
import { idleTimerFor } from '../domain/idle';
import { useKioskStore } from '../stores/kiosk';
import { usePrintStore } from '../stores/print';
import { useSessionStore } from '../stores/session';

/** Interactions that show someone is at the screen. */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Drives the session machine's idle transitions: one timer for the screen at hand, restarted
 * by any touch, firing the screen's idle event (see src/domain/idle.ts). `deadline` is when it
 * fires, for the warning's countdown.
 */
export function useIdle() {
  const session = useSessionStore();
  const printer = usePrintStore();
  const kiosk = useKioskStore();
  const deadline = ref<number | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;

  function arm(): void {
    clearTimeout(timer);
    const plan = idleTimerFor(session.state, kiosk.settings.idle, printer.phase);
    if (!plan) {
      deadline.value = null;
      return;
    }
    deadline.value = Date.now() + plan.seconds * 1000;
    timer = setTimeout(() => session.dispatch({ type: plan.event }), plan.seconds * 1000);
  }

  function onActivity(): void {
    // A touch on the warning is answered by its button, which resumes the visit; elsewhere any
    // touch restarts the screen's timer.
    if (session.state.name !== 'idle-warning') arm();
  }

  watch(
    () => [session.state, printer.phase, kiosk.settings.idle] as const,
    () => arm(),
    { immediate: true },
  );
  onMounted(() => {
    for (const e of ACTIVITY_EVENTS)
      document.addEventListener(e, onActivity, { capture: true, passive: true });
  });
  onBeforeUnmount(() => {
    clearTimeout(timer);
    for (const e of ACTIVITY_EVENTS) document.removeEventListener(e, onActivity, { capture: true });
  });

  return { deadline };
}
