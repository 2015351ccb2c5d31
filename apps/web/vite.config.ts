import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The SPA is served by the API in production and by `npm start`; in development run
// `npm run dev:web` beside `npm run dev:api` and Vite proxies the API.
export default defineConfig({
  root,
  plugins: [react()],
  resolve: { conditions: ['source'] },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // React + Mantine + TanStack Query gzip to ~180 kB; pages are split once there are many.
    chunkSizeWarningLimit: 1000,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000', '/docs': 'http://127.0.0.1:3000' },
  },
});
