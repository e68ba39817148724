import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import type { GapResult } from '../../shared/gaps/model';
import type { AddReport } from '../../shared/materials/api-types';
import type { IndicatorNode } from '../../shared/systems/api-types';
import { pdf, photo } from '../fixtures/evidence-files';
import { jobResult, testCore } from '../helpers/core-client';
import { tempDir } from '../helpers/temp-dir';

const { core, call } = testCore('文明办');

const added = (jobId: string) => jobResult<AddReport>(core, jobId);

let dir: string;
let systemId: number;
let leaf: IndicatorNode;
const result = (r: GapResult, id: number) => r.indicators.find((i) => i.id === id)!;

beforeAll(async () => {
  dir = path.join(tempDir(), '查漏 项目');
  await call('projects.create', { dir, name: 'XX街道办事处', year: 2026 });
  systemId = (await call('systems.importSample', {})).systemId;
  const { indicators } = await call('systems.tree', { systemId });
  const parents = new Set(indicators.map((n) => n.parentId));
  leaf = indicators.find((n) => !parents.has(n.id) && n.applicable && n.methods.some((m) => m.includes('材料')))!;
  await call('indicators.update', {
    id: leaf.id,
    patch: {
      rules: [
        { type: 'docType', params: { kind: '方案' }, text: '提供工作方案', confirmed: true },
        { type: 'count', params: { min: 2, kind: '照片' }, text: '活动照片不少于2张', confirmed: true },
        // Suggestions that were never confirmed are not checked.
        { type: 'count', params: { min: 99 }, text: '未确认的建议', confirmed: false },
      ],
    },
  });
});

