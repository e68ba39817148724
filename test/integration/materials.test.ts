import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { createProject, openProject } from '../../electron/core/project/project';
import { verifyProject } from '../../electron/core/project/verify';
import { historyOf, listMaterials, updateMaterials } from '../../electron/core/materials/material-repo';
import type { AddReport, Material } from '../../shared/materials/api-types';
import { pdf, photo } from '../fixtures/evidence-files';
import { workbook } from '../fixtures/workbooks';
import { spawnTs, waitForExit, waitForOutput } from '../helpers/node-child';
import { tempDir } from '../helpers/temp-dir';

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) });
  return { code, stdout, stderr };
}
const json = async <T>(...argv: string[]): Promise<T> => {
  const r = await cli(...argv, '--json');
  if (r.code !== 0) throw new Error(`${argv.join(' ')} → ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
};

describe('materials from the command line', () => {
  let dir: string;
  let src: string;

  beforeAll(async () => {
    dir = path.join(tempDir(), '材料 项目');
    expect((await cli('init', dir, '--name', '文明办')).code).toBe(0);
    const sheet = path.join(tempDir(), '体系.xlsx');
    fs.writeFileSync(
      sheet,
      workbook([
        {
          name: '体系',
          rows: [
            ['一级指标', '二级指标'],
            ['A1 组织领导', 'A1.1 领导小组'],
            ['', 'A1.2 工作例会'],
          ],
        },
      ]),
    );
    expect((await cli('system', 'import', dir, sheet)).code).toBe(0);
    src = tempDir('收到的 材料');
    fs.writeFileSync(path.join(src, '领导小组成立文件.pdf'), await pdf(2));
    fs.writeFileSync(path.join(src, '例会照片20240410.jpg'), await photo({ seed: 2 }));
    fs.writeFileSync(path.join(src, '空的.pdf'), '');
  });

  it('add prints added, duplicates and failed, links with --indicator, and exits 1 when a file failed', async () => {
    const r = await cli('add', dir, src, '--indicator', 'A1.1', '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as AddReport;
    const byTitle = (x: unknown[], y: unknown[]) => String(x[0]).localeCompare(String(y[0]));
    expect(report.added.map((a) => [a.title, a.files, a.pages]).sort(byTitle)).toEqual(
      [
        ['领导小组成立文件', 1, 2],
        ['例会照片20240410', 1, 1],
      ].sort(byTitle),
    );
    expect(report.added.every((a) => /^[0-9a-f]{64}$/.test(a.sha256))).toBe(true);
    expect(report.failed).toEqual([
      { path: path.join(src, '空的.pdf'), code: 'EMPTY', message: expect.stringContaining('空文件') },
    ]);
    expect(r.stderr).toMatch(/失败：.*空的\.pdf/);
    const again = await cli('add', dir, path.join(src, '领导小组成立文件.pdf'), '--json');
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as AddReport).duplicates).toHaveLength(1);
    const linked = await json<Material[]>('materials', dir, '--indicator', 'A1.1');
    expect(linked).toHaveLength(2);
  });

  it('links, sets, changes status, trashes and restores', async () => {
    const all = await json<Material[]>('materials', dir);
    const first = all.find((m) => m.title === '领导小组成立文件');
    const second = all.find((m) => m.title === '例会照片20240410');
    expect((await cli('link', dir, String(first!.id), '--indicator', 'A1.2')).code).toBe(0);
    expect((await json<Material[]>('materials', dir, '--indicator', 'A1.2')).map((m) => m.id)).toEqual([first!.id]);
    expect((await cli('unlink', dir, String(first!.id), '--indicator', 'A1.2')).code).toBe(0);
    expect(await json<Material[]>('materials', dir, '--indicator', 'A1.2')).toEqual([]);

    const set = await json<Material[]>(
      'set',
      dir,
      String(first!.id),
      String(second!.id),
      '--type',
      '会议记录',
      '--date',
      '2024-04-11',
    );
    expect(set.map((m) => [m.type, m.date, m.dateSource])).toEqual([
      ['会议记录', '2024-04-11', 'user'],
      ['会议记录', '2024-04-11', 'user'],
    ]);
    const missing = await cli('status', dir, String(first!.id), 'incomplete');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/写明还缺什么/);
    const st = await json<Material>('status', dir, String(first!.id), 'incomplete', '--comment', '缺会议签到表');
    expect(st).toMatchObject({ status: 'incomplete', statusComment: '缺会议签到表' });
    expect((await json<Material[]>('materials', dir, '--status', 'incomplete')).map((m) => m.id)).toEqual([first!.id]);

    expect(await json('trash', dir, String(second!.id))).toEqual({ trashed: 1 });
    expect((await json<Material[]>('materials', dir)).map((m) => m.id)).toEqual([first!.id]);
    expect((await json<Material[]>('materials', dir, '--trash')).map((m) => m.id)).toEqual([second!.id]);
    // Adding the same bytes again finds the trashed item instead of making a second copy.
    const dup = await json<AddReport>('add', dir, path.join(src, '例会照片20240410.jpg'));
    expect(dup.duplicates).toEqual([{ path: path.join(src, '例会照片20240410.jpg'), existingId: second!.id }]);
    expect(await json('restore', dir, String(second!.id))).toEqual({ restored: 1 });
    expect(await json<Material[]>('materials', dir)).toHaveLength(2);

    const project = openProject(dir, { userName: 't', readOnly: true });
    const actions = project.db
      .prepare("SELECT action FROM audit_log WHERE action LIKE 'material.%' ORDER BY id")
      .pluck()
      .all();
    project.close();
    expect(actions).toEqual(
      expect.arrayContaining([
        'material.add',
        'material.link',
        'material.unlink',
        'material.update',
        'material.status',
        'material.trash',
        'material.restore',
      ]),
    );
  });

  it('add --auto links by indicator codes and titles in folder and file names', async () => {
    const folder = path.join(tempDir(), 'A1.2 工作例会');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, '三月例会.jpg'), await photo({ seed: 31 }));
    const report = await json<AddReport & { autoLinked: { id: number; code: string; matched: string }[] }>(
      'add',
      dir,
      folder,
      '--auto',
    );
    expect(report.added).toHaveLength(1);
    expect(report.autoLinked).toEqual([{ id: report.added[0]!.id, code: 'A1.2', matched: expect.any(String) }]);
    expect((await json<Material[]>('materials', dir, '--indicator', 'A1.2')).map((m) => m.id)).toContain(
      report.added[0]!.id,
    );
    // The item's history says which indicator it was linked to.
    const project = openProject(dir, { userName: 't', readOnly: true });
    try {
      const linkedTo = project.db.prepare("SELECT id FROM indicators WHERE code = 'A1.2'").pluck().get();
      expect(historyOf(project.db, report.added[0]!.id)).toContainEqual(
        expect.objectContaining({
          action: 'material.link',
          detail: expect.objectContaining({ indicatorId: linkedTo }),
        }),
      );
    } finally {
      project.close();
    }
  });

  it('keeps each photo caption field when many photos are edited at once', async () => {
    const project = openProject(dir, { userName: 't' });
    try {
      const [a, b] = listMaterials(project.db).map((m) => m.id);
      updateMaterials(project, [a!], { caption: { people: '张三、李四' } });
      const both = updateMaterials(project, [a!, b!], { caption: { place: '社区广场' } });
      expect(both.map((m) => m.caption)).toEqual([
        { time: '', place: '社区广场', people: '张三、李四', subject: '' },
        { time: '', place: '社区广场', people: '', subject: '' },
      ]);
    } finally {
      project.close();
    }
  });

  it('usage errors exit 2', async () => {
    expect((await cli('add', dir)).code).toBe(2);
    expect((await cli('status', dir, '1', 'done')).code).toBe(2);
    expect((await cli('set', dir, '1')).code).toBe(2);
    expect((await cli('link', dir, 'x', '--indicator', 'A1.1')).code).toBe(2);
  });
});

describe('a process killed mid-import', () => {
  it('leaves a consistent project, and adding the folder again completes it without duplicates', async () => {
    const dir = path.join(tempDir(), '中断 项目');
    createProject(dir, { name: '单位', year: 2026 }, { userName: 't' }).close();
    const folder = tempDir('一大批 照片');
    const total = 40;
    for (let i = 0; i < total; i++) {
      fs.writeFileSync(
        path.join(folder, `活动照片${String(i).padStart(3, '0')}.jpg`),
        await photo({ width: 1600, height: 1200, seed: i + 1 }),
      );
    }
    const child = spawnTs('test/fixtures/add-folder.ts', [dir, folder]);
    await waitForOutput(child, 'done 6');
    child.kill('SIGKILL');
    await waitForExit(child);

    const project = openProject(dir, { userName: 't' });
    try {
      const items = (project.db.prepare('SELECT count(*) AS n FROM materials').get() as { n: number }).n;
      expect(items).toBeGreaterThanOrEqual(6);
      expect(items).toBeLessThan(total);
      // Every item has its file and every file its bytes; at most an unreferenced blob is left.
      expect(
        project.db
          .prepare(
            'SELECT count(*) AS n FROM materials m WHERE NOT EXISTS (SELECT 1 FROM material_files f WHERE f.material_id = m.id)',
          )
          .get(),
      ).toEqual({ n: 0 });
      const check = await verifyProject(project);
      expect(check).toMatchObject({ ok: true, missing: [], corrupt: [] });
      expect(check.orphans.length).toBeLessThanOrEqual(1);
      expect(fs.existsSync(path.join(dir, 'tmp'))).toBe(false);
    } finally {
      project.close();
    }
    const again = await json<AddReport>('add', dir, folder);
    const reopened = openProject(dir, { userName: 't', readOnly: true });
    const final = (reopened.db.prepare('SELECT count(*) AS n FROM materials').get() as { n: number }).n;
    const orphans = (await verifyProject(reopened)).orphans;
    reopened.close();
    expect(final).toBe(total);
    expect(again.added.length + again.duplicates.length).toBe(total);
    expect(orphans).toEqual([]);
  });
});
