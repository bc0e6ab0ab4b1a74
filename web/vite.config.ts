import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The dashboard: `npm run build` writes web/dist, which the API serves at `/`. In development
 * (`npm run web:dev`) Vite serves it on :5173 and passes /api to the API on :3000 (`KAPAL_API` to change).
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The first load is checked against a budget (scripts/bundle-budget.ts); pages load on demand.
    chunkSizeWarningLimit: 400,
  },
  server: { proxy: { '/api': process.env.KAPAL_API ?? 'http://127.0.0.1:3000' } },
});
