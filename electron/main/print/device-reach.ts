import { connect } from 'node:net';

/*
 * Whether a network printer takes connections. CUPS cannot say so: for a `socket://` printer
 * whose host does not answer or refuses, its backend retries every few seconds while the queue
 * still reads "idle" or "printing" with no state reason, so a visitor would wait out the whole
 * job time-out. The kiosk opens a TCP connection to the printer's address instead, and closes it
 * at once, sending nothing. The answer is one of:
 * - `accepted`: the printer is there;
 * - `refused`: the host is there but takes no connection now. Before a job that means the
 *   sheet will not come out (CUPS would only retry every 30 s); while the kiosk's own job is
 *   printing it is expected, since a raw-port printer takes one connection at a time;
 * - `silent`: no answer within PROBE_TIMEOUT_MS, no route, or a name that does not resolve.
 */

export const PROBE_TIMEOUT_MS = 3_000;
/** A printer that answered is not asked again for this long (polls during a job reuse it). */
export const REACHABLE_FOR_MS = 10_000;
/** One that did not answer is asked again after this long. */
export const UNREACHABLE_FOR_MS = 2_000;

export interface DeviceAddress {
  readonly host: string;
  readonly port: number;
}

/** Each network scheme CUPS prints through, with the port it uses when the URI names none. */
const DEFAULT_PORTS: Readonly<Record<string, number>> = {
  socket: 9100,
  ipp: 631,
  ipps: 631,
  http: 631,
  https: 631,
  lpd: 515,
};

/**
 * The host and port a CUPS device URI prints to, or null for a device the kiosk cannot probe
 * this way: local ones (`usb:`, `parallel:`, `cups-pdf:`, `file:`) and names found by multicast
 * DNS (`dnssd:`, `mdns:`), which only CUPS resolves.
 */
export function networkAddress(deviceUri: string): DeviceAddress | null {
  let url: URL;
  try {
    url = new URL(deviceUri);
  } catch {
    return null;
  }
  const scheme = url.protocol.replace(/:$/, '');
  const port = DEFAULT_PORTS[scheme];
  if (port === undefined || !url.hostname) return null;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return { host, port: url.port ? Number(url.port) : port };
}

export type DeviceAnswer = 'accepted' | 'refused' | 'silent';

/** Error codes that mean a host answered, if only to say no. */
const REFUSALS = new Set(['ECONNREFUSED', 'ECONNRESET']);

/** Opens and closes one TCP connection, and says how the host answered. */
export function tcpAnswer(
  address: DeviceAddress,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<DeviceAnswer> {
  return new Promise((resolve) => {
    const socket = connect({ host: address.host, port: address.port });
    const done = (answer: DeviceAnswer) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done('silent'));
    socket.once('connect', () => done('accepted'));
    socket.once('error', (err: NodeJS.ErrnoException) =>
      done(REFUSALS.has(err.code ?? '') ? 'refused' : 'silent'),
    );
  });
}

/** Probes printers by device URI, remembering each answer for a while. */
export class DeviceReach {
  private readonly known = new Map<string, { answer: DeviceAnswer; until: number }>();
  private readonly asking = new Map<string, Promise<DeviceAnswer>>();

  constructor(
    private readonly probe: (address: DeviceAddress) => Promise<DeviceAnswer> = (a) => tcpAnswer(a),
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * False when the device is a network printer that cannot take the kiosk's sheet: silent, or
   * refusing while no job of the kiosk's is printing (`printing` false).
   */
  async reachable(deviceUri: string, printing = false): Promise<boolean> {
    const address = networkAddress(deviceUri);
    if (!address) return true;
    const answer = await this.answer(address);
    return answer === 'accepted' || (printing && answer === 'refused');
  }

  private answer(address: DeviceAddress): Promise<DeviceAnswer> {
    const key = `${address.host}:${address.port}`;
    const known = this.known.get(key);
    if (known && known.until > this.now()) return Promise.resolve(known.answer);
    let asking = this.asking.get(key);
    if (!asking) {
      asking = this.probe(address).then((answer) => {
        this.known.set(key, {
          answer,
          until: this.now() + (answer === 'accepted' ? REACHABLE_FOR_MS : UNREACHABLE_FOR_MS),
        });
        this.asking.delete(key);
        return answer;
      });
      this.asking.set(key, asking);
    }
    return asking;
  }
}
