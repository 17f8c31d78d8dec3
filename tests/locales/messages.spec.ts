import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../core/locales';

describe('UI messages', () => {
  const messages = Object.fromEntries(
    LOCALES.map((l) => [
      l,
      JSON.parse(
        readFileSync(resolve(import.meta.dirname, `../../locales/${l}.json`), 'utf8'),
      ) as Record<string, string>,
    ]),
  );

  it('has the same keys in every language', () => {
    const [first, ...rest] = LOCALES.map((l) => Object.keys(messages[l]!).sort());
    for (const keys of rest) expect(keys).toEqual(first);
  });

  it('keeps keys sorted and prefixed by role', () => {
    for (const l of LOCALES) {
      const keys = Object.keys(messages[l]!);
      expect(keys).toEqual([...keys].sort());
      for (const k of keys) expect(k).toMatch(/^(button|instructions|label|text|title)[A-Z]/);
    }
  });

  it('has no empty message and the same placeholders in every language', () => {
    for (const key of Object.keys(messages.en!)) {
      const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const l of LOCALES) {
        expect(messages[l]![key]!.trim(), `${l}.${key}`).not.toBe('');
        expect(placeholders(messages[l]![key]!), `${l}.${key}`).toEqual(
          placeholders(messages.en![key]!),
        );
      }
    }
  });

  it('quotes one way in each language: «» in Kazakh and Russian, “” in English', () => {
    const bad = (l: string, re: RegExp) =>
      Object.entries(messages[l]!)
        .filter(([, v]) => re.test(v))
        .map(([k, v]) => `${k}: ${v}`);
    expect(bad('kk', /["“”']/)).toEqual([]);
    expect(bad('ru', /["“”']/)).toEqual([]);
    expect(bad('en', /["«»']/)).toEqual([]);
  });

  it('uses the content’s terms: жадынама, never жаднама', () => {
    const bad = Object.entries(messages.kk!).filter(([, v]) => /[Жж]аднама/.test(v));
    expect(bad).toEqual([]);
  });
});
