import {
  isPrintProblem,
  type PrintHistory,
  type PrintOutcome,
  type PrintProblem,
} from './kiosk-api.ts';

/*
 * The last successful print and the last failure, as main keeps them in its data folder and the
 * browser build in local storage: times and a problem only, never what was printed or for whom.
 */

export const NO_PRINTS: PrintHistory = { lastSuccess: null, lastFailure: null };

const isTime = (v: unknown): v is string =>
  typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v));

/** A stored history made safe: each field that is not what it should be is forgotten. */
export function normalizePrintHistory(raw: unknown): PrintHistory {
  if (typeof raw !== 'object' || raw === null) return NO_PRINTS;
  const r = raw as Record<string, unknown>;
  const f = r.lastFailure as Record<string, unknown> | null | undefined;
  return {
    lastSuccess: isTime(r.lastSuccess) ? r.lastSuccess : null,
    lastFailure:
      typeof f === 'object' && f !== null && isTime(f.at) && isPrintProblem(f.problem)
        ? { at: f.at, problem: f.problem as PrintProblem }
        : null,
  };
}

/**
 * The history after a print ended. A job the print system took without confirming it came out
 * counts as a success: nothing said it failed.
 */
export function recordPrint(history: PrintHistory, outcome: PrintOutcome, now: Date): PrintHistory {
  const at = now.toISOString();
  return outcome.ok
    ? { ...history, lastSuccess: at }
    : { ...history, lastFailure: { at, problem: outcome.problem } };
}
