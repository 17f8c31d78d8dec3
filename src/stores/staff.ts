import { defineStore } from 'pinia';
import { nextTick, ref } from 'vue';
import type {
  CountersExportRequest,
  ExportResult,
  Diagnostics,
  KioskSettings,
  PinChangeResult,
  PrinterInfo,
  PrinterReadiness,
  PrintOutcome,
  PrintRequest,
  RemovableDrive,
  SaveSettingsResult,
  SetupCodeResult,
  StaffStatus,
  StaffView,
  UnlockResult,
} from '../../core/kiosk/kiosk-api';
import type { Locale } from '../../core/locales';
import { useKioskStore } from './kiosk';

/**
 * Staff on the page: the PIN entry, the staff screen over the visitor's, and assisting a visit.
 * Not visitor data, and not reset with a visit, except `assisting`, which belongs to one visit.
 * Main decides whether staff mode is on; this store only mirrors it for the screen.
 */
export type StaffScreen = 'closed' | 'pin' | 'setup' | 'panel';

/** What staff print besides the test page; #print-root holds it while it is being printed. */
export type StaffPaper = 'readiness' | 'staff-card';

export const useStaffStore = defineStore('staff', () => {
  const kiosk = useKioskStore();
  const screen = ref<StaffScreen>('closed');
  const status = ref<StaffStatus | null>(null);
  /** Staff walk a visitor through: longer idle times, staff notes on each step. */
  const assisting = ref(false);
  const view = ref<StaffView | null>(null);
  const printers = ref<PrinterInfo[]>([]);
  /** Set when main refused a staff call: staff mode ended (timed out, or the page reloaded). */
  const sessionEnded = ref(false);
  /** "Check this kiosk": what main reported, and the printer's state, when last read. */
  const diagnostics = ref<Diagnostics | null>(null);
  const printerState = ref<PrinterReadiness | null>(null);
  const diagnosticsAt = ref<Date | null>(null);
  /** The staff paper in #print-root in place of the sample sheet, from its print on. */
  const staffPaper = ref<StaffPaper | null>(null);

  const api = () => {
    if (!kiosk.api) throw new Error('no kiosk API');
    return kiosk.api;
  };

  async function refreshStatus(): Promise<StaffStatus | null> {
    try {
      status.value = await api().staffStatus();
    } catch {
      status.value = null;
    }
    return status.value;
  }

  /**
   * The long press in the corner: the PIN pad, or, when no PIN exists, the first-PIN set-up
   * (which asks for IT's setup code first, or says to call IT when there is none).
   */
  async function requestEntry(): Promise<void> {
    const s = await refreshStatus();
    screen.value = s?.pin === 'unset' ? 'setup' : 'pin';
  }

  async function unlock(pin: string): Promise<UnlockResult> {
    const result = await api().unlockStaff(pin);
    if (result.ok) await openPanel();
    return result;
  }

  /** IT's one-time setup code, before the first PIN; the answer says whether to go on. */
  async function enterSetupCode(code: string): Promise<SetupCodeResult> {
    return api().enterSetupCode(code);
  }

  async function setupPin(pin: string): Promise<PinChangeResult> {
    const result = await api().setupStaffPin(pin);
    if (result.ok) await openPanel();
    return result;
  }

  async function openPanel(): Promise<void> {
    sessionEnded.value = false;
    screen.value = 'panel';
    await Promise.all([loadView(), loadPrinters()]);
  }

  async function loadView(): Promise<void> {
    try {
      view.value = await api().getStaffView();
    } catch {
      endedByMain();
    }
  }

  async function loadPrinters(): Promise<void> {
    try {
      printers.value = await api().listPrinters();
    } catch {
      printers.value = [];
    }
  }

  function endedByMain(): void {
    sessionEnded.value = true;
    screen.value = 'pin';
    view.value = null;
  }

  async function saveSettings(next: KioskSettings): Promise<SaveSettingsResult> {
    let result: SaveSettingsResult;
    try {
      result = await api().saveSettings(next);
    } catch {
      // Main refused the payload itself: a value out of its bounds.
      return { ok: false, problem: 'invalid' };
    }
    if (result.ok) {
      kiosk.settings = result.settings;
      if (view.value) view.value = { ...view.value, settings: result.settings, notice: null };
    } else if (result.problem === 'not-staff') endedByMain();
    return result;
  }

  /** Keeps the staff screen's language (a setting of its own); false if it could not be saved. */
  async function saveStaffLocale(locale: Locale): Promise<boolean> {
    const current = view.value?.settings;
    if (!current) return false;
    if (current.staffLocale === locale) return true;
    return (await saveSettings({ ...current, staffLocale: locale })).ok;
  }

  async function testPrint(measure: () => PrintRequest): Promise<PrintOutcome> {
    // The test page is the sample sheet: back in #print-root before it is measured.
    staffPaper.value = null;
    await nextTick();
    try {
      return await api().printSheet(measure());
    } catch {
      return { ok: false, problem: 'job-failed' };
    }
  }

  /** Reads what "Check this kiosk" shows; main refusing it means staff mode has ended. */
  async function loadDiagnostics(): Promise<void> {
    try {
      const [d, p] = await Promise.all([
        api().getDiagnostics(),
        api()
          .checkPrinter()
          .catch(() => null),
      ]);
      diagnostics.value = d;
      printerState.value = p;
      diagnosticsAt.value = new Date();
    } catch {
      endedByMain();
    }
  }

  /**
   * Prints the readiness report or the staff card through the same path as the sheet: the paper
   * is put in #print-root, drawn, measured and printed; it stays there until another print.
   */
  async function printStaffPaper(
    paper: StaffPaper,
    measure: () => PrintRequest,
  ): Promise<PrintOutcome> {
    staffPaper.value = paper;
    await nextTick();
    try {
      return await api().printSheet({ ...measure(), kind: paper });
    } catch {
      return { ok: false, problem: 'job-failed' };
    }
  }

  /** The USB sticks main finds now; none when main refused (staff mode ended). */
  async function listDrives(): Promise<RemovableDrive[]> {
    try {
      return await api().listDrives();
    } catch {
      endedByMain();
      return [];
    }
  }

  async function exportCounters(request: CountersExportRequest): Promise<ExportResult> {
    let result: ExportResult;
    try {
      result = await api().exportCounters(request);
    } catch {
      // Main refused the payload itself.
      return { ok: false, problem: 'invalid' };
    }
    if (!result.ok && result.problem === 'not-staff') endedByMain();
    return result;
  }

  async function leaveApp(kind: 'quit' | 'restart'): Promise<void> {
    try {
      await api().leaveApp(kind);
    } catch {
      endedByMain();
    }
  }

  /** Leaves the staff screen; main ends staff mode. */
  async function close(): Promise<void> {
    screen.value = 'closed';
    view.value = null;
    sessionEnded.value = false;
    staffPaper.value = null;
    diagnostics.value = null;
    try {
      await api().lockStaff();
    } catch {
      // Main ends it by itself after a while anyway.
    }
  }

  function cancelEntry(): void {
    screen.value = 'closed';
  }

  /** "Assist this visitor": assisted mode on, and the visitor's screen back at once. */
  async function assist(): Promise<void> {
    assisting.value = true;
    await close();
  }

  return {
    screen,
    status,
    assisting,
    view,
    printers,
    sessionEnded,
    diagnostics,
    diagnosticsAt,
    printerState,
    staffPaper,
    refreshStatus,
    requestEntry,
    unlock,
    enterSetupCode,
    setupPin,
    openPanel,
    loadView,
    loadPrinters,
    saveSettings,
    saveStaffLocale,
    testPrint,
    listDrives,
    exportCounters,
    leaveApp,
    close,
    cancelEntry,
    assist,
    loadDiagnostics,
    printStaffPaper,
  };
});
