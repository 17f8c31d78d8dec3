import { LOCALES } from '../locales.ts';
import type { Content } from './model.ts';

/*
 * The page's own check of content handed over by main (a content pack), before it uses it. Main
 * has already validated the pack with the build's zod schema (core/content/validate.ts); zod
 * does not ship to the page (tests/scripts/bundle-size.spec.ts), so the page checks again,
 * without it, everything it relies on to draw a screen: the shape of every collection, the
 * texts in every language, and that every reference (plan rules to steps, steps to numbers)
 * leads somewhere. Anything else: the bundled content serves.
 */

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): boolean =>
  isRecord(v) && LOCALES.every((l) => typeof v[l] === 'string' && v[l] !== '');
const isIdList = (v: unknown): v is readonly unknown[] =>
  Array.isArray(v) && v.every((x) => isRecord(x) && typeof x.id === 'string');

/** Why the content cannot be used, or null when the page may use it. */
export function contentProblem(raw: unknown): string | null {
  if (!isRecord(raw)) return 'not an object';
  const { meta, sources, numbers, questions, rules, steps, documents } = raw;
  if (!isRecord(meta) || typeof meta.checkedAsOf !== 'string') return 'meta: no checked-as-of date';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(meta.checkedAsOf)) return 'meta.checkedAsOf: not a date';
  if (!Array.isArray(meta.intro) || !Array.isArray(meta.goodbye) || !isText(meta.recoveryWarning))
    return 'meta: texts missing';
  for (const [name, list] of Object.entries({ sources, numbers, questions, steps, documents }))
    if (!isIdList(list)) return `${name}: expected a list with ids`;
  if (!Array.isArray(rules) || rules.length === 0) return 'rules: expected a list';
  const stepList = steps as readonly Record<string, unknown>[];
  if (stepList.length === 0 || (questions as unknown[]).length === 0)
    return 'no steps or questions';
  const numberIds = new Set((numbers as readonly { id: string }[]).map((n) => n.id));
  const stepIds = new Set(stepList.map((s) => s.id));
  for (const s of stepList) {
    if (!isText(s.title) || !isText(s.why)) return `step ${String(s.id)}: texts missing`;
    for (const key of ['substeps', 'routes', 'then', 'notes', 'numbers', 'links', 'emails'])
      if (!Array.isArray(s[key])) return `step ${String(s.id)}: ${key} missing`;
    for (const n of s.numbers as unknown[])
      if (typeof n !== 'string' || !numberIds.has(n))
        return `step ${String(s.id)}: unknown number ${String(n)}`;
  }
  for (const q of questions as readonly Record<string, unknown>[])
    if (!isText(q.title) || !isIdList(q.options)) return `question ${String(q.id)}: incomplete`;
  for (const r of rules)
    if (
      !isRecord(r) ||
      typeof r.step !== 'string' ||
      !stepIds.has(r.step) ||
      !Array.isArray(r.cases)
    )
      return 'rules: a rule names no step of the content';
  return null;
}

export function isUsableContent(raw: unknown): raw is Content {
  return contentProblem(raw) === null;
}
