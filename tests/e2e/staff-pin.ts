import { pbkdf2Sync, randomBytes, scryptSync } from 'node:crypto';

/*
 * A staff PIN provisioned before the kiosk starts, as IT would, so that end-to-end specs and
 * the benchmark can enter staff mode (a kiosk without a PIN has no staff entry unless IT's policy
 * gives a setup code: see the `policy` fixture). The records are made
 * as the kiosk's own hashers make them (electron/main/staff/pin-file.ts, src/kiosk/browser-kiosk.ts).
 */

/** The PIN the end-to-end kiosk is provisioned with. */
export const STAFF_PIN = '482913';

/** Where each build keeps the record. */
export const BROWSER_PIN_KEY = 'citizensec-kiosk:staff-pin';
export const PIN_FILE_NAME = 'staff-pin.json';

/** The record for the Electron app: a salted scrypt hash. */
export function scryptPinRecord(pin: string = STAFF_PIN): string {
  const salt = randomBytes(16);
  const hash = scryptSync(pin, salt, 32, { N: 16384, r: 8, p: 1 });
  return JSON.stringify({
    algorithm: 'scrypt',
    N: 16384,
    r: 8,
    p: 1,
    salt: salt.toString('base64'),
    hash: hash.toString('base64'),
  });
}

/** The record for the browser build: a salted PBKDF2-SHA-256 hash. */
export function browserPinRecord(pin: string = STAFF_PIN): string {
  const salt = randomBytes(16);
  const iterations = 210_000;
  const hash = pbkdf2Sync(pin, salt, iterations, 32, 'sha256');
  return JSON.stringify({
    algorithm: 'pbkdf2-sha256',
    iterations,
    salt: salt.toString('base64'),
    hash: hash.toString('base64'),
  });
}
