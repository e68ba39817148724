// The import worker when running from source (tests, the CLI, the bridge): the worker
// itself is TypeScript, so it is loaded through tsx, as electron/cli/bin.mjs does. The
// packaged app runs the bundled check-worker.cjs instead.
import { register } from 'tsx/esm/api';

// pdf.js and pdf-lib are large plain JavaScript: loaded before tsx's hooks are in place
// they take 0.3 s instead of 3.5 s (the hooks would transform them), and later imports
// find them loaded.
await Promise.all([
  import('pdfjs-dist/legacy/build/pdf.mjs'),
  import('pdfjs-dist/legacy/build/pdf.worker.mjs'),
  import('pdf-lib'),
  import('exifr'),
  import('sharp'),
]);
register();
await import('./check-worker.ts');
