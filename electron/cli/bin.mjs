#!/usr/bin/env node
// The package's `taizhang` command: loads the TypeScript CLI through tsx's loader so
// the installed package needs no separate build step.
import { register } from 'tsx/esm/api';

process.env.TAIZHANG_CLI_ENTRY = '1';
register();
await import('./main.ts');
