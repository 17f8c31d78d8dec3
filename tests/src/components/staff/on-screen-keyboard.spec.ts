// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import {
  deleteBackward,
  insertText,
  LAYOUTS,
  layoutFor,
  readField,
  writeField,
} from '../../../../src/components/staff/on-screen-keyboard';

const at = (value: string, start = value.length, end = start) => ({ value, start, end });

describe('insertText', () => {
  it('types at the caret, not at the end', () => {
    expect(insertText(at('Алматы', 2), 'ә')).toEqual(at('Аләматы', 3));
    expect(insertText(at(''), 'Қ')).toEqual(at('Қ'));
  });

  it('types over a selection', () => {
    expect(insertText(at('+7 727', 3, 6), '701')).toEqual(at('+7 701', 6));
  });

  it('keeps to the maxlength, typing only what fits', () => {
    expect(insertText(at('abcd'), 'x', 4)).toEqual(at('abcd'));
    expect(insertText(at('abc'), 'xyz', 4)).toEqual(at('abcx'));
    // A selection makes room: what it replaces is freed.
    expect(insertText(at('abcd', 1, 3), 'xy', 4)).toEqual(at('axyd', 3));
    expect(insertText(at('abcd'), 'x', -1)).toEqual(at('abcdx'));
  });

  it('treats a caret beyond the text as at its end', () => {
    expect(insertText(at('ab', 9, 12), 'c')).toEqual(at('abc'));
    expect(insertText(at('ab', -3), 'c')).toEqual(at('cab', 1));
  });
});

describe('deleteBackward', () => {
  it('deletes the character before the caret', () => {
    expect(deleteBackward(at('Қазақ', 3))).toEqual(at('Қаақ', 2));
    expect(deleteBackward(at('102'))).toEqual(at('10'));
  });

  it('deletes a selection, or nothing at the start', () => {
    expect(deleteBackward(at('8 727 250', 1, 5))).toEqual(at('8 250', 1));
    expect(deleteBackward(at('abc', 0))).toEqual(at('abc', 0));
    expect(deleteBackward(at(''))).toEqual(at(''));
  });

  it('deletes a whole character made of two UTF-16 units', () => {
    expect(deleteBackward(at('a😀'))).toEqual(at('a'));
  });
});

describe('layouts', () => {
  it('has every Kazakh letter on the Kazakh layout, and the Russian alphabet on both', () => {
    const kk = LAYOUTS.kk.flat().join('');
    for (const letter of 'әіңғүұқөһ') expect(kk).toContain(letter);
    for (const letter of 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя') {
      expect(kk).toContain(letter);
      expect(LAYOUTS.ru.flat()).toContain(letter);
    }
    expect(LAYOUTS.latin.flat()).toHaveLength(26);
    for (const sign of '0123456789+()-') expect(LAYOUTS.symbols.flat()).toContain(sign);
  });

  it('opens phones and numbers on digits, names on the staff language', () => {
    expect(layoutFor('phone', 'kk')).toBe('symbols');
    expect(layoutFor('number', 'ru')).toBe('symbols');
    expect(layoutFor('text', 'kk')).toBe('kk');
    expect(layoutFor('text', 'ru')).toBe('ru');
    expect(layoutFor('text', 'en')).toBe('latin');
    expect(layoutFor('url', 'kk')).toBe('latin');
  });
});

describe('the field', () => {
  it('is edited at its caret and tells v-model by an input event', () => {
    const input = document.createElement('input');
    input.value = 'Астна';
    input.setSelectionRange(3, 3);
    const onInput = vi.fn();
    input.addEventListener('input', onInput);
    writeField(input, insertText(readField(input), 'а'));
    expect(input.value).toBe('Астана');
    expect([input.selectionStart, input.selectionEnd]).toEqual([4, 4]);
    expect(onInput).toHaveBeenCalledTimes(1);
  });

  it('sends no event when nothing changed (a full field)', () => {
    const input = document.createElement('input');
    input.maxLength = 2;
    input.value = 'ab';
    const onInput = vi.fn();
    input.addEventListener('input', onInput);
    writeField(input, insertText(readField(input), 'c', input.maxLength));
    expect(input.value).toBe('ab');
    expect(onInput).not.toHaveBeenCalled();
  });
});
