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
    expect(contentProblem(noDate)).toBe('meta');
    const noSteps = copy();
    noSteps.steps = [];
    expect(contentProblem(noSteps)).toBe('steps');
    const badNumber = copy();
    badNumber.steps[0].numbers = ['nowhere'];
    expect(contentProblem(badNumber)).toBe(`step ${badNumber.steps[0].id}`);
    const badRule = copy();
    badRule.rules[0].step = 'gone';
    expect(contentProblem(badRule)).toBe('rules');
    const missingText = copy();
    delete missingText.steps[0].title.kk;
    expect(contentProblem(missingText)).toBe(`step ${missingText.steps[0].id}`);
  });
});
