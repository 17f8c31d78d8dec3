import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { createKioskI18n } from './i18n';
import { resolveKiosk } from './kiosk';
import { useKioskStore } from './stores/kiosk';
import { kioskContent, loadActiveContent } from './content';
import './styles/base.css';

async function start(): Promise<void> {
  const pinia = createPinia();
  const kiosk = useKioskStore(pinia);
  const api = resolveKiosk({
    steps: kioskContent.steps.map((s) => s.id),
    documents: kioskContent.documents.map((d) => d.id),
  });
  // The active content pack, if any, before the first screen (a single local call).
  await loadActiveContent(api);
  await kiosk.load(api);
  const i18n = createKioskI18n(kiosk.settings.defaultLocale);
  createApp(App).use(pinia).use(i18n).mount('#app');
  // The attract screen is up and answers a touch: `npm run bench` reads this mark.
  performance.mark('kiosk-interactive');
}

void start();
