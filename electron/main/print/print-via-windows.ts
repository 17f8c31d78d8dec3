import type { WebContents } from 'electron';
import type { PrintOutcome } from '../../../core/kiosk/kiosk-api';
import { microns, type PageSizeMm } from './paper';
import { JOB_TIMEOUT_MS } from './print-via-cups';

/**
 * Prints on Windows with Electron's silent print to a named printer at an explicit page size
 * (Electron ignores the printer's paper size unless told: electron/electron#9780, #12549).
 *
 * What can be known: only whether the job was handed to the Windows spooler. Electron's
 * callback reports that, not whether paper came out (electron/electron#38975), and it tells
 * nothing of paper-out or offline states. So success here is reported as unconfirmed, and the
 * page says "take your sheet from the printer" rather than "printed".
 */
export function printViaWindows(
  wc: WebContents,
  deviceName: string,
  size: PageSizeMm,
  log: (m: string) => void,
): Promise<PrintOutcome> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      log('print: the Windows spooler did not answer in time');
      resolve({ ok: false, problem: 'timeout' });
    }, JOB_TIMEOUT_MS);
    wc.print(
      {
        silent: true,
        printBackground: true,
        deviceName: deviceName || undefined,
        pageSize: microns(size),
        margins: { marginType: 'none' },
      },
      (success, failureReason) => {
        clearTimeout(timer);
        if (success) resolve({ ok: true, confirmed: false });
        else {
          log(`print: Windows print failed: ${failureReason}`);
          resolve({ ok: false, problem: 'job-failed' });
        }
      },
    );
  });
}
