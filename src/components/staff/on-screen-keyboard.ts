import type { Locale } from '../../../core/locales';

/*
 * The on-screen keyboard's layouts and its editing, as plain code: the kiosk runs under cage
 * with no system keyboard, so staff type every setting on keys the page draws
 * (OnScreenKeyboard.vue). Editing works on the field's text and selection, so it inserts at
 * the caret, replaces a selection and keeps to the field's maxlength as typing would.
 */

export type LayoutId = 'kk' | 'ru' | 'latin' | 'symbols';

/**
 * What a field takes, from its `data-keyboard` attribute: text opens on the staff language's
 * letters, a phone on digits and phone signs, a number on digits alone, an address on Latin.
 */
export type FieldKind = 'text' | 'phone' | 'number' | 'url';

export const FIELD_KINDS: readonly FieldKind[] = ['text', 'phone', 'number', 'url'];

/** Rows of letters, lower case; shift gives the upper case of each. */
export const LAYOUTS: { readonly [L in LayoutId]: readonly (readonly string[])[] } = {
  // The Kazakh letters first, on the row where the Kazakh layout has them (over the digits).
  kk: [
    ['ә', 'і', 'ң', 'ғ', 'ү', 'ұ', 'қ', 'ө', 'һ'],
    ['й', 'ц', 'у', 'к', 'е', 'н', 'г', 'ш', 'щ', 'з', 'х', 'ъ'],
    ['ф', 'ы', 'в', 'а', 'п', 'р', 'о', 'л', 'д', 'ж', 'э'],
    ['я', 'ч', 'с', 'м', 'и', 'т', 'ь', 'б', 'ю', 'ё'],
  ],
  // ЙЦУКЕН.
  ru: [
    ['й', 'ц', 'у', 'к', 'е', 'н', 'г', 'ш', 'щ', 'з', 'х', 'ъ'],
    ['ф', 'ы', 'в', 'а', 'п', 'р', 'о', 'л', 'д', 'ж', 'э'],
    ['я', 'ч', 'с', 'м', 'и', 'т', 'ь', 'б', 'ю', 'ё'],
  ],
  // QWERTY.
  latin: [
    ['q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p'],
    ['a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l'],
    ['z', 'x', 'c', 'v', 'b', 'n', 'm'],
  ],
  // Digits as on a phone's keypad, then what phones, addresses and names are written with.
  symbols: [
    ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'],
    ['+', '(', ')', '-', '.', ',', '/', ':', '_', '№'],
  ],
};

/** The digits alone, for a field that takes a whole number. */
export const DIGIT_ROWS: readonly (readonly string[])[] = [LAYOUTS.symbols[0]!];

/** Signs on the bottom row of every letter layout, beside the space bar. */
export const PUNCTUATION: readonly string[] = [',', '.', '-'];

export const LETTER_LAYOUT_OF: { readonly [L in Locale]: LayoutId } = {
  kk: 'kk',
  ru: 'ru',
  en: 'latin',
};

/** The layout a field opens on. */
export function layoutFor(kind: FieldKind, staffLocale: Locale): LayoutId {
  switch (kind) {
    case 'phone':
    case 'number':
      return 'symbols';
    case 'url':
      return 'latin';
    case 'text':
      return LETTER_LAYOUT_OF[staffLocale];
  }
}

/** A field's text and selection (start = end: the caret). */
export interface EditState {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

/** No limit, as an input's `maxLength` reports it. */
const NO_LIMIT = -1;

const clampSelection = (s: EditState): EditState => {
  const start = Math.max(0, Math.min(s.start, s.value.length));
  const end = Math.max(start, Math.min(s.end, s.value.length));
  return { value: s.value, start, end };
};

/**
 * Types `text` over the selection, or at the caret. With a maxlength, only what fits is
 * typed, as a browser does; nothing at all when the field is full.
 */
export function insertText(state: EditState, text: string, maxLength = NO_LIMIT): EditState {
  const s = clampSelection(state);
  const kept = s.value.length - (s.end - s.start);
  const room = maxLength < 0 ? Infinity : Math.max(0, maxLength - kept);
  const typed = [...text].slice(0, room).join('');
  if (typed === '') return s;
  const caret = s.start + typed.length;
  return {
    value: s.value.slice(0, s.start) + typed + s.value.slice(s.end),
    start: caret,
    end: caret,
  };
}

/** Deletes the selection, or the character before the caret (a whole one, surrogates too). */
export function deleteBackward(state: EditState): EditState {
  const s = clampSelection(state);
  if (s.start !== s.end)
    return {
      value: s.value.slice(0, s.start) + s.value.slice(s.end),
      start: s.start,
      end: s.start,
    };
  if (s.start === 0) return s;
  const before = [...s.value.slice(0, s.start)];
  before.pop();
  const head = before.join('');
  return { value: head + s.value.slice(s.start), start: head.length, end: head.length };
}

/** The field's state, where a number input has no selection to read: the caret at the end. */
export function readField(input: HTMLInputElement): EditState {
  const { value } = input;
  let start: number | null = null;
  let end: number | null = null;
  try {
    ({ selectionStart: start, selectionEnd: end } = input);
  } catch {
    // Number inputs throw on reading a selection in some engines; they have none.
  }
  return { value, start: start ?? value.length, end: end ?? start ?? value.length };
}

/**
 * Writes an edit into the field and tells Vue, as typing would: an `input` event, so v-model
 * follows; the caret is put after what was typed where the field has one.
 */
export function writeField(input: HTMLInputElement, next: EditState): void {
  if (input.value === next.value) return;
  input.value = next.value;
  try {
    input.setSelectionRange(next.start, next.end);
  } catch {
    // A number input has no caret to place.
  }
  input.dispatchEvent(new Event('input', { bubbles: true }));
}
