import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { auditText } from '../core/kiosk/diagnostics.ts';
import { appHash, APP_FOLDERS, contentHash } from '../electron/main/diagnostics/file-hashes.ts';
import { loadContentOrThrow } from './read-content.ts';

/*
 * `npm run hashes`: the released values an auditor compares with the QR code on a kiosk's
 * "Check this kiosk" screen (docs/deploy.md). Run it on the release build, after `npm run build`:
 * it prints the same three lines the kiosk puts in its QR code, computed the same way (the
 * app's files under out/, the content under content/). `--files` adds every file's own hash,
 * to find which one differs; `--root DIR` reads another checkout's build.
 */

export interface ReleaseHashes {
  /** The three lines of the auditor's QR code. */
  readonly text: string;
  /** `sha256  path` per file: the app's (paths under out/), then the content's. */
  readonly appManifest: string;
  readonly contentManifest: string;
}

/** The released values of the project at `root`, whose out/ holds a build. */
export function releaseHashes(root: string): ReleaseHashes {
  const out = join(root, 'out');
  const missing = APP_FOLDERS.filter((f) => !existsSync(join(out, f)));
  if (missing.length > 0)
    throw new Error(`no build in ${out} (missing ${missing.join(', ')}): run npm run build first`);
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const contentDir = join(root, 'content');
  const { checkedAsOf } = loadContentOrThrow(contentDir).meta;
  const app = appHash(out);
  const content = contentHash(contentDir);
  return {
    text: auditText({
      version: pkg.version,
      appSha256: app.sha256,
      checkedAsOf,
      contentSha256: content.sha256,
    }),
    appManifest: app.manifest,
    contentManifest: content.manifest,
  };
}

function main(args: readonly string[]): number {
  const files = args.includes('--files');
  // Another checkout's build (a release's, say) with --root; this one's by default.
  const at = args.indexOf('--root');
  const given = at >= 0 ? args[at + 1] : undefined;
  const root = resolve(given ?? join(import.meta.dirname, '..'));
  try {
    const h = releaseHashes(root);
    console.log(h.text);
    if (files) {
      console.log('\n# app: files under out/');
      process.stdout.write(h.appManifest);
      console.log('\n# content: files under content/');
      process.stdout.write(h.contentManifest);
    }
    return 0;
  } catch (err) {
    console.error(`hashes: ${(err as Error).message}`);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  process.exitCode = main(process.argv.slice(2));
}
