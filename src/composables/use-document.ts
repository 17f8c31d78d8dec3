import { computed } from 'vue';
import type { DocumentLocale } from '../../core/content/model';
import type { Locale } from '../../core/locales';
import { fillDocument, type FilledDocument } from '../../core/visit/documents';
import { kioskContent } from '../content';
import { useAnswersStore } from '../stores/answers';
import { useKioskStore } from '../stores/kiosk';
import { usePlanStore } from '../stores/plan';
import { usePrintStore } from '../stores/print';
import { useVisit } from './use-visit';

/** Documents print in Kazakh or Russian: a Kazakh screen gives Kazakh, any other Russian. */
export function defaultDocumentLocale(screen: Locale): DocumentLocale {
  return screen === 'kk' ? 'kk' : 'ru';
}

/**
 * One of the visitor's documents, filled in for this visit, in the language chosen for it
 * (whatever the screen's): the same for the preview and the print.
 */
export function useDocument(id: () => string | undefined) {
  const answers = useAnswersStore();
  const plan = usePlanStore();
  const kiosk = useKioskStore();
  const print = usePrintStore();
  const { locale } = useVisit();

  const template = computed(() => kioskContent.documents.find((d) => d.id === id()) ?? null);
  const documentLocale = computed<DocumentLocale>({
    get: () => print.documentLocale ?? defaultDocumentLocale(locale.value),
    set: (l) => (print.documentLocale = l),
  });
  const filled = computed<FilledDocument | null>(() =>
    template.value
      ? fillDocument(
          template.value,
          {
            content: kioskContent,
            plan: plan.items.map((i) => ({ stepId: i.step.id, urgency: i.urgency })),
            answers: answers.answers,
            statuses: plan.statuses,
            place: kiosk.settings.branchType,
            branchName: kiosk.settings.branchName,
            today: new Date(),
          },
          documentLocale.value,
        )
      : null,
  );
  return { template, documentLocale, filled };
}
