// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import StepPage from '../../../src/pages/StepPage.vue';
import { useAnswersStore } from '../../../src/stores/answers';
import { usePlanStore } from '../../../src/stores/plan';
import { useKioskStore } from '../../../src/stores/kiosk';
import { useStaffStore } from '../../../src/stores/staff';
import { kioskContent } from '../../../src/content';
import { mountKiosk } from '../helpers';

function answerAll(choices: Record<string, string>) {
  const answers = useAnswersStore();
  for (const q of kioskContent.questions) answers.choose(q, choices[q.id] ?? 'not-sure');
}

describe('StepPage', () => {
  it('shows numbers and sites as text, never as links to the outside', () => {
    const { wrapper } = mountKiosk(StepPage, { props: { index: 0 }, locale: 'ru' });
    answerAll({ shared: 'eds', acted: 'none', money: 'no', loan: 'no' });
    const plan = usePlanStore();
    const index = plan.items.findIndex((i) => i.step.id === 'renew-eds');
    return wrapper.setProps({ index }).then(() => {
      expect(wrapper.get('h1').text()).toBe('Проверьте и обновите ключи ЭЦП');
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
    const first = usePlanStore().items[0]!.step.id;
    await wrapper.get('[data-testid="status-later"]').trigger('click');
    expect(usePlanStore().statuses[first]).toBe('later');
    expect(wrapper.get('[data-testid="status-later"]').attributes('aria-checked')).toBe('true');
    await wrapper.get('[data-testid="status-done"]').trigger('click');
    expect(usePlanStore().statuses[first]).toBe('done');
    expect(wrapper.get('[data-testid="status-later"]').attributes('aria-checked')).toBe('false');
  });

  it('has no status to mark on an information step', async () => {
    const { wrapper } = mountKiosk(StepPage, { props: { index: 0 }, locale: 'en' });
    answerAll({});
    const index = usePlanStore().items.findIndex((i) => i.step.id === 'officials-never');
    await wrapper.setProps({ index });
    expect(wrapper.get('h1').text()).toBe('What real officials never do');
    expect(wrapper.find('[data-testid="status-done"]').exists()).toBe(false);
  });

  it('says what can be done right here, with the phones staff set, at a bank and at the police', async () => {
    const { wrapper } = mountKiosk(StepPage, { props: { index: 0 }, locale: 'ru' });
    const kiosk = useKioskStore();
    kiosk.settings = {
      ...kiosk.settings,
      branchName: 'Алматы, Абая 10',
      branchPhone: '8 727 250 00 00',
      policePhone: '102',
    };
    answerAll({ shared: 'card', acted: 'none', money: 'yes', loan: 'no' });
    await nextTick();
    const plan = usePlanStore();
    const open = (id: string) =>
      wrapper.setProps({ index: plan.items.findIndex((i) => i.step.id === id) });
    await open('contact-bank');
    const here = wrapper.get('[data-testid="here"]');
    expect(here.text()).toContain('сотрудник может заблокировать карту');
    expect(here.text()).toContain('8 727 250 00 00');
    expect(here.text()).toContain('Это отделение банка (Алматы, Абая 10)');
    await open('report-fraud');
    expect(wrapper.get('[data-testid="here"]').text()).toContain('Местный отдел полиции');
    expect(wrapper.text()).toContain('лично в любом отделе полиции');

    kiosk.settings = { ...kiosk.settings, branchType: 'police' };
    await nextTick();
    await open('report-fraud');
    const police = wrapper.get('[data-testid="here"]');
    expect(police.text()).toContain('Вы в полиции: заявление можно подать здесь, сегодня');
    expect(police.text()).toContain('Этот отдел полиции (Алматы, Абая 10)');
    expect(police.text()).not.toContain('Местный отдел полиции');
    expect(wrapper.text()).not.toContain('лично в любом отделе полиции');
  });

  it('shows Stop credit as two ways, the phone first, with the 1414 warning', async () => {
    const { wrapper } = mountKiosk(StepPage, { props: { index: 0 }, locale: 'kk' });
    answerAll({ shared: 'egov-code', acted: 'none', money: 'no', loan: 'no' });
    await nextTick();
    expect(usePlanStore().items[0]!.step.id).toBe('stop-credit');
    expect(wrapper.get('[data-testid="route-0"] h3').text()).toBe(
      'Телефонда: eGov Mobile қосымшасында',
    );
    expect(wrapper.get('[data-testid="route-1"] h3').text()).toBe(
      'Немесе компьютерде: egov.kz порталында',
    );
    expect(wrapper.text()).toContain('1414-тен SMS-код келеді');
  });

  it("shows staff notes in the staff language, and in the visitor's too when it differs", async () => {
    const { wrapper, i18n } = mountKiosk(StepPage, { props: { index: 0 }, locale: 'ru' });
    answerAll({ shared: 'bank-code', money: 'yes', loan: 'no' });
    const index = usePlanStore().items.findIndex((i) => i.step.id === 'contact-bank');
    const note = usePlanStore().items[index]!.step.staffNotes.bank!;
    const kiosk = useKioskStore();
    kiosk.settings = { ...kiosk.settings, branchType: 'bank', staffLocale: 'kk' };
    await wrapper.setProps({ index });
    expect(wrapper.find('[data-testid="staff-note"]').exists()).toBe(false);

    useStaffStore().assisting = true;
    await nextTick();
    const notes = () =>
      wrapper.findAll('[data-testid="staff-note-text"]').map((p) => ({
        lang: p.attributes('lang'),
        text: p.text(),
      }));
    expect(notes()).toEqual([
      { lang: 'kk', text: `Қызметкерге (Қазақша): ${note.kk}` },
      { lang: 'ru', text: `Для сотрудника (Русский): ${note.ru}` },
    ]);

    // The visitor reads the staff language: one note, unmarked.
    i18n.global.locale.value = 'kk';
    await nextTick();
    expect(notes()).toEqual([{ lang: 'kk', text: `Қызметкерге: ${note.kk}` }]);
  });
});
