import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkGaps } from '../../electron/core/gaps/gap-service';
import { createProject } from '../../electron/core/project/project';
import { evaluateGaps } from '../../shared/gaps/evaluate';
import type { GapIndicator, GapInput, GapItem } from '../../shared/gaps/model';

/*
 * 查漏补缺 at the size the issue names: 1,000 indicators (10 top, 90 branches, 900 leaves) and 20,000
 * items, rules of every kind, measured on plain data (the checker) and fed from a real
 * project database (what the UI waits for).
 */

const TYPES = ['方案', '总结', '照片', '会议记录', '通知', '简报'];

function bigInput(): GapInput {
  const indicators: GapIndicator[] = [];
  const base = { applicable: true, methods: ['材料审核'], collector: '张丽', reviewer: '王建国', deadline: '' };
  let id = 0;
  const leaves: number[] = [];
  for (let a = 1; a <= 10; a++) {
    const aId = ++id;
    indicators.push({ ...base, id: aId, parentId: null, code: `A${a}`, title: `一级${a}`, rules: [], itemIds: [] });
    for (let b = 1; b <= 9; b++) {
      const bId = ++id;
      indicators.push({
        ...base,
        id: bId,
        parentId: aId,
        code: `A${a}.${b}`,
        title: `二级${a}-${b}`,
        rules: [],
        itemIds: [],
      });
      for (let c = 1; c <= 10; c++) {
        const cId = ++id;
        leaves.push(cId);
        const rules = [
          {
            type: 'periodic',
            params: { period: 'quarter', min: 1, kind: '会议记录' },
            text: '每季度一次',
            confirmed: true,
          },
          { type: 'periodic', params: { period: 'month', min: 1 }, text: '每月', confirmed: true },
          { type: 'count', params: { min: 6, kind: '照片' }, text: '不少于6次', confirmed: true },
          { type: 'event', params: { events: ['传统节日'], withinDays: 7 }, text: '传统节日', confirmed: true },
          { type: 'docType', params: { kind: '方案' }, text: '方案', confirmed: true },
          { type: 'package', params: { kinds: ['方案', '照片', '总结'] }, text: '活动', confirmed: true },
        ];
        indicators.push({
          ...base,
          id: cId,
          parentId: bId,
          code: `A${a}.${b}.${c}`,
          title: `三级${a}-${b}-${c}`,
          rules,
          itemIds: [],
        });
      }
    }
  }
  const items: GapItem[] = [];
  const byId = new Map(indicators.map((n) => [n.id, n]));
  for (let i = 1; i <= 20_000; i++) {
    const day = new Date(Date.UTC(2025, 7, 1) + ((i * 7919) % 365) * 86_400_000);
    items.push({
      id: i,
      title: i % 97 === 0 ? '20xx年工作总结' : `材料${i}`,
      docNo: '',
      date: i % 53 === 0 ? null : day.toISOString().slice(0, 10),
      type: TYPES[i % TYPES.length]!,
      status: i % 41 === 0 ? 'rejected' : 'selected',
      activity: `活动${i % 300}`,
    });
    byId.get(leaves[i % leaves.length]!)!.itemIds.push(i);
  }
  return {
    indicators,
    items,
    window: { start: '2025-08-01', end: '2026-07-31' },
    customEvents: [],
    today: '2026-06-01',
  };
}

function time(run: () => void, times: number): { median: number; max: number } {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    run();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(ms.length / 2)]!, max: ms[ms.length - 1]! };
}

function seedProject(input: GapInput): { dir: string; systemId: number; project: ReturnType<typeof createProject> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), '台账 gaps-'));
  const project = createProject(path.join(dir, 'p'), { name: '基准', year: 2026 }, { userName: 'bench' });
  const db = project.db;
  const now = new Date().toISOString();
  db.transaction(() => {
    const systemId = Number(
      db
        .prepare("INSERT INTO systems (name, window_start, window_end, created_at) VALUES ('基准体系', ?, ?, ?)")
        .run(input.window.start, input.window.end, now).lastInsertRowid,
    );
    const ind = db.prepare(
      'INSERT INTO indicators (id, system_id, parent_id, level, sort, code, title, methods, rules) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    input.indicators.forEach((n, i) =>
      ind.run(
        n.id,
        systemId,
        n.parentId,
        n.code.split('.').length,
        i,
        n.code,
        n.title,
        JSON.stringify(n.methods),
        JSON.stringify(n.rules),
      ),
    );
    const item = db.prepare(
      'INSERT INTO materials (id, title, doc_no, date, type, status, activity, pages, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)',
    );
    for (const it of input.items)
      item.run(it.id, it.title, it.docNo, it.date, it.type, it.status, it.activity, now, now);
    const link = db.prepare('INSERT INTO material_links (material_id, indicator_id, sort) VALUES (?, ?, ?)');
    for (const n of input.indicators) n.itemIds.forEach((m, i) => link.run(m, n.id, i));
  })();
  return { dir, systemId: 1, project };
}

export async function gapCheckBench(): Promise<string[]> {
  const input = bigInput();
  const linked = input.indicators.reduce((n, i) => n + i.itemIds.length, 0);
  evaluateGaps(input);
  const pure = time(() => evaluateGaps(input), 15);
  const { dir, systemId, project } = seedProject(input);
  try {
    checkGaps(project.db, systemId, input.today);
    const fed = time(() => checkGaps(project.db, systemId, input.today), 10);
    const findings = evaluateGaps(input).indicators.reduce((n, r) => n + r.findings.length, 0);
    return [
      `gap check: ${input.indicators.length} indicators, ${input.items.length} items (${linked} links), 6 rules per leaf → ${findings} findings`,
      `  checker on plain data: median ${pure.median.toFixed(0)} ms, worst ${pure.max.toFixed(0)} ms (target < 200 ms)`,
      `  read from the project database + check: median ${fed.median.toFixed(0)} ms, worst ${fed.max.toFixed(0)} ms`,
    ];
  } finally {
    project.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
