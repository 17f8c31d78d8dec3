import type { IpcMain } from 'electron';
import type { ContentPackView, Diagnostics, PrintHistory } from '../../../core/kiosk/kiosk-api';
import type { StaffCore } from '../../../core/staff/staff-core';
import { freeDiskBytes } from '../diagnostics/free-disk';
import { recentErrors } from '../diagnostics/recent-errors';
import { handle, RefusedCall, type HandlerContext } from './contract';

export interface DiagnosticsIpcDeps extends HandlerContext {
  readonly staff: Pick<StaffCore, 'isActive' | 'touch'>;
  readonly version: string;
  /** The content bundled with the app: its checked-as-of date and SHA-256, put in at build time. */
  readonly content: { readonly checkedAsOf: string; readonly sha256: string };
  /** The app's hash, or null if its files could not be read (computed once, then kept). */
  readonly appSha256: () => string | null;
  /** The data folder, whose free space is shown. */
  readonly dataDir: string;
  readonly logDir: string;
  readonly prints: () => PrintHistory;
  /** Content packs: the active one's date and content hash replace the bundled content's. */
  readonly contentPacks?: () => {
    readonly view: ContentPackView;
    readonly active: {
      readonly checkedAsOf: string;
      readonly version: number;
      readonly sha256: string;
    } | null;
    readonly maxAgeDays: number;
  };
}

/** "Check this kiosk": what only main knows, for staff only. */
export function register(ipc: Pick<IpcMain, 'handle'>, deps: DiagnosticsIpcDeps): void {
  handle(ipc, deps, 'getDiagnostics', (): Diagnostics => {
    if (!deps.staff.isActive()) {
      deps.log('staff: refused diagnostics outside staff mode');
      throw new RefusedCall('staff only');
    }
    deps.staff.touch();
    const packs = deps.contentPacks?.();
    return {
      runtime: 'electron',
      version: deps.version,
      content: packs?.active
        ? { source: 'pack', checkedAsOf: packs.active.checkedAsOf, sha256: packs.active.sha256 }
        : { source: 'bundled', ...deps.content },
      ...(packs ? { contentPacks: packs.view, contentMaxAgeDays: packs.maxAgeDays } : {}),
      appSha256: deps.appSha256(),
      freeDiskBytes: freeDiskBytes(deps.dataDir),
      prints: deps.prints(),
      recentErrors: recentErrors(deps.logDir),
    };
  });
}

/** The app's hash, computed on first use (it reads every file of the app) and then kept. */
export function onceAppHash(compute: () => string, log: (m: string) => void): () => string | null {
  let result: string | null | undefined;
  return () => {
    if (result === undefined) {
      try {
        result = compute();
      } catch (err) {
        log(`diagnostics: cannot hash the app's files: ${(err as Error).message}`);
        result = null;
      }
    }
    return result;
  };
}
