import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContentOrThrow } from '../../../scripts/read-content';
import { buildPlan, type Answers, type StepStatus } from '../../../core/visit/plan';
import { buildSheet, sheetWarnings, type SheetModel } from '../../../core/visit/sheet';
import { fitSheet, sheetCuts } from '../../../core/visit/sheet-fit';

const content = loadContentOrThrow(resolve(import.meta.dirname, '../../../content'));

function sheet(answers: Answers = {}, statuses: Record<string, StepStatus> = {}): SheetModel {
  return buildSheet({
    content,
    plan: buildPlan(content, { answers, place: 'bank' }),
    statuses,
    answers,
    branchName: 'Branch 7',
    place: { branchType: 'bank', branchPhone: '', policePhone: '' },
    printedAt: new Date(2026, 10, 22, 9, 5),
  });
}

/** The fullest plan: every question "not sure", so every step with every sub-step. */
const fullest = () => sheet();
const todoSteps = (m: SheetModel) => m.todo.flatMap((g) => g.steps);

describe('fitSheet', () => {
  it('changes nothing with no cuts', () => {
    const m = fullest();
    expect(fitSheet(m, 0)).toEqual({ model: m, siteCodes: true, leftOut: [] });
  });

  it('cuts one thing at a time: reminders, other ways, then instructions from the least urgent', () => {
    const m = fullest();
    const cuts = sheetCuts(m);
    expect(cuts[0]).toEqual({ kind: 'reminders' });
    const kinds = cuts.map((c) => c.kind);
    // Other ways before any instructions, the site codes just before the steps for now.
    expect(kinds.lastIndexOf('other-ways')).toBeLessThan(kinds.indexOf('in-brief'));
    const urgencyOf = new Map(m.todo.flatMap((g) => g.steps.map((s) => [s.id, g.urgency])));
    const briefs = cuts.filter((c) => c.kind === 'in-brief').map((c) => urgencyOf.get(c.step!));
    expect(briefs).toEqual([...briefs].sort((a, b) => rank(a!) - rank(b!)));
    const siteCodes = kinds.indexOf('site-codes');
    expect(cuts.slice(siteCodes + 1).every((c) => urgencyOf.get(c.step!) === 'now')).toBe(true);
    expect(
      cuts
        .slice(0, siteCodes)
        .some((c) => urgencyOf.get(c.step ?? '') === 'now' && c.kind === 'in-brief'),
    ).toBe(false);

    // Each cut takes exactly one more thing.
    const one = fitSheet(m, 1);
    expect(one.model.todo).toEqual(m.todo);
    const hangUp = one.model.remember.find((s) => s.id === 'hang-up')!;
    expect(hangUp).toMatchObject({ cut: 'in-brief', lines: [hangUp.why], routes: [] });
    const two = fitSheet(m, 2);
    expect(todoSteps(two.model).filter((s) => s.cut === 'one-way')).toHaveLength(1);
  });

  it('never shortens how scammers act, and keeps every warning at every cut', () => {
    const m = fullest();
    const warnings = sheetWarnings(m);
    for (let n = 0; n <= sheetCuts(m).length; n++) {
      const f = fitSheet(m, n);
      expect(sheetWarnings(f.model)).toEqual(warnings);
      const tactics = f.model.remember.find((s) => s.id === 'scam-tactics')!;
      expect(tactics.cut).toBeUndefined();
      expect(tactics.lines.length).toBeGreaterThan(6);
    }
  });

  it('at the last cut, every step is brief, no site code is left, and each step is named once', () => {
    const m = fullest();
    const f = fitSheet(m, sheetCuts(m).length);
    expect(f.siteCodes).toBe(false);
    expect(f.leftOut.map((l) => l.cut)).toEqual(['reminders', 'in-brief', 'site-codes']);
    const named = f.leftOut.flatMap((l) => l.steps.map((t) => t.en));
    expect(new Set(named).size).toBe(named.length);
    // No step is dropped from the sheet; each keeps its title and why it matters.
    expect(todoSteps(f.model).map((s) => s.id)).toEqual(todoSteps(m).map((s) => s.id));
    for (const s of todoSteps(f.model)) expect(s.routes.length + s.then.length).toBe(0);
  });

  it('cuts nothing a sheet does not have: no site codes without sites, no ways of done steps', () => {
    const m = { ...fullest(), links: [] };
    expect(sheetCuts(m).map((c) => c.kind)).not.toContain('site-codes');
    const done = sheet({}, Object.fromEntries(content.steps.map((s) => [s.id, 'done' as const])));
    expect(
      sheetCuts(done).filter((c) => c.kind !== 'reminders' && c.kind !== 'site-codes'),
    ).toEqual([]);
  });
});

function rank(u: string): number {
  return ['this-week', 'today', 'now'].indexOf(u);
}
