import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditClips, auditReport, budgetProblems } from '../../core/content/audio-clips';
import { LOCALES } from '../../core/locales';
import { hashedTexts, opusDurationMs, readManifest } from '../../scripts/audio';

/*
 * The recorded clips keep step with the text: every visitor text has a current clip in each
 * language (else `npm run audio` makes it), within the size budget.
 */
const root = resolve(import.meta.dirname, '../..');
const audioDir = resolve(root, 'audio');
const manifest = readManifest(audioDir);
const texts = hashedTexts(root);

describe('audio clips', () => {
  it('every visitor text has a current clip in Kazakh, Russian and English', () => {
    const audit = auditClips(manifest, texts);
    const problems = [...audit.missing, ...audit.stale];
    expect(problems.length, auditReport(audit).join('\n')).toBe(0);
    for (const l of LOCALES)
      expect(audit.current.filter((t) => t.lang === l).length).toBe(texts.length / 3);
  });

  it('no clip is kept for a text that is gone', () => {
    expect(auditClips(manifest, texts).orphans).toEqual([]);
  });

  it('each clip is the Ogg Opus file the manifest describes', () => {
    for (const langs of Object.values(manifest.clips))
      for (const e of Object.values(langs)) {
        const path = resolve(audioDir, e!.file);
        expect(statSync(path).size, e!.file).toBe(e!.bytes);
        const bytes = readFileSync(path);
        expect(bytes.subarray(0, 4).toString(), e!.file).toBe('OggS');
        expect(bytes.includes('OpusHead'), e!.file).toBe(true);
        expect(opusDurationMs(bytes), e!.file).toBe(e!.durationMs);
        expect(e!.durationMs, e!.file).toBeGreaterThan(0);
      }
  });

  it('stays within the size budget: each clip and all of them', () => {
    expect(budgetProblems(manifest)).toEqual([]);
  });
});
