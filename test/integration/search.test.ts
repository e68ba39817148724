import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { addMaterials } from '../../electron/core/materials/add-materials';
import { emptyTrash } from '../../electron/core/materials/empty-trash';
import { mergeMaterials, splitMaterial } from '../../electron/core/materials/item-files';
import {
  linkMaterials,
  restoreMaterials,
  setStatus,
  trashMaterials,
  unlinkMaterials,
  updateMaterials,
} from '../../electron/core/materials/material-repo';
import { cjkFontFile, embedCjkFont, saveWithCjkFonts } from '../../electron/core/pdf/cjk-font';
import { createProject, type Project } from '../../electron/core/project/project';
import { reindex } from '../../electron/core/search/reindex';
import { search } from '../../electron/core/search/search-service';
import { insertSystem, updateIndicator } from '../../electron/core/systems/system-repo';
import type { SearchHit, SearchQuery } from '../../shared/ipc/contract-search';
import { newDraft, type IndicatorDraft } from '../../shared/systems/model';
import { photo } from '../fixtures/evidence-files';
import { jobResult, testCore } from '../helpers/core-client';
import { tempDir } from '../helpers/temp-dir';

/*
 * Search (issue 7) on a real project database: every query form with the exact hits it
 * must give, the filters, the ranking, and the index never lagging behind an edit.
 */

const META = { edition: '2024版', windowStart: null, windowEnd: null, levelNames: [] };

function draft(
  key: string,
  parentKey: string | null,
  code: string,
  title: string,
  more: Partial<IndicatorDraft> = {},
): IndicatorDraft {
  return newDraft({ key, parentKey, level: parentKey ? 2 : 1, code, title, ...more });
}

/** A PDF with the given Chinese text on each page (a real text layer, extracted at import). */
async function textPdf(pages: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await embedCjkFont(doc, pages.join(''), cjkFontFile('regular'));
  for (const text of pages) doc.addPage([595, 842]).drawText(text, { x: 50, y: 760, size: 16, font });
  return Buffer.from(await saveWithCjkFonts(doc));
}

let project: Project;
let dir: string;
/** Indicator ids by code (system 1), and system 2's B3.2. */
const ind: Record<string, number> = {};
let otherB32: number;
/** Item ids by a short name. */
const item: Record<string, number> = {};

const find = (text: string, more: Omit<SearchQuery, 'text'> = {}) => search(project.db, { text, ...more }).hits;
const materials = (text: string, more: Omit<SearchQuery, 'text' | 'kind'> = {}) =>
  find(text, { ...more, kind: 'material' }).map((h) => h.id);
const indicators = (text: string, more: Omit<SearchQuery, 'text' | 'kind'> = {}) =>
  find(text, { ...more, kind: 'indicator' });
const codes = (hits: SearchHit[]) => hits.map((h) => h.code);

async function addFile(name: string, bytes: Buffer): Promise<number> {
  const src = tempDir('来源 文件');
  fs.writeFileSync(path.join(src, name), bytes);
  const report = await addMaterials(project, [path.join(src, name)], { workers: false });
  expect(report.failed).toEqual([]);
  return report.added[0]!.id;
}

