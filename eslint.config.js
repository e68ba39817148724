// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Node built-ins, Electron and native modules: what pure and browser layers must never import. */
const NODE_ONLY = [
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'stream',
  'http',
  'https',
  'net',
  'url',
  'util',
  'worker_threads',
  'zlib',
  'events',
  'buffer',
  'electron',
  'better-sqlite3',
  'sharp',
];

/** Bare module names are matched exactly (so './events' is not 'events'); patterns catch subpaths. */
const restrict = (names, patterns, message) => ({
  'no-restricted-imports': [
    'error',
    { paths: names.map((name) => ({ name, message })), patterns: [{ group: patterns, message }] },
  ],
});
const NODE_PATTERNS = ['node:*', 'fs/*', 'stream/*', 'electron/*'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-electron/',
      'renderer/dist/',
      'release/',
      'test-results/',
      'demo-output/',
      '.tsbuild/',
      'coverage/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true, named: true, defaultFrom: true } }],
    },
  },
  // Layer rules (DESIGN.md): shared is pure; renderer talks to the core only through the contract;
  // the core runs under plain Node and never touches Electron.
  {
    files: ['shared/**/*.ts'],
    rules: restrict(NODE_ONLY, NODE_PATTERNS, 'shared/ 必须是纯 TypeScript：不能引用 Node、Electron 或原生模块。'),
  },
  {
    files: ['renderer/src/**/*.ts', 'renderer/src/**/*.tsx'],
    languageOptions: { globals: globals.browser },
    rules: restrict(
      NODE_ONLY,
      [...NODE_PATTERNS, '**/electron/**'],
      'renderer/ 运行在浏览器中：只能通过 shared/ipc 的契约访问核心，不能引用 Node、Electron 或 electron/ 下的代码。',
    ),
  },
  {
    files: ['electron/core/**/*.ts', 'electron/bridge/**/*.ts', 'electron/cli/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: restrict(
      ['electron'],
      ['electron/*', '**/electron/main/**', '**/electron/preload/**', '**/renderer/**'],
      'electron/core、bridge、cli 必须能在纯 Node 下运行：不能引用 electron 或界面代码。',
    ),
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts', 'build/**/*.ts', 'test/**/*.ts', '*.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    // Tool configuration files must export default.
    files: ['*.config.ts', '*.config.js', 'build/vite.renderer.config.ts', 'eslint.config.js'],
    rules: { 'no-restricted-exports': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { globals: globals.node },
  },
);
