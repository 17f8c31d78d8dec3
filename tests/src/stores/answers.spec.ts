// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { NOT_SURE } from '../../../core/content/model';
import { kioskContent } from '../../../src/content';
import { useAnswersStore } from '../../../src/stores/answers';

const question = (id: string) => kioskContent.questions.find((q) => q.id === id)!;
const [shared, acted, money] = [question('shared'), question('acted'), question('money')];

describe('answers store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('combines options of a multiple-choice question and toggles them off', () => {
    const a = useAnswersStore();
    a.choose(shared, 'egov-code');
    a.choose(shared, 'card');
    expect(a.selected('shared')).toEqual(['egov-code', 'card']);
    a.choose(shared, 'egov-code');
    expect(a.selected('shared')).toEqual(['card']);
  });

  it('lets "not sure" stand alone', () => {
    const a = useAnswersStore();
    a.choose(shared, 'card');
    a.choose(shared, NOT_SURE);
    expect(a.selected('shared')).toEqual([NOT_SURE]);
    a.choose(shared, 'eds');
    expect(a.selected('shared')).toEqual(['eds']);
  });

  it('lets "none of these" stand alone, as "not sure" does', () => {
    const a = useAnswersStore();
    a.choose(acted, 'took-loan');
    a.choose(acted, 'sent-money');
    a.choose(acted, 'none');
    expect(a.selected('acted')).toEqual(['none']);
    a.choose(acted, 'gave-cash');
    expect(a.selected('acted')).toEqual(['gave-cash']);
  });

  it('keeps one answer to a single-choice question', () => {
    const a = useAnswersStore();
    a.choose(money, 'yes');
    a.choose(money, 'no');
    expect(a.selected('money')).toEqual(['no']);
    expect(a.isAnswered('money')).toBe(true);
    expect(a.isAnswered('loan')).toBe(false);
  });
});
