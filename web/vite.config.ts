import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The dashboard: built into web/dist, which the service serves; `vite` alone proxies /api to it. */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // ECharts is code-split (lazy chart component), so the first page stays small.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: { '/api': process.env.CLAIRSCORE_API ?? 'http://localhost:3000' },
  },
});
