import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      registerType: 'prompt',
      manifest: {
        name: 'Uppföljning – mål, uppdrag och ekonomi',
        short_name: 'Uppföljning',
        description: 'Följ upp kommunens mål, uppdrag och ekonomi och läs rapporterna.',
        lang: 'sv-SE',
        theme_color: '#1f4e79',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: '/',
      },
      workbox: {
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/graphql/, /^\/healthz/, /^\/readyz/],
      },
    }),
  ],
  server: {
    proxy: { '/graphql': 'http://127.0.0.1:4000' },
  },
  build: {
    target: 'es2022',
  },
});
