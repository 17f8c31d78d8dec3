import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadContent, loadContentOrThrow } from '../../../scripts/read-content';
import { formatContentError, type ContentError } from '../../../core/content/validate';

const CONTENT = resolve(import.meta.dirname, '../../../content');

describe('a broken copy of the content', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Copies the content, lets `breakIt` damage it, and returns the errors found. */
  function errorsAfter(breakIt: (dir: string) => void): ContentError[] {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-content-'));
    cpSync(CONTENT, dir, { recursive: true });
    breakIt(dir);
    const result = loadContent(dir);
    if (result.ok) throw new Error('the broken content was accepted');
    return [...result.errors];
  }

  function edit(file: string, change: (data: any) => void) {
    return (d: string) => {
      const path = join(d, file);
      const data = JSON.parse(readFileSync(path, 'utf8'));
      change(data);
      writeFileSync(path, JSON.stringify(data));
    };
  }

  it('names the file, step and field of a missing translation', () => {
    const errors = errorsAfter(
      edit('steps/stop-credit.json', (s) => delete s.routes[0].substeps[1].text.kk),
    );
    expect(errors).toContainEqual({
      file: 'content/steps/stop-credit.json',
      step: 'stop-credit',
      field: 'routes[0].substeps[1].text.kk',
      message: 'missing Kazakh translation',
    });
    expect(formatContentError(errors[0]!)).toBe(
      'content/steps/stop-credit.json, step "stop-credit", field "routes[0].substeps[1].text.kk": missing Kazakh translation',
    );
  });

  it('refuses a link outside the official domains, a look-alike, and plain http', () => {
    for (const url of [
      'https://egov-kz.example.com',
      'https://egov.kz.example.com',
      'http://egov.kz',
      'https://user@egov.kz',
    ]) {
      const errors = errorsAfter(edit('steps/renew-eds.json', (s) => (s.links[0].url = url)));
      expect(errors, url).toEqual([
        expect.objectContaining({
          file: 'content/steps/renew-eds.json',
          step: 'renew-eds',
          field: 'links[0].url',
          message: expect.stringContaining('allow-list of official domains'),
        }),
      ]);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a malformed phone number', () => {
    for (const dial of ['10-2', '12', '8 800 080 777', '+1 202 555 0100', '14 14a']) {
      const errors = errorsAfter(edit('numbers.json', (n) => (n.numbers[2].dial = dial)));
      expect(errors, dial).toEqual([
        expect.objectContaining({
          file: 'content/numbers.json',
          field: 'numbers[2].dial',
          message: expect.stringContaining('malformed phone number'),
        }),
      ]);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a duplicate step id', () => {
    const errors = errorsAfter((d) =>
      cpSync(join(d, 'steps/hang-up.json'), join(d, 'steps/hang-up-copy.json')),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({
        file: 'content/steps/hang-up.json',
        step: 'hang-up',
        field: 'id',
        message: expect.stringContaining('duplicate id "hang-up"'),
      }),
    );
  });

  it('refuses a plan rule naming a step that does not exist', () => {
    const errors = errorsAfter(edit('plan.json', (p) => (p.rules[0].step = 'call-the-bank')));
    expect(errors).toContainEqual(
      expect.objectContaining({
        file: 'content/plan.json',
        step: 'call-the-bank',
        field: 'rules[0].step',
        message: expect.stringContaining('unknown step "call-the-bank"'),
      }),
    );
    // The step that lost its rule is reported too: it would never be shown.
    expect(errors).toContainEqual(
      expect.objectContaining({
        step: 'contact-bank',
        message: expect.stringContaining('no rule'),
      }),
    );
  });

  it('refuses a condition on an option the question does not have', () => {
    const errors = errorsAfter(
      edit('plan.json', (p) => (p.rules[3].cases[0].when.anyOf = ['eds', 'passport'])),
    );
    expect(errors).toEqual([
      expect.objectContaining({
        file: 'content/plan.json',
        step: 'renew-eds',
        field: 'rules[3].cases[0].when.anyOf[1]',
        message: 'question "shared" has no option "passport"',
      }),
    ]);
  });

  it('refuses a reference to an unknown number or source', () => {
    const errors = errorsAfter(
      edit('steps/hang-up.json', (s) => {
        s.numbers.push('police-103');
        s.sources.push('rumour');
      }),
    );
    expect(errors.map((e) => `${e.field}: ${e.message}`)).toEqual([
      'numbers[2]: unknown number "police-103" (not in content/numbers.json)',
      'sources[5]: unknown source "rumour" (not in content/sources.json)',
    ]);
  });

  it('refuses text damaged by PDF extraction', () => {
    const errors = errorsAfter(
      edit(
        'steps/share-story.json',
        (s) => (s.substeps[1].text.kk = 'алаяқтардың схемаcының сипаттамасы'),
      ),
    );
    expect(errors).toEqual([
      expect.objectContaining({
        field: 'substeps[1].text.kk',
        message: expect.stringContaining('mixes Latin and Cyrillic'),
      }),
    ]);
  });

  it('reports a file that is not JSON, and keeps checking the others', () => {
    const errors = errorsAfter((d) => {
      writeFileSync(join(d, 'numbers.json'), '{ "numbers": [');
      edit('steps/hang-up.json', (s) => delete s.title.ru)(d);
    });
    expect(errors).toContainEqual(
      expect.objectContaining({
        file: 'content/numbers.json',
        message: expect.stringContaining('not valid JSON'),
      }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({
        step: 'hang-up',
        field: 'title.ru',
        message: 'missing Russian translation',
      }),
    );
  });

  describe('a document template', () => {
    const doc = 'documents/police-application.json';
    const where = (errors: ContentError[]) => errors.map((e) => `${e.field}: ${e.message}`);

    it('needs both its languages, and only known fields', () => {
      const errors = errorsAfter(
        edit(doc, (d) => {
          delete d.heading.ru;
          d.body[0].colour = 'red';
        }),
      );
      expect(where(errors)).toContain('heading.ru: missing Russian translation');
      expect(errors.some((e) => e.file === `content/${doc}` && e.field === 'body[0]')).toBe(true);
    });

    it('refuses a question, option or step content does not have', () => {
      const errors = errorsAfter(
        edit(doc, (d) => {
          const chosen = d.body.find((b: { chosen?: unknown }) => b.chosen);
          chosen.chosen[0].options.passport = { kk: 'паспорт', ru: 'паспорт' };
          chosen.chosen[1].question = 'mood';
          d.body.find((b: { done?: unknown }) => b.done).done['call-mum'] = { kk: 'а', ru: 'а' };
          d.planStep = 'visit-bank';
        }),
      );
      const found = where(errors).join('\n');
      expect(found).toMatch(/options\.passport: question "shared" has no option "passport"/);
      expect(found).toMatch(/question: unknown question "mood"/);
      expect(found).toMatch(/done\.call-mum: unknown step "call-mum"/);
      expect(found).toMatch(/planStep: unknown step "visit-bank"/);
    });

    it('states only what the visitor said: "not sure" never selects a sentence', () => {
      const errors = errorsAfter(
        edit(doc, (d) => {
          const list = d.body.find((b: { list?: unknown }) => b.list);
          delete list.list[2].onlyIf.any[0].notSure;
        }),
      );
      expect(where(errors).join('\n')).toMatch(
        /list\[2\]\.onlyIf: a document states only what the visitor said/,
      );
    });

    it('names its sources', () => {
      const errors = errorsAfter(edit(doc, (d) => (d.sources = ['rumour'])));
      expect(where(errors)).toContain('sources[0]: unknown source "rumour"');
    });
  });

  it('reports a missing file', () => {
    const errors = errorsAfter((d) => rmSync(join(d, 'meta.json')));
    expect(errors).toEqual([{ file: 'content/meta.json', message: 'file is missing' }]);
  });

  it('stops the build with every problem listed', () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-content-'));
    cpSync(CONTENT, dir, { recursive: true });
    edit('steps/hang-up.json', (s) => delete s.title.en)(dir);
    expect(() => loadContentOrThrow(dir)).toThrow(
      /Content is not valid \(1 problem\):\n {2}- content\/steps\/hang-up.json, step "hang-up", field "title.en": missing English translation/,
    );
  });
});
