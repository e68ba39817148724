// The binder's worker (binding, the 网上申报 export) when running from source (tests, the
// CLI, the bridge): the worker is TypeScript, so it is loaded through tsx, as
// check-worker-source.mjs does for the importer. The packaged app runs a bundled
// bind-worker.cjs instead.
import { register } from 'tsx/esm/api';

// Large plain JavaScript loaded before tsx's hooks are in place (much faster to load).
await Promise.all([import('pdf-lib'), import('@pdf-lib/fontkit'), import('subset-font'), import('sharp')]);
register();
await import('./bind-worker.ts');
