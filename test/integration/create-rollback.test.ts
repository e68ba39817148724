// Creation must be all or nothing. A migration that fails mid-way (as a disk error or a bug
// would) is the fault injected here, through the real migration list being replaced.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import type * as Migrations from '../../electron/core/db/migrations';

vi.mock('../../electron/core/db/migrations', async (importOriginal) => {
  const real = await importOriginal<typeof Migrations>();
  return {
    ...real,
    migrations: [
      ...real.migrations,
      {
        version: real.migrations.length + 1,
        name: 'fails',
        up: () => {
          throw new Error('injected failure');
        },
      },
    ],
  };
});

const { createProject } = await import('../../electron/core/project/project');

describe('project creation that fails half way', () => {
  it('removes the folder it made, with nothing left behind', () => {
    const parent = tempDir();
    const dir = path.join(parent, '新项目 2026');
    expect(() => createProject(dir, { name: '单位', year: 2026 }, { userName: '测试' })).toThrow();
    expect(fs.readdirSync(parent)).toEqual([]);
  });

  it('leaves an existing empty folder empty (and in place)', () => {
    const dir = tempDir();
    expect(() => createProject(dir, { name: '单位', year: 2026 }, { userName: '测试' })).toThrow();
    expect(fs.existsSync(dir)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
