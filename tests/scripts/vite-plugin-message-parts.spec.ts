import { generateJSON } from '@intlify/bundle-utils';
import { describe, expect, it } from 'vitest';
import { plainTextMessages } from '../../scripts/vite-plugin-message-parts';

/** A locale file precompiled as the page's build does it, then evaluated. */
function precompiled(messages: Record<string, string>, transform = (code: string) => code) {
  const { code } = generateJSON(JSON.stringify(messages), {
    type: 'plain',
    env: 'production',
    jit: true,
    minify: true,
  });
  const body = transform(code).replace(/export default resource\s*$/, 'return resource;');
  return new Function(body)() as Record<string, unknown>;
}

describe('plain-text messages ship as their text', () => {
  const MESSAGES = {
    plain: 'Почему это важно',
    quoted: 'Нажмите «Далее», затем "Готово" \\ конец',
    kazakh: 'Қадамды белгілеңіз: әрекет етуге әлі кеш емес.',
    placeholder: 'Шаг {current} из {total}',
    plural: 'один | много',
    literal: "почта{'@'}пример",
  };

  it('turns each plain-text message into its text, and leaves the others as they were', () => {
    const before = precompiled(MESSAGES);
    const after = precompiled(MESSAGES, plainTextMessages);
    expect(after.plain).toBe(MESSAGES.plain);
    expect(after.quoted).toBe(MESSAGES.quoted);
    expect(after.kazakh).toBe(MESSAGES.kazakh);
    // A placeholder, a plural and a literal need their tree.
    for (const key of ['placeholder', 'plural', 'literal']) {
      expect(typeof after[key]).toBe('object');
      expect(after[key]).toEqual(before[key]);
    }
    // The tree of a plain-text message is what was replaced: one text item with the whole text.
    expect(before.plain).toEqual({ t: 0, b: { t: 2, i: [{ t: 3 }], s: MESSAGES.plain } });
  });
});
