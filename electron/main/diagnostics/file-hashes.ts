import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * The SHA-256 hashes an auditor compares with the released ones (docs/deploy.md). A folder's
 * hash is the SHA-256 of its manifest: one line per file, sorted by path, each the file's own
 * SHA-256, two spaces and its path with forward slashes (as `sha256sum` writes it), so that the
 * manifest also says which file differs. Main computes them from its own files (inside app.asar
 * in a packaged kiosk, which Electron's fs reads like a folder); scripts/hashes.ts from out/ and
 * content/ after a release build.
 */

export interface TreeHash {
  /** The SHA-256 of the manifest, 64 hex digits. */
  readonly sha256: string;
  /** `<sha256>  <path>` lines, sorted by path, each ending in a newline. */
  readonly manifest: string;
  readonly files: number;
}

/** The app's own folders under out/: main, preload and the page (the companion ships apart). */
export const APP_FOLDERS = ['main', 'preload', 'renderer'] as const;

/** Source maps are not shipped (electron-builder.json leaves them out), so they are not hashed. */
const NOT_SHIPPED = /\.map$/;

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** Every file under `dir`, as paths relative to `base` with forward slashes. */
function listFiles(base: string, dir: string, out: string[]): void {
  for (const entry of readdirSync(join(base, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) listFiles(base, rel, out);
    else if (entry.isFile() && !NOT_SHIPPED.test(entry.name)) out.push(rel);
  }
}

/** The tree hash of files whose own SHA-256 is known, by path relative to the tree's root. */
export function hashFromFileHashes(files: Readonly<Record<string, string>>): TreeHash {
  // Sorted by code unit, not locale: the same order on every machine.
  const paths = Object.keys(files).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const manifest = paths.map((p) => `${files[p]}  ${p}\n`).join('');
  return { sha256: sha256(manifest), manifest, files: paths.length };
}

/** The hash of the files under `root` in the given folders (all of `root` when none are given). */
export function hashTree(root: string, folders: readonly string[] = ['']): TreeHash {
  const paths: string[] = [];
  for (const f of folders) listFiles(root, f, paths);
  return hashFromFileHashes(
    Object.fromEntries(paths.map((p) => [p, sha256(readFileSync(join(root, p)))])),
  );
}

/**
 * A content pack's content hash, from the SHA-256 of each file its signed manifest lists under
 * `content/`: the same value `contentHash` gives for the content/ folder the pack was built from
 * (and `npm run hashes` prints), so an auditor compares a kiosk running a pack the same way.
 */
export function packContentHash(manifestFiles: Readonly<Record<string, string>>): TreeHash {
  const prefix = 'content/';
  return hashFromFileHashes(
    Object.fromEntries(
      Object.entries(manifestFiles)
        .filter(([path]) => path.startsWith(prefix))
        .map(([path, hash]) => [path.slice(prefix.length), hash]),
    ),
  );
}

/** The app's hash, from the out/ folder that holds main, preload and renderer. */
export function appHash(outDir: string): TreeHash {
  return hashTree(outDir, APP_FOLDERS);
}

/** The content bundle's hash, from the content/ folder the app was built from. */
export function contentHash(contentDir: string): TreeHash {
  return hashTree(contentDir);
}
