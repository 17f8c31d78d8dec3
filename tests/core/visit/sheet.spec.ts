import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContentOrThrow } from '../../../scripts/read-content';
import { buildPlan, type Answers, type StepStatus } from '../../../core/visit/plan';
import {
  buildSheet,
  paperLocales,
  phoneText,
  PHONE_TEXT_MAX_BYTES,
  secondLocale,
  sheetBlocks,
  sheetWarnings,
  type SheetInput,
} from '../../../core/visit/sheet';
import { LOCALES, type Locale } from '../../../core/locales';
import type { KioskPlace } from '../../../core/visit/kiosk-phones';

const content = loadContentOrThrow(resolve(import.meta.dirname, '../../../content'));
const at = new Date(2026, 10, 22, 9, 5);

function sheet(
  answers: Answers,
  statuses: Record<string, StepStatus>,
  _locale: Locale = 'ru',
  extra: Partial<SheetInput> = {},
) {
  const place = extra.place ?? BANK;
  return buildSheet({
    content,
    plan: buildPlan(content, { answers, place: place.branchType }),
    statuses,
    answers,
    branchName: 'Branch 7',
    place,
    printedAt: at,
    ...extra,
  });
}

const BANK: KioskPlace = { branchType: 'bank', branchPhone: '', policePhone: '' };

const labels = {
  title: 'Мой план',
  urgency: { now: 'Сейчас', today: 'Сегодня', 'this-week': 'На неделе' },
  done: 'Сделано',
  phones: 'Телефоны',
};

