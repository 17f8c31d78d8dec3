import type {
  Content,
  DocumentBlock,
  DocumentLocale,
  DocumentTemplate,
  DocumentText,
} from '../content/model.ts';
import type { Place } from '../place.ts';
import { holds, type Answers, type PlanItem, type StepStatus } from './plan.ts';
import { formatSheetDate } from './sheet.ts';

/*
 * The documents a visitor takes to the police, the bank, the lender or a credit bureau, filled
 * in from their template for this visit. Nothing personal is ever typed at the kiosk, and the
 * filled document has no way to hold it: the visitor's answers only choose which of the
 * template's own phrases appear; the date and the kiosk's place name are the only other things
 * put in; everything else is a blank line to write in by hand.
 */

/** A document block, filled in: plain text in one language, and blanks. */
export type FilledBlock =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'field';
      readonly label: string;
      readonly lines: number;
      readonly short: boolean;
      /** What is already written on the line (the kiosk's place name), if anything. */
      readonly value?: string;
    }
  | { readonly kind: 'list'; readonly intro: string; readonly items: readonly string[] }
  | { readonly kind: 'numbered'; readonly intro: string; readonly items: readonly string[] }
  | {
      readonly kind: 'table';
      readonly title: string;
      readonly columns: readonly string[];
      readonly rows: number;
    }
  | { readonly kind: 'signature'; readonly date: string; readonly label: string };

export interface FilledDocument {
  readonly id: string;
  readonly locale: DocumentLocale;
  readonly heading: string;
  readonly subject: string;
  readonly to: readonly FilledBlock[];
  readonly body: readonly FilledBlock[];
}

export interface DocumentVisit {
  readonly content: Content;
  readonly plan: readonly PlanItem[];
  readonly answers: Answers;
  readonly statuses: Readonly<Record<string, StepStatus>>;
  /** Where the kiosk stands, or null at home (the companion page): no addressee is filled in. */
  readonly place: Place | null;
  readonly branchName: string;
  readonly today: Date;
}

/** The documents that fit this visit's plan and answers, in content order. */
export function offeredDocuments(
  content: Content,
  plan: readonly PlanItem[],
  answers: Answers,
  place: Place | null,
): DocumentTemplate[] {
  const inPlan = new Set(plan.map((p) => p.stepId));
  return content.documents.filter(
    (d) => inPlan.has(d.planStep) && holds(d.when, { answers, place }),
  );
}

function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/**
 * Which options of a question the visitor chose, for a document: "not sure" chooses none, so a
 * document never states what the visitor did not say.
 */
function chosenOptions(answers: Answers, question: string): readonly string[] {
  return answers[question] ?? [];
}

/** A list's last item ends the sentence: its ";" becomes ".". */
function endList(items: string[]): string[] {
  return items.map((x, i) => (i === items.length - 1 ? x.replace(/;$/, '.') : x));
}

export function fillDocument(
  template: DocumentTemplate,
  visit: DocumentVisit,
  locale: DocumentLocale,
): FilledDocument {
  const at = { answers: visit.answers, place: visit.place };
  const t = (x: DocumentText) => x[locale];
  const fill = (b: DocumentBlock): FilledBlock[] => {
    if ('onlyIf' in b && b.onlyIf && !holds(b.onlyIf, at)) return [];
    if ('text' in b) return [{ kind: 'text', text: t(b.text) }];
    if ('field' in b) return [{ kind: 'field', label: t(b.field), lines: b.lines, short: b.short }];
    if ('addressee' in b) {
      const name = visit.place === b.place ? visit.branchName.trim() : '';
      return [
        name
          ? { kind: 'field', label: t(b.addressee), lines: 1, short: false, value: name }
          : { kind: 'field', label: `${t(b.addressee)} (${t(b.hint)})`, lines: 1, short: false },
      ];
    }
    if ('chosen' in b) {
      const items = b.chosen.flatMap((c) =>
        chosenOptions(visit.answers, c.question).flatMap((o) =>
          Object.hasOwn(c.options, o) ? [t(c.options[o]!)] : [],
        ),
      );
      if (items.length > 0) return [{ kind: 'list', intro: t(b.intro), items: endList(items) }];
      return b.otherwise
        ? [
            { kind: 'text', text: t(b.intro) },
            { kind: 'field', label: t(b.otherwise.field), lines: b.otherwise.lines, short: false },
          ]
        : [];
    }
    if ('done' in b) {
      const items = Object.entries(b.done)
        .filter(([id]) => visit.statuses[id] === 'done')
        .map(([, text]) => t(text));
      return items.length > 0 ? [{ kind: 'list', intro: t(b.intro), items: endList(items) }] : [];
    }
    if ('list' in b) {
      const items = b.list.filter((x) => !x.onlyIf || holds(x.onlyIf, at)).map((x) => t(x.text));
      return items.length > 0
        ? [{ kind: 'numbered', intro: t(b.intro), items: endList(items) }]
        : [];
    }
    if ('table' in b)
      return [{ kind: 'table', title: t(b.table), columns: b.columns.map(t), rows: b.rows }];
    return [
      {
        kind: 'signature',
        date: `${t(b.date)} ${formatSheetDate(isoDate(visit.today))}`,
        label: t(b.signature),
      },
    ];
  };
  return {
    id: template.id,
    locale,
    heading: t(template.heading),
    subject: t(template.subject),
    to: template.to.flatMap(fill),
    body: template.body.flatMap(fill),
  };
}
