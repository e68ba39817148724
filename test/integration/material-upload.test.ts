import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AddReport, Material } from '../../shared/materials/api-types';
import type { CoreEvent } from '../../shared/ipc/events';
import { photo, pdf } from '../fixtures/evidence-files';
import { uploadPath } from '../../electron/core/handlers/material-handlers';
import { testCore } from '../helpers/core-client';
import { tempDir } from '../helpers/temp-dir';

const { core, call } = testCore();

function jobResult(jobId: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const off = core.onEvent((e: CoreEvent) => {
      if (e.type === 'job.done' && e.jobId === jobId) {
        off();
        resolve(e.result);
      } else if (e.type === 'job.failed' && e.jobId === jobId) {
        off();
        reject(new Error(e.error.message));
      }
    });
  });
}

describe('adding files the browser read (upload), and thumbnails', () => {
  it('adds uploaded files as a job, links them, removes the temp copies, and serves thumbnails', async () => {
    const dir = path.join(tempDir(), '上传 项目');
    await call('projects.create', { dir, name: '单位', year: 2026 });
    await call('systems.importSample', {});
    const leaf = (await call('systems.tree', { systemId: 1 })).indicators.find((n) => n.level === 3)!;
    const files = [
      { fileName: '../志愿服务照片.jpg', dataBase64: (await photo({ seed: 4 })).toString('base64') },
      { fileName: '活动方案.pdf', dataBase64: (await pdf(3)).toString('base64') },
    ];
    const { jobId } = await call('materials.upload', { files, indicatorIds: [leaf.id] });
    const report = (await jobResult(jobId)) as AddReport;
    expect(report.failed).toEqual([]);
    expect(report.added.map((a) => a.title).sort()).toEqual(['志愿服务照片', '活动方案'].sort());

    const list: Material[] = await call('materials.list', { indicatorId: leaf.id });
    expect(list).toHaveLength(2);
    const photoItem = list.find((m) => m.title === '志愿服务照片')!;
    const thumb = await call('materials.thumbnail', { sha256: photoItem.files[0]!.sha256 });
    expect(Buffer.from(thumb.dataBase64!, 'base64').subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const pdfItem = list.find((m) => m.title === '活动方案')!;
    expect(pdfItem.pages).toBe(3);
    // PDFs get their first page drawn as the thumbnail, on first request.
    const pdfThumb = await call('materials.thumbnail', { sha256: pdfItem.files[0]!.sha256 });
    expect(Buffer.from(pdfThumb.dataBase64!, 'base64').subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const page3 = await call('materials.page', { fileId: pdfItem.files[0]!.id, page: 3, size: 'thumb' });
    expect(page3).toMatchObject({ pageCount: 3, height: 320 });
    // The uploaded copies are gone; only the store holds the bytes.
    expect(fs.readdirSync(path.join(dir, 'tmp')).filter((n) => n.startsWith('upload-'))).toEqual([]);
  });

  it('keeps the folders of a dropped folder, so their names suggest links, and nothing climbs out', async () => {
    const tree = (await call('systems.tree', { systemId: 1 })).indicators;
    const target = tree.find((n) => n.code === 'A2.3.2')!;
    const files = [
      {
        fileName: `创建资料/${target.code} ${target.title}/现场照片.jpg`,
        dataBase64: (await photo({ seed: 7 })).toString('base64'),
      },
      { fileName: '创建资料/../../../逃出去.pdf', dataBase64: (await pdf(1)).toString('base64') },
    ];
    const report = (await jobResult((await call('materials.upload', { files })).jobId)) as AddReport;
    expect(report.failed).toEqual([]);
    expect(report.added).toHaveLength(2);
    const suggestions = await call('materials.suggestLinks', { ids: report.added.map((a) => a.id) });
    const photoId = report.added.find((a) => a.title === '现场照片')!.id;
    expect(suggestions).toContainEqual(
      expect.objectContaining({ materialId: photoId, indicatorId: target.id, by: 'code' }),
    );
  });
});

describe('link suggestions ignore names the user did not give', () => {
  it('suggests nothing from the temp upload folder, and a code only where it stands alone', async () => {
    const root = path.join(tempDir(), 'upload-0a21f3c4-a2b1-4c3d-8e9f-0123456789ab', '0');
    const files = [
      path.join(root, '现场照片.jpg'),
      path.join(root, '..', '..', 'A21 其他资料', '照片.jpg'),
      path.join(root, '..', '..', 'A2a', '照片.jpg'),
    ];
    for (const [i, f] of files.entries()) {
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, await photo({ seed: 30 + i }));
    }
    const report = (await jobResult((await call('materials.add', { paths: files })).jobId)) as AddReport;
    expect(report.added).toHaveLength(3);
    expect(await call('materials.suggestLinks', { ids: report.added.map((a) => a.id) })).toEqual([]);
  });
});

describe('link suggestions from nested folders', () => {
  it('suggests the most specific indicator a path names, not also its ancestors', async () => {
    const tree = (await call('systems.tree', { systemId: 1 })).indicators;
    const leaf = tree.find((n) => n.code === 'A2.3.2')!;
    const top = tree.find((n) => n.code === 'A2')!;
    const files = [
      {
        fileName: `资料/${top.code} ${top.title}/${leaf.code} ${leaf.title}/现场.jpg`,
        dataBase64: (await photo({ seed: 40 })).toString('base64'),
      },
      { fileName: `资料/${top.code} ${top.title}/综述.pdf`, dataBase64: (await pdf(5)).toString('base64') },
    ];
    const report = (await jobResult((await call('materials.upload', { files })).jobId)) as AddReport;
    const id = (title: string) => report.added.find((a) => a.title === title)!.id;
    const suggestions = await call('materials.suggestLinks', { ids: report.added.map((a) => a.id) });
    const of = (materialId: number) => suggestions.filter((s) => s.materialId === materialId).map((s) => s.indicatorId);
    expect(of(id('现场'))).toEqual([leaf.id]);
    // A file directly in the top-level folder still gets that folder's indicator.
    expect(of(id('综述'))).toEqual([top.id]);
  });
});

describe('uploadPath', () => {
  it('keeps up to three folders and the file name as it is, and drops what climbs or names a drive', () => {
    expect(uploadPath('a/b/c/d/照片 .jpg', 'x')).toEqual(['b', 'c', 'd', '照片 .jpg']);
    expect(uploadPath('..\\..\\C:\\资料 ./..', 'x')).toEqual(['资料 .']);
    expect(uploadPath('../ /.', 'x')).toEqual(['x']);
    expect(uploadPath('C:\\资料. /通知.pdf', 'x')).toEqual(['资料', '通知.pdf']);
    expect(uploadPath('', '文件1')).toEqual(['文件1']);
  });
});