describe('buildSheet', () => {
  const answers: Answers = { shared: ['card'], acted: ['none'], money: ['yes'], loan: ['no'] };

  it('puts unmarked and "later" steps in the to-do groups, done ones ticked, not-relevant apart', () => {
    const s = sheet(answers, {
      'stop-credit': 'done',
      'contact-bank': 'later',
      'passwords-2fa': 'not-relevant',
    });
    const todo = s.todo.flatMap((g) => g.steps.map((x) => `${g.urgency}:${x.id}:${x.status}`));
    expect(todo).toContain('now:contact-bank:later');
    expect(todo).toContain('now:report-fraud:pending');
    expect(todo.some((t) => t.includes('stop-credit'))).toBe(false);
    expect(s.done.map((x) => x.id)).toEqual(['stop-credit']);
    expect(s.done[0]!.lines).toEqual([]);
    expect(s.notRelevant.map((x) => x.id)).toEqual(['passwords-2fa']);
    expect(s.todo.map((g) => g.urgency)).toEqual(['now', 'this-week']);
  });

  it('keeps what real officials never do, and how scammers act as a short list', () => {
    const s = sheet(answers, {});
    expect(s.remember.map((x) => x.id)).toEqual([
      'hang-up',
      'officials-never',
      'scam-tactics',
      'share-story',
    ]);
    const tactics = s.remember.find((x) => x.id === 'scam-tactics')!;
    const step = content.steps.find((x) => x.id === 'scam-tactics')!;
    // Every trick, each in its brief form where it has one.
    expect(tactics.lines).toEqual(step.substeps.map((x) => x.brief ?? x.text));
    expect(tactics.lines.some((l, i) => l !== step.substeps[i]!.text)).toBe(true);
    expect(tactics.essential).toBe(true);
    expect(s.emails).toEqual(['info@citizensec.kz']);
    expect(s.recoveryWarning).toEqual(content.meta.recoveryWarning);
  });

  it('carries every warning of the plan’s steps once, done and not-relevant ones too', () => {
    const all: Answers = {};
    const s = sheet(all, { 'stop-credit': 'done', 'renew-eds': 'not-relevant' });
    const expected = new Set(
      buildPlan(content, { answers: all, place: 'bank' }).flatMap((p) =>
        content.steps
          .find((x) => x.id === p.stepId)!
          .notes.filter((n) => n.kind === 'warning')
          .map((n) => n.text.en),
      ),
    );
    const printed = sheetWarnings(s).map((w) => w.en);
    expect(new Set(printed)).toEqual(expected);
    expect(printed).toHaveLength(expected.size);
    expect(s.done.find((x) => x.id === 'stop-credit')!.warnings.map((w) => w.en)).toContain(
      'The refusal does not cover pawnshops or lenders that do not check the credit bureaus.',
    );
    expect(s.notRelevant[0]!.warnings.map((w) => w.en)).toContain(
      'Issuing new keys does not revoke the old ones: revoke them yourself.',
    );
  });

  it('lists each number and link of the plan once, and nothing of steps outside it', () => {
    const s = sheet({ shared: ['bank-code'], acted: ['none'], money: ['no'], loan: ['no'] }, {});
    const dials = s.numbers.map((n) => n.dial);
    expect(new Set(dials).size).toBe(dials.length);
    expect(dials).toContain('102');
    expect(s.links.map((l) => l.url)).not.toContain('https://pki.gov.kz'); // no EDS step in this plan
    expect(s.links.map((l) => l.url)).not.toContain('https://eotinish.kz'); // no police step
  });

  it('shows sub-steps that apply to the visitor, each way apart, with menu paths on one line', () => {
    const s = sheet({ shared: ['egov-code'], money: ['no'], loan: ['no'] }, {}, 'ru');
    const stop = s.todo.flatMap((g) => g.steps).find((x) => x.id === 'stop-credit')!;
    expect(stop.routes.map((r) => r.title.ru)).toEqual([
      'На телефоне: в приложении eGov Mobile',
      'Или на компьютере: на портале egov.kz',
    ]);
    expect(stop.routes[0]!.lines.map((l) => l.ru)).toContain(
      'Откройте: «Услуги» → «Налоги и финансы»',
    );
    const hangUpLines = sheet({ shared: ['card'] }, {}).remember.find(
      (x) => x.id === 'hang-up',
    )!.lines;
    expect(hangUpLines.some((l) => l.en.includes('AnyDesk'))).toBe(false);
    const credit = sheet({ loan: ['yes'] }, {}).todo.flatMap((g) => g.steps);
    expect(
      credit
        .find((x) => x.id === 'credit-history')!
        .then.map((l) => l.en)
        .join(),
    ).toContain('If the report shows a loan you did not take');
  });

  it('is read at home: no "here, today", wherever the kiosk stands', () => {
    const at = (branchType: 'bank' | 'police') =>
      sheet(answers, {}, 'ru', { place: { ...BANK, branchType } })
        .todo.flatMap((g) => g.steps)
        .find((x) => x.id === 'report-fraud')!
        .lines.map((l) => l.ru)
        .join('\n');
    for (const place of ['police', 'bank'] as const) {
      expect(at(place)).not.toContain('здесь, сегодня');
      expect(at(place)).toContain('лично в любом отделе полиции');
    }
  });

  it('gives a police station one phone of its own, and a bank its own and the police’s', () => {
    const phones = (branchType: 'bank' | 'police', policePhone = '8 727 254 02 02') =>
      sheet(answers, {}, 'ru', {
        place: { branchType, branchPhone: '8 727 250 00 00', policePhone },
      }).kioskPhones.map((p) => p.role);
    expect(phones('bank')).toEqual(['bank-branch', 'local-police']);
    expect(phones('police')).toEqual(['police-station']);
  });

  it('carries the phones staff set, on the sheet and in the phone text', () => {
    const place: KioskPlace = {
      branchType: 'bank',
      branchPhone: '8 727 250 00 00',
      policePhone: '8 727 254 00 00',
    };
    const s = sheet(answers, {}, 'ru', { place });
    expect(s.kioskPhones).toEqual([
      { kind: 'branch', role: 'bank-branch', dial: '8 727 250 00 00' },
      { kind: 'police', role: 'local-police', dial: '8 727 254 00 00' },
    ]);
    expect(phoneText(s, labels, 'ru')).toContain('Телефоны: 8 727 250 00 00, 8 727 254 00 00, ');
    expect(sheet(answers, {}).kioskPhones).toEqual([]);
  });

  it.each(LOCALES)(
    'prints %s paper alone, or with a second language for a bilingual sheet',
    (l) => {
      expect(paperLocales(l, false)).toEqual([l]);
      expect(paperLocales(l, true)).toEqual([l, secondLocale(l)]);
      expect(secondLocale(l)).not.toBe(l);
      expect(secondLocale(l)).toBe(l === 'kk' ? 'ru' : 'kk');
    },
  );

  it('carries the date, branch and checked-as-of date, and no field for personal data', () => {
    const s = sheet(answers, {});
    expect(s.printedAt).toBe('2026-11-22T09:05');
    expect(s.branchName).toBe('Branch 7');
    expect(s.checkedAsOf).toBe(content.meta.checkedAsOf);
    expect(Object.keys(s).sort()).toEqual(
      [
        'branchName',
        'checkedAsOf',
        'done',
        'emails',
        'kioskPhones',
        'links',
        'notRelevant',
        'numbers',
        'printedAt',
        'recoveryWarning',
        'remember',
        'todo',
      ].sort(),
    );
  });
});

