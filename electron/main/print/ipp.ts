import { request as httpRequest } from 'node:http';

/*
 * A minimal IPP/1.1 client (RFC 8010, 8011) for asking CUPS about printers and jobs. The `lp`
 * and `lpstat` commands cannot say whether a finished job completed or was aborted; IPP can, and
 * CUPS always speaks it, on its local socket or on localhost:631.
 */

export const IPP_OPERATIONS = {
  cancelJob: 0x0008,
  getJobAttributes: 0x0009,
  getJobs: 0x000a,
  getPrinterAttributes: 0x000b,
  cupsGetDefault: 0x4001,
  cupsGetPrinters: 0x4002,
} as const;

export const IPP_STATUS_NOT_FOUND = 0x0406;

const TAG = {
  operation: 0x01,
  job: 0x02,
  end: 0x03,
  printer: 0x04,
  integer: 0x21,
  boolean: 0x22,
  enum: 0x23,
  name: 0x42,
  keyword: 0x44,
  uri: 0x45,
  charset: 0x47,
  language: 0x48,
} as const;

export type IppValue = string | number | boolean;
export type IppAttributes = Record<string, IppValue[]>;

export interface IppResponse {
  readonly status: number;
  readonly operation: IppAttributes;
  readonly printers: IppAttributes[];
  readonly jobs: IppAttributes[];
}

export interface IppAttributeInput {
  readonly tag: 'name' | 'keyword' | 'uri' | 'integer' | 'boolean';
  readonly name: string;
  readonly values: readonly (string | number | boolean)[];
}

/** Encodes an IPP request: the operation attributes every request needs, then `attributes`. */
export function encodeRequest(
  operation: number,
  requestId: number,
  attributes: readonly IppAttributeInput[],
): Buffer {
  const parts: Buffer[] = [];
  const header = Buffer.alloc(8);
  header.writeUInt16BE(0x0101, 0);
  header.writeUInt16BE(operation, 2);
  header.writeUInt32BE(requestId, 4);
  parts.push(header, Buffer.from([TAG.operation]));
  const all: IppAttributeInput[] = [
    { tag: 'name', name: 'attributes-charset', values: ['utf-8'] },
    { tag: 'name', name: 'attributes-natural-language', values: ['en'] },
    ...attributes,
  ];
  for (const a of all) {
    const tag =
      a.name === 'attributes-charset'
        ? TAG.charset
        : a.name === 'attributes-natural-language'
          ? TAG.language
          : TAG[a.tag];
    a.values.forEach((v, i) => {
      const name = Buffer.from(i === 0 ? a.name : '', 'utf8');
      let value: Buffer;
      if (typeof v === 'number') {
        value = Buffer.alloc(4);
        value.writeInt32BE(v, 0);
      } else if (typeof v === 'boolean') {
        value = Buffer.from([v ? 1 : 0]);
      } else {
        value = Buffer.from(v, 'utf8');
      }
      const head = Buffer.alloc(3);
      head.writeUInt8(tag, 0);
      head.writeUInt16BE(name.length, 1);
      const len = Buffer.alloc(2);
      len.writeUInt16BE(value.length, 0);
      parts.push(head, name, len, value);
    });
  }
  parts.push(Buffer.from([TAG.end]));
  return Buffer.concat(parts);
}

/** Decodes an IPP response into its status and attribute groups; throws on a truncated one. */
export function decodeResponse(buf: Buffer): IppResponse {
  if (buf.length < 9) throw new Error('IPP response too short');
  const status = buf.readUInt16BE(2);
  const result = { status, operation: {}, printers: [], jobs: [] } as {
    status: number;
    operation: IppAttributes;
    printers: IppAttributes[];
    jobs: IppAttributes[];
  };
  let offset = 8;
  let group: IppAttributes | null = null;
  let last = '';
  while (offset < buf.length) {
    const tag = buf.readUInt8(offset++);
    if (tag === TAG.end) return result;
    if (tag < 0x10) {
      group = {};
      if (tag === TAG.operation) result.operation = group;
      else if (tag === TAG.printer) result.printers.push(group);
      else if (tag === TAG.job) result.jobs.push(group);
      continue;
    }
    if (offset + 2 > buf.length) break;
    const nameLen = buf.readUInt16BE(offset);
    offset += 2;
    const name = buf.toString('utf8', offset, offset + nameLen);
    offset += nameLen;
    if (offset + 2 > buf.length) break;
    const valueLen = buf.readUInt16BE(offset);
    offset += 2;
    if (offset + valueLen > buf.length) break;
    const raw = buf.subarray(offset, offset + valueLen);
    offset += valueLen;
    let value: IppValue;
    if ((tag === TAG.integer || tag === TAG.enum) && valueLen === 4) value = raw.readInt32BE(0);
    else if (tag === TAG.boolean && valueLen === 1) value = raw.readUInt8(0) !== 0;
    else if (tag >= 0x40 && tag <= 0x4f) value = raw.toString('utf8');
    else value = raw.toString('hex');
    if (nameLen > 0) last = name;
    if (group && last) (group[last] ??= []).push(value);
  }
  throw new Error('IPP response truncated');
}

/** CUPS answered, but with an HTTP error (it wants authentication, or forbids the request). */
export class IppHttpError extends Error {
  constructor(readonly statusCode: number | undefined) {
    super(`CUPS answered HTTP ${statusCode}`);
  }
}

/** Where CUPS listens: $CUPS_SERVER (a socket path or host[:port]), else its usual places. */
export interface CupsEndpoint {
  readonly socketPath?: string;
  readonly host?: string;
  readonly port?: number;
}

export function cupsEndpoints(env: NodeJS.ProcessEnv = process.env): CupsEndpoint[] {
  const server = env.CUPS_SERVER;
  if (server) {
    if (server.startsWith('/')) return [{ socketPath: server }];
    const [host, port] = server.split(':');
    return [{ host: host || 'localhost', port: port ? Number(port) : 631 }];
  }
  return [{ socketPath: '/run/cups/cups.sock' }, { host: 'localhost', port: 631 }];
}

/** Sends one IPP request to CUPS and decodes the answer, giving up after `timeoutMs`. */
export function ippRequest(
  endpoint: CupsEndpoint,
  path: string,
  body: Buffer,
  timeoutMs: number,
): Promise<IppResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        ...endpoint,
        path,
        method: 'POST',
        headers: {
          'Content-Type': 'application/ipp',
          'Content-Length': body.length,
          Host: 'localhost',
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode !== 200) {
            reject(new IppHttpError(res.statusCode));
            return;
          }
          try {
            resolve(decodeResponse(Buffer.concat(chunks)));
          } catch (err) {
            reject(err as Error);
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`CUPS did not answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
