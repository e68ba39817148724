import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The build config lives in build/ so renderer/ holds only browser code.
const root = fileURLToPath(new URL('../renderer/', import.meta.url));

export default defineConfig({
  root,
  // Relative asset URLs: the same build is served from app://taizhang/ (Electron) and
  // from http://127.0.0.1:PORT/ (the browser bridge).
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../renderer/dist', import.meta.url)),
    emptyOutDir: true,
    // The app runs from local disk, so one large chunk costs nothing on the wire; only
    // warn when something really unexpected lands in the bundle.
    chunkSizeWarningLimit: 2000,
    target: 'chrome120',
  },
  server: { host: '127.0.0.1' },
});
