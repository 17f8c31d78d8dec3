import type { SessionEvent, SessionState } from '../../core/visit/session';

/*
 * The screen a visitor most likely goes to next, made ready while they read the one they are on
 * (App.vue): the touch that leads there then only puts it in the page, instead of creating its
 * every component and element while the visitor waits (docs/performance.md).
 */

/** Screens that only show, and so can be made ready unseen. */
const READY_AHEAD: readonly SessionState['name'][] = [
  'language',
  'triage',
  'overview',
  'step',
  'summary',
  'preview',
];

/** The touch most visitors make next on a screen: on, through the questions and the steps. */
export function likelyNextEvent(state: SessionState): SessionEvent | null {
  switch (state.name) {
    case 'attract':
      return { type: 'begin' };
    case 'language':
      return { type: 'language-chosen' };
    case 'triage':
    case 'overview':
    case 'step':
      return { type: 'next' };
    case 'summary':
      return { type: 'preview-sheet' };
    default:
      // The preview leads to printing (which prints as it opens), goodbye counts down, and a
      // document is the visitor's choice: none of them is made ready.
      return null;
  }
}

/**
 * The screen to make ready on `state`, by where the likely next touch leads (`peek`: the
 * session's move, without making it); null where there is none, or none that can be.
 */
export function screenToReadyAhead(
  state: SessionState,
  peek: (event: SessionEvent) => SessionState,
): SessionState | null {
  const event = likelyNextEvent(state);
  if (!event) return null;
  const next = peek(event);
  return next !== state && READY_AHEAD.includes(next.name) ? next : null;
}
