import { LOCALES } from '../locales.ts';
import type { Content } from './model.ts';

/*
 * The page's own check of content handed over by main (a content pack), before it uses it. Main
 * has already validated the pack with the build's zod schema (core/content/validate.ts); zod
 * does not ship to the page (tests/scripts/bundle-size.spec.ts), so the page checks again,
 * without it, what it relies on to draw a screen: the shape of every collection, the texts in
 * every language, and that every reference (plan rules to steps, steps to numbers) leads
 * somewhere. Anything else: the bundled content serves.
 */

type Rec = Readonly<Record<string, unknown>>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown) => isRecord(v) && LOCALES.every((l) => typeof v[l] === 'string');
const list = (v: unknown) => (Array.isArray(v) ? (v as Rec[]) : []);
const ids = (v: unknown) => new Set(list(v).map((x) => isRecord(x) && x.id));

/** Where the content is wrong (a field or an id), or null when the page may use it. */
export function contentProblem(raw: unknown): string | null {
  const need = (ok: unknown, where: string) => {
    if (!ok) throw new Error(where);
  };
  try {
    need(isRecord(raw), 'content');
    const c = raw as Rec;
    const m = c.meta as Rec;
    need(
      isRecord(m) &&
        /^\d{4}-\d\d-\d\d$/.test(String(m.checkedAsOf)) &&
        Array.isArray(m.intro) &&
        Array.isArray(m.goodbye) &&
        isText(m.recoveryWarning),
      'meta',
    );
    for (const name of ['numbers', 'questions', 'steps', 'documents', 'rules'])
      need(list(c[name]).length > 0 && list(c[name]).every(isRecord), name);
    const numbers = ids(c.numbers);
    const steps = ids(c.steps);
    for (const s of list(c.steps))
      need(
        isText(s.title) &&
          isText(s.why) &&
          ['substeps', 'routes', 'then', 'notes', 'links', 'emails'].every((k) =>
            Array.isArray(s[k]),
          ) &&
          Array.isArray(s.numbers) &&
          s.numbers.every((n) => numbers.has(n)),
        `step ${String(s.id)}`,
      );
    for (const q of list(c.questions))
      need(
        isText(q.title) && list(q.options).every((o) => isText(o.label)),
        `question ${String(q.id)}`,
      );
    need(
      list(c.rules).every((r) => steps.has(r.step) && Array.isArray(r.cases)),
      'rules',
    );
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

export function isUsableContent(raw: unknown): raw is Content {
  return contentProblem(raw) === null;
}
