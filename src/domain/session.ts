/**
 * The visit as one state machine: every screen change is a transition here, so navigation,
 * "start over" and (later) idle and staff take-over cannot disagree about where the visitor is.
 */
export type SessionState =
  | { readonly name: 'attract' }
  | { readonly name: 'language' }
  | { readonly name: 'triage'; readonly question: number }
  | { readonly name: 'overview' }
  | { readonly name: 'step'; readonly index: number }
  | { readonly name: 'summary' }
  | { readonly name: 'preview' }
  | { readonly name: 'printing' }
  | { readonly name: 'goodbye' };

export type SessionEvent =
  | { readonly type: 'begin' }
  | { readonly type: 'language-chosen' }
  | { readonly type: 'next' }
  | { readonly type: 'back' }
  | { readonly type: 'open-step'; readonly index: number }
  | { readonly type: 'finish' }
  | { readonly type: 'preview-sheet' }
  | { readonly type: 'print' }
  | { readonly type: 'reset' };

/** What the machine needs to know of the visit to move through it. */
export interface SessionContext {
  readonly questionCount: number;
  readonly stepCount: number;
}

export const INITIAL_STATE: SessionState = { name: 'attract' };

/** The next state; an event that means nothing in a state leaves it unchanged. */
export function transition(
  state: SessionState,
  event: SessionEvent,
  ctx: SessionContext,
): SessionState {
  if (event.type === 'reset') return INITIAL_STATE;
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
      if (event.type === 'finish') return { name: 'goodbye' };
      return state;
    case 'preview':
      if (event.type === 'print') return { name: 'printing' };
      if (event.type === 'back') return { name: 'summary' };
      if (event.type === 'finish') return { name: 'goodbye' };
      return state;
    case 'printing':
      // Back from a failed print is the preview, to try again; a finished print ends the visit.
      if (event.type === 'back') return { name: 'preview' };
      if (event.type === 'finish') return { name: 'goodbye' };
      return state;
    case 'goodbye':
      return event.type === 'next' ? INITIAL_STATE : state;
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

function openStep(state: SessionState, index: number, ctx: SessionContext): SessionState {
  return Number.isInteger(index) && index >= 0 && index < ctx.stepCount
    ? { name: 'step', index }
    : state;
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
