import QRCode from 'qrcode';

export interface QrMatrix {
  readonly size: number;
  /** An SVG path drawing the dark modules, one unit per module, without the quiet zone. */
  readonly path: string;
  readonly version: number;
}

/**
 * A QR code for `text`, made on the kiosk with no network. Rows of dark modules become single
 * path segments, so even a large code stays a small SVG.
 */
export function qrMatrix(text: string, errorCorrectionLevel: 'L' | 'M' = 'M'): QrMatrix {
  const qr = QRCode.create(text, { errorCorrectionLevel });
  const { size, data } = qr.modules;
  let path = '';
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!data[y * size + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && data[y * size + x]) x++;
      path += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  }
  return { size, path, version: qr.version };
}