beforeAll(async () => {
  dir = path.join(tempDir(), '搜索 项目');
  project = createProject(dir, { name: '文明办', year: 2026 }, { userName: '测试员' });
  const first = insertSystem(
    project,
    { name: '全国文明城市测评体系', ...META },
    [
      draft('b3', null, 'B3', '公益广告'),
      draft('b31', 'b3', 'B3.1', '公益广告刊播', { requirement: '主要街道、公共场所设置公益广告' }),
      draft('b32', 'b3', 'B3.2', '公益广告宣传', { collector: '张丽', respUnit: '市委宣传部' }),
      draft('c', null, 'C', '城市环境'),
      draft('c1', 'c', 'C1', '垃圾分类', { requirement: '居民小区开展垃圾分类，设置分类垃圾桶' }),
      draft('c2', 'c', 'C2', '垃圾分类示范小区'),
      draft('c3', 'c', 'C3', '生活垃圾处理', { requirement: '建立健全垃圾分类收运体系' }),
      draft('c4', 'c', 'C4', '垃圾分离处置'),
      draft('ii3', null, 'Ⅱ-3', '文明城市创建'),
      draft('e1', null, 'E1', 'B3类点位检查'),
    ],
    'test',
  );
  for (const row of project.db.prepare('SELECT id, code FROM indicators WHERE system_id = ?').all(first) as {
    id: number;
    code: string;
  }[])
    ind[row.code] = row.id;
  const second = insertSystem(
    project,
    { name: '省级文明城市测评体系', ...META },
    [draft('x', null, 'B3.2', '公益广告（省级）')],
    'test',
  );
  otherB32 = project.db.prepare('SELECT id FROM indicators WHERE system_id = ?').pluck().get(second) as number;

  item.report = await addFile(
    '创建工作汇报.pdf',
    await textPdf(['2024年度创建工作汇报', '一、基本情况', '三、垃圾分类推进情况：全市设置智能回收箱一百二十个']),
  );
  item.photo = await addFile('IMG_0001.jpg', await photo({ seed: 1 }));
  item.meeting = await addFile('IMG_0002.jpg', await photo({ seed: 2 }));
  item.plan = await addFile('IMG_0003.jpg', await photo({ seed: 3 }));
  item.notice = await addFile('IMG_0004.jpg', await photo({ seed: 4 }));
  updateMaterials(project, [item.photo], {
    title: '学雷锋志愿服务活动照片',
    type: '照片',
    activity: '学雷锋志愿服务',
    date: '2024-03-05',
    responsible: '团市委',
    caption: { place: '人民广场', people: '王小明' },
  });
  updateMaterials(project, [item.meeting], {
    title: '垃圾分类工作会议记录',
    type: '会议记录',
    date: '2024-04-10',
    responsible: '市城管局',
    docNo: '城管〔2024〕12号',
  });
  updateMaterials(project, [item.plan], { title: '創衛工作方案', type: '方案', date: '2024-01-15' });
  updateMaterials(project, [item.notice], {
    title: '关于开展公益广告宣传的通知',
    type: '通知',
    date: '2024-06-01',
    responsible: '市委宣传部',
    note: '请各单位拍照留存',
  });
  linkMaterials(project, [item.notice], ind['B3.2']!);
  linkMaterials(project, [item.meeting], ind.C1!);
  linkMaterials(project, [item.photo], ind['Ⅱ-3']!);
});

afterAll(() => project?.close());

