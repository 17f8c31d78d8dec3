/**
 * A phone number as people dial it: a short service number of 3 or 4 digits (102, 1414), or a
 * full Kazakhstan number of 8 or +7 and ten digits, grouped by single spaces.
 */
const SHORT = /^\d{3,4}$/;
const FULL = /^(?:8|\+7)\d{10}$/;
const GROUPED = /^\+?\d+(?: \d+)*$/;

export function isWellFormedPhone(dial: string): boolean {
  if (!GROUPED.test(dial)) return false;
  const digits = dial.replaceAll(' ', '');
  return SHORT.test(digits) || FULL.test(digits);
}

/** Marks people put between digits when they write a number down: spaces, dashes, dots. */
const SEPARATORS = /[\s\u00a0\u2010-\u2015.-]+/g;
/** Toll-free numbers are written and dialled with 8 in Kazakhstan (8 800 …), others with +7. */
const FREE_PREFIX = '800';

/**
 * A phone number in any of the common written forms ("+7 (727) 250-00-00", "8 727 250 00 00",
 * "87272500000", "+77272500000", "8-800-080-7777", "102", "1414"), in the one form the kiosk
 * shows and prints: "+7 727 250 00 00", "+7 7172 55 00 00", "8 800 080 77 77", "102". Null when it is not a number
 * of Kazakhstan or a short service number. The result always passes `isWellFormedPhone`.
 */
export function normalizePhone(written: string): string | null {
  // NFKC turns full-width digits and brackets into plain ones.
  let s = written.normalize('NFKC').trim();
  const plus = s.startsWith('+');
  if (plus) s = s.slice(1);
  // At most one pair of brackets, around digits only: "(727)", "8 (800)".
  const open = s.indexOf('(');
  const close = s.indexOf(')');
  if (open !== s.lastIndexOf('(') || close !== s.lastIndexOf(')')) return null;
  if ((open === -1) !== (close === -1)) return null;
  if (open !== -1) {
    if (!/^\d+$/.test(s.slice(open + 1, close).replace(SEPARATORS, ''))) return null;
    s = `${s.slice(0, open)} ${s.slice(open + 1, close)} ${s.slice(close + 1)}`;
  }
  const digits = s.replace(SEPARATORS, '');
  if (!/^\d+$/.test(digits)) return null;
  if (!plus && SHORT.test(digits)) return digits;
  let national: string;
  if (plus && /^7\d{10}$/.test(digits)) national = digits.slice(1);
  else if (!plus && /^[78]\d{10}$/.test(digits)) national = digits.slice(1);
  else return null;
  // Almaty's code (727) and every mobile and toll-free code have 3 digits and 7-digit numbers;
  // the other cities' codes (71xx, 72xx: Astana 7172, Shymkent 7252) have 4 and 6-digit numbers.
  const cityOf4 = /^7[12]/.test(national) && !national.startsWith('727');
  const grouped = (
    cityOf4
      ? [national.slice(0, 4), national.slice(4, 6), national.slice(6, 8), national.slice(8)]
      : [national.slice(0, 3), national.slice(3, 6), national.slice(6, 8), national.slice(8)]
  ).join(' ');
  return national.startsWith(FREE_PREFIX) ? `8 ${grouped}` : `+7 ${grouped}`;
}
