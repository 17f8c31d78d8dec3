import { describe, expect, it } from 'vitest';
import { isWellFormedPhone, normalizePhone } from '../../../core/content/phone';

describe('normalizePhone', () => {
  it.each([
    ['+7 (727) 250-00-00', '+7 727 250 00 00'],
    ['8 727 250 00 00', '+7 727 250 00 00'],
    ['87272500000', '+7 727 250 00 00'],
    ['+77272500000', '+7 727 250 00 00'],
    ['77272500000', '+7 727 250 00 00'],
    ['8 (727) 250-00-00', '+7 727 250 00 00'],
    ['+7 701 123 45 67', '+7 701 123 45 67'],
    ['8 (7172) 55-00-00', '+7 7172 55 00 00'],
    ['+77252123456', '+7 7252 12 34 56'],
    ['8 777 123 4567', '+7 777 123 45 67'],
    ['8.701.123.45.67', '+7 701 123 45 67'],
    ['  8 701 1234567 ', '+7 701 123 45 67'],
    ['8\u00a0727\u00a0250\u201300\u201300', '+7 727 250 00 00'],
    ['＋７ ７２７ ２５０ ００ ００', '+7 727 250 00 00'],
  ])('writes %j as %j', (written, shown) => {
    expect(normalizePhone(written)).toBe(shown);
  });

  it.each([
    ['8-800-080-7777', '8 800 080 77 77'],
    ['8 (800) 080 77 77', '8 800 080 77 77'],
    ['+7 800 080 7777', '8 800 080 77 77'],
  ])('keeps a toll-free number with 8: %j as %j', (written, shown) => {
    expect(normalizePhone(written)).toBe(shown);
  });

  it.each([
    ['102', '102'],
    ['1414', '1414'],
    [' 112 ', '112'],
    ['14-14', '1414'],
  ])('keeps a short service number: %j as %j', (written, shown) => {
    expect(normalizePhone(written)).toBe(shown);
  });

  it.each([
    '',
    '   ',
    '12',
    '12345',
    '727 250 00 00',
    '+8 727 250 00 00',
    '+1 727 250 00 00',
    '+7 727 250 00 0',
    '8 727 250 00 000',
    '+102',
    '8 727 250 00 0a',
    'tel:87272500000',
    '+7 ((727)) 250 00 00',
    '+7 (727 250 00 00',
    '+7 727) 250 00 00',
    '+7 (7a7) 250 00 00',
    '+7 () 7272500000',
    '++77272500000',
    '8 727 250 00 00 ext 5',
  ])('refuses %j', (written) => {
    expect(normalizePhone(written)).toBeNull();
  });

  it('gives only forms the kiosk accepts as dialled, and the same form again', () => {
    for (const written of ['+7 (727) 250-00-00', '8-800-080-7777', '1414', '87012345678']) {
      const shown = normalizePhone(written)!;
      expect(isWellFormedPhone(shown)).toBe(true);
      expect(normalizePhone(shown)).toBe(shown);
    }
  });
});
