// @vitest-environment happy-dom
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import StepPage from '../../src/pages/StepPage.vue';
import PreviewPage from '../../src/pages/PreviewPage.vue';
import PrintingPage from '../../src/pages/PrintingPage.vue';
import { useKioskStore } from '../../src/stores/kiosk';
import { usePlanStore } from '../../src/stores/plan';
import App from '../../src/App.vue';
import { loadLazyScreens } from '../../src/lazy-screens';
import { useAnswersStore } from '../../src/stores/answers';
import { useSessionStore } from '../../src/stores/session';
import { mockKiosk, mountKiosk } from './helpers';

describe('App', () => {
  // The screens after the attract screen load in chunks of their own (src/lazy-screens.ts).
  beforeAll(() => loadLazyScreens());

  it('moves through the visit by touch and keeps "next" off until a question is answered', async () => {
    const { wrapper } = mountKiosk(App, { locale: 'kk', attachTo: document.body });
    await wrapper.get('[data-testid="attract"]').trigger('click');
    await wrapper.get('[data-testid="language-ru"]').trigger('click');
    expect(useSessionStore().state).toEqual({ name: 'triage', question: 0 });
    expect(wrapper.get('h1').text()).toBe(
      'Что вы сообщили мошенникам или что сделали по их просьбе?',
    );
    expect(wrapper.get('[data-testid="next"]').attributes('disabled')).toBeDefined();
    await wrapper.get('[data-testid="option-card"]').trigger('click');
    expect(wrapper.get('[data-testid="next"]').attributes('disabled')).toBeUndefined();
    expect(document.documentElement.lang).toBe('ru');
    wrapper.unmount();
  });

  it('asks before starting over, then wipes the visit', async () => {
    const { wrapper } = mountKiosk(App, { locale: 'kk', attachTo: document.body });
    await wrapper.get('[data-testid="attract"]').trigger('click');
    await wrapper.get('[data-testid="language-en"]').trigger('click');
    await wrapper.get('[data-testid="option-card"]').trigger('click');
    await wrapper.get('[data-testid="start-over"]').trigger('click');
    await wrapper.get('[data-testid="cancel-start-over"]').trigger('click');
    expect(useAnswersStore().selected('shared')).toEqual(['card']);
    await wrapper.get('[data-testid="start-over"]').trigger('click');
    await wrapper.get('[data-testid="confirm-start-over"]').trigger('click');
    expect(useAnswersStore().answers).toEqual({});
    expect(wrapper.find('[data-testid="attract"]').exists()).toBe(true);
    expect(document.documentElement.lang).toBe('kk');
    wrapper.unmount();
  });

  it('makes the next screen ready out of the page, and shows that same screen on the touch', async () => {
    const { wrapper } = mountKiosk(App, { locale: 'ru', attachTo: document.body });
    const api = mockKiosk();
    useKioskStore().api = api;
    const session = useSessionStore();
    session.dispatch({ type: 'begin' });
    session.dispatch({ type: 'language-chosen' });
    while (session.state.name === 'triage') session.dispatch({ type: 'next' });
    session.dispatch({ type: 'next' });
    expect(session.state).toEqual({ name: 'step', index: 0 });
    expect(usePlanStore().items.length).toBeGreaterThan(1);

    // Once the step has painted and the page is idle, the next step is made, but not shown.
    const steps = () => wrapper.findAllComponents(StepPage);
    await vi.waitFor(() => expect(steps()).toHaveLength(2));
    const ready = steps().find((s) => s.props('index') === 1)!;
    expect(document.body.contains(ready.element)).toBe(false);
    expect(document.querySelectorAll('[data-screen]')).toHaveLength(1);

    // Next shows that very screen: moved into the page, not created again.
    await wrapper.get('[data-testid="next"]').trigger('click');
    expect(steps()).toHaveLength(1);
    expect(steps()[0]!.vm.$.uid).toBe(ready.vm.$.uid);
    expect(document.body.contains(ready.element)).toBe(true);
    expect(wrapper.get('[data-screen="step"] [data-testid="progress"]').text()).toContain('2');

    // Back leads elsewhere: that screen is created as before, and the one made ready let go.
    await vi.waitFor(() => expect(steps()).toHaveLength(2));
    await wrapper.get('[data-testid="back"]').trigger('click');
    expect(steps().map((s) => s.props('index'))).toEqual([0]);
    expect(steps()[0]!.vm.$.uid).not.toBe(ready.vm.$.uid);
    wrapper.unmount();
  });

  it('makes the preview ready on the summary without checking the printer, and never printing', async () => {
    const { wrapper } = mountKiosk(App, { locale: 'kk', attachTo: document.body });
    const api = mockKiosk();
    useKioskStore().api = api;
    const session = useSessionStore();
    session.dispatch({ type: 'begin' });
    session.dispatch({ type: 'language-chosen' });
    while (session.state.name !== 'summary') session.dispatch({ type: 'next' });
    await vi.waitFor(() => expect(wrapper.findAllComponents(PreviewPage)).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 50));
    // The preview checks the printer as it is shown, not while the visitor reads the summary.
    expect(api.checkPrinter).not.toHaveBeenCalled();

    await wrapper.get('[data-testid="print-plan"]').trigger('click');
    await nextTick();
    expect(session.state).toEqual({ name: 'preview' });
    expect(api.checkPrinter).toHaveBeenCalled();
    // On the preview nothing is made ready: its next touch prints.
    await new Promise((r) => setTimeout(r, 100));
    expect(wrapper.findAllComponents(PrintingPage)).toHaveLength(0);
    expect(api.printSheet).not.toHaveBeenCalled();
    wrapper.unmount();
  });
});
