import { describe, expect, it } from 'vitest';
import {
  COMPANION_JS_BUDGET_GZIP,
  measureCompanion,
  measureRenderer,
  RENDERER_JS_BUDGET_GZIP,
} from '../../scripts/bundle-size';

/*
 * The renderer's JavaScript stays within its budget (docs/performance.md). Sizes are
 * deterministic, so this is a test; timings are measured by `npm run bench` instead.
 */
describe('renderer bundle', () => {
  it(`ships at most ${RENDERER_JS_BUDGET_GZIP / 1024} KB of JavaScript, gzipped`, async () => {
    const report = await measureRenderer();
    const top = report.modules.slice(0, 8).map((m) => `${m.id} ${(m.bytes / 1024).toFixed(1)} KB`);
    expect(report.jsGzip, `largest modules:\n${top.join('\n')}`).toBeLessThanOrEqual(
      RENDERER_JS_BUDGET_GZIP,
    );
    // The runtime-only vue-i18n: messages are compiled at build time, so of the message compiler
    // (about 37 KB) only its error codes ship.
    const compiler = report.modules.filter((m) => m.id.includes('message-compiler'));
    expect(compiler.reduce((s, m) => s + m.bytes, 0)).toBeLessThan(4 * 1024);
    // The fonts for Kazakh, Russian and English only (paper/fonts.css).
    const fonts = report.files.filter((f) => f.name.endsWith('.woff2')).map((f) => f.name);
    expect(fonts).toHaveLength(4);
    for (const subset of ['latin-wght', 'latin-ext', 'cyrillic-wght', 'cyrillic-ext'])
      expect(fonts.some((f) => f.includes(subset))).toBe(true);
    // Nothing of main, zod or Node in the page.
    expect(report.modules.some((m) => /(^|\/)zod\/|electron\/main/.test(m.id))).toBe(false);
    // The staff screens' messages and code are not in the start-up JavaScript: they load as one
    // chunk of their own (scripts/message-parts.ts).
    const entry = report.chunks.filter((c) => c.entry);
    expect(entry).toHaveLength(1);
    const startUp = entry[0]!.modules;
    expect(startUp).toContain('locales/kk.json?part=start');
    expect(startUp.filter((m) => /\?part=staff|StaffPanel|StaffEntry/.test(m))).toEqual([]);
    const staff = report.chunks.filter((c) => c.modules.some((m) => m.endsWith('?part=staff')));
    expect(staff).toHaveLength(1);
    for (const m of ['StaffPanel.vue', 'StaffEntry.vue', 'locales/ru.json?part=staff'])
      expect(staff[0]!.modules.some((id) => id.endsWith(m))).toBe(true);
  }, 60_000);
});

describe('companion bundle', () => {
  it(`ships at most ${COMPANION_JS_BUDGET_GZIP / 1024} KB of JavaScript, gzipped`, async () => {
    const report = await measureCompanion();
    const top = report.modules.slice(0, 8).map((m) => `${m.id} ${(m.bytes / 1024).toFixed(1)} KB`);
    expect(report.jsGzip, `largest modules:\n${top.join('\n')}`).toBeLessThanOrEqual(
      COMPANION_JS_BUDGET_GZIP,
    );
    // Static files only, with its service worker; nothing of the kiosk page, main or zod.
    expect(report.files.map((f) => f.name)).toContain('sw.js');
    expect(report.files.map((f) => f.name)).toContain('index.html');
    expect(report.modules.some((m) => /(^|\/)zod\/|electron\/main|^src\//.test(m.id))).toBe(false);
    expect(report.modules.some((m) => m.id.includes('vue-i18n'))).toBe(false);
  }, 60_000);
});
