import type { KioskSettings } from '../../../core/kiosk/kiosk-api';
import type { IdleSettings } from '../../../core/visit/idle';
import type { MessageSchema } from '../../i18n';

/** Each idle time's name on the staff form. */
export const IDLE_LABELS: Readonly<Record<keyof IdleSettings, keyof MessageSchema>> = {
  idleSeconds: 'labelStaffIdle',
  readingIdleSeconds: 'labelStaffReadingIdle',
  callIdleSeconds: 'labelStaffCallIdle',
  warningSeconds: 'labelStaffWarning',
  goodbyeSeconds: 'labelStaffGoodbye',
};

/** Each setting's name on the form, for the message that says which to check. */
export const FIELD_LABELS: Readonly<Record<keyof KioskSettings, keyof MessageSchema>> = {
  kioskName: 'labelStaffKioskName',
  branchName: 'labelStaffBranchName',
  branchType: 'labelStaffBranchType',
  branchPhone: 'labelStaffBranchPhone',
  policePhone: 'labelStaffPolicePhone',
  defaultLocale: 'labelStaffDefaultLanguage',
  staffLocale: 'labelStaffStaffLanguage',
  enabledLocales: 'labelStaffLanguages',
  printerName: 'titleStaffPrinter',
  paper: 'labelStaffPaper',
  bilingualSheet: 'labelStaffBilingual',
  companionUrl: 'labelStaffCompanionUrl',
  idle: 'labelStaffIdle',
};
/** The name of a field by its path (`branchPhone`, `idle.warningSeconds`). */
export const labelOf = (path: string): keyof MessageSchema => {
  const [top, idle] = path.split('.') as [keyof KioskSettings, keyof IdleSettings | undefined];
  return idle ? IDLE_LABELS[idle] : FIELD_LABELS[top];
};
