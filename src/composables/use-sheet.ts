import { computed, effectScope, ref, watch } from 'vue';
import { getActivePinia } from 'pinia';
import { useI18n } from 'vue-i18n';
import { buildSheet, paperLocales, phoneText, type PhoneTextLabels } from '../../core/visit/sheet';
import { encodePlanLink, planLinkUrl } from '../../core/visit/plan-link';
import { localDate } from '../../core/kiosk/counters';
import type { Locale } from '../../core/locales';
import { fitSheet } from '../../core/visit/sheet-fit';
import type { MessageSchema } from '../i18n';
import { buildPlan } from '../../core/visit/plan';
import { URGENCIES, type Urgency } from '../../core/content/model';
import { URGENCY_LABELS } from '../labels';
import { kioskContent } from '../content';
import { useAnswersStore } from '../stores/answers';
import { useKioskStore } from '../stores/kiosk';
import { usePlanStore } from '../stores/plan';
import { usePrintStore } from '../stores/print';
import { useVisit } from './use-visit';
import { onVisitEnd } from '../session/visit-end';

/**
 * The visitor's action sheet (whole, and fitted to two A4 pages) and its plan-on-your-phone text, from the visit as it stands; or,
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
  // A computed value keeps its last result until it is read again: at the end of a visit the
  // sheet is computed anew from the emptied stores, so no screen-less copy of the visitor's
  // sheet or phone code (which holds their answers) stays in memory until the next visit.
  if (!options.sample) onVisitEnd(() => forgetVisit(sheet));
  return sheet;
}

type SheetRefs = ReturnType<typeof buildSheetRefs>;

function forgetVisit(sheet: SheetRefs): void {
  void sheet.model.value;
  void sheet.fitted.value;
  void sheet.phone.value;
}
const SHARED = new WeakMap<object, Partial<Record<'visit' | 'sample', SheetRefs>>>();

function buildSheetRefs(options: { sample?: boolean }) {
  const answers = useAnswersStore();
  const plan = usePlanStore();
  const kiosk = useKioskStore();
  const print = usePrintStore();
  const { locale } = useVisit();
  const { t } = useI18n<{ message: MessageSchema }, Locale>({ useScope: 'global' });

  const model = computed(() => {
    const visitAnswers = options.sample ? {} : answers.answers;
    return buildSheet({
      content: kioskContent,
      plan: buildPlan(kioskContent, { answers: visitAnswers, place: kiosk.settings.branchType }),
      statuses: options.sample ? {} : plan.statuses,
      answers: visitAnswers,
      branchName: kiosk.settings.branchName,
      place: kiosk.settings,
      printedAt: new Date(),
    });
  });

  /** The paper's languages: the one the visitor chose for it (else the screen's), and a second. */
  const locales = computed(() =>
    paperLocales(print.paperLocale ?? locale.value, kiosk.settings.bilingualSheet),
  );

  const labelsIn = (l: Locale): PhoneTextLabels => ({
    title: t('titleSheet', {}, { locale: l }),
    urgency: Object.fromEntries(
      URGENCIES.map((u) => [u, t(URGENCY_LABELS[u], {}, { locale: l })]),
    ) as Record<Urgency, string>,
    done: t('titleSheetDone', {}, { locale: l }),
    phones: t('labelSheetPhones', {}, { locale: l }),
  });
  /**
   * What the phone code holds, in one language (each copy of the sheet carries its own): a link
   * to the companion page with the plan in its fragment, where staff set the companion's
   * address; else the plan as plain text.
   */
  const phoneIsLink = computed(() => kiosk.settings.companionUrl !== '');
  const phoneFor = (l: Locale) => {
    if (!phoneIsLink.value) return phoneText(model.value, labelsIn(l), l);
    const answersNow = options.sample ? {} : answers.answers;
    const code = encodePlanLink(kioskContent, {
      locale: l,
      date: localDate(new Date()),
      answers: answersNow,
      plan: buildPlan(kioskContent, { answers: answersNow, place: kiosk.settings.branchType }),
      statuses: options.sample ? {} : plan.statuses,
    });
    return planLinkUrl(kiosk.settings.companionUrl, code);
  };
  /** On screen, the phone code is in the screen's language. */
  const phone = computed(() => phoneFor(locale.value));
  /** A link reads from paper at error correction M; the longer text needs L. */
  const phoneLevel = computed(() => (phoneIsLink.value ? 'M' : 'L') as 'M' | 'L');

  /**
   * How many cuts of SHEET_CUTS the A4 sheet needs to keep to two pages: the print root measures
   * the laid-out sheet and raises it until it fits; it starts again from none when the sheet
   * or its languages change.
   */
  const cuts = ref(0);
  watch([model, locales], () => (cuts.value = 0));
  const fitted = computed(() => fitSheet(model.value, cuts.value));

  return {
    model,
    fitted,
    cuts,
    phone,
    phoneFor,
    phoneIsLink,
    phoneLevel,
    locales,
    paper: computed(() => kiosk.settings.paper),
  };
}
