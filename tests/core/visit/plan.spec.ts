import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildPlan,
  groupByUrgency,
  holds,
  textFor,
  visibleNotes,
  visibleSubsteps,
  type Answers,
  type Situation,
} from '../../../core/visit/plan';
import { NOT_SURE, type Condition, type PlanRule } from '../../../core/content/model';
import type { Place } from '../../../core/place';
import { loadContentOrThrow } from '../../../scripts/read-content';

const content = loadContentOrThrow(resolve(import.meta.dirname, '../../../content'));
const at = (answers: Answers, place: Place = 'bank'): Situation => ({ answers, place });
const planFor = (answers: Answers, place: Place = 'bank') =>
  buildPlan(content, at(answers, place)).map((p) => `${p.stepId}:${p.urgency}`);
const kindOf = (id: string) => content.steps.find((s) => s.id === id)!.kind;

describe('holds', () => {
  const onShared: Condition = { question: 'shared', anyOf: ['eds'] };

  it('matches a chosen option and not another', () => {
    expect(holds(onShared, at({ shared: ['eds'] }))).toBe(true);
    expect(holds(onShared, at({ shared: ['card'] }))).toBe(false);
  });

  it('treats "not sure" and an unanswered question as a match, unless told not to', () => {
    expect(holds(onShared, at({ shared: [NOT_SURE] }))).toBe(true);
    expect(holds(onShared, at({}))).toBe(true);
    expect(holds({ ...onShared, notSure: false }, at({ shared: [NOT_SURE] }))).toBe(false);
    expect(holds({ ...onShared, notSure: false }, at({}))).toBe(false);
  });

  it('combines with any, all and not', () => {
    const a: Condition = { question: 'q', anyOf: ['a'], notSure: false };
    const b: Condition = { question: 'r', anyOf: ['b'], notSure: false };
    expect(holds({ any: [a, b] }, at({ q: ['x'], r: ['b'] }))).toBe(true);
    expect(holds({ all: [a, b] }, at({ q: ['a'], r: ['x'] }))).toBe(false);
    expect(holds({ all: [a, b] }, at({ q: ['a'], r: ['b'] }))).toBe(true);
    expect(holds({ not: a }, at({ q: ['a'] }))).toBe(false);
  });

  it('knows where the kiosk stands', () => {
    expect(holds({ place: 'police' }, at({}, 'police'))).toBe(true);
    expect(holds({ place: 'police' }, at({}, 'bank'))).toBe(false);
    expect(holds({ not: { place: 'police' } }, at({}, 'bank'))).toBe(true);
  });
});

/** Every way a visitor can answer: each option, none chosen, "not sure", and for the multiple
 * choice questions every combination of options. */
function everyAnswer(): Answers[] {
  let all: Answers[] = [{}];
  for (const q of content.questions) {
    const ids = q.options.map((o) => o.id);
    const choices: string[][] = [[], [NOT_SURE]];
    if (q.multiple) {
      const free = q.options.filter((o) => !o.exclusive).map((o) => o.id);
      for (let mask = 1; mask < 1 << free.length; mask += 1)
        choices.push(free.filter((_, i) => mask & (1 << i)));
      for (const o of q.options) if (o.exclusive) choices.push([o.id]);
    } else for (const id of ids) choices.push([id]);
    all = all.flatMap((a) => choices.map((c) => (c.length > 0 ? { ...a, [q.id]: c } : a)));
  }
  return all;
}

