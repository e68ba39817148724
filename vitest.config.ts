import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real SQLite files, real PDFs and a real browser: slower than pure unit tests.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores here and in CI; the e2e browser is heavy, so keep files from oversubscribing.
    maxWorkers: 2,
    minWorkers: 1,
    // Each test file already runs beside another one on these 2 cores: one import thread per
    // file (instead of one per core) keeps vitest's own process from being starved.
    env: { TAIZHANG_IMPORT_THREADS: '1' },
  },
});
