/*
 * For IT: makes the staff PIN record a kiosk reads, so it starts with a PIN (a kiosk without one
 * has no staff entry). Reads the PIN from standard input (so it stays out of the shell history),
 * checks it against the kiosk's rules, and writes the salted scrypt hash to the given file, or,
 * given `-`, prints it for the `staffPinHash` of IT's policy file (docs/deploy.md):
 *
 *   npm run staff-pin -- "/home/kiosk/.config/CitizenSec Kiosk/staff-pin.json"
 *   npm run -s staff-pin -- -
 *
 * The kiosk never stores or logs the PIN itself, and neither does this script.
 */
import { resolve } from 'node:path';
import { pinProblem } from '../core/staff/staff-lock';
import { pinFile, scryptHasher } from '../electron/main/staff/pin-file';

/** The record for the policy file's `staffPinHash`, as one line of JSON; or why the PIN is refused. */
export async function policyPinRecord(
  pin: string,
): Promise<{ record: string } | { problem: string }> {
  const problem = pinProblem(pin);
  if (problem) return { problem };
  return { record: JSON.stringify(await scryptHasher.create(pin)) };
}

export async function provisionPin(pin: string, file: string): Promise<string | null> {
  const problem = pinProblem(pin);
  if (problem) return problem;
  pinFile(file).write(await scryptHasher.create(pin));
  return null;
}

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    console.error(
      'usage: npm run staff-pin -- <path to staff-pin.json>, or - for the policy file   (the PIN on stdin)',
    );
    return 2;
  }
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const pin = Buffer.concat(chunks).toString('utf8').trim();
  if (file === '-') {
    const made = await policyPinRecord(pin);
    if ('problem' in made) {
      console.error(
        `staff-pin: PIN refused (${made.problem}): use 6 to 12 digits, not a run or one digit repeated`,
      );
      return 1;
    }
    console.log(made.record);
    return 0;
  }
  const problem = await provisionPin(pin, resolve(file));
  if (problem) {
    console.error(
      `staff-pin: PIN refused (${problem}): use 6 to 12 digits, not a run or one digit repeated`,
    );
    return 1;
  }
  console.log(`staff-pin: wrote ${resolve(file)}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.exitCode = await main();
}
