import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      registerType: 'prompt',
      includeAssets: ['icon.svg', 'apple-touch-icon.png', 'favicon-64.png'],
      manifest: {
        name: 'Uppföljning – mål, uppdrag och ekonomi',
        short_name: 'Uppföljning',
        description: 'Följ upp kommunens mål, uppdrag och ekonomi och läs rapporterna.',
        lang: 'sv-SE',
        theme_color: '#1f4e79',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: '/',
        scope: '/',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        navigateFallback: '/index.html',
        // The import's files and answers come from the server, never the app's shell.
        navigateFallbackDenylist: [/^\/graphql/, /^\/healthz/, /^\/readyz/, /^\/import\//],
      },
    }),
  ],
  server: {
    proxy: {
      '/graphql': 'http://127.0.0.1:4000',
      // The import's upload and templates; the page /import itself is the app's.
      '/import': {
        target: 'http://127.0.0.1:4000',
        bypass: (req) => (req.method === 'GET' && !req.url?.startsWith('/import/') ? req.url : undefined),
      },
    },
  },
  build: {
    target: 'es2022',
  },
});
