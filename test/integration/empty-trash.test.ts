import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { addMaterials } from '../../electron/core/materials/add-materials';
import { emptyTrash } from '../../electron/core/materials/empty-trash';
import { countMaterials, restoreMaterials, trashMaterials } from '../../electron/core/materials/material-repo';
import { thumbPath } from '../../electron/core/materials/thumbnails';
import { projectPaths } from '../../electron/core/project/layout';
import { createProject, openProject, type Project } from '../../electron/core/project/project';
import { verifyProject } from '../../electron/core/project/verify';
import { pdf, photo } from '../fixtures/evidence-files';
import { jobResult, testCore } from '../helpers/core-client';
import { tempDir } from '../helpers/temp-dir';

/** A project with three items: a photo, a two-page PDF and a second photo. */
async function projectWithItems(): Promise<{
  project: Project;
  ids: Record<'photo' | 'pdf' | 'other', number>;
  src: string;
}> {
  const dir = path.join(tempDir(), '回收站 项目');
  const project = createProject(dir, { name: '文明办', year: 2026 }, { userName: '测试员' });
  const src = tempDir('材料');
  fs.writeFileSync(path.join(src, '活动照片.jpg'), await photo({ seed: 7 }));
  fs.writeFileSync(path.join(src, '通知.pdf'), await pdf(2));
  fs.writeFileSync(path.join(src, '另一张.jpg'), await photo({ seed: 8 }));
  const report = await addMaterials(project, [src]);
  const id = (title: string) => report.added.find((a) => a.title === title)!.id;
  return { project, ids: { photo: id('活动照片'), pdf: id('通知'), other: id('另一张') }, src };
}

const shaOf = (project: Project, id: number) =>
  project.db.prepare('SELECT sha256 FROM material_files WHERE material_id = ?').pluck().get(id) as string;

describe('清空回收站', () => {
  it('deletes only trashed items, their links and the files no other item uses, and says so in the audit log', async () => {
    const { project, ids, src } = await projectWithItems();
    const photoSha = shaOf(project, ids.photo);
    const pdfSha = shaOf(project, ids.pdf);
    const cache = projectPaths(project.dir).cache;
    expect(fs.existsSync(thumbPath(cache, photoSha))).toBe(true);

    // The PDF's bytes also belong to the third item (as after a merge/split history): they must stay.
    project.db
      .prepare(
        `INSERT INTO material_files (material_id, position, sha256, original_name, imported_at)
         VALUES (?, 99, ?, '通知副本.pdf', '2026-01-01')`,
      )
      .run(ids.other, pdfSha);

    expect(() => emptyTrash(project, [ids.photo])).toThrow(/不在回收站里/);
    trashMaterials(project, [ids.photo, ids.pdf]);
    const first = emptyTrash(project, [ids.photo]);
    expect(first).toEqual({
      deleted: 1,
      filesRemoved: 1,
      bytesFreed: fs.statSync(path.join(src, '活动照片.jpg')).size,
    });
    expect(project.store.has(photoSha)).toBe(false);
    expect(fs.existsSync(thumbPath(cache, photoSha))).toBe(false);
    expect(project.db.prepare('SELECT count(*) FROM materials WHERE id = ?').pluck().get(ids.photo)).toBe(0);
    expect(countMaterials(project.db)).toEqual({ inbox: 1, trash: 1, all: 1 });
    // Gone means gone: restoring it is an error, not a silent no-op.
    expect(() => restoreMaterials(project, [ids.photo])).toThrow();

    const rest = emptyTrash(project);
    expect(rest).toEqual({ deleted: 1, filesRemoved: 0, bytesFreed: 0 });
    expect(project.store.has(pdfSha)).toBe(true);
    expect(project.db.prepare('SELECT count(*) FROM page_texts WHERE sha256 = ?').pluck().get(pdfSha)).toBeGreaterThan(
      0,
    );
    expect(countMaterials(project.db)).toEqual({ inbox: 1, trash: 0, all: 1 });
    expect(emptyTrash(project)).toEqual({ deleted: 0, filesRemoved: 0, bytesFreed: 0 });

    const purge = project.db
      .prepare("SELECT detail FROM audit_log WHERE action = 'material.purge' ORDER BY id")
      .pluck()
      .all() as string[];
    expect(purge).toHaveLength(2);
    expect(JSON.parse(purge[0]!)).toMatchObject({ items: [{ id: ids.photo, title: '活动照片' }], deleted: 1 });

    // Nothing dangling: every stored file is referenced and present.
    const report = await verifyProject(project);
    expect(report).toMatchObject({ ok: true, orphans: [], missing: [] });

    // The deleted photo added again is a new item, not "已存在".
    const again = await addMaterials(project, [path.join(src, '活动照片.jpg')]);
    expect(again.added).toHaveLength(1);
    expect(again.duplicates).toHaveLength(0);
    expect(project.store.has(photoSha)).toBe(true);
    project.close();
  });

  it('CLI empty-trash refuses without --yes, naming the count, and prints the public JSON with it', async () => {
    const { project, ids } = await projectWithItems();
    const dir = project.dir;
    trashMaterials(project, [ids.photo, ids.other]);
    project.close();
    let stdout = '';
    let stderr = '';
    const run = (...argv: string[]) => {
      stdout = '';
      stderr = '';
      return runCli(argv, { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) });
    };
    expect(await run('empty-trash', dir)).not.toBe(0);
    expect(stderr).toMatch(/永久删除 2 件材料.*--yes/);
    expect(await run('empty-trash', dir, '--yes', '--json')).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ deleted: 2, filesRemoved: 2, bytesFreed: expect.any(Number) });
    const reopened = openProject(dir, { userName: 't', readOnly: true });
    expect(countMaterials(reopened.db)).toEqual({ inbox: 1, trash: 0, all: 1 });
    reopened.close();
  });

  it('through the contract: emptied for good and the project.changed event follows', async () => {
    const { call, core } = testCore();
    const dir = path.join(tempDir(), '核心');
    await call('projects.create', { dir, name: '文明办', year: 2026 });
    const src = tempDir('材料');
    fs.writeFileSync(path.join(src, '照片.jpg'), await photo({ seed: 9 }));
    const { jobId } = await call('materials.add', { paths: [src] });
    await jobResult(core, jobId);
    const [item] = await call('materials.list', {});
    await call('materials.trash', { ids: [item!.id] });
    const events: string[] = [];
    core.onEvent((e) => events.push(e.type));
    expect(await call('materials.emptyTrash', {})).toMatchObject({ deleted: 1, filesRemoved: 1 });
    expect(events).toContain('project.changed');
    expect(await call('materials.counts', {})).toEqual({ inbox: 0, trash: 0, all: 0 });
  });
});
