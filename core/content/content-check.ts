import { LOCALES } from '../locales.ts';
import { PLACES } from '../place.ts';
import { DOCUMENT_LOCALES, KIOSK_PHONES, URGENCIES, type Content } from './model.ts';

/*
 * The page's own check of content handed over by main (a content pack), before it uses it. Main
 * has already validated the pack with the build's zod schema (core/content/validate.ts); zod
 * does not ship to the page (tests/scripts/bundle-size.spec.ts), so the page checks again,
 * without it, the whole of the model it draws from (core/content/model.ts): every field's type,
 * every text in every language, every condition, every document block, and that every reference
 * (plan rules and documents to steps, steps to numbers, conditions to questions and their
 * options) leads somewhere. What it does not repeat is the build's editorial checks (sources,
 * official domains, phone formats). Anything wrong: the bundled content serves.
 */

type Rec = Readonly<Record<string, unknown>>;
/** Checks a value; throws the place of the first problem (`steps.2.substeps.0.text`). */
type Check = (v: unknown, at: string) => void;

const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
function need(ok: boolean, at: string): asserts ok {
  if (!ok) throw new Error(at);
}

const str: Check = (v, at) => need(typeof v === 'string', at);
const id: Check = (v, at) =>
  need(typeof v === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v), at);
const bool: Check = (v, at) => need(typeof v === 'boolean', at);
const count: Check = (v, at) => need(Number.isInteger(v) && (v as number) >= 0, at);
const oneOf =
  (values: readonly unknown[]): Check =>
  (v, at) =>
    need(values.includes(v), at);
const textIn =
  (locales: readonly string[]): Check =>
  (v, at) =>
    need(isRecord(v) && locales.every((l) => typeof v[l] === 'string'), at);
const text = textIn(LOCALES);
const docText = textIn(DOCUMENT_LOCALES);
const opt =
  (check: Check): Check =>
  (v, at) => {
    if (v !== undefined) check(v, at);
  };
const list =
  (check: Check, min = 0): Check =>
  (v, at) => {
    need(Array.isArray(v) && v.length >= min, at);
    v.forEach((x, i) => check(x, `${at}.${i}`));
  };
const obj =
  (shape: Readonly<Record<string, Check>>): Check =>
  (v, at) => {
    need(isRecord(v), at);
    for (const [k, check] of Object.entries(shape)) check(v[k], `${at}.${k}`);
  };
const record =
  (check: Check): Check =>
  (v, at) => {
    need(isRecord(v), at);
    for (const [k, x] of Object.entries(v)) check(x, `${at}.${k}`);
  };

