import {
  app,
  BrowserWindow,
  clipboard,
  crashReporter,
  ipcMain,
  Menu,
  net,
  powerSaveBlocker,
  protocol,
} from 'electron';
// The Node entry of electron-log, not its Electron one: that one registers an IPC channel through
// which any renderer could write to the log, and bundles shell.openExternal for error reports.
import electronLog from 'electron-log/node';
import { join } from 'node:path';
import { kioskWindowOptions } from './window';
import { SettingsStore } from './settings-store';
import { removeLeftoverTempFiles } from './data-file';
import { CountersStore } from './counters-store';
import {
  LOCKOUT_FILE_NAME,
  lockoutFile,
  PIN_FILE_NAME,
  pinFile,
  scryptHasher,
} from './staff/pin-file';
import { StaffCore, SYSTEM_CLOCK } from '../../core/staff/staff-core';
import { policyPath, PolicySettings, readPolicy, staffPolicy } from './policy';
import * as staffIpc from './ipc/staff';
import * as drivesIpc from './ipc/drives';
import { listDrives } from './drives';
import * as infoIpc from './ipc/info';
import * as settingsIpc from './ipc/settings';
import * as printIpc from './ipc/print';
import * as visitIpc from './ipc/visit';
import * as diagnosticsIpc from './ipc/diagnostics';
import { appHash } from './diagnostics/file-hashes';
import { PrintHistoryStore } from './print/print-history';
import { refusalLog } from './ipc/contract';
import { createCups } from './print/cups';
import { JobReaper } from './print/job-reaper';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler, PAGE_URL } from './protocol';
import { guardClose, lockDownContents } from './lockdown';
import { CrashGuard, watchRenderer } from './recovery';
import { configureLogger } from './log';
import { startLocalCrashDumps } from './crash-dumps';
import { onceEach, startMetrics } from './metrics';
import { checkCupsPrinter } from './print/print-via-cups';
import { localDate, type CountedIds } from '../../core/kiosk/counters';
import * as contentPackIpc from './ipc/content-pack';
import { ContentPackManager } from './content-pack/manager';
import { packAudioOverlay } from './content-pack/pack-audio';
import { BUNDLED_PACK_KEYS } from '../../core/content/pack-keys';
import { CONTENT_MAX_AGE_DAYS } from '../../core/kiosk/diagnostics';

// Kept thin on purpose: every decision lives in a module that is unit-tested with a mocked
// electron; this file only wires them to the app's lifecycle.

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const development = !app.isPackaged && devServerUrl !== undefined;
const pageUrl = development && devServerUrl ? devServerUrl : PAGE_URL;

// IT (and the end-to-end specs) may put the kiosk's data elsewhere: settings, logs, dumps.
const dataDirOverride = process.env.CITIZENSEC_KIOSK_DATA_DIR;
if (dataDirOverride) app.setPath('userData', dataDirOverride);
app.setAppLogsPath(join(app.getPath('userData'), 'logs'));
const logger = configureLogger(electronLog, app.getPath('logs'), development);
const log = logger.info;
startLocalCrashDumps(app, crashReporter, log);

// A fault in main is logged and survived: the kiosk keeps serving the page it has.
process.on('uncaughtException', (err) =>
  logger.error(`main: uncaught ${err.stack ?? String(err)}`),
);
process.on('unhandledRejection', (reason) =>
  logger.error(`main: unhandled rejection ${String(reason)}`),
);

