import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AddReport, Material } from '../../shared/materials/api-types';
import { photo } from '../fixtures/evidence-files';
import { jobResult, testCore } from '../helpers/core-client';
import { tempDir } from '../helpers/temp-dir';

const { core, call, fail } = testCore('审核人');

const added = (jobId: string) => jobResult<AddReport>(core, jobId);

let pages: Material[];
let indicatorIds: Map<string, number>;

beforeAll(async () => {
  await call('projects.create', { dir: path.join(tempDir(), '件 项目'), name: '单位', year: 2026 });
  await call('systems.importSample', {});
  const { indicators } = await call('systems.tree', { systemId: 1 });
  indicatorIds = new Map(indicators.map((n) => [n.code, n.id]));
  // A 3-page meeting record photographed as 3 JPEGs, sorted into a folder named after its indicator.
  const folder = path.join(tempDir('整理 文件夹'), 'A1.1.2 领导小组定期议事');
  fs.mkdirSync(folder, { recursive: true });
  for (let i = 1; i <= 3; i++)
    fs.writeFileSync(path.join(folder, `会议记录第${i}页.jpg`), await photo({ seed: 40 + i }));
  fs.writeFileSync(path.join(folder, '道德讲堂活动照片.jpg'), await photo({ seed: 50 }));
  const report = await added((await call('materials.add', { paths: [folder] })).jobId);
  expect(report.added).toHaveLength(4);
  // The three record pages in page order, then the photo.
  const name = (m: Material) => m.files[0]!.originalName;
  pages = (await call('materials.list', { inbox: true })).sort((a, b) =>
    name(a).startsWith('道德') ? 1 : name(b).startsWith('道德') ? -1 : name(a).localeCompare(name(b)),
  );
});

describe('items made of several files', () => {
  it('suggests links from folder and file names, by code and by title', async () => {
    const suggestions = await call('materials.suggestLinks', { ids: pages.map((p) => p.id) });
    const byCode = suggestions.filter((s) => s.by === 'code');
    expect(new Set(byCode.map((s) => s.indicatorId))).toEqual(new Set([indicatorIds.get('A1.1.2')]));
    expect(byCode).toHaveLength(4);
    // "道德讲堂" is the title of indicator A2.3.2 and appears in the last file's name.
    expect(suggestions).toContainEqual(
      expect.objectContaining({ materialId: pages[3]!.id, indicatorId: indicatorIds.get('A2.3.2'), by: 'title' }),
    );
  });

  it('merges the pages into one item, reorders, rotates and splits, keeping every original', async () => {
    const [p1, p2, p3] = pages;
    await call('materials.link', { ids: [p2!.id], indicatorId: indicatorIds.get('A1.1.2')! });
    const merged = await call('materials.merge', { ids: [p1!.id, p2!.id, p3!.id] });
    expect(merged.id).toBe(p1!.id);
    expect(merged.files.map((f) => f.originalName)).toEqual([
      '会议记录第1页.jpg',
      '会议记录第2页.jpg',
      '会议记录第3页.jpg',
    ]);
    expect(merged.pages).toBe(3);
    expect(merged.indicatorIds).toEqual([indicatorIds.get('A1.1.2')]);
    expect((await fail('materials.get', { id: p2!.id })).code).toBe('NOT_FOUND');

    const [f1, f2, f3] = merged.files.map((f) => f.id);
    const reordered = await call('materials.reorder', { id: merged.id, fileIds: [f3!, f1!, f2!] });
    expect(reordered.files.map((f) => f.originalName)).toEqual([
      '会议记录第3页.jpg',
      '会议记录第1页.jpg',
      '会议记录第2页.jpg',
    ]);
    expect((await fail('materials.reorder', { id: merged.id, fileIds: [f1!, f2!] })).message).toMatch(/全部文件/);

    const rotated = await call('materials.rotate', { fileId: f3!, degrees: 90 });
    expect(rotated.files.find((f) => f.id === f3)!.rotation).toBe(90);

    const { kept, created } = await call('materials.split', { id: merged.id, fileIds: [f3!] });
    expect(kept.files.map((f) => f.id)).toEqual([f1, f2]);
    expect(created.files.map((f) => [f.id, f.rotation])).toEqual([[f3, 90]]);
    expect([kept.pages, created.pages]).toEqual([2, 1]);
    expect(created.indicatorIds).toEqual(kept.indicatorIds);
    expect((await fail('materials.split', { id: kept.id, fileIds: [f1!, f2!] })).message).toMatch(/至少要留下一个/);
    const check = core.context.session.current()!;
    expect(check.db.prepare('SELECT count(*) AS n FROM material_files').get()).toEqual({ n: 4 });
  });

  it('keeps comments and every change in the item history, with who made them', async () => {
    const item = pages[0]!;
    await call('materials.comment', { id: item.id, text: '第3页不清楚，请重新拍' });
    await call('materials.setStatus', { ids: [item.id], status: 'incomplete', comment: '缺签到表' });
    await call('materials.update', { ids: [item.id], patch: { title: '领导小组会议记录' } });
    const history = await call('materials.history', { id: item.id });
    expect(history.map((h) => h.action)).toEqual(
      expect.arrayContaining([
        'material.add',
        'material.merge',
        'material.comment',
        'material.status',
        'material.update',
      ]),
    );
    expect(history.every((h) => h.userName === '审核人')).toBe(true);
    expect(history.find((h) => h.action === 'material.comment')!.detail).toEqual({ text: '第3页不清楚，请重新拍' });
  });
});

describe("an indicator's own order of its items", () => {
  it('puts the named items first in the order given, keeps the rest after them, and refuses strangers', async () => {
    const indicatorId = indicatorIds.get('A1.2.1')!;
    const ids = (await call('materials.list', {})).map((m) => m.id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    for (const id of ids) await call('materials.link', { ids: [id], indicatorId });
    const listed = async () => (await call('materials.list', { indicatorId })).map((m) => m.id);
    expect(await listed()).toEqual(ids);

    const [a, b, c, ...rest] = ids;
    await call('materials.arrange', { indicatorId, ids: [c!, a!] });
    expect(await listed()).toEqual([c, a, b, ...rest]);
    // The order is the indicator's: the same items elsewhere keep theirs.
    const other = indicatorIds.get('A1.2.2')!;
    await call('materials.link', { ids: [a!, c!], indicatorId: other });
    expect((await call('materials.list', { indicatorId: other })).map((m) => m.id)).toEqual([a, c]);

    const unlinked = await call('materials.unlink', { ids: [b!], indicatorId });
    expect(unlinked).toEqual({ unlinked: 1 });
    expect((await fail('materials.arrange', { indicatorId, ids: [b!] })).message).toMatch(/不在这个指标下/);
    expect(await listed()).toEqual([c, a, ...rest]);
  });
});