describe('every plan, for every combination of answers and both places', () => {
  const cases = everyAnswer().flatMap((answers) =>
    (['bank', 'police'] as const).map((place) => ({ answers, place })),
  );
  const chose = (a: Answers, q: string, ...options: string[]) =>
    (a[q] ?? []).some((o) => options.includes(o));

  it('covers thousands of visitors', () => {
    expect(cases.length).toBeGreaterThan(1000);
  });

  it('starts with an action, never with something only to read', () => {
    for (const c of cases) {
      const plan = buildPlan(content, c);
      expect(kindOf(plan[0]!.stepId), JSON.stringify(c)).toBe('action');
    }
  });

  it('puts nothing to read before the last action for right now', () => {
    for (const c of cases) {
      const plan = buildPlan(content, c);
      const lastNowAction = plan.findLastIndex(
        (p) => p.urgency === 'now' && kindOf(p.stepId) === 'action',
      );
      const firstInfo = plan.findIndex((p) => kindOf(p.stepId) === 'info');
      expect(lastNowAction, JSON.stringify(c)).toBeGreaterThanOrEqual(0);
      expect(firstInfo, JSON.stringify(c)).toBeGreaterThan(lastNowAction);
    }
  });

  it('starts with what stops the damage for these answers', () => {
    for (const c of cases) {
      const first = buildPlan(content, c)[0]!.stepId;
      const a = c.answers;
      const bankSide =
        chose(a, 'shared', 'bank-code', 'card', 'remote-app') ||
        chose(a, 'money', 'yes') ||
        chose(a, 'acted', 'sent-money', 'gave-cash');
      const loanSide = chose(a, 'shared', 'egov-code') || chose(a, 'loan', 'yes');
      if (bankSide) expect(first, JSON.stringify(c)).toBe('contact-bank');
      else if (loanSide) expect(first, JSON.stringify(c)).toMatch(/^(contact-bank|stop-credit)$/);
    }
  });

  it('has Stop credit for right now whenever a loan or the eGov code is involved', () => {
    for (const c of cases) {
      const a = c.answers;
      if (
        chose(a, 'loan', 'yes') ||
        chose(a, 'shared', 'egov-code') ||
        chose(a, 'acted', 'took-loan')
      )
        expect(planFor(a, c.place), JSON.stringify(c)).toContain('stop-credit:now');
    }
  });

  it('has the police report whenever money is gone, there is a loan, or the visitor acted on their word', () => {
    for (const c of cases) {
      const a = c.answers;
      const needs =
        chose(a, 'money', 'yes') ||
        chose(a, 'loan', 'yes') ||
        chose(a, 'acted', 'took-loan', 'sent-money', 'gave-cash');
      if (needs) expect(planFor(a, c.place), JSON.stringify(c)).toContain('report-fraud:now');
    }
  });

  it('never has fewer steps when an answer becomes "not sure"', () => {
    for (const c of cases.slice(0, 400)) {
      for (const q of content.questions) {
        const unsure = { ...c.answers, [q.id]: [NOT_SURE] };
        expect(planFor(unsure).length).toBeGreaterThanOrEqual(planFor(c.answers).length);
      }
    }
  });
});

describe('buildPlan with the real content', () => {
  it('a bank code and money gone: the bank first, then the police, then the rest', () => {
    expect(
      planFor({ shared: ['bank-code'], acted: ['none'], money: ['yes'], loan: ['no'] }),
    ).toEqual([
      'contact-bank:now',
      'report-fraud:now',
      'hang-up:now',
      'stop-credit:today',
      'officials-never:today',
      'scam-tactics:today',
      'credit-history:this-week',
      'passwords-2fa:this-week',
      'share-story:this-week',
    ]);
  });

  it('a loan taken on the caller’s word: the police step, though no loan was taken "by others"', () => {
    const plan = planFor({
      shared: ['egov-code'],
      acted: ['took-loan'],
      money: ['no'],
      loan: ['no'],
    });
    expect(plan.slice(0, 3)).toEqual(['contact-bank:now', 'stop-credit:now', 'report-fraud:now']);
    expect(plan).toContain('credit-history:today');
  });

  it('only a 1414 code: Stop credit first, the EDS today, no police step', () => {
    const plan = planFor({ shared: ['egov-code'], acted: ['none'], money: ['no'], loan: ['no'] });
    expect(plan[0]).toBe('stop-credit:now');
    expect(plan).toContain('renew-eds:today');
    expect(plan.some((p) => p.startsWith('report-fraud'))).toBe(false);
  });
});