describe('查漏补缺 on a real project', () => {
  it('finds the gaps of an indicator, and they close as the evidence is added and linked', async () => {
    const before = await call('gaps.check', { systemId });
    expect(result(before, leaf.id)).toMatchObject({ status: 'missing' });
    const messages = result(before, leaf.id).findings.map((f) => f.message);
    expect(messages).toEqual(
      expect.arrayContaining([expect.stringMatching(/方案/), expect.stringMatching(/照片.*至少2件.*现有0件/)]),
    );
    expect(messages.join()).not.toMatch(/99/);

    const src = tempDir('证据');
    fs.writeFileSync(path.join(src, '创建工作实施方案20250910.pdf'), await pdf(2));
    fs.writeFileSync(path.join(src, '活动照片1.jpg'), await photo({ seed: 1, exifDate: '2025:09:20 10:00:00' }));
    fs.writeFileSync(path.join(src, '活动照片2.jpg'), await photo({ seed: 2, exifDate: '2025:10:08 15:30:00' }));
    const report = await added((await call('materials.add', { paths: [src], indicatorIds: [leaf.id] })).jobId);
    expect(report.added).toHaveLength(3);
    const plan = report.added.find((a) => a.title.includes('方案'))!;
    await call('materials.update', { ids: [plan.id], patch: { type: '方案' } });

    const after = await call('gaps.check', { systemId });
    const mine = result(after, leaf.id);
    expect(mine.findings.filter((f) => f.severity !== 'note')).toEqual([]);
    expect(mine.status).toBe('complete');
    expect(mine.satisfied.flatMap((s) => s.itemIds).sort()).toEqual(report.added.map((a) => a.id).sort());
    expect(after.summary.complete).toBe(before.summary.complete + 1);

    // 已剔除 never counts: one photo rejected leaves the count rule short again.
    const photoIds = report.added.filter((a) => a.title.startsWith('活动照片')).map((a) => a.id);
    await call('materials.setStatus', { ids: [photoIds[0]!], status: 'rejected', comment: '' });
    const rejected = result(await call('gaps.check', { systemId }), leaf.id);
    expect(rejected.status).toBe('partial');
    expect(rejected.findings.map((f) => f.message)).toContainEqual(expect.stringMatching(/照片.*至少2件.*现有1件/));
    await call('materials.setStatus', { ids: [photoIds[0]!], status: 'selected', comment: '' });
  });

  it('exports an .xlsx report: totals, every finding with who is responsible, and a sheet per person', async () => {
    const file = await call('gaps.export', { systemId });
    const book = XLSX.read(Buffer.from(file.dataBase64!, 'base64'));
    expect(file.fileName).toMatch(/^查漏补缺报告-.*\.xlsx$/);
    expect(book.SheetNames.slice(0, 2)).toEqual(['汇总', '全部问题']);
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets['全部问题']!);
    expect(Object.keys(rows[0]!)).toEqual(
      expect.arrayContaining(['指标编码', '指标名称', '状态', '规则', '期间', '需要', '现有', '说明', '收集人']),
    );
    const result = await call('gaps.check', { systemId });
    expect(rows).toHaveLength(result.indicators.reduce((n, r) => n + r.findings.length, 0));
    const people = new Set(rows.map((r) => String(r['收集人'] ?? '') || '未指定收集人'));
    for (const who of people) expect(book.SheetNames).toContain(who);

    const onlyMissing = await call('gaps.export', { systemId, statuses: ['missing'] });
    const missingRows = XLSX.utils.sheet_to_json<Record<string, unknown>>(
      XLSX.read(Buffer.from(onlyMissing.dataBase64!, 'base64')).Sheets['全部问题']!,
    );
    expect(missingRows.length).toBeGreaterThan(0);
    expect(new Set(missingRows.map((r) => r['状态']))).toEqual(new Set(['缺失']));
  });

  it('exports a printable Chinese PDF report that independent tools read', async () => {
    const file = await call('gaps.export', { systemId, format: 'pdf' });
    expect(file.fileName).toMatch(/^查漏补缺报告-.*\.pdf$/);
    const target = path.join(tempDir('报告'), file.fileName);
    fs.writeFileSync(target, Buffer.from(file.dataBase64!, 'base64'));
    expect(spawnSync('qpdf', ['--check', target]).status).toBe(0);
    const fonts = spawnSync('pdffonts', [target], { encoding: 'utf8' }).stdout;
    // Every font embedded (the report must look the same on any PC and printer).
    const fontLines = fonts.split('\n').slice(2).filter(Boolean);
    expect(fontLines.length).toBeGreaterThan(0);
    expect(fontLines.every((l) => / yes /.test(l))).toBe(true);
    const text = spawnSync('pdftotext', ['-layout', target, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('查漏补缺报告');
    expect(text).toContain('XX街道办事处');
    expect(text).toMatch(/末级指标：齐全 \d+，部分 \d+，缺失 \d+，无要求 \d+/);
    const result = await call('gaps.check', { systemId });
    const someMessage = result.indicators.flatMap((r) => r.findings)[0]!.message;
    expect(text.replace(/\s+/g, '')).toContain(someMessage.replace(/\s+/g, ''));
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [target], { encoding: 'utf8' }).stdout)![1]);
    expect(text).toMatch(new RegExp(`第\\s*1\\s*页\\s*共\\s*${pages}\\s*页`));
  });

  it("offers built-in festivals and the office's own events to event rules", async () => {
    await call('gaps.saveEvent', { name: '社区邻里节', date: '2025-11-15', note: '' });
    const names = await call('gaps.eventNames', {});
    expect(names).toEqual(expect.arrayContaining(['春节', '中秋节', '重阳节', '学雷锋日', '社区邻里节']));
    await call('indicators.update', {
      id: leaf.id,
      patch: {
        rules: [
          {
            type: 'event',
            params: { events: ['社区邻里节'], withinDays: 3, kind: '照片' },
            text: '邻里节',
            confirmed: true,
          },
        ],
      },
    });
    const r = result(await call('gaps.check', { systemId }), leaf.id);
    expect(r.findings.map((f) => f.message)).toContainEqual(expect.stringMatching(/社区邻里节.*11月15日.*照片/));
  });

  it('answers `taizhang gaps` with the public JSON and writes the report with --out', async () => {
    await core.dispatch('projects.close', {});
    let out = '';
    let err = '';
    const run = (...argv: string[]) => {
      out = '';
      err = '';
      return runCli(['gaps', dir, ...argv], { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
    };
    expect(await run('--json')).toBe(0);
    const json = JSON.parse(out) as {
      summary: Record<string, number>;
      indicators: { code: string; title: string; status: string; findings: Record<string, unknown>[] }[];
    };
    expect(Object.keys(json.summary).sort()).toEqual(['complete', 'missing', 'none', 'partial']);
    const withFindings = json.indicators.find((i) => i.findings.length > 0)!;
    expect(Object.keys(withFindings).sort()).toEqual(['code', 'findings', 'status', 'title']);
    expect(Object.keys(withFindings.findings[0]!).sort()).toEqual(['have', 'message', 'need', 'period', 'rule']);

    const target = path.join(tempDir('报告'), '查漏补缺 报告.xlsx');
    expect(await run('--out', target)).toBe(0);
    expect(out).toMatch(/齐全 \d+，部分 \d+，缺失 \d+，无要求 \d+/);
    expect(XLSX.read(fs.readFileSync(target)).SheetNames).toContain('全部问题');
    expect(await run('--system', 'x')).toBe(2);
    expect(err).toMatch(/测评体系编号/);
  });
});
