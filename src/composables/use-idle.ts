import { onBeforeUnmount, onMounted, ref, watch } from 'vue';
import {
  idleTimerFor,
  PIN_ENTRY_IDLE_SECONDS,
  STAFF_SCREEN_IDLE_SECONDS,
} from '../../core/visit/idle';
import { useStaffStore } from '../stores/staff';
import { useKioskStore } from '../stores/kiosk';
import { usePrintStore } from '../stores/print';
import { useSessionStore } from '../stores/session';
import { usePlanStore } from '../stores/plan';

/** Interactions that show someone is at the screen. */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Drives the session machine's idle transitions: one timer for the screen at hand, restarted
 * by any touch, firing the screen's idle event (see core/visit/idle.ts). `deadline` is when it
 * fires, for the warning's countdown.
 */
export function useIdle() {
  const session = useSessionStore();
  const printer = usePrintStore();
  const kiosk = useKioskStore();
  const staff = useStaffStore();
  const plan = usePlanStore();
  const deadline = ref<number | null>(null);
  let pending: ReturnType<typeof setTimeout> | undefined;

  function arm(): void {
    clearTimeout(pending);
    // Over the visitor's screen, staff's own screens have their own time-outs; the visit's
    // timer waits meanwhile.
    if (staff.screen === 'panel') {
      deadline.value = null;
      pending = setTimeout(() => void staff.close(), STAFF_SCREEN_IDLE_SECONDS * 1000);
      return;
    }
    if (staff.screen !== 'closed') {
      deadline.value = null;
      pending = setTimeout(() => staff.cancelEntry(), PIN_ENTRY_IDLE_SECONDS * 1000);
      return;
    }
    const timer = idleTimerFor(session.state, kiosk.settings.idle, printer.phase, {
      assisted: staff.assisting,
      phoneCall: session.state.name === 'step' && plan.items[session.state.index]?.step.phoneCall,
    });
    if (!timer) {
      deadline.value = null;
      return;
    }
    const ms = timer.seconds * 1000;
    deadline.value = Date.now() + ms;
    pending = setTimeout(() => session.dispatch({ type: timer.event }), ms);
  }

  function onActivity(): void {
    // A touch on the warning is answered by its button, which resumes the visit; elsewhere any
    // touch restarts the screen's timer.
    if (session.state.name !== 'idle-warning' || staff.screen !== 'closed') arm();
  }

  watch(
    () =>
      [session.state, printer.phase, kiosk.settings.idle, staff.screen, staff.assisting] as const,
    () => arm(),
    { immediate: true },
  );
  onMounted(() => {
    for (const e of ACTIVITY_EVENTS)
      document.addEventListener(e, onActivity, { capture: true, passive: true });
  });
  onBeforeUnmount(() => {
    clearTimeout(pending);
    for (const e of ACTIVITY_EVENTS) document.removeEventListener(e, onActivity, { capture: true });
  });

  return { deadline };
}
