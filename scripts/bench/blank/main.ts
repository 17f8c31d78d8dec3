import { createApp, h } from 'vue';

// The baseline for `npm run bench`: Vue and one button, built the way the kiosk page is.
createApp({ render: () => h('main', [h('button', { type: 'button' }, 'Touch')]) }).mount('#app');
performance.mark('kiosk-interactive');
