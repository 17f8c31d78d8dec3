import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  messagePart,
  messagesOfPart,
  partOfImport,
  type MessagePart,
} from '../../scripts/message-parts';
import { LOCALES } from '../../core/locales';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(resolve(ROOT, file), 'utf8');
const messages = Object.fromEntries(
  LOCALES.map((l) => [l, JSON.parse(read(`locales/${l}.json`)) as Record<string, string>]),
);
const KEYS = Object.keys(messages.en!);

describe('the message parts rule', () => {
  it('puts the staff screens’ own messages and their keyboard’s in the staff part', () => {
    for (const key of ['titleStaff', 'labelStaffPinWrong', 'buttonKeyboardShift', 'labelKeyboard'])
      expect(messagePart(key), key).toBe('staff');
  });

  it('keeps at start-up what the visitor screens, the printed staff card and reports use', () => {
    for (const key of [
      'buttonNext',
      'labelStaffNotes',
      'titleStaffCard',
      'instructionsStaffCardAssist1',
      'buttonStaffCheck',
      'labelStaffPaperReceipt',
      'labelCheckPrinter',
      'titleReadiness',
    ])
      expect(messagePart(key), key).toBe('start');
    // Near names that are the staff screens' own.
    expect(messagePart('buttonStaffCheckPacks')).toBe('staff');
    expect(messagePart('labelStaffCardHint')).toBe('staff');
    expect(messagePart('labelStaffPaperPrintOk')).toBe('staff');
  });

  it('splits each locale file into two parts that together are the whole file, in its order', () => {
    for (const l of LOCALES) {
      const start = messagesOfPart(messages[l]!, 'start');
      const staff = messagesOfPart(messages[l]!, 'staff');
      expect(Object.keys(start).length).toBeGreaterThan(0);
      expect(Object.keys(staff).length).toBeGreaterThan(0);
      expect(Object.keys(start).filter((k) => k in staff)).toEqual([]);
      expect(Object.keys({ ...start, ...staff }).sort()).toEqual(Object.keys(messages[l]!).sort());
      expect(Object.keys(staff)).toEqual(Object.keys(messages[l]!).filter((k) => k in staff));
    }
  });

  it('reads the part from an import, and refuses an unknown one', () => {
    expect(partOfImport('/x/locales/kk.json?part=staff')).toBe('staff');
    expect(partOfImport('/x/locales/kk.json?part=start')).toBe('start');
    expect(partOfImport('/x/locales/kk.json')).toBeNull();
    expect(partOfImport('/x/locales/kk.json?raw')).toBeNull();
    expect(() => partOfImport('/x/locales/kk.json?part=visitor')).toThrow(/no message part/);
  });
});

/*
 * The rule against the page's sources. The page's modules are followed by their static imports
 * from src/main.ts and from every lazy chunk's entry (src/lazy-screens.ts), as the build splits
 * them. A module that only the staff screens' entries reach loads with them; every other one
 * may render before the staff messages are merged, so it must find its messages at start-up.
 */
describe('the message parts against the page’s sources', () => {
  const IMPORT = /(?:^|\n)\s*import\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?['"](\.[^'"]+)['"]/g;
  const LAZY = /import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

  function resolveImport(from: string, spec: string): string | null {
    const base = resolve(dirname(resolve(ROOT, from)), spec.replace(/\?.*$/, ''));
    for (const candidate of [base, `${base}.ts`, `${base}/index.ts`])
      if (existsSync(candidate) && /\.(ts|vue)$/.test(candidate)) return relative(ROOT, candidate);
    return null;
  }

  function reach(entries: readonly string[]): Set<string> {
    const seen = new Set<string>();
    const todo = [...entries];
    while (todo.length > 0) {
      const file = todo.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const m of read(file).matchAll(IMPORT)) {
        const target = resolveImport(file, m[1]!);
        if (target) todo.push(target);
      }
    }
    return seen;
  }

  const lazyEntries = [...read('src/lazy-screens.ts').matchAll(LAZY)].map((m) =>
    resolveImport('src/lazy-screens.ts', m[1]!)!,
  );
  const staffEntries = lazyEntries.filter((f) => /components\/staff\//.test(f));
  const outside = reach(['src/main.ts', ...lazyEntries.filter((f) => !staffEntries.includes(f))]);
  const staffOnly = [...reach(staffEntries)].filter((f) => !outside.has(f));
  const uses = (file: string) => {
    const source = read(file);
    return KEYS.filter((k) => new RegExp(`\\b${k}\\b`).test(source));
  };
  const partOf = (key: string): MessagePart => messagePart(key);

  it('finds the staff screens’ entries and the modules only they load', () => {
    expect(staffEntries.sort()).toEqual([
      'src/components/staff/StaffEntry.vue',
      'src/components/staff/StaffPanel.vue',
    ]);
    expect(staffOnly).toContain('src/components/staff/StaffSettingsSection.vue');
    expect(outside).toContain('src/components/staff/StaffCorner.vue');
    expect(outside).toContain('src/components/print/StaffCardPaper.vue');
  });

  it('has at start-up every message a module outside the staff screens uses', () => {
    const misplaced = [...outside].flatMap((f) =>
      uses(f)
        .filter((k) => partOf(k) === 'staff')
        .map((k) => `${k} (${f})`),
    );
    expect(misplaced).toEqual([]);
  });

  it('has in the staff part every message that only the staff screens use', () => {
    const usedOutside = new Set([...outside].flatMap(uses));
    const left = [...new Set(staffOnly.flatMap(uses))].filter(
      (k) => !usedOutside.has(k) && partOf(k) === 'start',
    );
    expect(left).toEqual([]);
  });

  it('merges the staff messages wherever a staff component or composable takes its `t`', () => {
    // The counters' tables take theirs from useCounterLabels, which merges them.
    const showsStaffText = (f: string) =>
      /useVisit\(\)|useI18n\(/.test(read(f)) && uses(f).some((k) => partOf(k) === 'staff');
    const without = staffOnly
      .filter(showsStaffText)
      .filter((f) => !read(f).includes('useStaffMessages()'));
    expect(without).toEqual([]);
    expect(staffOnly.filter(showsStaffText).length).toBeGreaterThan(10);
  });
});
