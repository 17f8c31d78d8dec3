/**
 * Which UI messages load with the staff screens rather than at start-up. The locale files stay
 * whole (one per language, edited by hand); the page's build splits each by this rule
 * (scripts/vite-plugin-message-parts.ts): `locales/xx.json?part=start` is what the attract and
 * visitor screens need from the start, `?part=staff` is merged into vue-i18n when the staff
 * screens' chunk loads (src/composables/use-staff-messages.ts).
 *
 * tests/scripts/message-parts.spec.ts checks the rule against the sources: every message that
 * only the staff screens use is in the staff part, and none that anything else uses is.
 */

export const MESSAGE_PARTS = ['start', 'staff'] as const;
export type MessagePart = (typeof MESSAGE_PARTS)[number];

/** The staff screens' own messages, and their on-screen keyboard's. */
const STAFF_SCREENS =
  /^(button|instructions|label|title)(Staff|Keyboard)|^labelCheck(HashesHint|Loading)$/;

/**
 * Staff messages that print or show outside the staff screens, so they stay at start-up: the
 * printed staff card, the readiness report's figures (shared with "Check this kiosk"), and the
 * staff notes on the visitor's step screens.
 */
const ALSO_OUTSIDE_STAFF_SCREENS =
  /^(buttonStaff(Assist(On|Off)|Check|PinEnter)|instructionsStaffCard\w*|labelStaffCard(ItContact|Keep|Kiosk)|titleStaffCard\w*|labelStaffNotes|labelStaffPaper(A4|Receipt)?|labelStaffPrinter(Default|Ready))$/;

export function messagePart(key: string): MessagePart {
  return STAFF_SCREENS.test(key) && !ALSO_OUTSIDE_STAFF_SCREENS.test(key) ? 'staff' : 'start';
}

/** The messages of one part, in the file's order. */
export function messagesOfPart<T>(
  messages: Readonly<Record<string, T>>,
  part: MessagePart,
): Record<string, T> {
  return Object.fromEntries(Object.entries(messages).filter(([key]) => messagePart(key) === part));
}

/** `?part=staff` on a locale file's import, or null for a whole file. */
export function partOfImport(id: string): MessagePart | null {
  const query = id.includes('?') ? new URLSearchParams(id.slice(id.indexOf('?') + 1)) : null;
  const part = query?.get('part');
  if (part === null || part === undefined) return null;
  if (!(MESSAGE_PARTS as readonly string[]).includes(part))
    throw new Error(`${id}: no message part "${part}"; the parts are ${MESSAGE_PARTS.join(', ')}`);
  return part as MessagePart;
}
