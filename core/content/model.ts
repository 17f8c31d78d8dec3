import type { Locale } from '../locales.ts';
import type { Place } from '../place.ts';

/** A visitor-facing text in every language the kiosk offers. */
export type LocalizedText = Readonly<Record<Locale, string>>;

/** The reserved answer id for "not sure"; no content option may use it. */
export const NOT_SURE = 'not-sure';

export type Urgency = 'now' | 'today' | 'this-week';
export const URGENCIES: readonly Urgency[] = ['now', 'today', 'this-week'];

/**
 * When a plan rule, a sub-step or a note applies, given the visitor's answers and the place the
 * kiosk stands in. A question condition also holds when the visitor answered "not sure", unless
 * `notSure` is false: uncertainty errs on the side of showing a step.
 */
export type Condition =
  | { readonly always: true }
  | {
      readonly question: string;
      readonly anyOf: readonly string[];
      readonly notSure?: boolean;
    }
  /** The kiosk stands at a bank branch, or at a police station. */
  | { readonly place: Place }
  | { readonly not: Condition }
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
  /** A shorter form for the printed sheet, where the full text would not leave room. */
  readonly brief?: LocalizedText;
  /** A menu path, shown as "A → B → C". */
  readonly path?: readonly LocalizedText[];
  /** Shown only when this holds for the visitor's answers. */
  readonly onlyIf?: Condition;
}

export type NoteKind = 'warning' | 'info' | 'leaflet';

export interface StepNote {
  readonly kind: NoteKind;
  readonly text: LocalizedText;
  /** Shown only when this holds (for the visitor's answers, at this place). */
  readonly onlyIf?: Condition;
}

/** One way of doing a step, where there are several: on a phone, or on a computer. */
export interface StepRoute {
  readonly title: LocalizedText;
  readonly substeps: readonly Substep[];
}

/** The kiosk's own phones, set by staff: the branch or station it stands in, the local police. */
export type KioskPhone = 'branch' | 'police';
export const KIOSK_PHONES: readonly KioskPhone[] = ['branch', 'police'];

/** What a step says can be done right here, where the kiosk stands. */
export interface HereNote {
  readonly text?: LocalizedText;
  /** Which of the kiosk's phones the step shows here, where staff set them. */
  readonly phones: readonly KioskPhone[];
}

export type StepKind = 'action' | 'info';

