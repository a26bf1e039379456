import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// the same Content-Security-Policy as index.html's meta tag, also sent as a header by the preview server
const CSP = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync('index.html', 'utf8'))![1]!;

// Cross-origin isolation (COOP + COEP) unlocks SharedArrayBuffer, so tfjs picks its multi-threaded wasm binary;
// everything the app loads is same-origin, so require-corp costs nothing.
const ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

export default defineConfig({
  plugins: [react()],
  base: './',
  // the worker is not minified: tfjs's threaded wasm sends its Emscripten factory to the pthread workers as
  // source text (fn.toString()), which breaks once names are mangled or folded ('e is not defined',
  // '_scriptDir is not defined'; tfjs#4539). vite build reports it at ~1.27 MB.
  worker: { format: 'es', rolldownOptions: { output: { minify: false } } },
  // optimise tfjs up front: discovered late (from the worker), it makes the dev server reload the page
  optimizeDeps: {
    include: [
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-backend-cpu',
      '@tensorflow/tfjs-backend-wasm',
      '@tensorflow/tfjs-backend-webgpu',
    ],
  },
  server: { host: '127.0.0.1', port: 5173, headers: ISOLATION },
  preview: { host: '127.0.0.1', port: 4173, headers: { 'Content-Security-Policy': CSP, ...ISOLATION } },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
});
