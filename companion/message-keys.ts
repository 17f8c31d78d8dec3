/**
 * The UI messages the companion page uses, from locales/*.json: only these are built into it,
 * so the page stays small (its build picks them: vite.companion.config.ts).
 */
export const COMPANION_MESSAGE_KEYS = [
  'titleSheet',
  'labelUrgencyNow',
  'labelUrgencyToday',
  'labelUrgencyThisWeek',
  'titleSheetDone',
  'titleSheetNotRelevant',
  'titleSheetRemember',
  'titleNumbers',
  'titleLinks',
  'titleThen',
  'titleDocuments',
  'labelSheetWarning',
  'labelSheetFree',
  'labelCheckedAsOf',
  'labelLanguageName',
  'labelDocumentLanguage',
  'labelCompanionLanguage',
  'labelCompanionMade',
  'textCompanionPrivacy',
  'buttonForgetPlan',
  'textPlanForgotten',
  'titlePlanUnreadable',
  'textPlanDamaged',
  'textPlanNewer',
  'textPlanOtherContent',
  'textDocumentsHome',
  'buttonShowDocument',
  'buttonPrintHome',
  'buttonHideDocument',
  'labelStepDetails',
] as const;

export type CompanionMessageKey = (typeof COMPANION_MESSAGE_KEYS)[number];
