import { markRaw, shallowReactive, type Component } from 'vue';

/**
 * Everything the attract screen does not need, in chunks of its own: the attract screen is
 * interactive sooner (docs/performance.md), and the rest loads right after it, long before a
 * visitor's first touch is answered.
 */
const LOADERS = {
  TriagePage: () => import('./pages/TriagePage.vue'),
  OverviewPage: () => import('./pages/OverviewPage.vue'),
  StepPage: () => import('./pages/StepPage.vue'),
  SummaryPage: () => import('./pages/SummaryPage.vue'),
  PreviewPage: () => import('./pages/PreviewPage.vue'),
  DocumentPage: () => import('./pages/DocumentPage.vue'),
  PrintingPage: () => import('./pages/PrintingPage.vue'),
  GoodbyePage: () => import('./pages/GoodbyePage.vue'),
  PrintRoot: () => import('./components/print/PrintRoot.vue'),
  StaffEntry: () => import('./components/staff/StaffEntry.vue'),
  StaffPanel: () => import('./components/staff/StaffPanel.vue'),
} as const;

export type LazyName = keyof typeof LOADERS;

/** The components loaded so far; a screen whose component is not here yet shows a moment later. */
export const lazyScreens = shallowReactive<Partial<Record<LazyName, Component>>>({});

let loading: Promise<void> | null = null;

/** Loads every lazy component once; later calls share the first one's promise. */
export function loadLazyScreens(): Promise<void> {
  loading ??= Promise.all(
    (Object.entries(LOADERS) as [LazyName, () => Promise<{ default: Component }>][]).map(
      async ([name, load]) => {
        lazyScreens[name] = markRaw((await load()).default);
      },
    ),
  ).then(() => undefined);
  return loading;
}
