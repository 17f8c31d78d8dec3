import { describe, expect, it } from 'vitest';
import { contentProblem, isUsableContent } from '../../../core/content/content-check';
import { validateContent } from '../../../core/content/validate';
import { BUNDLED_FILES } from './pack-fixture';

const result = validateContent(BUNDLED_FILES);
if (!result.ok) throw new Error('the bundled content does not validate');
const content = result.content;
const copy = () => JSON.parse(JSON.stringify(content)) as Record<string, any>;

describe('contentProblem', () => {
  it('takes the validated content', () => {
    expect(contentProblem(content)).toBeNull();
    expect(isUsableContent(content)).toBe(true);
  });

  it('refuses content the page could not draw', () => {
    expect(contentProblem(null)).toBe('content');
    const noDate = copy();
    noDate.meta.checkedAsOf = 'soon';
    expect(contentProblem(noDate)).toBe('content.meta.checkedAsOf');
    const noSteps = copy();
    noSteps.steps = [];
    expect(contentProblem(noSteps)).toBe('content.steps');
    const badNumber = copy();
    badNumber.steps[0].numbers = ['nowhere'];
    expect(contentProblem(badNumber)).toBe('content.steps.0.numbers.0');
    const badRule = copy();
    badRule.rules[0].step = 'gone';
    expect(contentProblem(badRule)).toBe('content.rules.0.step');
    const missingText = copy();
    delete missingText.steps[0].title.kk;
    expect(contentProblem(missingText)).toBe('content.steps.0.title');
  });

  /** Every place in the content that holds a value, as a path of keys. */
  function leaves(v: unknown, path: (string | number)[] = []): (string | number)[][] {
    if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, [...path, i]));
    if (typeof v === 'object' && v !== null)
      return Object.entries(v).flatMap(([k, x]) => leaves(x, [...path, k]));
    return [path];
  }
  const setAt = (root: any, path: (string | number)[], value: unknown) => {
    const parent = path.slice(0, -1).reduce((o, k) => o[k], root);
    parent[path.at(-1)!] = value;
  };
  // The sources are for content owners: the page never draws them, and its copy leaves them out.
  const drawn = leaves(content).filter((p) => p[0] !== 'sources' && !p.includes('sources'));

  it('finds a value of the wrong type anywhere the page draws from', () => {
    expect(drawn.length).toBeGreaterThan(1000);
    const missed = drawn.filter((path) => {
      const broken = copy();
      const before = path.reduce((o: any, k) => o[k], broken);
      setAt(broken, path, typeof before === 'string' ? 42 : 'x');
      return contentProblem(broken) === null;
    });
    expect(missed.map((p) => p.join('.'))).toEqual([]);
  });

  it('finds an id that leads nowhere in every reference', () => {
    const references = drawn.filter((p) => {
      const key = p.findLast((k) => typeof k === 'string');
      return ['question', 'step', 'planStep', 'numbers', 'anyOf'].includes(key as string);
    });
    expect(references.length).toBeGreaterThan(50);
    const missed = references.filter((path) => {
      const broken = copy();
      setAt(broken, path, 'nowhere-at-all');
      return contentProblem(broken) === null;
    });
    expect(missed.map((p) => p.join('.'))).toEqual([]);
  });

  it('finds a chosen option or a done step that content does not have', () => {
    const document = copy();
    const chosen = document.documents
      .flatMap((d: any) => [...d.to, ...d.body])
      .find((b: any) => 'chosen' in b);
    chosen.chosen[0].options['made-up'] = { kk: 'a', ru: 'b' };
    expect(contentProblem(document)).toMatch(/options\.made-up$/);
    const done = copy();
    const doneBlock = done.documents.flatMap((d: any) => d.body).find((b: any) => 'done' in b);
    doneBlock.done['made-up'] = { kk: 'a', ru: 'b' };
    expect(contentProblem(done)).toMatch(/done\.made-up$/);
  });
});
