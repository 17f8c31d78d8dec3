import { resolve } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { loadContentOrThrow } from '../../scripts/read-content';
import { buildPlan, type Answers } from '../../core/visit/plan';
import type { Locale } from '../../core/locales';
import type { Place } from '../../core/place';

export const content = loadContentOrThrow(resolve(import.meta.dirname, '../../content'));

/** The plan the kiosk must show for these answers, as step ids in order. */
export function expectedPlan(answers: Answers, place: Place = 'bank'): string[] {
  return buildPlan(content, { answers, place }).map((p) => p.stepId);
}

export function stepTitle(id: string, locale: Locale): string {
  return content.steps.find((s) => s.id === id)!.title[locale];
}

/** Saves a screenshot of the current screen among the test's output, named in visit order. */
export async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath('screens', `${name}.png`) });
}

/**
 * Touches the attract screen, chooses the language and answers every triage question; a question
 * the answers leave out is answered "not sure" (which the plan reads as it reads no answer).
 */
export async function answerTriage(
  page: Page,
  locale: Locale,
  answers: Answers,
  onScreen: (name: string) => Promise<void> = async () => {},
): Promise<void> {
  await onScreen('01-attract');
  await page.getByTestId('attract').click();
  await onScreen('02-language');
  await page.getByTestId(`language-${locale}`).click();
  for (const [i, q] of content.questions.entries()) {
    await page.getByRole('heading', { level: 1, name: q.title[locale] }).waitFor();
    for (const option of answers[q.id] ?? ['not-sure'])
      await page.getByTestId(`option-${option}`).click();
    await onScreen(`03-question-${i + 1}`);
    await page.getByTestId('next').click();
  }
}

/**
 * A whole visit past every screen a visitor can meet, calling `onScreen` on each: the triage
 * screens (as answerTriage names them), 'overview', each step ('step-<index>-<id>'), 'summary',
 * the 'start-over' dialog (then cancelled), the first document offered ('document'), 'preview',
 * the 'finish-ask' question and 'goodbye'.
 */
export async function visitEveryScreen(
  page: Page,
  locale: Locale,
  answers: Answers,
  onScreen: (name: string) => Promise<void>,
): Promise<void> {
  await answerTriage(page, locale, answers, onScreen);
  await onScreen('overview');
  await page.getByTestId('next').click();
  for (const [i, id] of expectedPlan(answers).entries()) {
    await onScreen(`step-${i}-${id}`);
    await page.getByTestId('next').click();
  }
  await onScreen('summary');
  await page.getByTestId('start-over').click();
  await onScreen('start-over');
  await page.getByTestId('cancel-start-over').click();
  const documents = page.locator('[data-testid="documents-offer"] button');
  if ((await documents.count()) > 0) {
    await documents.first().click();
    await page.getByTestId('document-preview').waitFor();
    await onScreen('document');
    await page.getByTestId('back').click();
  }
  await page.getByTestId('print-plan').click();
  await onScreen('preview');
  await page.getByTestId('finish').click();
  await onScreen('finish-ask');
  await page.getByTestId('finish-leave').click();
  await onScreen('goodbye');
}
