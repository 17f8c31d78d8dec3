import { describe, expect, it, vi } from 'vitest';
import { decodeResponse, encodeRequest, IPP_OPERATIONS } from '../../../../electron/main/print/ipp';

vi.mock('electron', () => ({}));

describe('IPP encoding', () => {
  it('decodes what it encodes, with repeated values', () => {
    const req = encodeRequest(IPP_OPERATIONS.getPrinterAttributes, 7, [
      { tag: 'uri', name: 'printer-uri', values: ['ipp://localhost/printers/Kiosk'] },
      {
        tag: 'keyword',
        name: 'requested-attributes',
        values: ['printer-state', 'printer-state-reasons'],
      },
    ]);
    expect(req.readUInt16BE(2)).toBe(IPP_OPERATIONS.getPrinterAttributes);
    expect(req.readUInt32BE(4)).toBe(7);
    const decoded = decodeResponse(req);
    expect(decoded.operation['requested-attributes']).toEqual([
      'printer-state',
      'printer-state-reasons',
    ]);
    expect(decoded.operation['attributes-charset']).toEqual(['utf-8']);
  });

  it('refuses a truncated answer', () => {
    const req = encodeRequest(IPP_OPERATIONS.getJobAttributes, 1, []);
    expect(() => decodeResponse(req.subarray(0, req.length - 5))).toThrow(/truncated/);
  });
});
