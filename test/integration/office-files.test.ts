import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addMaterials } from '../../electron/core/materials/add-materials';
import { createProject, type Project } from '../../electron/core/project/project';
import { verifyProject } from '../../electron/core/project/verify';
import { convertWithSoffice, docx, openDocument } from '../fixtures/evidence-files';
import { workbook } from '../fixtures/workbooks';
import { tempDir } from '../helpers/temp-dir';

// LibreOffice (Debian's libreoffice-*-nogui, installed by .ci/run) converts Office files.
const open: Project[] = [];
afterEach(() => {
  for (const p of open.splice(0)) p.close();
});
function newProject(): Project {
  const p = createProject(path.join(tempDir(), '项目'), { name: '单位', year: 2026 }, { userName: '测试员' });
  open.push(p);
  return p;
}

describe('Word, WPS and Excel files', () => {
  it('keep the original and get a PDF made once, with its page count', async () => {
    const project = newProject();
    const src = tempDir('办公 文件');
    const word = docx(['关于开展志愿服务活动的通知', '各社区：现将有关事项通知如下。']);
    fs.writeFileSync(path.join(src, '1.关于开展志愿服务活动的通知（文明办〔2024〕12号）.docx'), word);
    fs.writeFileSync(
      path.join(src, '志愿者花名册.xlsx'),
      workbook([
        {
          name: '花名册',
          rows: [
            ['姓名', '社区'],
            ['张丽', '东风社区'],
          ],
        },
      ]),
    );
    fs.writeFileSync(
      path.join(src, '旧版台账.xls'),
      workbook(
        [
          {
            name: '台账',
            rows: [
              ['日期', '活动'],
              ['2024-03-05', '学雷锋'],
            ],
          },
        ],
        'biff8',
      ),
    );
    // A Word file renamed by a chat app: still recognised by its content.
    fs.writeFileSync(path.join(src, '会议通知.dat'), word);
    const report = await addMaterials(project, [src]);
    expect(report.failed).toEqual([]);
    expect(report.duplicates).toHaveLength(1);
    expect(report.added.map((a) => a.title).sort()).toEqual(
      ['关于开展志愿服务活动的通知（文明办〔2024〕12号）', '志愿者花名册', '旧版台账'].sort(),
    );
    const rows = project.db
      .prepare(
        `SELECT m.title, m.doc_no, m.pages, f.sha256, f.converted_sha256, b.mime FROM materials m
         JOIN material_files f ON f.material_id = m.id JOIN blobs b ON b.sha256 = f.converted_sha256 ORDER BY m.id`,
      )
      .all() as {
      title: string;
      doc_no: string;
      pages: number;
      sha256: string;
      converted_sha256: string;
      mime: string;
    }[];
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r.pages).toBeGreaterThanOrEqual(1);
      expect(r.mime).toBe('application/pdf');
      expect(fs.readFileSync(project.store.pathOf(r.converted_sha256)).subarray(0, 5).toString()).toBe('%PDF-');
    }
    const notice = rows.find((r) => r.title.startsWith('关于开展'))!;
    expect(notice.doc_no).toBe('文明办〔2024〕12号');
    expect(fs.readFileSync(project.store.pathOf(notice.sha256))).toEqual(word);
    // The converted PDF's text is kept per page for search, Chinese included.
    const text = project.db
      .prepare('SELECT text FROM page_texts WHERE sha256 = ? AND page = 1')
      .pluck()
      .get(notice.converted_sha256) as string;
    expect(text.replace(/\s+/g, '')).toContain('各社区：现将有关事项通知如下。');
    expect(await verifyProject(project)).toMatchObject({ ok: true, checkedFiles: 6, orphans: [] });
  }, 120_000);

  it('also take OpenDocument, WPS/ET, old Word and PowerPoint files, each with its text per page', async () => {
    const project = newProject();
    const src = tempDir('各种 办公文件');
    const odt = openDocument('text', ['示文明办〔2025〕3号', '社区志愿服务活动总结', '本季度共开展活动六次。']);
    const odp = openDocument('presentation', ['垃圾分类宣传培训课件']);
    const doc = convertWithSoffice(odt, 'odt', 'doc');
    const xls = workbook(
      [
        {
          name: '台账',
          rows: [
            ['日期', '活动'],
            ['2025-03-05', '学雷锋志愿服务'],
          ],
        },
      ],
      'biff8',
    );
    const files: Record<string, { bytes: Buffer; text: string }> = {
      '活动总结.odt': { bytes: odt, text: '社区志愿服务活动总结' },
      '旧版活动总结.doc': { bytes: doc, text: '社区志愿服务活动总结' },
      // WPS 文字/表格 save .wps/.et in the same binary formats as Word/Excel.
      '金山文字.wps': { bytes: doc, text: '本季度共开展活动六次' },
      '金山表格.et': { bytes: xls, text: '学雷锋志愿服务' },
      '培训课件.pptx': { bytes: convertWithSoffice(odp, 'odp', 'pptx'), text: '垃圾分类宣传培训课件' },
      '培训课件（旧版）.ppt': { bytes: convertWithSoffice(odp, 'odp', 'ppt'), text: '垃圾分类宣传培训课件' },
    };
    for (const [name, f] of Object.entries(files)) fs.writeFileSync(path.join(src, name), f.bytes);
    const report = await addMaterials(project, [src]);
    expect(report.failed).toEqual([]);
    // The .wps is the .doc's bytes under another name: the same original, so one is 已存在.
    expect(report.added.length + report.duplicates.length).toBe(6);
    expect(report.duplicates).toHaveLength(1);
    expect(['金山文字.wps', '旧版活动总结.doc']).toContain(path.basename(report.duplicates[0]!.path));
    for (const a of report.added) {
      const row = project.db
        .prepare(
          `SELECT f.original_name AS name, f.converted_sha256 AS pdf, b.mime FROM material_files f
           JOIN blobs b ON b.sha256 = f.converted_sha256 WHERE f.material_id = ?`,
        )
        .get(a.id) as { name: string; pdf: string; mime: string };
      expect(row.mime).toBe('application/pdf');
      const pages = project.db.prepare('SELECT text FROM page_texts WHERE sha256 = ? ORDER BY page').pluck();
      const text = (pages.all(row.pdf) as string[]).join('').replace(/\s+/g, '');
      expect(text).toContain(files[row.name]!.text);
    }
    // The 文号 printed at the head of the first page, where the file name has none.
    const docNo = project.db
      .prepare(
        "SELECT m.doc_no FROM materials m JOIN material_files f ON f.material_id = m.id WHERE f.original_name = '活动总结.odt'",
      )
      .pluck()
      .get();
    expect(docNo).toBe('示文明办〔2025〕3号');
  }, 240_000);

  it('say what to do when no converter is installed, and report a broken Office file', async () => {
    const project = newProject();
    const src = tempDir();
    fs.writeFileSync(path.join(src, '方案.docx'), docx(['方案']));
    const none = await addMaterials(project, [src], { soffice: false });
    expect(none.failed).toEqual([
      {
        path: path.join(src, '方案.docx'),
        code: 'NO_CONVERTER',
        message: expect.stringMatching(/方案\.docx.*LibreOffice.*另存为 PDF/),
      },
    ]);
    const broken = tempDir();
    const bytes = docx(['x']);
    fs.writeFileSync(path.join(broken, '损坏的文档.docx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    const bad = await addMaterials(project, [broken]);
    expect(bad.failed.map((f) => [path.basename(f.path), f.code])).toEqual([['损坏的文档.docx', 'CORRUPT']]);
    expect(await verifyProject(project)).toMatchObject({ ok: true, checkedFiles: 0, orphans: [] });
  }, 120_000);
});
