import type { PrintRequest } from '../../core/kiosk/kiosk-api';
import { useKioskStore } from '../stores/kiosk';

const PX_PER_MM = 96 / 25.4;

/**
 * The print request for what is in #print-root: the sheet on the kiosk's paper (with a receipt's
 * measured length), or a document, which is always A4.
 */
export function usePrintRequest(
  kind: PrintRequest['kind'] = 'visit',
  documentId?: () => string | undefined,
): () => PrintRequest {
  const kiosk = useKioskStore();
  return () => {
    const id = documentId?.();
    if (kind === 'document' || id) return { kind: 'document', document: id, paper: 'a4' };
    const paper = kiosk.settings.paper;
    if (paper === 'a4') return { kind, paper };
    const sheet = document.querySelector<HTMLElement>('#print-root .sheet');
    const heightPx = sheet?.getBoundingClientRect().height ?? 0;
    return { kind, paper, receiptLengthMm: Math.ceil(heightPx / PX_PER_MM) };
  };
}
