import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

/*
 * Bundles the Electron main process and the preload script into dist-electron/ (see
 * package.json "main"). Both are CommonJS: a sandboxed preload cannot be an ES module, and
 * main stays CJS to match it and to load native modules with plain require().
 *
 * Native modules and Electron itself stay external: they are resolved from node_modules at
 * run time (electron-builder rebuilds the native ones for Electron's ABI and unpacks them
 * from the asar archive).
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist-electron');

const EXTERNAL = [
  'electron',
  'better-sqlite3',
  'sharp',
  '@img/*',
  // pdf.js loads its worker, fonts and character maps from its own folder at run time;
  // its canvas is native; qpdf reads its .wasm beside it.
  'pdfjs-dist',
  'pdfjs-dist/*',
  '@napi-rs/*',
  '@neslinesli93/qpdf-wasm',
  // HarfBuzz's font subsetter loads its .wasm from its own folder; the CJK fonts are files.
  'subset-font',
  'harfbuzzjs',
  '@embedpdf/fonts-sc',
  // libheif in WebAssembly is 8 MB of JavaScript: loaded from node_modules when a HEIC photo
  // comes, not parsed with the main bundle at every start.
  'heic-decode',
  // Prints through the SumatraPDF.exe it ships, found beside its own code (unpacked from asar).
  'pdf-to-printer',
  'libheif-js',
  'bufferutil',
  'utf-8-validate',
  'fsevents',
  '*.node',
];

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Electron 38 ships Node 22.
  target: 'node22',
  external: EXTERNAL,
  sourcemap: true,
  logLevel: 'info',
  absWorkingDir: root,
  define: {
    'process.env.NODE_ENV': JSON.stringify(process.env.NODE_ENV ?? 'production'),
    // Modules find files beside themselves through import.meta.url (createRequire, the
    // import worker); CommonJS has no import.meta, so each bundle supplies its own URL.
    'import.meta.url': '__bundleUrl',
  },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  build({
    ...common,
    // check-worker: the import's worker thread (electron/core/materials/check-pool.ts);
    entryPoints: {
      main: path.join(root, 'electron/main/main.ts'),
      'check-worker': path.join(root, 'electron/core/materials/check-worker.ts'),
      // bind-worker: binding volumes off the main thread (electron/core/binder/bind-in-worker.ts).
      'bind-worker': path.join(root, 'electron/core/binder/bind-worker.ts'),
    },
    outdir,
    outExtension: { '.js': '.cjs' },
  }),
  build({
    ...common,
    entryPoints: { preload: path.join(root, 'electron/preload/preload.ts') },
    outdir,
    outExtension: { '.js': '.cjs' },
    // A sandboxed preload gets only a small require() (electron, events, timers, url…): it
    // must not pull anything else in at run time, so everything but electron is bundled.
    external: ['electron'],
    // …and it uses no import.meta, so it needs no bundle URL (its require() may lack node:url).
    banner: {},
  }),
]);