describe('indicators', () => {
  it('finds a code with or without punctuation, in full-width digits, and by Roman numerals', () => {
    for (const typed of ['B3.2', 'b32', 'Ｂ３．２', 'b3.2']) {
      const hits = indicators(typed).filter((h) => h.match === 'code');
      expect(hits.map((h) => h.id)).toEqual([ind['B3.2'], otherB32]);
    }
    expect(
      indicators('B3.2', { systemId: 1 })
        .filter((h) => h.match === 'code')
        .map((h) => h.id),
    ).toEqual([ind['B3.2']]);
    for (const typed of ['Ⅱ-3', 'II-3', 'ii3', 'Ⅱ—3'])
      expect(indicators(typed)[0]).toMatchObject({ id: ind['Ⅱ-3'], code: 'Ⅱ-3', match: 'code' });
  });

  it('ranks exact code, then code prefix (whole parts first), then title', () => {
    const hits = indicators('B3');
    expect(hits.slice(0, 5).map((h) => [h.code, h.match])).toEqual([
      ['B3', 'code'],
      ['B3.1', 'codePrefix'],
      ['B3.2', 'codePrefix'],
      ['B3.2', 'codePrefix'],
      ['E1', 'title'],
    ]);
    expect(hits.slice(5).every((h) => h.match === 'fuzzy')).toBe(true);
    const scores = hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('finds by title words, with the title above 测评要求 and the fuzzy matches last', () => {
    const hits = indicators('垃圾分类');
    expect(hits.map((h) => [h.code, h.match])).toEqual([
      ['C1', 'title'],
      ['C2', 'title'],
      ['C3', 'text'],
      ['C4', 'fuzzy'],
    ]);
    expect(hits[2]!.snippet).toBe('建立健全«垃圾分类»收运体系');
  });

  it('is typo-tolerant (fuse.js over titles and 测评要求)', () => {
    const hits = indicators('垃圾分累');
    expect(hits[0]).toMatchObject({ code: 'C1', match: 'fuzzy' });
    expect(codes(hits)).toContain('C2');
    expect(indicators('公共场所设值')[0]).toMatchObject({ code: 'B3.1', match: 'fuzzy' });
  });

  it('finds by pinyin: initials, full, and a mix', () => {
    expect(codes(indicators('wmcs'))).toEqual(['Ⅱ-3']);
    expect(indicators('wmcs')[0]!.match).toBe('pinyin');
    expect(codes(indicators('lajifenlei')).slice(0, 2)).toEqual(['C1', 'C2']);
    expect(codes(indicators('ljfl')).slice(0, 2)).toEqual(['C1', 'C2']);
    expect(codes(indicators('gonggaoguanggao'))).toEqual([]);
    expect(codes(indicators('gygg')).slice(0, 4)).toEqual(['B3', 'B3.1', 'B3.2', 'B3.2']);
    expect(codes(indicators('wenmingcs'))).toEqual(['Ⅱ-3']);
  });

  it('finds 1–2 character title words, and Traditional input', () => {
    // Titles starting with the word first, the closer in length first.
    expect(codes(indicators('垃圾')).slice(0, 4)).toEqual(['C1', 'C4', 'C2', 'C3']);
    expect(codes(indicators('創建'))).toEqual(['Ⅱ-3']);
    expect(indicators('垃').every((h) => h.match !== 'fuzzy')).toBe(true);
  });

  it('sees an indicator edit at once (the in-memory index is rebuilt on change)', () => {
    expect(codes(indicators('新时代文明实践'))).toEqual([]);
    updateIndicator(project, ind.C2!, { title: '新时代文明实践站' });
    expect(codes(indicators('新时代文明实践'))).toEqual(['C2']);
    updateIndicator(project, ind.C2!, { title: '垃圾分类示范小区' });
    expect(codes(indicators('新时代文明实践'))).toEqual([]);
  });
});

describe('materials', () => {
  it('finds 2-character words (照片, 会议) through the short-query index', () => {
    expect(materials('照片')).toEqual([item.photo]);
    expect(materials('会议')).toEqual([item.meeting]);
    expect(find('照片', { kind: 'material' })[0]).toMatchObject({
      match: 'title',
      snippet: '学雷锋志愿服务活动«照片»',
    });
    // 1 character: every place it occurs (会议记录, 开展…的通知 has no 会).
    expect(materials('会')).toEqual([item.meeting]);
  });

  it('treats Traditional and Simplified as the same', () => {
    expect(materials('會議記錄')).toEqual([item.meeting]);
    expect(find('會議記錄', { kind: 'material' })[0]!.snippet).toBe('垃圾分类工作«会议记录»');
    // Stored in Traditional, typed in Simplified; the snippet shows the text as written.
    expect(materials('创卫')).toEqual([item.plan]);
    expect(find('创卫工作', { kind: 'material' })[0]!.snippet).toBe('«創衛工作»方案');
  });

  it('finds full text on page N of a PDF, with the page and file in the hit', () => {
    const [hit, ...rest] = find('智能回收箱', { kind: 'material' });
    expect(rest).toEqual([]);
    const fileId = project.db.prepare('SELECT id FROM material_files WHERE material_id = ?').pluck().get(item.report);
    expect(hit).toMatchObject({ kind: 'material', id: item.report, match: 'page', page: 3, fileId });
    expect(hit!.snippet).toContain('«智能回收箱»');
    expect(find('基本情况', { kind: 'material' })[0]).toMatchObject({ id: item.report, page: 2 });
  });

  it('finds 文号, 责任者, 活动, 备注 and 照片说明', () => {
    expect(materials('城管〔2024〕12号')).toEqual([item.meeting]);
    expect(find('12号', { kind: 'material' })[0]).toMatchObject({
      id: item.meeting,
      match: 'field',
      snippet: '城管〔2024〕«12号»',
    });
    expect(materials('团市委')).toEqual([item.photo]);
    expect(materials('人民广场')).toEqual([item.photo]);
    expect(materials('拍照留存')).toEqual([item.notice]);
    expect(materials('学雷锋')).toEqual([item.photo]);
  });

  it('ranks a title match above a field match above a page match', () => {
    // 垃圾分类: the meeting's title; the report's page 3.
    const hits = find('垃圾分类', { kind: 'material' });
    expect(hits.map((h) => [h.id, h.match])).toEqual([
      [item.meeting, 'title'],
      [item.report, 'page'],
    ]);
    // 宣传: the notice's title; another item's 责任者 (市委宣传部) only.
    updateMaterials(project, [item.plan], { responsible: '市委宣传部' });
    expect(find('宣传', { kind: 'material' }).map((h) => [h.id, h.match])).toEqual([
      [item.notice, 'title'],
      [item.plan, 'field'],
    ]);
    updateMaterials(project, [item.plan], { responsible: '' });
  });

  it('combines filters with the text and with each other', () => {
    expect(materials('工作', { filters: { types: ['会议记录'] } })).toEqual([item.meeting]);
    expect(materials('工作', { filters: { types: ['方案', '会议记录'] } }).sort()).toEqual(
      [item.meeting, item.plan].sort(),
    );
    expect(materials('工作', { filters: { dateFrom: '2024-04-01', dateTo: '2024-04-30' } })).toEqual([item.meeting]);
    expect(materials('工作', { filters: { dateTo: '2024-02-01' } })).toEqual([item.plan]);
    expect(materials('', { filters: { activity: '学雷锋' } })).toEqual([item.photo]);
    // 张丽 collects B3.2, where the notice is linked; 团市委 is the photo's 责任者.
    expect(materials('', { filters: { person: '张丽' } })).toEqual([item.notice]);
    expect(materials('', { filters: { person: '团市委' } })).toEqual([item.photo]);
    expect(materials('', { filters: { unit: '市委宣传部' } })).toEqual([item.notice]);
    setStatus(project, [item.meeting], 'selected', '');
    expect(materials('', { filters: { statuses: ['selected'] } })).toEqual([item.meeting]);
    expect(materials('会议', { filters: { statuses: ['collected'] } })).toEqual([]);
    expect(materials('照片', { filters: { types: ['照片'], dateFrom: '2024-03-01', person: '团市委' } })).toEqual([
      item.photo,
    ]);
    expect(materials('照片', { filters: { types: ['照片'], dateFrom: '2024-03-06' } })).toEqual([]);
    // No text and no filter: nothing (not the whole project).
    expect(find('', { kind: 'material' })).toEqual([]);
  });

  it('filters by an indicator including its subtree', () => {
    expect(materials('', { filters: { indicatorId: ind.B3! } })).toEqual([item.notice]);
    expect(materials('', { filters: { indicatorId: ind.C! } })).toEqual([item.meeting]);
    expect(materials('公益', { filters: { indicatorId: ind.C! } })).toEqual([]);
    linkMaterials(project, [item.plan], ind.C3!);
    expect(materials('', { filters: { indicatorId: ind.C! } }).sort()).toEqual([item.meeting, item.plan].sort());
    unlinkMaterials(project, [item.plan], ind.C3!);
    expect(materials('', { filters: { indicatorId: ind.C! } })).toEqual([item.meeting]);
  });

  it('leaves trashed items out, and finds them again after a restore', () => {
    trashMaterials(project, [item.notice]);
    expect(materials('公益广告')).toEqual([]);
    expect(materials('', { filters: { indicatorId: ind.B3! } })).toEqual([]);
    restoreMaterials(project, [item.notice]);
    expect(materials('公益广告')).toEqual([item.notice]);
  });
});

describe('the index is never stale', () => {
  it('after an edit of the title, 文号 or caption', () => {
    updateMaterials(project, [item.notice], { title: '关于开展文明交通宣传的通知' });
    expect(materials('公益广告')).toEqual([]);
    expect(materials('文明交通')).toEqual([item.notice]);
    updateMaterials(project, [item.notice], { docNo: '文明办〔2024〕7号', caption: { subject: '交通劝导' } });
    expect(materials('文明办〔2024〕7号')).toEqual([item.notice]);
    expect(materials('劝导')).toEqual([item.notice]);
  });

  it('after merge and split: page hits follow the files to their item', async () => {
    const second = await addFile('汇报附件.pdf', await textPdf(['附件一：点位清单', '附件二：志愿者花名册共三百人']));
    expect(find('花名册', { kind: 'material' })[0]).toMatchObject({ id: second, page: 2 });
    const merged = mergeMaterials(project, [item.report, second]);
    expect(merged.files).toHaveLength(2);
    const attachFile = merged.files[1]!.id;
    expect(find('花名册', { kind: 'material' })).toEqual([
      expect.objectContaining({ id: item.report, page: 2, fileId: attachFile }),
    ]);
    expect(materials('汇报附件')).toEqual([]);
    const { created } = splitMaterial(project, item.report, [attachFile]);
    expect(find('花名册', { kind: 'material' })).toEqual([
      expect.objectContaining({ id: created.id, page: 2, fileId: attachFile }),
    ]);
    expect(materials('智能回收箱')).toEqual([item.report]);
    // The new item carries the description it was split from.
    expect(materials('创建工作汇报').sort()).toEqual([item.report, created.id].sort());
  });

  it('after emptying the trash: the items and their page texts leave the index', () => {
    const before = project.db.prepare('SELECT count(*) FROM search_page_keys').pluck().get() as number;
    trashMaterials(project, [item.report]);
    emptyTrash(project, [item.report]);
    expect(materials('智能回收箱')).toEqual([]);
    expect(project.db.prepare('SELECT count(*) FROM search_page_keys').pluck().get()).toBe(before - 3);
    expect(project.db.prepare('SELECT count(*) FROM search_items WHERE rowid = ?').pluck().get(item.report)).toBe(0);
  });

  it('after a page text is written later (OCR), replaced or removed', () => {
    const sha = project.db
      .prepare('SELECT sha256 FROM material_files WHERE material_id = ?')
      .pluck()
      .get(item.photo) as string;
    project.db
      .prepare("INSERT INTO page_texts (sha256, page, text, source) VALUES (?, 1, '志愿者在广场清扫垃圾', 'ocr')")
      .run(sha);
    expect(find('清扫垃圾', { kind: 'material' })[0]).toMatchObject({ id: item.photo, page: 1 });
    project.db
      .prepare(
        "INSERT OR REPLACE INTO page_texts (sha256, page, text, source) VALUES (?, 1, '志愿者在广场植树', 'ocr')",
      )
      .run(sha);
    expect(materials('清扫垃圾')).toEqual([]);
    expect(materials('植树')).toEqual([item.photo]);
    project.db.prepare('UPDATE page_texts SET text = ? WHERE sha256 = ?').run('志愿者在广场宣讲', sha);
    expect(materials('植树')).toEqual([]);
    expect(materials('宣讲')).toEqual([item.photo]);
    project.db.prepare('DELETE FROM page_texts WHERE sha256 = ?').run(sha);
    expect(materials('宣讲')).toEqual([]);
  });

  it('reindex rebuilds an index emptied behind its back', async () => {
    for (const t of ['search_items', 'search_items_short', 'search_pages', 'search_pages_short']) {
      project.db.prepare(`INSERT INTO ${t} (${t}) VALUES ('delete-all')`).run();
    }
    expect(materials('会议')).toEqual([]);
    const done = await reindex(project.db, { slice: 2 });
    expect(done).toMatchObject({ items: expect.any(Number), pages: expect.any(Number) });
    expect(materials('会议')).toEqual([item.meeting]);
    expect(materials('會議記錄')).toEqual([item.meeting]);
    expect(find('花名册', { kind: 'material' })[0]).toMatchObject({ page: 2 });
    expect(materials('学雷锋')).toEqual([item.photo]);
  });
});

describe('one list for both kinds', () => {
  it('interleaves indicators and materials by class: indicator title > material title > 测评要求 > fuzzy', () => {
    const r = search(project.db, { text: '垃圾分类' });
    expect(r.hits.map((h) => [h.kind, h.kind === 'indicator' ? h.code : h.id, h.match])).toEqual([
      ['indicator', 'C1', 'title'],
      ['indicator', 'C2', 'title'],
      ['material', item.meeting, 'title'],
      ['indicator', 'C3', 'text'],
      ['indicator', 'C4', 'fuzzy'],
    ]);
    expect(r.tookMs).toBeGreaterThanOrEqual(0);
    // Filters are about materials: with one set, indicators are not listed.
    expect(find('垃圾分类', { filters: { types: ['会议记录'] } }).map((h) => h.kind)).toEqual(['material']);
  });
});

describe('through the contract and the CLI', () => {
  const { core, call, fail } = testCore();
  let cdir: string;

  beforeAll(async () => {
    cdir = path.join(tempDir(), '契约 项目');
    await call('projects.create', { dir: cdir, name: '文明办', year: 2026 });
    const p = core.context.session.current()!;
    insertSystem(
      p,
      { name: '体系', ...META },
      [draft('a', null, 'A1', '组织领导'), draft('b', 'a', 'A1.1', '领导小组')],
      't',
    );
    const now = new Date().toISOString();
    p.db
      .prepare('INSERT INTO materials (title, type, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run('领导小组会议纪要', '会议记录', now, now);
  });

  it('search.query returns ranked hits with tookMs', async () => {
    const r = await call('search.query', { text: 'a11' });
    expect(r.hits[0]).toMatchObject({ kind: 'indicator', code: 'A1.1', title: '领导小组', match: 'code', systemId: 1 });
    expect(r.tookMs).toBeGreaterThanOrEqual(0);
    const m = await call('search.query', { text: '纪要', kind: 'material' });
    expect(m.hits).toEqual([
      { kind: 'material', id: 1, title: '领导小组会议纪要', snippet: '领导小组会议«纪要»', score: 549, match: 'title' },
    ]);
    expect((await fail('search.query', { text: 'x', filters: { dateFrom: '2024/1/1' } })).code).toBe('INVALID_INPUT');
  });

  it('search.reindex is a job with a result', async () => {
    const { jobId } = await call('search.reindex', {});
    expect(await jobResult(core, jobId)).toMatchObject({ items: 1, pages: 0 });
  });

  it('saves, lists, replaces and deletes saved searches', async () => {
    const saved = await call('search.save', { name: '领导小组照片', text: '领导小组', filters: { types: ['照片'] } });
    expect(saved).toMatchObject({ name: '领导小组照片', text: '领导小组', kind: 'all', filters: { types: ['照片'] } });
    const again = await call('search.save', { name: '领导小组照片', text: '领导', filters: {} });
    expect(again.id).toBe(saved.id);
    await call('search.save', { name: '会议', text: '会议', kind: 'material', filters: {} });
    expect((await call('search.saved', {})).map((s) => [s.name, s.text])).toEqual([
      ['会议', '会议'],
      ['领导小组照片', '领导'],
    ]);
    expect(await call('search.deleteSaved', { id: saved.id })).toEqual({ deleted: true });
    expect(await call('search.deleteSaved', { id: saved.id })).toEqual({ deleted: false });
    expect((await call('search.saved', {})).map((s) => s.name)).toEqual(['会议']);
  });

  it('taizhang search --json prints {hits:[{kind,id,code?,title,snippet?,score}]}; reindex rebuilds', async () => {
    await call('projects.close', {});
    let out = '';
    let err = '';
    const io = { out: (t: string) => (out += `${t}\n`), err: (t: string) => (err += `${t}\n`) };
    expect(await runCli(['search', cdir, 'A1.1', '--json'], io)).toBe(0);
    const json = JSON.parse(out) as { hits: Record<string, unknown>[] };
    expect(json.hits[0]).toMatchObject({
      kind: 'indicator',
      id: expect.any(Number),
      code: 'A1.1',
      title: '领导小组',
      score: expect.any(Number),
    });
    out = '';
    expect(await runCli(['search', cdir, '会议', '--type', 'material', '--json'], io)).toBe(0);
    expect(JSON.parse(out)).toEqual({
      hits: [
        {
          kind: 'material',
          id: 1,
          title: '领导小组会议纪要',
          snippet: '领导小组«会议»纪要',
          score: 549,
          match: 'title',
        },
      ],
    });
    out = '';
    expect(await runCli(['search', cdir, 'lingdao'], io)).toBe(0);
    expect(out).toContain('[指标] A1.1 领导小组');
    expect(await runCli(['search', cdir, '会议', '--type', 'x'], io)).toBe(2);
    out = '';
    expect(await runCli(['reindex', cdir, '--json'], io)).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ items: 1, pages: 0 });
    expect(err).toContain('--type');
  });
});
