import type { IpcMain } from 'electron';
import type { ExportResult, RemovableDrive } from '../../../core/kiosk/kiosk-api';
import type { CountedIds } from '../../../core/kiosk/counters';
import { headerProblem } from '../../../core/kiosk/counters-csv';
import type { StaffCore } from '../../../core/staff/staff-core';
import type { CountersStore } from '../counters-store';
import type { FileOps } from '../data-file';
import { handle, RefusedCall, type HandlerContext } from './contract';

export interface DrivesIpcDeps extends HandlerContext {
  readonly staff: StaffCore;
  readonly counters: CountersStore;
  /** The steps and documents of the content in use, whose columns the export has. */
  readonly ids: () => CountedIds;
  readonly kioskName: () => string;
  /** The removable drives mounted now (electron/main/drives.ts). */
  readonly listDrives: () => Promise<RemovableDrive[]>;
  /** Tests put a full or read-only drive here. */
  readonly fileOps?: FileOps;
}

/** File system errors, as staff can act on them. */
function exportProblem(err: unknown): Extract<ExportResult, { ok: false }>['problem'] {
  switch ((err as NodeJS.ErrnoException).code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return 'full';
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return 'read-only';
    case 'ENOENT':
    case 'ENODEV':
    case 'ENXIO':
      // Pulled out between the list and the write.
      return 'no-drive';
    default:
      return 'write-failed';
  }
}

/**
 * Staff's counters export to a USB stick: the drives main finds, and the CSV written to one of
 * them. Staff mode only. The page names a drive by the path main listed; main lists the drives
 * again and writes only if that path is among them, so a page can never choose where to write.
 */
export function register(ipc: Pick<IpcMain, 'handle'>, deps: DrivesIpcDeps): void {
  const { staff } = deps;
  const inStaffMode = (): boolean => {
    if (!staff.isActive()) {
      deps.log('staff: refused a staff action outside staff mode');
      return false;
    }
    staff.touch();
    return true;
  };

  handle(ipc, deps, 'listDrives', async () => {
    if (!inStaffMode()) throw new RefusedCall('staff only');
    return deps.listDrives();
  });

  handle(ipc, deps, 'exportCounters', async (_e, request): Promise<ExportResult> => {
    if (!inStaffMode()) return { ok: false, problem: 'not-staff' };
    const problem = headerProblem(request.header, deps.ids());
    if (problem) {
      deps.log(`counters: export refused: ${problem}`);
      return { ok: false, problem: 'invalid' };
    }
    const drive = (await deps.listDrives()).find((d) => d.path === request.drive);
    if (!drive) {
      deps.log('counters: export to a drive that is not mounted now');
      return { ok: false, problem: 'no-drive' };
    }
    try {
      const file = deps.counters.exportCsv(
        drive.path,
        deps.kioskName(),
        request.header,
        deps.fileOps,
      );
      return { ok: true, file, drive: drive.label };
    } catch (err) {
      const why = exportProblem(err);
      deps.log(`counters: export to ${drive.path} failed (${why}): ${(err as Error).message}`);
      return { ok: false, problem: why };
    }
  });
}
