/**
 * Builds the web client (client/ → client/dist), served by the server at `/`. `npm run dev:client` serves it with
 * hot reload and proxies the API, the live stream and the collaboration endpoint to a server on port 3000.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const backend = process.env.LOILIVE_DEV_BACKEND ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  // Preact's automatic JSX runtime: no React, no compat layer.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Hashed names under assets/ are what the server caches for a year.
    assetsDir: 'assets',
  },
  server: {
    proxy: {
      '/api': backend,
      '/health': backend,
      '/collab': { target: backend, ws: true },
      '/socket.io': { target: backend, ws: true },
    },
  },
});
