// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import { useIdle } from '../../../src/composables/use-idle';
import { useKioskStore } from '../../../src/stores/kiosk';
import { usePrintStore } from '../../../src/stores/print';
import { useSessionStore } from '../../../src/stores/session';
import { useStaffStore } from '../../../src/stores/staff';
import { usePlanStore } from '../../../src/stores/plan';
import {
  ASSISTED_IDLE_FACTOR,
  DEFAULT_IDLE,
  PIN_ENTRY_IDLE_SECONDS,
  STAFF_SCREEN_IDLE_SECONDS,
} from '../../../core/visit/idle';
import { mockKiosk, mountKiosk, staffOpen } from '../helpers';

/** A component that only runs the idle timer, as App does, and shows its deadline. */
const Harness = defineComponent({
  setup() {
    const { deadline } = useIdle();
    return () => h('div', { 'data-deadline': deadline.value ?? '' });
  },
});

const seconds = (s: number) => vi.advanceTimersByTimeAsync(s * 1000);

function start(screen: 'language' | 'step' | 'attract' = 'language', stepId = 'stop-credit') {
  const api = mockKiosk();
  const pinia = staffOpen(api);
  useStaffStore().screen = 'closed';
  const session = useSessionStore();
  const index = usePlanStore().items.findIndex((i) => i.step.id === stepId);
  session.state = screen === 'step' ? { name: 'step', index } : { name: screen };
  const { wrapper } = mountKiosk(Harness, { pinia, attachTo: document.body });
  return { api, wrapper, session, staff: useStaffStore() };
}

const touch = () => document.dispatchEvent(new Event('pointerdown'));

describe('useIdle', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date(2026, 10, 25, 10, 0) }));
  afterEach(() => vi.useRealTimers());

  it("asks 'are you still there?' after the screen's idle time, and sets the deadline", async () => {
    const { wrapper, session } = start();
    expect(Number(wrapper.attributes('data-deadline'))).toBe(
      Date.now() + DEFAULT_IDLE.idleSeconds * 1000,
    );
    await seconds(DEFAULT_IDLE.idleSeconds - 1);
    expect(session.state.name).toBe('language');
    await seconds(1);
    expect(session.state.name).toBe('idle-warning');
  });

  it('waits longer on a step, which takes longest to read', async () => {
    const { session } = start('step');
    await seconds(DEFAULT_IDLE.idleSeconds);
    expect(session.state.name).toBe('step');
    await seconds(DEFAULT_IDLE.readingIdleSeconds - DEFAULT_IDLE.idleSeconds);
    expect(session.state.name).toBe('idle-warning');
  });

  it('waits at least 5 minutes on a step where the visitor is on the phone to their bank', async () => {
    const { session } = start('step', 'contact-bank');
    await seconds(DEFAULT_IDLE.readingIdleSeconds);
    expect(session.state.name).toBe('step');
    await seconds(DEFAULT_IDLE.callIdleSeconds - DEFAULT_IDLE.readingIdleSeconds - 1);
    expect(session.state.name).toBe('step');
    expect(DEFAULT_IDLE.callIdleSeconds).toBeGreaterThanOrEqual(300);
    await seconds(1);
    expect(session.state.name).toBe('idle-warning');
  });

  it('starts again from a touch', async () => {
    const { session } = start();
    await seconds(DEFAULT_IDLE.idleSeconds - 5);
    touch();
    await seconds(DEFAULT_IDLE.idleSeconds - 5);
    expect(session.state.name).toBe('language');
    await seconds(5);
    expect(session.state.name).toBe('idle-warning');
  });

  it('ends the visit when the warning is not answered; a touch beside its button does not', async () => {
    const { session } = start();
    await seconds(DEFAULT_IDLE.idleSeconds);
    expect(session.state.name).toBe('idle-warning');
    await seconds(DEFAULT_IDLE.warningSeconds - 5);
    touch();
    await seconds(5);
    expect(session.state.name).toBe('attract');
  });

  it('waits for a visitor on the attract screen, with no deadline', async () => {
    const { wrapper, session } = start('attract');
    expect(wrapper.attributes('data-deadline')).toBe('');
    await seconds(3600);
    expect(session.state.name).toBe('attract');
  });

  it('follows the idle times staff set', async () => {
    const { session } = start();
    useKioskStore().settings = {
      ...useKioskStore().settings,
      idle: { ...DEFAULT_IDLE, idleSeconds: 300 },
    };
    await nextTick();
    await seconds(DEFAULT_IDLE.idleSeconds);
    expect(session.state.name).toBe('language');
    await seconds(300 - DEFAULT_IDLE.idleSeconds);
    expect(session.state.name).toBe('idle-warning');
  });

  it('waits four times longer while staff assist', async () => {
    const { session, staff } = start();
    staff.assisting = true;
    await nextTick();
    await seconds(DEFAULT_IDLE.idleSeconds * ASSISTED_IDLE_FACTOR - 1);
    expect(session.state.name).toBe('language');
    await seconds(1);
    expect(session.state.name).toBe('idle-warning');
  });

  it('holds the visit while the staff screen is open, and closes that screen after a while', async () => {
    const { api, session, staff } = start();
    staff.screen = 'panel';
    await nextTick();
    await seconds(STAFF_SCREEN_IDLE_SECONDS - 1);
    expect(staff.screen).toBe('panel');
    expect(session.state.name).toBe('language');
    await seconds(1);
    await flushPromises();
    expect(staff.screen).toBe('closed');
    expect(api.lockStaff).toHaveBeenCalled();
    // Back to the visitor, whose own timer starts afresh.
    await seconds(DEFAULT_IDLE.idleSeconds);
    expect(session.state.name).toBe('idle-warning');
  });

  it('closes a PIN pad a visitor may have opened by chance', async () => {
    const { staff } = start();
    staff.screen = 'pin';
    await nextTick();
    await seconds(PIN_ENTRY_IDLE_SECONDS - 1);
    expect(staff.screen).toBe('pin');
    await seconds(1);
    expect(staff.screen).toBe('closed');
  });

  it('leaves a print under way alone, and says goodbye once the sheet printed', async () => {
    const { session } = start();
    session.state = { name: 'printing' };
    const print = usePrintStore();
    print.phase = 'printing';
    await nextTick();
    await seconds(3600);
    expect(session.state.name).toBe('printing');
    print.phase = 'done';
    await nextTick();
    await seconds(DEFAULT_IDLE.goodbyeSeconds);
    expect(session.state.name).toBe('goodbye');
    await seconds(DEFAULT_IDLE.goodbyeSeconds);
    expect(session.state.name).toBe('attract');
  });

  it('stops with the page: no timer and no listener is left', async () => {
    const { wrapper, session } = start();
    wrapper.unmount();
    await seconds(DEFAULT_IDLE.idleSeconds * 2);
    expect(session.state.name).toBe('language');
    expect(vi.getTimerCount()).toBe(0);
  });
});
