// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { useSessionStore } from '../../../src/stores/session';

describe('session store', () => {
  it('peeks where a touch would lead without going there', () => {
    setActivePinia(createPinia());
    const session = useSessionStore();
    expect(session.peek({ type: 'begin' })).toEqual({ name: 'language' });
    expect(session.state).toEqual({ name: 'attract' });
    // From a state given: the screen under an idle warning, say.
    expect(session.peek({ type: 'next' }, { name: 'overview' })).toEqual({
      name: 'step',
      index: 0,
    });
    session.dispatch({ type: 'begin' });
    expect(session.state).toEqual({ name: 'language' });
    expect(session.started).toBe(false);
  });
});
