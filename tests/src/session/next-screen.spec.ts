import { describe, expect, it } from 'vitest';
import {
  transition,
  type SessionContext,
  type SessionEvent,
  type SessionState,
} from '../../../core/visit/session';
import { likelyNextEvent, screenToReadyAhead } from '../../../src/session/next-screen';

const CTX: SessionContext = { questionCount: 3, stepCount: 2, documents: ['police'] };
const ahead = (state: SessionState) =>
  screenToReadyAhead(state, (event: SessionEvent) => transition(state, event, CTX));

describe('the screen made ready ahead', () => {
  it('is where the visitor goes on: the questions, the overview, each step, the summary, the preview', () => {
    expect(ahead({ name: 'attract' })).toEqual({ name: 'language' });
    expect(ahead({ name: 'language' })).toEqual({ name: 'triage', question: 0 });
    expect(ahead({ name: 'triage', question: 1 })).toEqual({ name: 'triage', question: 2 });
    expect(ahead({ name: 'triage', question: 2 })).toEqual({ name: 'overview' });
    expect(ahead({ name: 'overview' })).toEqual({ name: 'step', index: 0 });
    expect(ahead({ name: 'step', index: 0 })).toEqual({ name: 'step', index: 1 });
    expect(ahead({ name: 'step', index: 1 })).toEqual({ name: 'summary' });
    expect(ahead({ name: 'summary' })).toEqual({ name: 'preview' });
  });

  it('is never a screen that does something as it opens: printing, goodbye, a document', () => {
    // The preview's next touch prints; printing and a document lead on by the visitor's choice.
    expect(likelyNextEvent({ name: 'preview' })).toBeNull();
    expect(ahead({ name: 'preview' })).toBeNull();
    expect(ahead({ name: 'printing' })).toBeNull();
    expect(ahead({ name: 'document', id: 'police' })).toBeNull();
    expect(ahead({ name: 'goodbye' })).toBeNull();
    // Even where the likely touch would lead to one, it is not made ready.
    const toPrinting = screenToReadyAhead({ name: 'summary' }, () => ({ name: 'printing' }));
    expect(toPrinting).toBeNull();
    const toGoodbye = screenToReadyAhead({ name: 'step', index: 1 }, () => ({ name: 'goodbye' }));
    expect(toGoodbye).toBeNull();
  });

  it('is none where the likely touch leads nowhere', () => {
    const stay: SessionState = { name: 'step', index: 0 };
    expect(screenToReadyAhead(stay, () => stay)).toBeNull();
  });
});
