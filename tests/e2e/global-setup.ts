import { electronUnavailableReason } from './environment';

/** Says once, up front, why the Electron half of the end-to-end specs will be skipped. */
export default function globalSetup(): void {
  const why = electronUnavailableReason();
  if (why) console.log(`\nEnd-to-end specs against the real Electron app are skipped: ${why}.\n`);
}
