// The import worker when running from source (tests, the CLI, the bridge): the worker
// itself is TypeScript, so it is loaded through tsx, as electron/cli/bin.mjs does. The
// packaged app runs the bundled check-worker.cjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./check-worker.ts');
