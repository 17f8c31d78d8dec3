import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { AUDIO_DIR, parseAudioManifest, type AudioManifest } from '../core/content/audio-clips.ts';

/** The manifest in an `audio/` folder, checked; none at all is an empty set of clips. */
export function readAudioManifest(audioDir: string): AudioManifest | null {
  const path = join(audioDir, 'manifest.json');
  if (!existsSync(path)) return null;
  const parsed = parseAudioManifest(JSON.parse(readFileSync(path, 'utf8')));
  if (typeof parsed === 'string') throw new Error(`${path}: ${parsed}`);
  return parsed;
}

/** The files the built page serves under `audio/`: the manifest and every clip it names. */
export function audioFiles(audioDir: string): string[] {
  const manifest = readAudioManifest(audioDir);
  if (!manifest) return [];
  return [
    'manifest.json',
    ...Object.values(manifest.clips).flatMap((langs) =>
      Object.values(langs).flatMap((e) => (e ? [e.file] : [])),
    ),
  ];
}

/**
 * Ships the audio clips (docs/accessibility.md) beside the page: the build copies the manifest
 * and the clips it names into `audio/` of the output (recordings and anything else in the folder
 * stay behind), and the development server serves the same files. The page fetches the manifest
 * only when a visitor turns audio on, so none of it weighs on start-up.
 */
export function audioPlugin(options: { audioDir: string }): Plugin {
  return {
    name: 'kiosk-audio',
    generateBundle() {
      for (const file of audioFiles(options.audioDir))
        this.emitFile({
          type: 'asset',
          fileName: `${AUDIO_DIR}/${file}`,
          source: readFileSync(join(options.audioDir, file)),
        });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
        const prefix = `/${AUDIO_DIR}/`;
        if (!path.startsWith(prefix)) return next();
        const file = path.slice(prefix.length);
        if (!audioFiles(options.audioDir).includes(file)) {
          res.statusCode = 404;
          return res.end();
        }
        res.setHeader('Content-Type', file.endsWith('.json') ? 'application/json' : 'audio/ogg');
        res.end(readFileSync(join(options.audioDir, file)));
      });
    },
  };
}
