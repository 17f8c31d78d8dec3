import type { KioskPhone, Step } from '../content/model.ts';
import type { Place } from '../place.ts';

/** What of the kiosk's settings says where it stands and how to reach it. */
export interface KioskPlace {
  readonly branchType: Place;
  /** The branch's (or station's) own phone, as people dial it; may be empty. */
  readonly branchPhone: string;
  /** The local police station's phone; may be empty. */
  readonly policePhone: string;
}

/**
 * One of the kiosk's own phones as a visitor sees it: the bank branch they stand in, the police
 * station they stand in, or the local police station.
 */
export interface KioskPhoneEntry {
  readonly kind: KioskPhone;
  readonly role: 'bank-branch' | 'police-station' | 'local-police';
  readonly dial: string;
}

function entry(kind: KioskPhone, place: KioskPlace): KioskPhoneEntry | null {
  if (kind === 'branch')
    return place.branchPhone
      ? {
          kind,
          role: place.branchType === 'bank' ? 'bank-branch' : 'police-station',
          dial: place.branchPhone,
        }
      : null;
  if (!place.policePhone) return null;
  // At a police station, the station is the local police: its own phone stands for it, and the
  // local police's is shown only where the station's own is not set.
  if (place.branchType === 'police' && place.branchPhone) return null;
  return { kind, role: 'local-police', dial: place.policePhone };
}

/** Every phone staff set for this kiosk: its own, then the local police's. */
export function kioskPhones(place: KioskPlace): KioskPhoneEntry[] {
  return (['branch', 'police'] as const).flatMap((k) => entry(k, place) ?? []);
}

/** The kiosk's phones a step shows where the kiosk stands (see `here` in content). */
export function stepKioskPhones(step: Step, place: KioskPlace): KioskPhoneEntry[] {
  const wanted = step.here[place.branchType]?.phones ?? [];
  return kioskPhones(place).filter((p) => wanted.includes(p.kind));
}
