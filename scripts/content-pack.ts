import { readFileSync, writeFileSync, renameSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readContentFiles } from './read-content.ts';
import { buildPack, packFileName } from './pack-build.ts';
import { packAudioFiles, readBaseline } from './pack-audio.ts';

/*
 * `npm run content:pack -- --key content-signing.key --version N [--min-app 0.1.0]
 * [--content content] [--out dist-packs] [--audio-base <release>/audio/manifest.json]`: validates
 * content/ with the build's schema and writes one signed pack, citizensec-content-<N>.pack
 * (docs/content-packs.md). With `--audio-base`, the pack carries the clips of every content text
 * whose clip differs from that release's (scripts/pack-audio.ts).
 */

function arg(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function main(argv: readonly string[]): number {
  const keyPath = arg(argv, '--key');
  const version = Number(arg(argv, '--version'));
  if (!keyPath || !Number.isSafeInteger(version) || version < 1) {
    console.error(
      'usage: npm run content:pack -- --key <file.key> --version <N> [--min-app x.y.z]',
    );
    return 2;
  }
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  const minAppVersion = arg(argv, '--min-app') ?? pkg.version;
  const contentDir = resolve(arg(argv, '--content') ?? 'content');
  const outDir = resolve(arg(argv, '--out') ?? 'dist-packs');
  const audioBase = arg(argv, '--audio-base');
  try {
    const audio = audioBase
      ? packAudioFiles(resolve(contentDir, '..'), readBaseline(audioBase))
      : [];
    if (!audioBase)
      console.log(
        'No --audio-base: the pack carries no audio; its changed texts are read by the machine’s voice where it has one.',
      );
    else console.log(`${Math.max(0, audio.length - 1)} audio clip(s) of changed texts`);
    const text = buildPack(
      { files: readContentFiles(contentDir), audio, version, minAppVersion },
      readFileSync(keyPath, 'utf8'),
    );
    mkdirSync(outDir, { recursive: true });
    const target = join(outDir, packFileName(version));
    // Written beside and renamed, so a folder source never sees half a pack under its name.
    writeFileSync(`${target}.partial`, text);
    renameSync(`${target}.partial`, target);
    console.log(`${target} (${text.length} bytes)`);
    return 0;
  } catch (err) {
    console.error((err as Error).message);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
