import type { IpcMain } from 'electron';
import type { ActiveContentPack, ContentPackView } from '../../../core/kiosk/kiosk-api';
import type { StaffCore } from '../../../core/staff/staff-core';
import type { ContentPackManager } from '../content-pack/manager';
import { handle, RefusedCall, type HandlerContext } from './contract';

export interface ContentPackIpcDeps extends HandlerContext {
  readonly staff: Pick<StaffCore, 'isActive' | 'touch'>;
  readonly packs: Pick<
    ContentPackManager,
    'activeContent' | 'activeInfo' | 'applyPending' | 'poll' | 'rollback' | 'status'
  >;
}

/** Content packs: the page reads the active one and says when it is between visits; staff act. */
export function register(ipc: Pick<IpcMain, 'handle'>, deps: ContentPackIpcDeps): void {
  const staffOnly = (what: string) => {
    if (!deps.staff.isActive()) {
      deps.log(`staff: refused ${what} outside staff mode`);
      throw new RefusedCall('staff only');
    }
    deps.staff.touch();
  };
  handle(ipc, deps, 'getContentPack', (): ActiveContentPack | null => {
    const info = deps.packs.activeInfo();
    const content = deps.packs.activeContent();
    return info && content ? { ...info, content } : null;
  });
  handle(ipc, deps, 'betweenVisits', (): boolean => deps.packs.applyPending());
  handle(ipc, deps, 'checkContentPacks', (): Promise<ContentPackView> => {
    staffOnly('a content pack check');
    return deps.packs.poll();
  });
  handle(ipc, deps, 'rollbackContentPack', (): ContentPackView => {
    staffOnly('a content pack rollback');
    return deps.packs.rollback();
  });
}
