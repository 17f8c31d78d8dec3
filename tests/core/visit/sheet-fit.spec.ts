import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContentOrThrow } from '../../../scripts/read-content';
import { buildPlan, type Answers } from '../../../core/visit/plan';
import { buildSheet, sheetWarnings, type SheetModel } from '../../../core/visit/sheet';
import { fitSheet, SHEET_CUTS } from '../../../core/visit/sheet-fit';

const content = loadContentOrThrow(resolve(import.meta.dirname, '../../../content'));

/** The fullest plan: every question "not sure", so every step with every sub-step. */
function fullest(): SheetModel {
  const answers: Answers = {};
  return buildSheet({
    content,
    plan: buildPlan(content, { answers, place: 'bank' }),
    statuses: {},
    answers,
    branchName: 'Branch 7',
    place: { branchType: 'bank', branchPhone: '', policePhone: '' },
    printedAt: new Date(2026, 10, 22, 9, 5),
  });
}

const steps = (m: SheetModel) => [...m.todo.flatMap((g) => g.steps), ...m.remember];

describe('fitSheet', () => {
  it('changes nothing with no cuts', () => {
    const m = fullest();
    expect(fitSheet(m, 0)).toEqual({ model: m, siteCodes: true, leftOut: [] });
  });

  it('cuts in order: reminders, other ways, then detail from the least urgent up', () => {
    const m = fullest();
    expect(SHEET_CUTS).toEqual([
      'reminders',
      'other-ways',
      'detail-this-week',
      'detail-today',
      'site-codes',
      'detail-now',
    ]);
    const one = fitSheet(m, 1);
    expect(one.leftOut.map((l) => l.cut)).toEqual(['reminders']);
    expect(one.model.todo).toEqual(m.todo);
    const hangUp = one.model.remember.find((s) => s.id === 'hang-up')!;
    expect(hangUp).toMatchObject({ cut: 'in-brief', lines: [hangUp.why], routes: [] });

    const two = fitSheet(m, 2);
    const withWays = two.model.todo.flatMap((g) => g.steps).filter((s) => s.cut === 'one-way');
    expect(withWays.length).toBeGreaterThan(0);
    for (const s of withWays) expect(s.routes).toHaveLength(1);

    const three = fitSheet(m, 3);
    for (const g of three.model.todo)
      for (const s of g.steps)
        expect(s.cut === 'in-brief').toBe(g.urgency === 'this-week' && s.lines.length > 0);
  });

  it('never shortens how scammers act, and keeps every warning at every cut', () => {
    const m = fullest();
    const warnings = sheetWarnings(m);
    for (let cuts = 0; cuts <= SHEET_CUTS.length; cuts++) {
      const f = fitSheet(m, cuts);
      expect(sheetWarnings(f.model)).toEqual(warnings);
      const tactics = f.model.remember.find((s) => s.id === 'scam-tactics')!;
      expect(tactics.cut).toBeUndefined();
      expect(tactics.lines.length).toBeGreaterThan(6);
    }
  });

  it('names each step once, and what was cut, for the note on the sheet', () => {
    const f = fitSheet(fullest(), SHEET_CUTS.length);
    expect(f.siteCodes).toBe(false);
    expect(f.leftOut.map((l) => l.cut)).toContain('site-codes');
    const named = f.leftOut.flatMap((l) => l.steps.map((t) => t.en));
    expect(new Set(named).size).toBe(named.length);
    // Every step still has its title; none is dropped from the sheet.
    expect(steps(f.model).map((s) => s.id)).toEqual(steps(fullest()).map((s) => s.id));
    for (const s of steps(f.model).filter((x) => !x.essential))
      expect(s.routes.length + s.then.length).toBe(0);
  });

  it('does not claim to cut the site codes of a sheet that has no sites', () => {
    const m = { ...fullest(), links: [] };
    expect(fitSheet(m, SHEET_CUTS.length).leftOut.map((l) => l.cut)).not.toContain('site-codes');
  });
});
