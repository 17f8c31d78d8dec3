// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import App from '../../../src/App.vue';
import { loadLazyScreens } from '../../../src/lazy-screens';
import StepPage from '../../../src/pages/StepPage.vue';
import { useAnswersStore } from '../../../src/stores/answers';
import { usePlanStore } from '../../../src/stores/plan';
import { useSessionStore } from '../../../src/stores/session';
import { kioskContent } from '../../../src/content';
import { mountKiosk } from '../helpers';

function answerAll(choices: Record<string, string>) {
  const answers = useAnswersStore();
  for (const q of kioskContent.questions) answers.choose(q, choices[q.id] ?? 'not-sure');
}

describe('StepPage', () => {
  it('shows numbers and sites as text, never as links to the outside', () => {
    const { wrapper } = mountKiosk(StepPage, { props: { index: 0 }, locale: 'ru' });
    answerAll({ shared: 'eds', money: 'no', loan: 'no' });
    const plan = usePlanStore();
    const index = plan.items.findIndex((i) => i.step.id === 'renew-eds');
    return wrapper.setProps({ index }).then(() => {
      expect(wrapper.get('h1').text()).toBe('Обновите ключи ЭЦП');
      expect(wrapper.text()).toContain('pki.gov.kz');
      expect(wrapper.text()).toContain('«Мои ключи ЭЦП»');
      expect(wrapper.findAll('a')).toHaveLength(0);
      expect(wrapper.html()).not.toMatch(/href=|tel:|mailto:/);
    });
  });

  it('records done / later / not relevant for an action step', async () => {
    const { wrapper } = mountKiosk(StepPage, { props: { index: 0 }, locale: 'kk' });
    answerAll({});
    await nextTick();
    await wrapper.get('[data-testid="status-later"]').trigger('click');
    expect(usePlanStore().statuses['hang-up']).toBe('later');
    expect(wrapper.get('[data-testid="status-later"]').attributes('aria-checked')).toBe('true');
    await wrapper.get('[data-testid="status-done"]').trigger('click');
    expect(usePlanStore().statuses['hang-up']).toBe('done');
    expect(wrapper.get('[data-testid="status-later"]').attributes('aria-checked')).toBe('false');
  });

  it('has no status to mark on an information step', async () => {
    const { wrapper } = mountKiosk(StepPage, { props: { index: 1 }, locale: 'en' });
    answerAll({});
    await nextTick();
    expect(wrapper.get('h1').text()).toBe('What real officials never do');
    expect(wrapper.find('[data-testid="status-done"]').exists()).toBe(false);
  });
});

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
});
