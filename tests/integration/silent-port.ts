import { spawn } from 'node:child_process';

/** A local port that never answers a connection attempt. */
export function silentPort(): Promise<{ port: number; stop: () => void }> {
  const child = spawn('perl', ['-e', SILENT_LISTENER], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', (d: Buffer) =>
      resolve({ port: Number(d.toString().trim()), stop: () => child.kill() }),
    );
  });
}

/*
 * Perl (always on Debian) listens with a backlog of 0 and never accepts; one connection of its
 * own fills the accept queue, so the kernel drops every further connection attempt unanswered.
 */
const SILENT_LISTENER = `
use Socket;
socket(my $s, PF_INET, SOCK_STREAM, 0) or die; bind($s, sockaddr_in(0, INADDR_LOOPBACK)) or die;
listen($s, 0) or die; my ($port) = sockaddr_in(getsockname($s));
socket(my $c, PF_INET, SOCK_STREAM, 0); connect($c, sockaddr_in($port, INADDR_LOOPBACK)) or die;
$| = 1; print "$port\n"; sleep 600;`;
