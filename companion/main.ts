import { createApp } from 'vue';
import App from './App.vue';
import './companion.css';

createApp(App).mount('#app');

// After the first visit the page works with no network: the service worker keeps its files.
if ('serviceWorker' in navigator && import.meta.env.PROD)
  navigator.serviceWorker.register('./sw.js').catch(() => {
    // Not available (a private window, say): the page still works while online.
  });
