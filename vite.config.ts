import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console's build: apps/web is the app root; the BFF serves apps/web/dist.
// In `vite dev`, API and socket.io calls go to a BFF running on BFF_URL.
const bffUrl = process.env.BFF_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root: 'apps/web',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: {
      '/api': bffUrl,
      '/socket.io': { target: bffUrl, ws: true },
    },
  },
});
