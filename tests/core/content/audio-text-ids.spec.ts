import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contentTextIds,
  hasPlaceholder,
  isVisitorMessage,
  visitorTexts,
  type Messages,
} from '../../../core/content/audio-text-ids';
import { LOCALES } from '../../../core/locales';
import { loadContentOrThrow } from '../../../scripts/read-content';

const root = resolve(import.meta.dirname, '../../..');
const content = loadContentOrThrow(resolve(root, 'content'));
const messages = Object.fromEntries(
  LOCALES.map((l) => [l, JSON.parse(readFileSync(resolve(root, `locales/${l}.json`), 'utf8'))]),
) as Messages;

describe('the texts read aloud', () => {
  it('name content texts by their place, with ids where the content has them', () => {
    const ids = contentTextIds(content).map((t) => t.id);
    const step = content.steps.find((s) => s.id === 'hang-up')!;
    expect(ids).toContain('step.hang-up.title');
    expect(ids).toContain('step.hang-up.why');
    expect(ids).toContain('step.hang-up.substeps.0.text');
    expect(ids).toContain(`question.${content.questions[0]!.id}.title`);
    expect(ids).toContain(
      `question.${content.questions[0]!.id}.options.${content.questions[0]!.options[0]!.id}.label`,
    );
    expect(ids).toContain('meta.intro.0.text');
    expect(ids).toContain('meta.recoveryWarning');
    expect(ids).toContain(`number.${content.numbers[0]!.id}.dial`);
    const byId = new Map(contentTextIds(content).map((t) => [t.id, t.text]));
    expect(byId.get('step.hang-up.why')).toBe(step.why);
  });

  it('are unique, and each can name a file', () => {
    const ids = visitorTexts(content, messages).map((t) => `${t.lang}/${t.id}`);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^(kk|ru|en)\/[A-Za-z0-9][A-Za-z0-9._-]*$/);
  });

  it('leave out sources, staff notes, the sheet’s brief texts and the documents’ printed text', () => {
    const ids = contentTextIds(content).map((t) => t.id);
    expect(ids.filter((id) => /\.(sources|staffNotes|brief)\b/.test(id))).toEqual([]);
    expect(ids.filter((id) => id.startsWith('document.'))).toEqual(
      content.documents.flatMap((d) => [`document.${d.id}.title`, `document.${d.id}.purpose`]),
    );
  });

  it('take the UI messages a visitor screen shows, not staff, print or phone ones', () => {
    expect(isVisitorMessage('titleWhatToDo', 'What to do')).toBe(true);
    expect(isVisitorMessage('buttonStaffSave', 'Save settings')).toBe(false);
    expect(isVisitorMessage('titleSheetRemember', 'Remember')).toBe(false);
    expect(isVisitorMessage('titleSheetPhonePlan', 'This plan on your phone')).toBe(true);
    expect(isVisitorMessage('textPlanDamaged', 'The link is damaged')).toBe(false);
    expect(isVisitorMessage('labelCheckedAsOf', 'Facts checked as of {date}')).toBe(false);
  });

  it('leave a message with a placeholder to the machine’s voice', () => {
    expect(hasPlaceholder('Step {current} of {total}')).toBe(true);
    expect(hasPlaceholder('Step one')).toBe(false);
    const keys = new Set(visitorTexts(content, messages).map((t) => t.id));
    expect(keys.has('labelStepProgress')).toBe(false);
    expect(keys.has('buttonReadAgain')).toBe(true);
  });

  it('give every language the same ids', () => {
    const texts = visitorTexts(content, messages);
    const idsOf = (l: string) => texts.filter((t) => t.lang === l).map((t) => t.id);
    expect(idsOf('kk')).toEqual(idsOf('en'));
    expect(idsOf('ru')).toEqual(idsOf('en'));
  });
});
