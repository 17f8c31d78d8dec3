import { describe, expect, it } from 'vitest';
import {
  AUDIO_MANIFEST_FORMAT,
  MAX_AUDIO_TOTAL_BYTES,
  MAX_CLIP_BYTES,
  auditClips,
  auditReport,
  budgetProblems,
  clipFile,
  emptyManifest,
  manifestText,
  parseAudioManifest,
  type AudioManifest,
  type ClipEntry,
  type HashedText,
} from '../../../core/content/audio-clips';

const H = (c: string) => c.repeat(64);
const entry = (id: string, lang: 'kk' | 'ru' | 'en', sha256: string, bytes = 1000): ClipEntry => ({
  file: clipFile(lang, id),
  sha256,
  engine: 'espeak-ng',
  bytes,
  durationMs: 1500,
});
const text = (id: string, lang: 'kk' | 'ru' | 'en', sha256: string): HashedText => ({
  id,
  lang,
  text: `${id} ${lang}`,
  sha256,
});

describe('auditClips', () => {
  const manifest: AudioManifest = {
    format: AUDIO_MANIFEST_FORMAT,
    clips: {
      titleWhy: { kk: entry('titleWhy', 'kk', H('a')), ru: entry('titleWhy', 'ru', H('b')) },
      gone: { en: entry('gone', 'en', H('c')) },
    },
  };

  it('finds missing, stale, current and orphaned clips', () => {
    const audit = auditClips(manifest, [
      text('titleWhy', 'kk', H('a')),
      text('titleWhy', 'ru', H('f')),
      text('titleWhy', 'en', H('d')),
    ]);
    expect(audit.current.map((t) => `${t.lang}:${t.id}`)).toEqual(['kk:titleWhy']);
    expect(audit.stale.map((t) => `${t.lang}:${t.id}`)).toEqual(['ru:titleWhy']);
    expect(audit.missing.map((t) => `${t.lang}:${t.id}`)).toEqual(['en:titleWhy']);
    expect(audit.orphans).toEqual([{ id: 'gone', lang: 'en' }]);
  });

  it('reports per language, each missing and stale clip by id', () => {
    const lines = auditReport(
      auditClips(manifest, [text('titleWhy', 'kk', H('a')), text('titleWhy', 'ru', H('f'))]),
    );
    expect(lines).toContain('ru: 0 missing, 1 stale');
    expect(lines.some((l) => l.includes('stale') && l.includes('ru titleWhy'))).toBe(true);
    expect(lines).toContain('kk: 0 missing, 0 stale');
  });

  it('an empty manifest has every text missing', () => {
    const audit = auditClips(emptyManifest(), [text('a', 'kk', H('a'))]);
    expect(audit.missing).toHaveLength(1);
  });
});

describe('the audio manifest', () => {
  it('is written sorted, so the same clips give the same file', () => {
    const a: AudioManifest = {
      format: AUDIO_MANIFEST_FORMAT,
      clips: { b: { ru: entry('b', 'ru', H('1')), kk: entry('b', 'kk', H('2')) }, a: {} },
    };
    const text = manifestText(a);
    expect(text.indexOf('"kk"')).toBeLessThan(text.indexOf('"ru"'));
    expect(text).not.toContain('"a"');
    expect(parseAudioManifest(JSON.parse(text))).toEqual(JSON.parse(text));
  });

  it('refuses wrong fields with the field named', () => {
    const good = { format: AUDIO_MANIFEST_FORMAT, clips: { x: { kk: entry('x', 'kk', H('a')) } } };
    expect(parseAudioManifest(good)).toEqual(good);
    expect(parseAudioManifest({ format: 'other', clips: {} })).toMatch(/not a/);
    const withFile = (file: string) => ({
      ...good,
      clips: { x: { kk: { ...entry('x', 'kk', H('a')), file } } },
    });
    expect(parseAudioManifest(withFile('../../etc/passwd'))).toMatch(/clips\.x\.kk\.file/);
    expect(parseAudioManifest({ ...good, clips: { '../x': {} } })).toMatch(/not a text id/);
    expect(parseAudioManifest({ ...good, clips: { x: { de: entry('x', 'kk', H('a')) } } })).toMatch(
      /not a language/,
    );
    expect(
      parseAudioManifest({ ...good, clips: { x: { kk: { ...entry('x', 'kk', 'abc') } } } }),
    ).toMatch(/sha256/);
    expect(parseAudioManifest(null)).toMatch(/not a/);
  });
});

describe('the size budget', () => {
  it('flags a clip over its budget, and all clips over theirs', () => {
    const one: AudioManifest = {
      format: AUDIO_MANIFEST_FORMAT,
      clips: { big: { kk: entry('big', 'kk', H('a'), MAX_CLIP_BYTES + 1) } },
    };
    expect(budgetProblems(one)).toHaveLength(1);
    const many: AudioManifest = {
      format: AUDIO_MANIFEST_FORMAT,
      clips: Object.fromEntries(
        Array.from({ length: Math.ceil(MAX_AUDIO_TOTAL_BYTES / MAX_CLIP_BYTES) + 1 }, (_, i) => [
          `t${i}`,
          { kk: entry(`t${i}`, 'kk', H('a'), MAX_CLIP_BYTES) },
        ]),
      ),
    };
    expect(budgetProblems(many)).toEqual([expect.stringMatching(/^all clips/)]);
    expect(budgetProblems(emptyManifest())).toEqual([]);
  });
});
