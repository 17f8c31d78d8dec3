import type { Locale } from '../locales.ts';

/** A visitor-facing text in every language the kiosk offers. */
export type LocalizedText = Readonly<Record<Locale, string>>;

/** The reserved answer id for "not sure"; no content option may use it. */
export const NOT_SURE = 'not-sure';

export type Urgency = 'now' | 'today' | 'this-week';
export const URGENCIES: readonly Urgency[] = ['now', 'today', 'this-week'];

/**
 * When a plan rule or a sub-step applies, given the visitor's answers.
 * A question condition also holds when the visitor answered "not sure", unless `notSure` is
 * false: uncertainty errs on the side of showing a step.
 */
export type Condition =
  | { readonly always: true }
  | {
      readonly question: string;
      readonly anyOf: readonly string[];
      readonly notSure?: boolean;
    }
  | { readonly any: readonly Condition[] }
  | { readonly all: readonly Condition[] };

export interface Source {
  readonly id: string;
  /** Who published it, e.g. "egov.kz" or "inform.kz". */
  readonly publisher: string;
  readonly title: string;
  /** ISO date of the publication, where it has one. */
  readonly date?: string;
  /** Where to find it, as text; sources are for content owners and are never links on screen. */
  readonly where?: string;
}

export interface PhoneNumber {
  readonly id: string;
  /** As people dial it, digits grouped by spaces: "1414", "8 800 080 7777". */
  readonly dial: string;
  readonly label: LocalizedText;
  readonly note?: LocalizedText;
  readonly free?: boolean;
  readonly sources: readonly string[];
}

export interface OfficialLink {
  readonly url: string;
  readonly label: LocalizedText;
}

export interface Substep {
  readonly text: LocalizedText;
  /** A menu path, shown as "A → B → C". */
  readonly path?: readonly LocalizedText[];
  /** Shown only when this holds for the visitor's answers. */
  readonly onlyIf?: Condition;
}

export type NoteKind = 'warning' | 'info' | 'leaflet';

export interface StepNote {
  readonly kind: NoteKind;
  readonly text: LocalizedText;
}

export type StepKind = 'action' | 'info';

export interface Step {
  readonly id: string;
  /** Action steps get "done / later / not relevant"; info steps are read. */
  readonly kind: StepKind;
  readonly title: LocalizedText;
  /** A few words, for the plan-on-your-phone QR code. */
  readonly short: LocalizedText;
  /** On the printed sheet: all sub-steps, or only why the step matters. */
  readonly onSheet: 'full' | 'brief';
  readonly why: LocalizedText;
  readonly substeps: readonly Substep[];
  readonly notes: readonly StepNote[];
  readonly numbers: readonly string[];
  readonly links: readonly OfficialLink[];
  readonly emails: readonly string[];
  readonly sources: readonly string[];
  /**
   * What staff can do here, for a bank branch or a police station: shown while staff assist a
   * visit, never to a visitor alone and never on the printed sheet.
   */
  readonly staffNotes: { readonly bank?: LocalizedText; readonly police?: LocalizedText };
}

export interface QuestionOption {
  readonly id: string;
  readonly label: LocalizedText;
}

export interface Question {
  readonly id: string;
  /** Several options may be chosen together. */
  readonly multiple: boolean;
  readonly title: LocalizedText;
  readonly hint?: LocalizedText;
  readonly options: readonly QuestionOption[];
}

export interface PlanCase {
  readonly when: Condition;
  readonly urgency: Urgency;
}

/** A step is in the plan with the urgency of its first case that holds; with none, it is left out. */
export interface PlanRule {
  readonly step: string;
  readonly cases: readonly PlanCase[];
}

export interface ContentMeta {
  /** ISO date when the facts were last checked against their sources. */
  readonly checkedAsOf: string;
  /** The reassurance shown before the plan: a code told is the start of a scam, not the end. */
  readonly intro: LocalizedText;
}

export interface Content {
  readonly meta: ContentMeta;
  readonly sources: readonly Source[];
  readonly numbers: readonly PhoneNumber[];
  readonly questions: readonly Question[];
  readonly rules: readonly PlanRule[];
  readonly steps: readonly Step[];
}
