import { correction, generate, mode } from 'lean-qr';
import { onVisitEnd } from './session/visit-end';

export interface QrMatrix {
  readonly size: number;
  /** An SVG path drawing the dark modules, one unit per module, without the quiet zone. */
  readonly path: string;
  readonly version: number;
}

/**
 * A QR code for `text`, made on the kiosk with no network. Text beyond ASCII is encoded as UTF-8
 * behind the ECI marker that says so, or phone cameras and scanners guess another encoding
 * (zbar read "·" as a Japanese character). Rows of dark modules become single path segments, so
 * even a large code stays a small SVG.
 */
export function qrMatrix(text: string, errorCorrectionLevel: 'L' | 'M' = 'M'): QrMatrix {
  const key = `${errorCorrectionLevel}${text}`;
  const known = drawn.get(key);
  if (known) return known;
  const matrix = draw(text, errorCorrectionLevel);
  if (drawn.size >= DRAWN_MAX) drawn.delete(drawn.keys().next().value!);
  drawn.set(key, matrix);
  return matrix;
}

/**
 * The codes drawn in this visit. The preview shows the sheet while the print root lays out the
 * same sheet, each in one or two languages, so every code was drawn up to four times on the
 * touch that opens the preview (docs/performance.md). The phone code holds the visitor's plan:
 * the end of the visit forgets them all (src/session/visit-end.ts).
 */
const drawn = new Map<string, QrMatrix>();
/** More than one visit's codes (a sheet has about a dozen), few enough to hold no real memory. */
const DRAWN_MAX = 64;

/** Forgets every code drawn so far: at the end of every visit, and for tests. */
export function forgetQrCodes(): void {
  drawn.clear();
}
onVisitEnd(forgetQrCodes);

/** How many codes are remembered (for the reset test). */
export function rememberedQrCodes(): number {
  return drawn.size;
}

function draw(text: string, errorCorrectionLevel: 'L' | 'M'): QrMatrix {
  const code = generate(
    mode.auto(text, { modes: [mode.numeric, mode.alphaNumeric, mode.ascii, mode.utf8] }),
    {
      minCorrectionLevel: correction[errorCorrectionLevel],
      maxCorrectionLevel: correction[errorCorrectionLevel],
    },
  );
  const size = code.size;
  let path = '';
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!code.get(x, y)) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && code.get(x, y)) x++;
      path += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  }
  return { size, path, version: (size - 17) / 4 };
}
