import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API server during `vite dev`; the built app is served by the server itself on one origin.
const apiTarget = process.env.API_URL ?? 'http://localhost:8090';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/readyz': { target: apiTarget },
      '/epcis': { target: apiTarget },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // bench/web-size.ts reads the manifest to find what the first load fetches.
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 800,
  },
});
