import type { PrintRequest } from '../../core/kiosk/kiosk-api';
import { useKioskStore } from '../stores/kiosk';

const PX_PER_MM = 96 / 25.4;

/** The print request for the sheet in #print-root: its paper, and a receipt's measured length. */
export function usePrintRequest(kind: PrintRequest['kind'] = 'visit'): () => PrintRequest {
  const kiosk = useKioskStore();
  return () => {
    const paper = kiosk.settings.paper;
    if (paper === 'a4') return { kind, paper };
    const sheet = document.querySelector<HTMLElement>('#print-root .sheet');
    const heightPx = sheet?.getBoundingClientRect().height ?? 0;
    return { kind, paper, receiptLengthMm: Math.ceil(heightPx / PX_PER_MM) };
  };
}
