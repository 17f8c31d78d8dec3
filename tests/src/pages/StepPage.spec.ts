// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import StepPage from '../../../src/pages/StepPage.vue';
import { useAnswersStore } from '../../../src/stores/answers';
import { usePlanStore } from '../../../src/stores/plan';
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