describe('buildPlan ordering', () => {
  const rules: PlanRule[] = [
    { step: 'c', cases: [{ when: { always: true }, urgency: 'this-week' }] },
    { step: 'info', cases: [{ when: { always: true }, urgency: 'now' }] },
    { step: 'a', cases: [{ when: { always: true }, urgency: 'now' }] },
    {
      step: 'b',
      cases: [{ when: { question: 'q', anyOf: ['x'], notSure: false }, urgency: 'now' }],
    },
    { step: 'd', cases: [{ when: { always: true }, urgency: 'now' }] },
  ];
  const steps = ['a', 'b', 'c', 'd'].map((id) => ({ id, kind: 'action' as const }));
  const source = { rules, steps: [...steps, { id: 'info', kind: 'info' as const }] };

  it('orders by urgency, actions before reading, then by rule order; leaves out steps with no case', () => {
    expect(buildPlan(source, at({ q: ['y'] }))).toEqual([
      { stepId: 'a', urgency: 'now' },
      { stepId: 'd', urgency: 'now' },
      { stepId: 'info', urgency: 'now' },
      { stepId: 'c', urgency: 'this-week' },
    ]);
  });

  it('groups by urgency without empty groups', () => {
    const groups = groupByUrgency(buildPlan(source, at({ q: ['y'] })));
    expect(groups.map((g) => [g.urgency, g.items.map((i) => i.stepId)])).toEqual([
      ['now', ['a', 'd', 'info']],
      ['this-week', ['c']],
    ]);
  });
});

describe('what a step shows', () => {
  const step = (id: string) => content.steps.find((s) => s.id === id)!;

  it('shows the remote-app advice only to those who may have installed one', () => {
    const hangUp = step('hang-up');
    const count = (answers: Answers) => visibleSubsteps(hangUp, at(answers)).length;
    expect(count({ shared: ['remote-app'] })).toBe(hangUp.substeps.length);
    expect(count({ shared: [NOT_SURE] })).toBe(hangUp.substeps.length);
    expect(count({ shared: ['card'] })).toBe(hangUp.substeps.length - 1);
  });

  it('tells a visitor at a police station to report here, and one at a bank where to go', () => {
    const report = step('report-fraud');
    const texts = (place: Place) =>
      visibleSubsteps(report, at({}, place))
        .map((s) => s.text.ru)
        .join('\n');
    expect(texts('police')).toContain('здесь, сегодня');
    expect(texts('police')).not.toContain('лично в любом отделе полиции');
    expect(texts('bank')).toContain('лично в любом отделе полиции');
    expect(report.here.police?.text?.ru).toContain('дежурному');
    expect(step('contact-bank').here.bank?.text?.ru).toContain('прямо сейчас');
  });

  it('tells those who acted on the caller’s word that they should still report it', () => {
    const report = step('report-fraud');
    const notes = (answers: Answers) => visibleNotes(report, at(answers)).map((n) => n.text.en);
    expect(notes({ acted: ['sent-money'] }).join()).toContain('Even if you took the loan');
    expect(notes({ acted: ['none'] }).join()).not.toContain('Even if you took the loan');
  });

  it('warns on every eGov step that signing in sends a 1414 code', () => {
    for (const id of ['stop-credit', 'credit-history', 'report-fraud'])
      expect(
        step(id)
          .notes.map((n) => n.text.en)
          .join(),
        id,
      ).toContain('Signing in to eGov sends an SMS code from 1414');
  });

  it('gives Stop credit the phone way first, the computer way apart', () => {
    const routes = step('stop-credit').routes.map((r) => r.title.en);
    expect(routes).toEqual([
      'On your phone: in the eGov Mobile app',
      'Or on a computer: on the egov.kz portal',
    ]);
  });
});

describe('textFor', () => {
  it('fits the reassurance to what was shared, with one for everyone else', () => {
    const intro = (answers: Answers) => textFor(content.meta.intro, at(answers)).en;
    expect(intro({ shared: ['egov-code'], acted: ['none'] })).toContain('1414');
    expect(intro({ shared: ['bank-code'], acted: ['none'] })).not.toContain('1414');
    expect(intro({ shared: ['bank-code'], acted: ['none'] })).toContain('bank');
    expect(intro({ shared: ['card'], acted: ['took-loan'] })).toContain('not your fault');
    expect(intro({ shared: [NOT_SURE], acted: [NOT_SURE] })).not.toContain('1414');
  });
});
