import { describe, expect, it } from 'vitest';
import {
  hasPlan,
  INITIAL_STATE,
  transition,
  type SessionEvent,
  type SessionState,
} from '../../../core/visit/session';

const ctx = { questionCount: 3, stepCount: 4, documents: ['police-application'] };
const run = (events: SessionEvent['type'][], from: SessionState = INITIAL_STATE) =>
  events.reduce<SessionState>((s, type) => transition(s, { type } as SessionEvent, ctx), from);

describe('session state machine', () => {
  it('walks a whole visit forward', () => {
    const events = [
      'begin',
      'language-chosen',
      'next',
      'next',
      'next',
      'next',
      'next',
      'next',
      'next',
      'next',
      'finish',
    ] as const;
    const path: SessionState[] = [];
    let s: SessionState = INITIAL_STATE;
    for (const type of events) {
      s = transition(s, { type }, ctx);
      path.push(s);
    }
    expect(path).toEqual([
      { name: 'language' },
      { name: 'triage', question: 0 },
      { name: 'triage', question: 1 },
      { name: 'triage', question: 2 },
      { name: 'overview' },
      { name: 'step', index: 0 },
      { name: 'step', index: 1 },
      { name: 'step', index: 2 },
      { name: 'step', index: 3 },
      { name: 'summary' },
      { name: 'goodbye' },
    ]);
  });

  it('goes back one screen at a time to the language screen', () => {
    const atStep0 = run(['begin', 'language-chosen', 'next', 'next', 'next', 'next']);
    expect(atStep0).toEqual({ name: 'step', index: 0 });
    expect(run(['back'], atStep0)).toEqual({ name: 'overview' });
    expect(run(['back', 'back'], atStep0)).toEqual({ name: 'triage', question: 2 });
    expect(run(['back', 'back', 'back', 'back', 'back'], atStep0)).toEqual({ name: 'language' });
    expect(run(['back', 'back', 'back', 'back', 'back', 'back'], atStep0)).toEqual({
      name: 'attract',
    });
  });

  it('opens any step from the summary, and ignores a step that does not exist', () => {
    const summary: SessionState = { name: 'summary' };
    expect(transition(summary, { type: 'open-step', index: 2 }, ctx)).toEqual({
      name: 'step',
      index: 2,
    });
    expect(transition(summary, { type: 'open-step', index: 4 }, ctx)).toBe(summary);
    expect(transition(summary, { type: 'open-step', index: -1 }, ctx)).toBe(summary);
    expect(transition(summary, { type: 'back' }, ctx)).toEqual({ name: 'step', index: 3 });
  });

  it('resets from every state to the attract screen', () => {
    const states: SessionState[] = [
      { name: 'language' },
      { name: 'triage', question: 1 },
      { name: 'overview' },
      { name: 'step', index: 2 },
      { name: 'summary' },
      { name: 'goodbye' },
    ];
    for (const s of states) expect(transition(s, { type: 'reset' }, ctx)).toEqual(INITIAL_STATE);
  });

  it('ignores events that mean nothing where the visitor is', () => {
    const attract = INITIAL_STATE;
    expect(transition(attract, { type: 'next' }, ctx)).toBe(attract);
    expect(transition(attract, { type: 'finish' }, ctx)).toBe(attract);
    const step: SessionState = { name: 'step', index: 1 };
    expect(transition(step, { type: 'finish' }, ctx)).toBe(step);
    expect(transition(step, { type: 'begin' }, ctx)).toBe(step);
  });

  it('goes from the summary to the sheet preview, printing, and back to try again', () => {
    const summary: SessionState = { name: 'summary' };
    const preview = transition(summary, { type: 'preview-sheet' }, ctx);
    expect(preview).toEqual({ name: 'preview' });
    expect(transition(preview, { type: 'back' }, ctx)).toEqual({ name: 'summary' });
    const printing = transition(preview, { type: 'print' }, ctx);
    expect(printing).toEqual({ name: 'printing' });
    expect(transition(printing, { type: 'back' }, ctx)).toEqual({ name: 'preview' });
    expect(transition(printing, { type: 'finish' }, ctx)).toEqual({ name: 'goodbye' });
    expect(transition(preview, { type: 'finish' }, ctx)).toEqual({ name: 'goodbye' });
  });

  it('opens an offered document from the summary or a failed print, prints it, and comes back', () => {
    const summary: SessionState = { name: 'summary' };
    const doc = transition(summary, { type: 'open-document', id: 'police-application' }, ctx);
    expect(doc).toEqual({ name: 'document', id: 'police-application' });
    // Only a document offered to this visitor opens.
    expect(transition(summary, { type: 'open-document', id: 'lender-letter' }, ctx)).toBe(summary);
    expect(transition(doc, { type: 'back' }, ctx)).toEqual(summary);
    const printing = transition(doc, { type: 'print' }, ctx);
    expect(printing).toEqual({ name: 'printing', document: 'police-application' });
    expect(transition(printing, { type: 'back' }, ctx)).toEqual(doc);
    expect(transition(printing, { type: 'to-summary' }, ctx)).toEqual(summary);
    expect(transition(printing, { type: 'finish' }, ctx)).toEqual({ name: 'goodbye' });
    const failedSheet: SessionState = { name: 'printing' };
    expect(
      transition(failedSheet, { type: 'open-document', id: 'police-application' }, ctx),
    ).toEqual(doc);
    expect(hasPlan(doc)).toBe(true);
    expect(transition(doc, { type: 'idle' }, ctx)).toEqual({ name: 'idle-warning', resume: doc });
  });

  it('goes from the plan overview straight to the summary when the plan is empty', () => {
    expect(
      transition(
        { name: 'overview' },
        { type: 'next' },
        { questionCount: 3, stepCount: 0, documents: [] },
      ),
    ).toEqual({
      name: 'summary',
    });
  });

  it('knows when the visitor has a plan to keep: once the questions are behind them', () => {
    expect(hasPlan({ name: 'triage', question: 2 })).toBe(false);
    expect(hasPlan({ name: 'language' })).toBe(false);
    expect(hasPlan({ name: 'overview' })).toBe(true);
    expect(hasPlan({ name: 'step', index: 0 })).toBe(true);
    expect(hasPlan({ name: 'idle-warning', resume: { name: 'summary' } })).toBe(true);
    expect(hasPlan({ name: 'goodbye' })).toBe(false);
  });
});
