// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import App from '../../src/App.vue';
import { loadLazyScreens } from '../../src/lazy-screens';
import { useAnswersStore } from '../../src/stores/answers';
import { useSessionStore } from '../../src/stores/session';
import { mountKiosk } from './helpers';

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
