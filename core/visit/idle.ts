import type { PrintPhase, SessionState } from './session.ts';

/**
 * How long each screen waits without a touch before the session machine gets an `idle` event.
 * The values are kiosk settings within these bounds; the defaults are what a frightened, often
 * older visitor needs, and no setting can make them shorter than the minimums.
 */
export interface IdleSettings {
  /** Most screens: a question, the plan overview, the summary, the sheet preview. */
  readonly idleSeconds: number;
  /** A step screen, which takes longest to read and act on. */
  readonly readingIdleSeconds: number;
  /**
   * A step during which the visitor is likely on the phone (to their bank, to the police), with
   * their back to the screen and on hold: the longest wait of all.
   */
  readonly callIdleSeconds: number;
  /** The countdown of the "are you still there?" warning. */
  readonly warningSeconds: number;
  /** The goodbye screen and a finished print: a short pause, then the next visitor. */
  readonly goodbyeSeconds: number;
}

export interface Bounds {
  readonly min: number;
  readonly max: number;
  readonly default: number;
}

export const IDLE_BOUNDS: Readonly<Record<keyof IdleSettings, Bounds>> = {
  // Long enough to read a question twice slowly; short enough that an abandoned visit ends soon.
  idleSeconds: { min: 45, max: 600, default: 90 },
  // A step is read slowly and acted on; never less than the general idle time's minimum.
  readingIdleSeconds: { min: 60, max: 900, default: 180 },
  // A call to a bank's or the police's line means minutes on hold: at least 5 minutes.
  callIdleSeconds: { min: 300, max: 1800, default: 300 },
  // WCAG 2.2.1 (timing adjustable): at least 20 s to answer a warning.
  warningSeconds: { min: 20, max: 120, default: 30 },
  // Time to take the sheet and read the goodbye (what is still urgent, the recovery-scam
  // warning); the screen says nothing is kept.
  goodbyeSeconds: { min: 5, max: 60, default: 20 },
};

export const DEFAULT_IDLE: IdleSettings = {
  idleSeconds: IDLE_BOUNDS.idleSeconds.default,
  readingIdleSeconds: IDLE_BOUNDS.readingIdleSeconds.default,
  callIdleSeconds: IDLE_BOUNDS.callIdleSeconds.default,
  warningSeconds: IDLE_BOUNDS.warningSeconds.default,
  goodbyeSeconds: IDLE_BOUNDS.goodbyeSeconds.default,
};

export interface IdleTimer {
  readonly seconds: number;
  /** `idle` asks the machine (warning, or reset); `finish` ends a visit whose sheet printed. */
  readonly event: 'idle' | 'finish';
}

/** What else decides a screen's timer, besides the screen. */
export interface IdleCircumstances {
  /** Staff are assisting the visit. */
  readonly assisted?: boolean;
  /** The step on screen is one during which the visitor is likely on the phone. */
  readonly phoneCall?: boolean;
}

/**
 * The timer for this screen: how long without a touch, and what then. Null where the screen
 * waits for something else: the attract screen for a visitor, a print under way for the printer.
 * While staff assist (`assisted`), a screen waits ASSISTED_IDLE_FACTOR times longer before it
 * asks; the warning's own countdown and the pause after a finished print stay as they are.
 */
export function idleTimerFor(
  state: SessionState,
  settings: IdleSettings,
  printPhase: PrintPhase,
  { assisted = false, phoneCall = false }: IdleCircumstances = {},
): IdleTimer | null {
  const timer = screenTimer(state, settings, printPhase, phoneCall);
  if (!timer || !assisted || timer.event !== 'idle' || state.name === 'idle-warning') return timer;
  return { ...timer, seconds: timer.seconds * ASSISTED_IDLE_FACTOR };
}

function screenTimer(
  state: SessionState,
  settings: IdleSettings,
  printPhase: PrintPhase,
  phoneCall: boolean,
): IdleTimer | null {
  switch (state.name) {
    case 'attract':
      return null;
    case 'step':
      return {
        seconds: phoneCall ? settings.callIdleSeconds : settings.readingIdleSeconds,
        event: 'idle',
      };
    case 'document':
      // A document is read through before printing, as a step is.
      return { seconds: settings.readingIdleSeconds, event: 'idle' };
    case 'printing':
      // After the sheet the visit ends; after a document the visitor may want the sheet or
      // another document, so the screen asks before it ends the visit.
      if (printPhase === 'done')
        return state.document
          ? { seconds: settings.idleSeconds, event: 'idle' }
          : { seconds: settings.goodbyeSeconds, event: 'finish' };
      return printPhase === 'failed' ? { seconds: settings.idleSeconds, event: 'idle' } : null;
    case 'goodbye':
      return { seconds: settings.goodbyeSeconds, event: 'idle' };
    case 'idle-warning':
      return { seconds: settings.warningSeconds, event: 'idle' };
    case 'language':
    case 'triage':
    case 'overview':
    case 'summary':
    case 'preview':
      return { seconds: settings.idleSeconds, event: 'idle' };
    default: {
      const never: never = state;
      return never;
    }
  }
}

/** While staff assist a visit, every idle time of the visit is this many times longer. */
export const ASSISTED_IDLE_FACTOR = 4;
/** The staff screen closes (and staff mode ends) after this long without a touch. */
export const STAFF_SCREEN_IDLE_SECONDS = 300;
/** The PIN pad closes after this long without a touch: a visitor may have opened it by chance. */
export const PIN_ENTRY_IDLE_SECONDS = 60;
