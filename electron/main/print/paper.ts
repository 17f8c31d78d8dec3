import type { PaperSize } from '../../../core/kiosk/kiosk-api';

const MM_PER_INCH = 25.4;
/** A4 portrait, millimetres. */
export const A4 = { widthMm: 210, heightMm: 297 } as const;
/** Receipt rolls are 80 mm wide; their printable width is about 72 mm. */
export const RECEIPT_WIDTH_MM = 80;
/**
 * Bounds on a receipt's length: shorter is surely a measuring fault; longer would waste a roll.
 * A full plan measures about 700–1000 mm in one language.
 */
export const RECEIPT_MIN_LENGTH_MM = 100;
export const RECEIPT_MAX_LENGTH_MM = 2_500;

export interface PageSizeMm {
  readonly widthMm: number;
  readonly heightMm: number;
}

/** The page to render: A4, or one continuous receipt of the measured length within bounds. */
export function pageSizeFor(paper: PaperSize, receiptLengthMm?: number): PageSizeMm {
  if (paper === 'a4') return A4;
  const measured = Number.isFinite(receiptLengthMm)
    ? (receiptLengthMm as number)
    : RECEIPT_MAX_LENGTH_MM;
  return {
    widthMm: RECEIPT_WIDTH_MM,
    heightMm: Math.min(RECEIPT_MAX_LENGTH_MM, Math.max(RECEIPT_MIN_LENGTH_MM, Math.ceil(measured))),
  };
}

/** Electron's printToPDF takes page sizes in inches. */
export function inches(size: PageSizeMm): { width: number; height: number } {
  return { width: size.widthMm / MM_PER_INCH, height: size.heightMm / MM_PER_INCH };
}

/** The CUPS `media` option for the page: a standard name for A4, a custom size for receipts. */
export function cupsMedia(paper: PaperSize, size: PageSizeMm): string {
  return paper === 'a4' ? 'A4' : `Custom.${size.widthMm}x${size.heightMm}mm`;
}

/** webContents.print takes custom page sizes in microns. */
export function microns(size: PageSizeMm): { width: number; height: number } {
  return { width: Math.round(size.widthMm * 1000), height: Math.round(size.heightMm * 1000) };
}