// Must happen before the app is ready.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void app.whenReady().then(() => {
    log(`main: CitizenSec Kiosk ${app.getVersion()} starting`);
    const rendererRoot = join(import.meta.dirname, '../renderer');
    protocol.handle(
      APP_SCHEME,
      createAppProtocolHandler(
        rendererRoot,
        undefined,
        undefined,
        // The active content pack's audio clips before the app's own.
        packAudioOverlay(rendererRoot, () => packsMade.current?.activeAudio() ?? null),
      ),
    );
    Menu.setApplicationMenu(null);
    const ctx = { pageUrl, log, refusals: refusalLog(logger.warn) };
    const dataDir = app.getPath('userData');
    const leftovers = removeLeftoverTempFiles(dataDir);
    if (leftovers.length > 0) log(`main: removed unfinished writes: ${leftovers.join(', ')}`);
    // IT's policy file, read once and never written: it locks settings and provisions entry.
    const policy = readPolicy(
      policyPath(process.platform, process.env),
      logger.warn,
      undefined,
      process.platform,
      log,
    );
    const settings = new PolicySettings(
      new SettingsStore(dataDir, logger.warn),
      policy,
      logger.warn,
    );
    const readSettings = () => settings.current();
    // The content pack manager is made below; until then (and with no pack) the bundled content.
    const packsMade: { current?: ContentPackManager } = {};
    // Steps and documents are counted by the ids of the content serving visitors, which the page
    // also names the export's columns by.
    const countedIds = (): CountedIds => {
      const active = packsMade.current?.activeContent();
      return active
        ? { steps: active.steps.map((s) => s.id), documents: active.documents.map((d) => d.id) }
        : __COUNTED_IDS__;
    };
    const counters = new CountersStore(dataDir, countedIds, logger.warn);
    const staff = new StaffCore(
      pinFile(join(dataDir, PIN_FILE_NAME)),
      scryptHasher,
      log,
      SYSTEM_CLOCK,
      lockoutFile(join(dataDir, LOCKOUT_FILE_NAME)),
      staffPolicy(policy, dataDir),
    );
    let win: BrowserWindow | null = null;
    infoIpc.register(ipcMain, { ...ctx, version: app.getVersion() });
    settingsIpc.register(ipcMain, { ...ctx, readSettings });
    const cups = createCups();
    // Every job of the kiosk is removed from CUPS once it ends; one left from before (a crash or
    // a power cut mid-print) is removed now, so it can never come out later.
    const reaper = new JobReaper(cups, log);
    if (process.platform !== 'win32') reaper.startUp();
    const printHistory = new PrintHistoryStore(dataDir, logger.warn);
    // IT's monitoring (docs/deploy.md, Monitoring): a Prometheus file, only where policy names one.
    // Main checks the printer each minute for it; a check failing every minute is logged once.
    const printerCheckLog = onceEach(logger.warn);
    const packPolicy = policy.policy.contentPacks;
    const contentMaxAgeDays = packPolicy?.maxAgeDays ?? CONTENT_MAX_AGE_DAYS;
    const metrics = startMetrics({
      policy: policy.policy.metrics,
      log: logger.warn,
      appVersion: app.getVersion(),
      // The content serving visitors: the applied content pack, or the bundled content.
      content: () => {
        const active = packsMade.current?.activeInfo();
        return active
          ? { version: `pack-${active.version}`, checkedAsOf: active.checkedAsOf }
          : {
              version: `bundled-${__CONTENT_INFO__.sha256.slice(0, 12)}`,
              checkedAsOf: __CONTENT_INFO__.checkedAsOf,
            };
      },
      contentStaleAfterDays: contentMaxAgeDays,
      today: () => {
        const today = counters.all().find((d) => d.date === localDate(new Date()));
        return { visits: today?.visits ?? 0, completed: today?.completed ?? 0 };
      },
      lastPrintSuccess: () => printHistory.current().lastSuccess,
      checkPrinter:
        process.platform === 'win32'
          ? undefined
          : () => checkCupsPrinter(cups, settings.current().printerName, printerCheckLog),
    });
    app.on('will-quit', () => metrics.stop());
    printIpc.register(ipcMain, {
      ...ctx,
      recordOutcome: (outcome) => {
        printHistory.record(outcome);
        metrics.health.printOutcome(outcome);
      },
      onReadiness: (readiness) => metrics.health.printerChecked(readiness),
      platform: process.platform,
      cups,
      reaper,
      readSettings,
      staffActive: () => staff.isActive(),
      count: (event) => counters.add(event),
      documentIds: () => countedIds().documents,
    });
    visitIpc.register(ipcMain, {
      ...ctx,
      clipboard,
      counters: {
        add: (event) => {
          counters.add(event);
          metrics.health.countsChanged();
        },
      },
    });
    staffIpc.register(ipcMain, {
      ...ctx,
      staff,
      settings,
      counters,
      app,
      env: process.env,
      printKeepsSheets: () => reaper.keepsSheets,
      onAttempt: (result, kind) => metrics.health.staffAttempt(result, kind),
    });
    drivesIpc.register(ipcMain, {
      ...ctx,
      staff,
      counters,
      ids: countedIds,
      kioskName: () => settings.current().kioskName,
      listDrives: () => listDrives({ platform: process.platform, log }),
    });

    // Content packs (docs/content-packs.md): sources and extra keys from IT's policy; Electron's
    // net.fetch goes through the system's proxy settings.
    const packs = new ContentPackManager({
      dataDir,
      trustedKeys: [...BUNDLED_PACK_KEYS, ...(packPolicy?.trustedKeys ?? [])],
      bundledCheckedAsOf: __CONTENT_INFO__.checkedAsOf,
      appVersion: app.getVersion(),
      sources: { folder: packPolicy?.folder ?? undefined, url: packPolicy?.url ?? undefined },
      fetcher: (url, init) => net.fetch(url, init),
      log: logger.warn,
    });
    packsMade.current = packs;
    contentPackIpc.register(ipcMain, { ...ctx, staff, packs });
    const packsLoaded = packs.load().then(() => {
      if (packPolicy?.folder || packPolicy?.url) {
        void packs.poll();
        setInterval(() => void packs.poll(), 24 * 60 * 60 * 1000).unref();
      }
    });

    diagnosticsIpc.register(ipcMain, {
      ...ctx,
      staff,
      version: app.getVersion(),
      content: __CONTENT_INFO__,
      // out/, which holds main, preload and the page (inside app.asar once packaged).
      appSha256: diagnosticsIpc.onceAppHash(
        () => appHash(join(import.meta.dirname, '..')).sha256,
        logger.warn,
      ),
      dataDir,
      logDir: app.getPath('logs'),
      prints: () => printHistory.current(),
      contentPacks: () => ({
        view: packs.status(),
        active: packs.activeInfo(),
        maxAgeDays: contentMaxAgeDays,
      }),
    });

    win = new BrowserWindow(
      kioskWindowOptions({
        preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
        development,
      }),
    );
    // Staff mode (on in main only after the PIN) allows the shortcuts and closing the window.
    const staffMayLeave = () => development || staff.isActive();
    lockDownContents(win.webContents, { allowShortcuts: staffMayLeave, log });
    guardClose(win, app, staffMayLeave, log);
    // A page that loads afresh (start, crash recovery) starts outside staff mode.
    win.webContents.on('did-start-loading', () => staff.lock());
    watchRenderer(win, {
      pageUrl,
      guard: new CrashGuard(),
      log: logger.warn,
      onCrash: () => metrics.health.rendererCrashed(),
      onOutOfService: (out) => metrics.health.outOfServiceChanged(out),
    });
    // The screen stays on: a dark kiosk looks broken.
    powerSaveBlocker.start('prevent-display-sleep');
    win.once('ready-to-show', () => win?.show());
    // The kept content pack is checked before the page asks for it (a few milliseconds).
    void packsLoaded.finally(() => void win?.loadURL(pageUrl));
  });
  app.on('child-process-gone', (_event, details) =>
    logger.warn(`main: ${details.type} process gone (${details.reason})`),
  );
  app.on('window-all-closed', () => app.quit());
}
