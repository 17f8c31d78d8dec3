import { computed, effectScope } from 'vue';
import { getActivePinia } from 'pinia';
import { buildSheet, phoneText } from '../../core/visit/sheet';
import { buildPlan } from '../../core/visit/plan';
import { URGENCIES, type Urgency } from '../../core/content/model';
import { URGENCY_LABELS } from '../labels';
import { kioskContent } from '../content';
import { useAnswersStore } from '../stores/answers';
import { useKioskStore } from '../stores/kiosk';
import { usePlanStore } from '../stores/plan';
import { useVisit } from './use-visit';

/**
 * The visitor's action sheet and its plan-on-your-phone text, from the visit as it stands; or,
 * for staff's test page, a sample sheet from no answers at all (which plans every step).
 */
export function useSheet(options: { sample?: boolean } = {}) {
  // The preview, the print root and the print screen share one sheet per kiosk page: built once
  // for the visit as it stands (not three times), with one printed time for all three.
  const pinia = getActivePinia();
  const key = options.sample ? 'sample' : 'visit';
  const cached = pinia && SHARED.get(pinia)?.[key];
  if (cached) return cached;
  const scope = effectScope(true);
  const sheet = scope.run(() => buildSheetRefs(options))!;
  if (pinia) SHARED.set(pinia, { ...SHARED.get(pinia), [key]: sheet });
  return sheet;
}

type SheetRefs = ReturnType<typeof buildSheetRefs>;
const SHARED = new WeakMap<object, Partial<Record<'visit' | 'sample', SheetRefs>>>();

function buildSheetRefs(options: { sample?: boolean }) {
  const answers = useAnswersStore();
  const plan = usePlanStore();
  const kiosk = useKioskStore();
  const { t, locale } = useVisit();

  const model = computed(() => {
    const visitAnswers = options.sample ? {} : answers.answers;
    return buildSheet({
      content: kioskContent,
      plan: buildPlan(kioskContent, { answers: visitAnswers, place: kiosk.settings.branchType }),
      statuses: options.sample ? {} : plan.statuses,
      answers: visitAnswers,
      locale: locale.value,
      bilingual: kiosk.settings.bilingualSheet,
      branchName: kiosk.settings.branchName,
      place: kiosk.settings,
      printedAt: new Date(),
    });
  });

  const phone = computed(() =>
    phoneText(model.value, {
      title: t('titleSheet'),
      urgency: Object.fromEntries(URGENCIES.map((u) => [u, t(URGENCY_LABELS[u])])) as Record<
        Urgency,
        string
      >,
      done: t('titleSheetDone'),
      phones: t('labelSheetPhones'),
    }),
  );

  return { model, phone, paper: computed(() => kiosk.settings.paper) };
}