describe('sheetBlocks', () => {
  const answers: Answers = { shared: ['card'], acted: ['none'], money: ['yes'], loan: ['no'] };

  it('lists the blocks below the header top to bottom, the groups to do first', () => {
    const s = sheet(answers, { 'stop-credit': 'done', 'passwords-2fa': 'not-relevant' });
    expect(s.links.length).toBeGreaterThan(0);
    expect(sheetBlocks(s)).toEqual([
      'todo-now',
      'todo-this-week',
      'done',
      'not-relevant',
      'remember',
      'numbers',
      'links',
      'footer',
    ]);
  });

  it('leaves out the blocks that would be empty', () => {
    const s = sheet(answers, {});
    const all = { ...s, todo: [], numbers: [], kioskPhones: [], links: [] };
    expect(sheetBlocks(s)).not.toContain('done');
    expect(sheetBlocks(s)).not.toContain('not-relevant');
    expect(sheetBlocks(all)).toEqual(['remember', 'footer']);
  });
});

describe('phoneText', () => {
  it('lists what is left by urgency, what is done, and the numbers', () => {
    const s = sheet(
      { shared: ['card'], acted: ['none'], money: ['yes'], loan: ['no'] },
      { 'report-fraud': 'done' },
    );
    const text = phoneText(s, labels, 'ru');
    const lines = text.split('\n');
    expect(lines[0]).toBe('Мой план · CitizenSec · 22.11.2026');
    expect(lines[1]).toBe('Сейчас:');
    expect(lines).toContain('[ ] Позвонить в банк');
    expect(lines).not.toContain('[ ] Заявление в полицию');
    expect(text).toContain('Сделано: Заявление в полицию');
    expect(text).toMatch(/Телефоны: 7111, 505, 102/);
  });

  it.each(LOCALES)('fits the QR budget for the longest plan in %s', (locale) => {
    const all = {
      shared: ['not-sure'],
      acted: ['not-sure'],
      money: ['not-sure'],
      loan: ['not-sure'],
    };
    const s = sheet(all, {}, locale);
    const text = phoneText(s, { ...labels, title: 'X'.repeat(20) }, locale);
    expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(PHONE_TEXT_MAX_BYTES);
  });

  it('drops lines from the end, never the head, when the text is too long', () => {
    const s = sheet({ shared: ['not-sure'] }, {});
    const text = phoneText(s, { ...labels, done: 'D'.repeat(700) }, 'ru');
    expect(text.startsWith('Мой план · CitizenSec')).toBe(true);
    expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(PHONE_TEXT_MAX_BYTES);
  });
});
