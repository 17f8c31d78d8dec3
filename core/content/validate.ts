import type { z } from 'zod';
import type {
  Condition,
  Content,
  DocumentBlock,
  DocumentTemplate,
  Question,
  Step,
} from './model.ts';
import {
  documentSchema,
  metaFileSchema,
  numbersFileSchema,
  planFileSchema,
  sourcesFileSchema,
  stepSchema,
} from './schema.ts';

/** One content file as read from disk; `path` is relative to the project, e.g. content/plan.json. */
export interface ContentFile {
  readonly path: string;
  readonly text: string;
}

/** What is wrong, and exactly where: the file, the step (where there is one), and the field. */
export interface ContentError {
  readonly file: string;
  readonly step?: string;
  readonly field?: string;
  readonly message: string;
}

export type ContentResult =
  | { readonly ok: true; readonly content: Content }
  | { readonly ok: false; readonly errors: readonly ContentError[] };

export function formatContentError(e: ContentError): string {
  const where = [e.file, e.step && `step "${e.step}"`, e.field && `field "${e.field}"`]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${e.message}`;
}

/** ['substeps', 2, 'text', 'kk'] → "substeps[2].text.kk" */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

const CONTENT_DIR = 'content';
const FIXED_FILES = ['meta', 'sources', 'numbers', 'plan'] as const;

/**
 * Checks every content file against its schema and the files against each other, and returns
 * either the content the page may use or every error found (not just the first), each naming
 * its file, step and field.
 */
export function validateContent(files: readonly ContentFile[]): ContentResult {
  const errors: ContentError[] = [];
  const parsed = new Map<string, unknown>();

  for (const f of files) {
    try {
      parsed.set(f.path, JSON.parse(f.text));
    } catch (err) {
      errors.push({ file: f.path, message: `not valid JSON: ${(err as Error).message}` });
    }
  }

  function check<S extends z.ZodType>(
    schema: S,
    file: string,
    stepOf?: (data: unknown) => string,
  ): z.output<S> | undefined {
    if (!files.some((f) => f.path === file)) {
      errors.push({ file, message: 'file is missing' });
      return undefined;
    }
    if (!parsed.has(file)) return undefined;
    const data = parsed.get(file);
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      errors.push({
        file,
        step: stepOf?.(data),
        field: issue.path.length > 0 ? formatPath(issue.path) : undefined,
        message: issue.message,
      });
    }
    return undefined;
  }

  const [metaPath, sourcesPath, numbersPath, planPath] = FIXED_FILES.map(
    (n) => `${CONTENT_DIR}/${n}.json`,
  ) as [string, string, string, string];
  const meta = check(metaFileSchema, metaPath);
  const sources = check(sourcesFileSchema, sourcesPath)?.sources;
  const numbers = check(numbersFileSchema, numbersPath)?.numbers;
  const plan = check(planFileSchema, planPath);

  const stepFiles = files
    .map((f) => f.path)
    .filter((p) => p.startsWith(`${CONTENT_DIR}/steps/`) && p.endsWith('.json'))
    .sort();
  if (stepFiles.length === 0) {
    errors.push({ file: `${CONTENT_DIR}/steps/`, message: 'no step files' });
  }
  const steps: { file: string; step: Step }[] = [];
  // Ids of every step file, valid or not, so that a step with a fault of its own is not also
  // reported as missing wherever the plan names it.
  const declaredStepIds = new Set<string>();
  for (const file of stepFiles) {
    const stepName = (data: unknown) => {
      const id = (data as { id?: unknown } | null)?.id;
      return typeof id === 'string' ? id : file.replace(/^.*\//, '').replace(/\.json$/, '');
    };
    if (parsed.has(file)) declaredStepIds.add(stepName(parsed.get(file)));
    const step = check(stepSchema, file, stepName);
    if (step) steps.push({ file, step });
  }

  const documentFiles = files
    .map((f) => f.path)
    .filter((p) => p.startsWith(`${CONTENT_DIR}/documents/`) && p.endsWith('.json'))
    .sort();
  const documents: { file: string; doc: DocumentTemplate }[] = [];
  for (const file of documentFiles) {
    const doc = check(documentSchema, file);
    if (doc) documents.push({ file, doc });
  }

  // Cross-file checks run on whatever parsed, so one broken file does not hide another's faults.
  const sourceIds = new Set<string>();
  for (const [i, s] of (sources ?? []).entries()) {
    if (sourceIds.has(s.id))
      errors.push({
        file: sourcesPath,
        field: `sources[${i}].id`,
        message: `duplicate id "${s.id}"`,
      });
    sourceIds.add(s.id);
  }
  const numberIds = new Set<string>();
  for (const [i, n] of (numbers ?? []).entries()) {
    if (numberIds.has(n.id))
      errors.push({
        file: numbersPath,
        field: `numbers[${i}].id`,
        message: `duplicate id "${n.id}"`,
      });
    numberIds.add(n.id);
    if (sources)
      n.sources.forEach((s, j) => {
        if (!sourceIds.has(s))
          errors.push({
            file: numbersPath,
            field: `numbers[${i}].sources[${j}]`,
            message: `unknown source "${s}"`,
          });
      });
  }

  const stepIds = new Map<string, string>();
  for (const { file, step } of steps) {
    const first = stepIds.get(step.id);
    if (first !== undefined) {
      errors.push({
        file,
        step: step.id,
        field: 'id',
        message: `duplicate id "${step.id}", already used by ${first}`,
      });
      continue;
    }
    stepIds.set(step.id, file);
    if (numbers)
      step.numbers.forEach((n, j) => {
        if (!numberIds.has(n))
          errors.push({
            file,
            step: step.id,
            field: `numbers[${j}]`,
            message: `unknown number "${n}" (not in ${numbersPath})`,
          });
      });
    if (sources)
      step.sources.forEach((s, j) => {
        if (!sourceIds.has(s))
          errors.push({
            file,
            step: step.id,
            field: `sources[${j}]`,
            message: `unknown source "${s}" (not in ${sourcesPath})`,
          });
      });
  }

  if (plan) {
    const questionIds = new Set<string>();
    plan.questions.forEach((q, i) => {
      if (questionIds.has(q.id))
        errors.push({
          file: planPath,
          field: `questions[${i}].id`,
          message: `duplicate id "${q.id}"`,
        });
      questionIds.add(q.id);
      const optionIds = new Set<string>();
      q.options.forEach((o, j) => {
        if (optionIds.has(o.id))
          errors.push({
            file: planPath,
            field: `questions[${i}].options[${j}].id`,
            message: `duplicate option "${o.id}"`,
          });
        optionIds.add(o.id);
      });
    });
    const ruled = new Set<string>();
    plan.rules.forEach((r, i) => {
      if (ruled.has(r.step))
        errors.push({
          file: planPath,
          step: r.step,
          field: `rules[${i}].step`,
          message: `step "${r.step}" has two rules`,
        });
      ruled.add(r.step);
      if (stepFiles.length > 0 && !declaredStepIds.has(r.step))
        errors.push({
          file: planPath,
          step: r.step,
          field: `rules[${i}].step`,
          message: `unknown step "${r.step}" (no file in ${CONTENT_DIR}/steps/ has this id)`,
        });
      r.cases.forEach((c, j) =>
        checkCondition(c.when, plan.questions, `rules[${i}].cases[${j}].when`, (field, message) =>
          errors.push({ file: planPath, step: r.step, field, message }),
        ),
      );
    });
    for (const { file, step } of steps) {
      if (!ruled.has(step.id))
        errors.push({
          file,
          step: step.id,
          message: `no rule in ${planPath} puts this step in any plan`,
        });
      const report = (field: string, message: string) =>
        errors.push({ file, step: step.id, field, message });
      const conditional: [string, { readonly onlyIf?: Condition }][] = [
        ...step.substeps.map((x, j) => [`substeps[${j}]`, x] as [string, typeof x]),
        ...step.routes.flatMap((r, i) =>
          r.substeps.map((x, j) => [`routes[${i}].substeps[${j}]`, x] as [string, typeof x]),
        ),
        ...step.then.map((x, j) => [`then[${j}]`, x] as [string, typeof x]),
        ...step.notes.map((x, j) => [`notes[${j}]`, x] as [string, typeof x]),
      ];
      for (const [field, x] of conditional)
        if (x.onlyIf) checkCondition(x.onlyIf, plan.questions, `${field}.onlyIf`, report);
    }
    const documentIds = new Map<string, string>();
    for (const { file, doc } of documents) {
      const report = (field: string, message: string) => errors.push({ file, field, message });
      const first = documentIds.get(doc.id);
      if (first !== undefined) report('id', `duplicate id "${doc.id}", already used by ${first}`);
      documentIds.set(doc.id, file);
      if (stepFiles.length > 0 && !declaredStepIds.has(doc.planStep))
        report('planStep', `unknown step "${doc.planStep}"`);
      checkCondition(doc.when, plan.questions, 'when', report);
      if (sources)
        doc.sources.forEach((src, i) => {
          if (!sourceIds.has(src)) report(`sources[${i}]`, `unknown source "${src}"`);
        });
      const blocks: [string, DocumentBlock][] = [
        ...doc.to.map((b, i) => [`to[${i}]`, b] as [string, DocumentBlock]),
        ...doc.body.map((b, i) => [`body[${i}]`, b] as [string, DocumentBlock]),
      ];
      for (const [field, b] of blocks)
        checkDocumentBlock(b, field, plan.questions, declaredStepIds, report);
    }
    for (const key of ['intro', 'goodbye'] as const)
      meta?.[key].forEach((c, i) =>
        checkCondition(c.when, plan.questions, `${key}[${i}].when`, (field, message) =>
          errors.push({ file: metaPath, field, message }),
        ),
      );
  }

  if (errors.length > 0 || !meta || !sources || !numbers || !plan) {
    return { ok: false, errors };
  }
  const order = new Map(plan.rules.map((r, i) => [r.step, i]));
  return {
    ok: true,
    content: {
      meta,
      sources,
      numbers,
      questions: plan.questions,
      rules: plan.rules,
      steps: steps
        .map((s) => s.step)
        .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)),
      documents: documents.map((d) => d.doc),
    },
  };
}

/** A document block's conditions, questions, options and steps are all ones content has. */
function checkDocumentBlock(
  b: DocumentBlock,
  field: string,
  questions: readonly Question[],
  stepIds: ReadonlySet<string>,
  report: (field: string, message: string) => void,
): void {
  const stated = (c: Condition, at: string) => {
    checkCondition(c, questions, at, report);
    if (!saysOnlyWhatWasSaid(c))
      report(
        at,
        'a document states only what the visitor said: every question condition in it needs "notSure": false',
      );
  };
  if ('onlyIf' in b && b.onlyIf) stated(b.onlyIf, `${field}.onlyIf`);
  if ('chosen' in b)
    b.chosen.forEach((c, i) => {
      const q = questions.find((x) => x.id === c.question);
      if (!q) {
        report(`${field}.chosen[${i}].question`, `unknown question "${c.question}"`);
        return;
      }
      for (const o of Object.keys(c.options))
        if (!q.options.some((x) => x.id === o))
          report(`${field}.chosen[${i}].options.${o}`, `question "${q.id}" has no option "${o}"`);
    });
  if ('done' in b)
    for (const id of Object.keys(b.done))
      if (stepIds.size > 0 && !stepIds.has(id))
        report(`${field}.done.${id}`, `unknown step "${id}"`);
  if ('list' in b)
    b.list.forEach((x, i) => {
      if (x.onlyIf) stated(x.onlyIf, `${field}.list[${i}].onlyIf`);
    });
}

/** Whether a condition holds only on answers given: "not sure" never satisfies it. */
function saysOnlyWhatWasSaid(c: Condition): boolean {
  if ('not' in c) return saysOnlyWhatWasSaid(c.not);
  if ('any' in c) return c.any.every(saysOnlyWhatWasSaid);
  if ('all' in c) return c.all.every(saysOnlyWhatWasSaid);
  if ('question' in c) return c.notSure === false;
  return true;
}

function checkCondition(
  c: Condition,
  questions: readonly Question[],
  field: string,
  report: (field: string, message: string) => void,
): void {
  if ('not' in c) checkCondition(c.not, questions, `${field}.not`, report);
  else if ('any' in c)
    c.any.forEach((x, i) => checkCondition(x, questions, `${field}.any[${i}]`, report));
  else if ('all' in c)
    c.all.forEach((x, i) => checkCondition(x, questions, `${field}.all[${i}]`, report));
  else if ('question' in c) {
    const q = questions.find((x) => x.id === c.question);
    if (!q) {
      report(`${field}.question`, `unknown question "${c.question}"`);
      return;
    }
    c.anyOf.forEach((o, i) => {
      if (!q.options.some((x) => x.id === o))
        report(`${field}.anyOf[${i}]`, `question "${q.id}" has no option "${o}"`);
    });
  }
}