export interface Step {
  readonly id: string;
  /** Action steps get "done / later / not relevant"; info steps are read. */
  readonly kind: StepKind;
  readonly title: LocalizedText;
  /** A few words, for the plan-on-your-phone QR code. */
  readonly short: LocalizedText;
  /**
   * On the printed sheet: all sub-steps (in their brief forms, where they have one), shortened to
   * why the step matters when an A4 sheet runs out of room ("full"); all sub-steps, never
   * shortened ("essential"); or only why the step matters ("brief").
   */
  readonly onSheet: 'full' | 'essential' | 'brief';
  readonly why: LocalizedText;
  readonly substeps: readonly Substep[];
  /** Ways to do the step, each apart, after the sub-steps: the phone way first. */
  readonly routes: readonly StepRoute[];
  /** What to do after any of the ways (check what came back, say, and act on it). */
  readonly then: readonly Substep[];
  readonly notes: readonly StepNote[];
  /** What can be done right here, at a bank branch or a police station. */
  readonly here: Partial<Readonly<Record<Place, HereNote>>>;
  /**
   * The visitor is likely on the phone during this step (with their bank, with the police), so
   * the kiosk waits longer before it asks whether they are still there.
   */
  readonly phoneCall: boolean;
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
  /** In a multiple-choice question, this option stands alone ("none of these"), as "not sure" does. */
  readonly exclusive?: boolean;
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

/** A text for the visitors for whom a condition holds; the first that holds is shown. */
export interface CaseText {
  readonly when: Condition;
  readonly text: LocalizedText;
}

export interface ContentMeta {
  /** ISO date of the latest source the facts were checked against. */
  readonly checkedAsOf: string;
  /**
   * The reassurance shown before the plan, in words that fit what this visitor shared: a code
   * told is the start of a scam, not the end. The last case holds always.
   */
  readonly intro: readonly CaseText[];
  /** A parting word on the goodbye screen, fitted to what the visitor shared. */
  readonly goodbye: readonly CaseText[];
  /** Shown to every visitor at the end: nobody can get the money back for a fee. */
  readonly recoveryWarning: LocalizedText;
}

/** The languages of documents for officials: Kazakh and Russian, whatever the screen's. */
export const DOCUMENT_LOCALES = ['kk', 'ru'] as const;
export type DocumentLocale = (typeof DOCUMENT_LOCALES)[number];
/** A text of a document, in each language a document prints in. */
export type DocumentText = Readonly<Record<DocumentLocale, string>>;

/**
 * A part of a document template. Nothing in a document comes from anywhere else: the visitor's
 * choices only select which of the template's own phrases appear, and everything personal is a
 * blank line to fill in by hand.
 */
export type DocumentBlock =
  /** A paragraph, where the condition holds (for the visitor's answers, at this place). */
  | { readonly text: DocumentText; readonly onlyIf?: Condition }
  /** A labelled blank, `lines` lines high, to write in by hand. */
  | {
      readonly field: DocumentText;
      readonly lines: number;
      readonly short: boolean;
      readonly onlyIf?: Condition;
    }
  /**
   * Who the document goes to: at a kiosk standing in such a place with its name set, that name;
   * elsewhere a blank with a hint of what to write.
   */
  | {
      readonly addressee: DocumentText;
      readonly place: Place;
      readonly hint: DocumentText;
    }
  /**
   * The template's phrase for each option the visitor chose, as a list after `intro`; with none
   * of them chosen, the blank `otherwise` (or nothing).
   */
  | {
      readonly chosen: readonly {
        readonly question: string;
        readonly options: Readonly<Record<string, DocumentText>>;
      }[];
      readonly intro: DocumentText;
      readonly otherwise?: { readonly field: DocumentText; readonly lines: number };
      readonly onlyIf?: Condition;
    }
  /** The template's phrase for each step the visitor marked done, after `intro`; none: nothing. */
  | {
      readonly done: Readonly<Record<string, DocumentText>>;
      readonly intro: DocumentText;
    }
  /** A numbered list, each item where its condition holds. */
  | {
      readonly list: readonly { readonly text: DocumentText; readonly onlyIf?: Condition }[];
      readonly intro: DocumentText;
    }
  /** A blank table to fill in by hand. */
  | {
      readonly table: DocumentText;
      readonly columns: readonly DocumentText[];
      readonly rows: number;
    }
  /** Today's date, and a line to sign. */
  | { readonly signature: DocumentText; readonly date: DocumentText };

export interface DocumentTemplate {
  readonly id: string;
  /** Offered when this step is in the visitor's plan and `when` holds for their answers. */
  readonly planStep: string;
  readonly when: Condition;
  /** On screen, in the visitor's language: what the document is and what it is for. */
  readonly title: LocalizedText;
  readonly purpose: LocalizedText;
  /** The document's own heading, e.g. "ЗАЯВЛЕНИЕ". */
  readonly heading: DocumentText;
  readonly subject: DocumentText;
  /** The block in the top corner: to whom, and from whom. */
  readonly to: readonly DocumentBlock[];
  readonly body: readonly DocumentBlock[];
  readonly sources: readonly string[];
}

export interface Content {
  readonly meta: ContentMeta;
  readonly sources: readonly Source[];
  readonly numbers: readonly PhoneNumber[];
  readonly questions: readonly Question[];
  readonly rules: readonly PlanRule[];
  readonly steps: readonly Step[];
  readonly documents: readonly DocumentTemplate[];
}
