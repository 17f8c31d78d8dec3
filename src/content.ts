import content from 'virtual:kiosk-content';
import type { Content, PhoneNumber, Step } from '../core/content/model';
import { contentProblem } from '../core/content/content-check';
import type { KioskApi } from '../core/kiosk/kiosk-api';

/**
 * The content in use: the validated checklist compiled into the page at build time, or the
 * active content pack (docs/content-packs.md) that main hands over at start. A live binding:
 * modules that read `kioskContent` when a screen draws see the pack's content.
 */
export let kioskContent: Content = content;
/** The content compiled into the page: the floor, and what serves when no pack is active. */
export const bundledContent: Content = content;

let stepsById = new Map(kioskContent.steps.map((s) => [s.id, s]));
let numbersById = new Map(kioskContent.numbers.map((n) => [n.id, n]));

function use(next: Content): void {
  kioskContent = next;
  stepsById = new Map(next.steps.map((s) => [s.id, s]));
  numbersById = new Map(next.numbers.map((n) => [n.id, n]));
}

/**
 * At start, before the first screen: the active content pack, checked again here, or the
 * bundled content when there is none or it fails the check (never an error on screen). The
 * pack changes only between visits: the page reloads then (App.vue), so a visit never sees
 * two contents.
 */
export async function loadActiveContent(
  kiosk: Pick<KioskApi, 'getContentPack'>,
): Promise<'bundled' | 'pack'> {
  const offer = await kiosk.getContentPack().catch(() => null);
  // Never below the bundled content, and never content the page could not draw.
  if (
    !offer ||
    contentProblem(offer.content) !== null ||
    offer.content.meta.checkedAsOf < bundledContent.meta.checkedAsOf
  )
    return 'bundled';
  use(offer.content);
  return 'pack';
}

export function stepById(id: string): Step {
  const step = stepsById.get(id);
  // Unreachable with validated content: the plan only names steps that exist.
  if (!step) throw new Error(`unknown step ${id}`);
  return step;
}

export function numbersOf(step: Step): PhoneNumber[] {
  return step.numbers.flatMap((id) => numbersById.get(id) ?? []);
}

let reloadWanted = false;

/**
 * On the attract screen, after a visit was wiped: main applies a pending content pack now, and
 * the page reloads to take it, if it is still on the attract screen (a visitor who touched in
 * the meantime keeps this content; the reload waits for the next attract screen).
 */
export async function takeContentBetweenVisits(
  kiosk: Pick<KioskApi, 'betweenVisits'> | null,
  stillOnAttract: () => boolean,
  reload: () => void = () => location.reload(),
): Promise<void> {
  reloadWanted ||= (await kiosk?.betweenVisits().catch(() => false)) ?? false;
  if (reloadWanted && stillOnAttract()) reload();
}
