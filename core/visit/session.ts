import { assertNever } from '../assert-never.ts';

/*
 * The visit as one state machine: every screen change is a transition here, so navigation,
 * "start over", idle and staff take-over cannot disagree about where the visitor is.
 */

/**
 * Where the visitor's print stands while the printing screen is up; the print store keeps it
 * and the idle rules read it.
 */
export type PrintPhase = 'idle' | 'preparing' | 'printing' | 'done' | 'failed';

export type SessionState =
  | { readonly name: 'attract' }
  | { readonly name: 'language' }
  | { readonly name: 'triage'; readonly question: number }
  | { readonly name: 'overview' }
  | { readonly name: 'step'; readonly index: number }
  | { readonly name: 'summary' }
  | { readonly name: 'preview' }
  /** A document to take (to the police, the bank…), previewed before printing. */
  | { readonly name: 'document'; readonly id: string }
  /** The sheet printing, or with `document` that document. */
  | { readonly name: 'printing'; readonly document?: string }
  | { readonly name: 'goodbye' }
  /** "Are you still there?" over the screen the visitor left, which it returns to. */
  | { readonly name: 'idle-warning'; readonly resume: ActiveState };

/** A screen of a visit in progress: what an idle warning can return to. */
export type ActiveState = Exclude<SessionState, { name: 'attract' | 'idle-warning' }>;

export type SessionEvent =
  | { readonly type: 'begin' }
  | { readonly type: 'language-chosen' }
  | { readonly type: 'next' }
  | { readonly type: 'back' }
  | { readonly type: 'open-step'; readonly index: number }
  | { readonly type: 'finish' }
  | { readonly type: 'preview-sheet' }
  | { readonly type: 'open-document'; readonly id: string }
  /** Back to the plan's summary, from a document or a finished print. */
  | { readonly type: 'to-summary' }
  | { readonly type: 'print' }
  | { readonly type: 'reset' }
  /** No touch for the screen's idle time. */
  | { readonly type: 'idle' }
  /** The visitor answered the idle warning. */
  | { readonly type: 'still-here' };

/** What the machine needs to know of the visit to move through it. */
export interface SessionContext {
  readonly questionCount: number;
  readonly stepCount: number;
  /** The documents offered to this visitor: only these can be opened. */
  readonly documents: readonly string[];
}

export const INITIAL_STATE: SessionState = { name: 'attract' };

/** The next state; an event that means nothing in a state leaves it unchanged. */
export function transition(
  state: SessionState,
  event: SessionEvent,
  ctx: SessionContext,
): SessionState {
  if (event.type === 'reset') return INITIAL_STATE;
  if (event.type === 'idle') return onIdle(state);
  switch (state.name) {
    case 'attract':
      return event.type === 'begin' ? { name: 'language' } : state;
    case 'language':
      if (event.type === 'language-chosen') return firstQuestionOrOverview(ctx);
      if (event.type === 'back') return INITIAL_STATE;
      return state;
    case 'triage':
      if (event.type === 'next')
        return state.question + 1 < ctx.questionCount
          ? { name: 'triage', question: state.question + 1 }
          : { name: 'overview' };
      if (event.type === 'back')
        return state.question > 0
          ? { name: 'triage', question: state.question - 1 }
          : { name: 'language' };
      return state;
    case 'overview':
      if (event.type === 'next')
        return ctx.stepCount > 0 ? { name: 'step', index: 0 } : { name: 'summary' };
      if (event.type === 'back') return lastQuestionOrLanguage(ctx);
      if (event.type === 'open-step') return openStep(state, event.index, ctx);
      return state;
    case 'step':
      if (event.type === 'next')
        return state.index + 1 < ctx.stepCount
          ? { name: 'step', index: state.index + 1 }
          : { name: 'summary' };
      if (event.type === 'back')
        return state.index > 0 ? { name: 'step', index: state.index - 1 } : { name: 'overview' };
      if (event.type === 'open-step') return openStep(state, event.index, ctx);
      return state;
    case 'summary':
      if (event.type === 'back')
        return ctx.stepCount > 0
          ? { name: 'step', index: ctx.stepCount - 1 }
          : { name: 'overview' };
      if (event.type === 'open-step') return openStep(state, event.index, ctx);
      if (event.type === 'preview-sheet') return { name: 'preview' };
      if (event.type === 'open-document') return openDocument(state, event.id, ctx);
      if (event.type === 'finish') return { name: 'goodbye' };
      return state;
    case 'preview':
      if (event.type === 'print') return { name: 'printing' };
      if (event.type === 'back') return { name: 'summary' };
      if (event.type === 'finish') return { name: 'goodbye' };
      return state;
    case 'document':
      if (event.type === 'print') return { name: 'printing', document: state.id };
      if (event.type === 'back' || event.type === 'to-summary') return { name: 'summary' };
      if (event.type === 'finish') return { name: 'goodbye' };
      return state;
    case 'printing':
      // Back from a failed print is what was being printed, to try again; from a finished or
      // failed print the visitor may also go back to the plan, open a document, or finish.
      if (event.type === 'back')
        return state.document ? { name: 'document', id: state.document } : { name: 'preview' };
      if (event.type === 'to-summary') return { name: 'summary' };
      if (event.type === 'open-document') return openDocument(state, event.id, ctx);
      if (event.type === 'finish') return { name: 'goodbye' };
      return state;
    case 'goodbye':
      // The visit ends with `reset` (the goodbye button) or `idle` (after a short pause).
      return state;
    case 'idle-warning':
      if (event.type === 'still-here') return state.resume;
      // The warning offers to print the plan, once there is one.
      if (event.type === 'preview-sheet' && hasPlan(state.resume)) return { name: 'preview' };
      return state;
    default:
      return assertNever(state);
  }
}

/**
 * What "no touch for a while" means on each screen: the goodbye screen ends the visit, a warning
 * that ran out ends it too, the attract screen stays, and any other screen asks first.
 */
function onIdle(state: SessionState): SessionState {
  switch (state.name) {
    case 'attract':
      return state;
    case 'goodbye':
    case 'idle-warning':
      return INITIAL_STATE;
    default:
      return { name: 'idle-warning', resume: state };
  }
}

/** Whether the visitor has a plan by this screen: the questions are behind them. */
export function hasPlan(state: SessionState): boolean {
  switch (state.name) {
    case 'overview':
    case 'step':
    case 'summary':
    case 'preview':
    case 'document':
    case 'printing':
      return true;
    case 'idle-warning':
      return hasPlan(state.resume);
    case 'attract':
    case 'language':
    case 'triage':
    case 'goodbye':
      return false;
    default:
      return assertNever(state);
  }
}

function firstQuestionOrOverview(ctx: SessionContext): SessionState {
  return ctx.questionCount > 0 ? { name: 'triage', question: 0 } : { name: 'overview' };
}

function lastQuestionOrLanguage(ctx: SessionContext): SessionState {
  return ctx.questionCount > 0
    ? { name: 'triage', question: ctx.questionCount - 1 }
    : { name: 'language' };
}

function openDocument(state: SessionState, id: string, ctx: SessionContext): SessionState {
  return ctx.documents.includes(id) ? { name: 'document', id } : state;
}

function openStep(state: SessionState, index: number, ctx: SessionContext): SessionState {
  return Number.isInteger(index) && index >= 0 && index < ctx.stepCount
    ? { name: 'step', index }
    : state;
}
