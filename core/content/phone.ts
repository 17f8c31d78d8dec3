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
