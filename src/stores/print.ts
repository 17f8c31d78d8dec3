import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { PrinterReadiness, PrintProblem, PrintRequest } from '../../core/kiosk/kiosk-api';
import type { PrintPhase } from '../../core/visit/session';
import type { Locale } from '../../core/locales';
import type { DocumentLocale } from '../../core/content/model';
import { useKioskStore } from './kiosk';

/** Printing the visitor's sheet: is the printer ready, and how did the print go. */
export const usePrintStore = defineStore('print', () => {
  const kiosk = useKioskStore();
  const readiness = ref<PrinterReadiness | null>(null);
  const phase = ref<PrintPhase>('idle');
  const problem = ref<PrintProblem | null>(null);
  const confirmed = ref(false);
  /** The language the visitor chose for the paper; null: the screen's. */
  const paperLocale = ref<Locale | null>(null);
  /** The language chosen for documents (Kazakh or Russian); null: from the screen's. */
  const documentLocale = ref<DocumentLocale | null>(null);

  async function check(): Promise<void> {
    const api = kiosk.api;
    if (!api) {
      readiness.value = { printer: null, ready: false, problem: 'unsupported' };
      return;
    }
    try {
      readiness.value = await api.checkPrinter();
    } catch {
      readiness.value = { printer: null, ready: false, problem: 'print-service-down' };
    }
  }

  /** Prints; `measure` gives the request once the sheet is laid out for print. */
  async function print(measure: () => PrintRequest): Promise<void> {
    const api = kiosk.api;
    phase.value = 'preparing';
    problem.value = null;
    try {
      if (!api) throw new Error('no kiosk API');
      const request = measure();
      phase.value = 'printing';
      const outcome = await api.printSheet(request);
      if (outcome.ok) {
        phase.value = 'done';
        confirmed.value = outcome.confirmed;
      } else {
        phase.value = 'failed';
        problem.value = outcome.problem;
      }
    } catch {
      phase.value = 'failed';
      problem.value = api ? 'job-failed' : 'unsupported';
    }
  }

  function reset(): void {
    readiness.value = null;
    phase.value = 'idle';
    problem.value = null;
    confirmed.value = false;
    paperLocale.value = null;
    documentLocale.value = null;
  }

  return {
    readiness,
    phase,
    problem,
    confirmed,
    paperLocale,
    documentLocale,
    check,
    print,
    reset,
  };
});
