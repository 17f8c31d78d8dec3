import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { makeKeyPair } from './pack-build.ts';

/*
 * `npm run content:keygen -- [--out keys/content-signing]`: a new Ed25519 key pair for signing
 * content packs. Writes <out>.key (the private key, mode 600; keep it off kiosks and out of git)
 * and <out>.pub (one line, `ed25519:…`), and prints the public key and its id. The public key goes
 * into build/content-keys/ (shipped with the app) or IT's policy (contentPacks.trustedKeys).
 */

function main(argv: readonly string[]): number {
  const i = argv.indexOf('--out');
  const out = resolve(i >= 0 && argv[i + 1] ? argv[i + 1]! : 'content-signing');
  if (existsSync(`${out}.key`)) {
    console.error(`${out}.key already exists: not overwritten (choose another --out)`);
    return 1;
  }
  mkdirSync(dirname(out), { recursive: true });
  const pair = makeKeyPair();
  writeFileSync(`${out}.key`, pair.privatePem, { mode: 0o600, flag: 'wx' });
  writeFileSync(`${out}.pub`, `${pair.publicKey}\n`, { mode: 0o644 });
  console.log(`private key: ${out}.key (mode 600)`);
  console.log(`public key:  ${out}.pub`);
  console.log(`key id ${pair.keyId}: ${pair.publicKey}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
