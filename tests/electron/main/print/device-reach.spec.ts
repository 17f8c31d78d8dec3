import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  DeviceReach,
  networkAddress,
  REACHABLE_FOR_MS,
  tcpAnswer,
  UNREACHABLE_FOR_MS,
  type DeviceAddress,
  type DeviceAnswer,
} from '../../../../electron/main/print/device-reach';
import { silentPort } from '../../../integration/silent-port';

vi.mock('electron', () => ({}));

describe('networkAddress', () => {
  it.each([
    ['socket://192.0.2.10', { host: '192.0.2.10', port: 9100 }],
    ['socket://printer.branch.local:9101', { host: 'printer.branch.local', port: 9101 }],
    ['ipp://10.0.0.5/ipp/print', { host: '10.0.0.5', port: 631 }],
    ['ipps://10.0.0.5:443/ipp/print', { host: '10.0.0.5', port: 443 }],
    ['lpd://10.0.0.6/queue', { host: '10.0.0.6', port: 515 }],
    ['http://10.0.0.7:8631/printers/x', { host: '10.0.0.7', port: 8631 }],
    ['socket://[fd00::5]:9100', { host: 'fd00::5', port: 9100 }],
  ])('%s → %j', (uri, address) => {
    expect(networkAddress(uri)).toEqual(address);
  });

  it.each([
    'usb://HP/LaserJet?serial=1',
    'cups-pdf:/',
    'file:///dev/null',
    'dnssd://Lobby._ipp._tcp.local/?uuid=1',
    'parallel:/dev/lp0',
    'not a uri',
  ])('%s is not probed', (uri) => {
    expect(networkAddress(uri)).toBeNull();
  });
});

describe('tcpAnswer', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('a printer that takes the connection accepted; a closed port refused', async () => {
    server = createServer((s) => s.destroy());
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    expect(await tcpAnswer({ host: '127.0.0.1', port })).toBe('accepted');
    server.close();
    await new Promise((r) => setTimeout(r, 50));
    expect(await tcpAnswer({ host: '127.0.0.1', port })).toBe('refused');
  });

  it('a name that does not resolve, or a host that never answers, is silent', async () => {
    expect(await tcpAnswer({ host: 'no-such-printer.invalid', port: 9100 })).toBe('silent');
    const silent = await silentPort();
    try {
      const started = performance.now();
      expect(await tcpAnswer({ host: '127.0.0.1', port: silent.port }, 800)).toBe('silent');
      expect(performance.now() - started).toBeLessThan(2_000);
    } finally {
      silent.stop();
    }
  });
});

describe('DeviceReach', () => {
  function probed(answers: DeviceAnswer[]) {
    const asked: DeviceAddress[] = [];
    let now = 0;
    const reach = new DeviceReach(
      async (a) => {
        asked.push(a);
        return answers.shift() ?? 'accepted';
      },
      () => now,
    );
    return { reach, asked, later: (ms: number) => (now += ms) };
  }

  it('treats a device it cannot probe as reachable, without asking', async () => {
    const { reach, asked } = probed(['silent']);
    expect(await reach.reachable('usb://HP/LaserJet')).toBe(true);
    expect(asked).toEqual([]);
  });

  it('counts a refusal against the printer only while no job of the kiosk is printing', async () => {
    const { reach } = probed(['refused']);
    expect(await reach.reachable('socket://10.1.1.3', false)).toBe(false);
    expect(await reach.reachable('socket://10.1.1.3', true)).toBe(true);
  });

  it('remembers an answer for a while, a silence for less', async () => {
    const { reach, asked, later } = probed(['accepted', 'silent', 'accepted']);
    const uri = 'socket://10.1.1.1';
    expect(await reach.reachable(uri)).toBe(true);
    later(REACHABLE_FOR_MS - 1);
    expect(await reach.reachable(uri)).toBe(true);
    expect(asked).toHaveLength(1);
    later(2);
    expect(await reach.reachable(uri, true)).toBe(false);
    later(UNREACHABLE_FOR_MS - 1);
    expect(await reach.reachable(uri)).toBe(false);
    later(2);
    expect(await reach.reachable(uri)).toBe(true);
    expect(asked).toHaveLength(3);
  });

  it('asks once for calls made at the same time', async () => {
    const { reach, asked } = probed(['silent']);
    const answers = await Promise.all([1, 2, 3].map(() => reach.reachable('socket://10.1.1.2')));
    expect(answers).toEqual([false, false, false]);
    expect(asked).toHaveLength(1);
  });
});
