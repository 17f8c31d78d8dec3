import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ContentFile, ContentResult } from '../core/content/validate.ts';
import { formatContentError, validateContent } from '../core/content/validate.ts';

/** Every .json file under a content folder, with paths as `content/…` whatever the folder's name. */
export function readContentFiles(contentDir: string): ContentFile[] {
  const files: ContentFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.json'))
        files.push({
          path: ['content', ...relative(contentDir, full).split(sep)].join('/'),
          text: readFileSync(full, 'utf8'),
        });
    }
  };
  walk(contentDir);
  return files;
}

export function loadContent(contentDir: string): ContentResult {
  return validateContent(readContentFiles(contentDir));
}

/** The content, or an Error whose message lists every problem, one per line. */
export function loadContentOrThrow(contentDir: string) {
  const result = loadContent(contentDir);
  if (!result.ok) {
    throw new Error(
      `Content is not valid (${result.errors.length} problem${result.errors.length === 1 ? '' : 's'}):\n` +
        result.errors.map((e) => `  - ${formatContentError(e)}`).join('\n'),
    );
  }
  return result.content;
}