/** Where the content is wrong (the path of a field), or null when the page may use it. */
export function contentProblem(raw: unknown): string | null {
  try {
    check(raw);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

export function isUsableContent(raw: unknown): raw is Content {
  return contentProblem(raw) === null;
}

function check(raw: unknown): void {
  need(isRecord(raw), 'content');
  const c = raw;
  for (const name of ['numbers', 'questions', 'steps', 'documents', 'rules'])
    need(Array.isArray(c[name]) && (c[name] as unknown[]).every(isRecord), name);
  const ids = (name: string) => new Set((c[name] as Rec[]).map((x) => x.id));
  const numbers = ids('numbers');
  const steps = ids('steps');
  const options = new Map(
    (c.questions as Rec[]).map((q) => [
      q.id,
      new Set(
        Array.isArray(q.options) ? (q.options as unknown[]).map((o) => isRecord(o) && o.id) : [],
      ),
    ]),
  );

  const stepId: Check = (v, at) => need(steps.has(v), at);
  const condition: Check = (v, at) => {
    need(isRecord(v), at);
    if ('always' in v) need(v.always === true, at);
    else if ('question' in v) {
      need(options.has(v.question), `${at}.question`);
      list((o, where) => need(options.get(v.question)!.has(o), where), 1)(v.anyOf, `${at}.anyOf`);
      opt(bool)(v.notSure, `${at}.notSure`);
    } else if ('place' in v) oneOf(PLACES)(v.place, `${at}.place`);
    else if ('not' in v) condition(v.not, `${at}.not`);
    else if ('any' in v) list(condition, 1)(v.any, `${at}.any`);
    else if ('all' in v) list(condition, 1)(v.all, `${at}.all`);
    else need(false, at);
  };
  const caseText = obj({ when: condition, text });
  const substep = obj({ text, brief: opt(text), path: opt(list(text)), onlyIf: opt(condition) });
  const field = { field: docText, lines: count };
  const blocks: readonly [string, Check][] = [
    ['text', obj({ text: docText, onlyIf: opt(condition) })],
    ['field', obj({ ...field, short: bool, onlyIf: opt(condition) })],
    ['addressee', obj({ addressee: docText, place: oneOf(PLACES), hint: docText })],
    [
      'chosen',
      obj({
        chosen: list((v, at) => {
          obj({ question: (q, w) => need(options.has(q), w), options: record(docText) })(v, at);
          const known = options.get((v as Rec).question)!;
          for (const o of Object.keys((v as { options: Rec }).options))
            need(known.has(o), `${at}.options.${o}`);
        }, 1),
        intro: docText,
        otherwise: opt(obj(field)),
        onlyIf: opt(condition),
      }),
    ],
    [
      'done',
      obj({
        done: (v, at) => {
          record(docText)(v, at);
          for (const s of Object.keys(v as Rec)) stepId(s, `${at}.${s}`);
        },
        intro: docText,
      }),
    ],
    ['list', obj({ list: list(obj({ text: docText, onlyIf: opt(condition) })), intro: docText })],
    ['table', obj({ table: docText, columns: list(docText, 1), rows: count })],
    ['signature', obj({ signature: docText, date: docText })],
  ];
  const block: Check = (v, at) => {
    need(isRecord(v), at);
    const kind = blocks.find(([key]) => key in v);
    need(kind !== undefined, at);
    kind[1](v, at);
  };

  obj({
    meta: obj({
      checkedAsOf: (v, at) => need(typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v), at),
      intro: list(caseText, 1),
      goodbye: list(caseText, 1),
      recoveryWarning: text,
    }),
    numbers: list(obj({ id, dial: str, label: text, note: opt(text), free: opt(bool) }), 1),
    questions: list(
      obj({
        id,
        multiple: bool,
        title: text,
        hint: opt(text),
        options: list(obj({ id, label: text, exclusive: opt(bool) }), 1),
      }),
      1,
    ),
    steps: list(
      obj({
        id,
        kind: oneOf(['action', 'info']),
        title: text,
        short: text,
        onSheet: oneOf(['full', 'essential', 'brief']),
        why: text,
        substeps: list(substep),
        routes: list(obj({ title: text, substeps: list(substep, 1) })),
        then: list(substep),
        notes: list(
          obj({ kind: oneOf(['warning', 'info', 'leaflet']), text, onlyIf: opt(condition) }),
        ),
        here: (v, at) => {
          need(isRecord(v) && Object.keys(v).every((p) => PLACES.includes(p as never)), at);
          record(obj({ text: opt(text), phones: list(oneOf(KIOSK_PHONES)) }))(v, at);
        },
        phoneCall: bool,
        numbers: list((n, at) => need(numbers.has(n), at)),
        links: list(obj({ url: str, label: text })),
        emails: list(str),
        staffNotes: obj({ bank: opt(text), police: opt(text) }),
      }),
      1,
    ),
    rules: list(
      obj({ step: stepId, cases: list(obj({ when: condition, urgency: oneOf(URGENCIES) }), 1) }),
      1,
    ),
    documents: list(
      obj({
        id,
        planStep: stepId,
        when: condition,
        title: text,
        purpose: text,
        heading: docText,
        subject: docText,
        to: list(block),
        body: list(block, 1),
      }),
    ),
  })(c, 'content');
}
