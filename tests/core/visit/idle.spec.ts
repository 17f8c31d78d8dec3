import { describe, expect, it } from 'vitest';
import {
  ASSISTED_IDLE_FACTOR,
  DEFAULT_IDLE,
  IDLE_BOUNDS,
  idleTimerFor,
} from '../../../core/visit/idle';
import { INITIAL_STATE, transition, type SessionState } from '../../../core/visit/session';

const ctx = { questionCount: 3, stepCount: 4, documents: ['police-application'] };

describe('idle transitions of the session machine', () => {
  it('warns on a visit screen, and goes back to it when the visitor is still there', () => {
    const step: SessionState = { name: 'step', index: 2 };
    const warning = transition(step, { type: 'idle' }, ctx);
    expect(warning).toEqual({ name: 'idle-warning', resume: step });
    expect(transition(warning, { type: 'still-here' }, ctx)).toBe(step);
  });

  it('ends the visit when the warning runs out, and right away on the goodbye screen', () => {
    const warning: SessionState = { name: 'idle-warning', resume: { name: 'summary' } };
    expect(transition(warning, { type: 'idle' }, ctx)).toEqual(INITIAL_STATE);
    expect(transition({ name: 'goodbye' }, { type: 'idle' }, ctx)).toEqual(INITIAL_STATE);
    expect(transition(INITIAL_STATE, { type: 'idle' }, ctx)).toBe(INITIAL_STATE);
  });

  it('offers to print the plan from the warning, once there is a plan', () => {
    const onStep: SessionState = { name: 'idle-warning', resume: { name: 'step', index: 1 } };
    expect(transition(onStep, { type: 'preview-sheet' }, ctx)).toEqual({ name: 'preview' });
    const onQuestion: SessionState = {
      name: 'idle-warning',
      resume: { name: 'triage', question: 1 },
    };
    expect(transition(onQuestion, { type: 'preview-sheet' }, ctx)).toBe(onQuestion);
  });

  it('ignores navigation while the warning is up', () => {
    const warning: SessionState = { name: 'idle-warning', resume: { name: 'step', index: 0 } };
    for (const type of ['next', 'back', 'finish', 'print'] as const)
      expect(transition(warning, { type }, ctx)).toBe(warning);
  });
});

describe('idle timers', () => {
  const s = DEFAULT_IDLE;
  it('gives each screen its time and event', () => {
    expect(idleTimerFor({ name: 'attract' }, s, 'idle')).toBeNull();
    expect(idleTimerFor({ name: 'triage', question: 0 }, s, 'idle')).toEqual({
      seconds: 90,
      event: 'idle',
    });
    expect(idleTimerFor({ name: 'step', index: 0 }, s, 'idle')).toEqual({
      seconds: 180,
      event: 'idle',
    });
    expect(idleTimerFor({ name: 'printing' }, s, 'printing')).toBeNull();
    expect(idleTimerFor({ name: 'printing' }, s, 'done')).toEqual({ seconds: 20, event: 'finish' });
    expect(idleTimerFor({ name: 'printing' }, s, 'failed')).toEqual({ seconds: 90, event: 'idle' });
    expect(idleTimerFor({ name: 'goodbye' }, s, 'idle')).toEqual({ seconds: 20, event: 'idle' });
    // A document is read like a step; after it prints the visitor may want more, so it asks.
    expect(idleTimerFor({ name: 'document', id: 'x' }, s, 'idle')).toEqual({
      seconds: 180,
      event: 'idle',
    });
    expect(idleTimerFor({ name: 'printing', document: 'x' }, s, 'done')).toEqual({
      seconds: 90,
      event: 'idle',
    });
    expect(idleTimerFor({ name: 'idle-warning', resume: { name: 'overview' } }, s, 'idle')).toEqual(
      { seconds: 30, event: 'idle' },
    );
  });

  it('reads a step longer than it waits on a question', () => {
    expect(s.readingIdleSeconds).toBeGreaterThan(s.idleSeconds);
  });

  it('waits at least 5 minutes on a step with a phone call, whatever staff set', () => {
    expect(idleTimerFor({ name: 'step', index: 0 }, s, 'idle', { phoneCall: true })).toEqual({
      seconds: s.callIdleSeconds,
      event: 'idle',
    });
    expect(s.callIdleSeconds).toBeGreaterThanOrEqual(300);
    expect(IDLE_BOUNDS.callIdleSeconds.min).toBeGreaterThanOrEqual(300);
    // Only a step waits for a call; a question does not.
    expect(
      idleTimerFor({ name: 'triage', question: 0 }, s, 'idle', { phoneCall: true })?.seconds,
    ).toBe(s.idleSeconds);
  });

  it('never lets the warning be answered in less than 20 s (WCAG 2.2.1)', () => {
    expect(IDLE_BOUNDS.warningSeconds.min).toBeGreaterThanOrEqual(20);
  });
});

describe('assisted visits', () => {
  const s = DEFAULT_IDLE;
  it('wait longer on every screen of the visit, but not in the warning or after a print', () => {
    expect(idleTimerFor({ name: 'step', index: 0 }, s, 'idle', { assisted: true })).toEqual({
      seconds: s.readingIdleSeconds * ASSISTED_IDLE_FACTOR,
      event: 'idle',
    });
    expect(
      idleTimerFor({ name: 'triage', question: 1 }, s, 'idle', { assisted: true })?.seconds,
    ).toBe(s.idleSeconds * ASSISTED_IDLE_FACTOR);
    const warning = { name: 'idle-warning', resume: { name: 'summary' } } as const;
    expect(idleTimerFor(warning, s, 'idle', { assisted: true })).toEqual({
      seconds: s.warningSeconds,
      event: 'idle',
    });
    expect(idleTimerFor({ name: 'printing' }, s, 'done', { assisted: true })).toEqual({
      seconds: s.goodbyeSeconds,
      event: 'finish',
    });
    expect(idleTimerFor({ name: 'attract' }, s, 'idle', { assisted: true })).toBeNull();
  });
});
