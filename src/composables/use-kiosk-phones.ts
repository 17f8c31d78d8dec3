import type { Step } from '../../core/content/model';
import { kioskPhones, stepKioskPhones, type KioskPhoneEntry } from '../../core/visit/kiosk-phones';
import { KIOSK_PHONE_LABELS } from '../labels';
import { useKioskStore } from '../stores/kiosk';
import { useVisit } from './use-visit';

/** The phones staff set for this kiosk, with whose they are in the visitor's language. */
export function useKioskPhones() {
  const kiosk = useKioskStore();
  const { t } = useVisit();

  /** "This bank branch (Almaty, Abay 10)", "Local police station". */
  function label(entry: KioskPhoneEntry): string {
    const whose = t(KIOSK_PHONE_LABELS[entry.role]);
    const name = kiosk.settings.branchName;
    return entry.kind === 'branch' && name ? `${whose} (${name})` : whose;
  }

  return {
    label,
    all: () => kioskPhones(kiosk.settings),
    forStep: (step: Step) => stepKioskPhones(step, kiosk.settings),
  };
}
