import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import type { IndicatorDraft, SystemFile } from '../../shared/systems/model';
import { SAMPLE_SYSTEM } from '../../shared/systems/sample-system';
import { testCore } from '../helpers/core-client';
import { tempDir } from '../helpers/temp-dir';
import { workbook } from '../fixtures/workbooks';

const { call, fail, core } = testCore();
let projectDir: string;

beforeAll(async () => {
  projectDir = path.join(tempDir(), '体系 管理');
  await call('projects.create', { dir: projectDir, name: 'XX街道办事处', year: 2026 });
});

/** Drafts without what legitimately differs between two imports (keys and source rows). */
function comparable(list: IndicatorDraft[]) {
  const index = new Map(list.map((d, i) => [d.key, i]));
  return list.map(({ key: _k, sourceRow: _r, parentKey, ...d }) => ({
    ...d,
    parent: parentKey === null ? null : index.get(parentKey),
  }));
}

async function importBytes(fileName: string, bytes: Buffer, name: string) {
  const view = await call('systems.importOpen', { fileName, dataBase64: bytes.toString('base64') });
  const meta = view.meta ?? { name, edition: '', windowStart: null, windowEnd: null, levelNames: [] };
  return call('systems.importCommit', { sourceId: view.sourceId, sheet: view.suggestedSheet, mapping: null, meta });
}

async function exported(systemId: number, format: 'xlsx' | 'json') {
  const out = await call('systems.export', { systemId, format });
  return Buffer.from(out.dataBase64!, 'base64');
}

const fileOf = async (systemId: number) =>
  JSON.parse((await exported(systemId, 'json')).toString('utf8')) as SystemFile;

describe('the built-in sample', () => {
  it('imports as data with 8 / ~30 / ~80 indicators and suggested rules', async () => {
    const { systemId, indicatorCount } = await call('systems.importSample', {});
    expect(indicatorCount).toBe(SAMPLE_SYSTEM.indicators.length);
    const { system, indicators } = await call('systems.tree', { systemId });
    expect(system).toMatchObject({
      name: SAMPLE_SYSTEM.system.name,
      windowStart: '2025-08-01',
      windowEnd: '2026-07-31',
    });
    expect(indicators.filter((n) => n.level === 1)).toHaveLength(8);
    expect(indicators.filter((n) => n.rules.some((r) => r.type === 'periodic')).length).toBeGreaterThanOrEqual(15);
    expect(indicators.filter((n) => n.collector !== '').length).toBeGreaterThan(60);
    const people = await call('people.list', {});
    expect(people.map((p) => p.name)).toEqual(expect.arrayContaining(['张丽', '李主任']));
  });

  it('its .xlsx (title row, two-row header, merged levels, footnote) imports back to exactly the data', async () => {
    const sample = await call('systems.sampleWorkbook', {});
    expect(sample.fileName).toBe('示例测评体系.xlsx');
    const { systemId } = await importBytes(sample.fileName, Buffer.from(sample.dataBase64!, 'base64'), '示例（表格）');
    const fromSheet = await fileOf(systemId);
    const fromData = await fileOf(1);
    expect(comparable(fromSheet.indicators)).toEqual(comparable(fromData.indicators));
  });
});

describe('export and import round-trip exactly', () => {
  it('as JSON and as .xlsx, including edits, rules, people, subset and the window', async () => {
    const { systemId } = await call('systems.importSample', {});
    const { indicators } = await call('systems.tree', { systemId });
    const leaf = indicators.find((n) => n.level === 3)!;
    const person = await call('people.save', { name: '郑小红', unit: '文明办', phone: '13800000000', note: '' });
    await call('indicators.update', {
      id: leaf.id,
      patch: {
        title: '标题里有（括号）和 A1.2 这样的字',
        requirement: '第一行\n第二行：每月至少一次',
        rules: [{ type: 'periodic', params: { period: 'month', min: 1 }, text: '每月至少一次', confirmed: true }],
        collectorId: person.id,
        deadline: '长期坚持',
        score: 2.5,
      },
    });
    await call('indicators.setApplicable', { ids: [indicators[0]!.id], applicable: false });
    await call('systems.update', {
      systemId,
      patch: { name: '创文测评体系', edition: '2026版', windowStart: '2025-09-01', windowEnd: '2026-08-31' },
    });
    const original = await fileOf(systemId);

    for (const format of ['json', 'xlsx'] as const) {
      const bytes = await exported(systemId, format);
      const again = await importBytes(`导出.${format}`, bytes, '不应使用这个名字');
      const copy = await fileOf(again.systemId);
      expect(copy.system).toEqual(original.system);
      expect(comparable(copy.indicators)).toEqual(comparable(original.indicators));
    }
  });
});

describe('managing systems', () => {
  it('renames, validates the window, and deletes with confirmation of what goes', async () => {
    const { systemId } = await call('systems.importSample', {});
    const renamed = await call('systems.update', { systemId, patch: { name: '未成年人思想道德建设' } });
    expect(renamed.name).toBe('未成年人思想道德建设');
    const bad = await fail('systems.update', {
      systemId,
      patch: { windowStart: '2026-08-01', windowEnd: '2026-01-01' },
    });
    expect(bad.message).toMatch(/开始日期.*晚于结束日期/);

    // A material linked to one of its indicators survives the deletion; only the link goes.
    const { indicators } = await call('systems.tree', { systemId });
    const project = core.context.session.current()!;
    const now = new Date().toISOString();
    const m = project.db
      .prepare("INSERT INTO materials (title, created_at, updated_at) VALUES ('工作方案', ?, ?)")
      .run(now, now).lastInsertRowid;
    project.db
      .prepare('INSERT INTO material_links (material_id, indicator_id) VALUES (?, ?)')
      .run(m, indicators[5]!.id);
    expect(await call('systems.delete', { systemId })).toEqual({ removedLinks: 1 });
    expect(project.db.prepare('SELECT title FROM materials WHERE id = ?').get(m)).toEqual({ title: '工作方案' });
    expect((await fail('systems.tree', { systemId })).code).toBe('NOT_FOUND');
  });

  it('marks indicators (with their subtrees) as not applying to this unit, and back', async () => {
    const { systemId } = await call('systems.importSample', {});
    const { indicators } = await call('systems.tree', { systemId });
    const top = indicators.find((n) => n.level === 1)!;
    const subtree = indicators.filter((n) => n.id === top.id || isUnder(indicators, n.id, top.id));
    await call('indicators.setApplicable', { ids: [top.id], applicable: false });
    const after = await call('systems.tree', { systemId });
    for (const n of after.indicators)
      expect(n.applicable).toBe(
        subtree.some((s) => s.id === n.id) ? false : indicators.find((i) => i.id === n.id)!.applicable,
      );
    expect(after.system.applicableCount).toBe(
      indicators.filter((n) => n.applicable).length - subtree.filter((n) => n.applicable).length,
    );
    await call('indicators.setApplicable', { ids: [top.id], applicable: true });
    expect((await call('systems.tree', { systemId })).indicators.find((n) => n.id === top.id)!.applicable).toBe(true);
  });

  it('maps a new edition onto the old one and moves material links', async () => {
    const oldEdition = workbook([
      {
        name: '旧版',
        rows: [
          ['一级指标', '二级指标'],
          ['A1 组织领导', 'A1.1 成立创建工作领导小组'],
          ['', 'A1.2 定期召开工作例会'],
          ['A2 宣传教育', 'A2.1 公益广告宣传'],
        ],
      },
    ]);
    const newEdition = workbook([
      {
        name: '新版',
        rows: [
          ['一级指标', '二级指标'],
          ['B1 组织保障', 'B1.1 成立创建工作领导小组并明确分工'],
          ['', 'B1.2 每季度召开工作例会'],
          ['B2 网络文明', 'B2.1 网络文明传播'],
        ],
      },
    ]);
    const from = (await importBytes('旧版.xlsx', oldEdition, '2024版')).systemId;
    const to = (await importBytes('新版.xlsx', newEdition, '2026版')).systemId;
    const oldNodes = (await call('systems.tree', { systemId: from })).indicators;
    const newNodes = (await call('systems.tree', { systemId: to })).indicators;
    const id = (list: typeof oldNodes, code: string) => list.find((n) => n.code === code)!.id;
    const project = core.context.session.current()!;
    const now = new Date().toISOString();
    const m = Number(
      project.db
        .prepare("INSERT INTO materials (title, created_at, updated_at) VALUES ('领导小组文件', ?, ?)")
        .run(now, now).lastInsertRowid,
    );
    project.db
      .prepare('INSERT INTO material_links (material_id, indicator_id) VALUES (?, ?)')
      .run(m, id(oldNodes, 'A1.1'));

    const proposal = await call('systems.editionMatch', { fromSystemId: from, toSystemId: to });
    const pair = proposal.pairs.find((p) => p.oldId === id(oldNodes, 'A1.1'));
    expect(pair).toMatchObject({ newId: id(newNodes, 'B1.1'), by: 'title', links: 1 });
    expect(proposal.unmatchedOld.map((u) => u.id)).toContain(id(oldNodes, 'A2.1'));
    expect(proposal.unmatchedNew.map((u) => u.id)).toContain(id(newNodes, 'B2.1'));

    const moved = await call('systems.editionApply', {
      fromSystemId: from,
      toSystemId: to,
      pairs: proposal.pairs.map(({ oldId, newId }) => ({ oldId, newId })),
    });
    expect(moved).toEqual({ movedLinks: 1 });
    expect(project.db.prepare('SELECT indicator_id AS i FROM material_links WHERE material_id = ?').all(m)).toEqual([
      { i: id(newNodes, 'B1.1') },
    ]);
  });

  it('imports a simple people sheet and updates people already known', async () => {
    const sheet = workbook([
      {
        name: '人员',
        rows: [
          ['序号', '姓名', '部门', '联系电话'],
          [1, '张丽', '宣传办', '13900000001'],
          [2, '新同事', '城管科', ''],
        ],
      },
    ]);
    const view = await call('systems.importOpen', { fileName: '人员名单.xlsx', dataBase64: sheet.toString('base64') });
    const before = await call('people.list', {});
    const result = await call('people.import', { sourceId: view.sourceId, sheet: 0 });
    expect(result).toEqual({ added: 1, updated: before.some((p) => p.name === '张丽') ? 1 : 0 });
    const people = await call('people.list', {});
    expect(people.find((p) => p.name === '新同事')).toMatchObject({ unit: '城管科' });
    expect(people.find((p) => p.name === '张丽')).toMatchObject({ unit: '宣传办', phone: '13900000001' });
  });
});

function isUnder(nodes: { id: number; parentId: number | null }[], id: number, ancestor: number): boolean {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (let p = byId.get(id)?.parentId ?? null; p !== null; p = byId.get(p)?.parentId ?? null)
    if (p === ancestor) return true;
  return false;
}

describe('taizhang system … (CLI)', () => {
  async function cli(...argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) });
    return { code, stdout, stderr };
  }

  it('imports, lists, shows and exports', async () => {
    const dir = path.join(tempDir(), '命令行 体系');
    expect((await cli('init', dir, '--name', '文明办')).code).toBe(0);
    const xlsx = path.join(tempDir(), '测评 体系.xlsx');
    fs.writeFileSync(
      xlsx,
      workbook([
        {
          name: '测评体系',
          rows: [
            ['一级指标', '二级指标', '测评方法', '材料要求'],
            ['A1 组织领导', 'A1.1 领导小组', '材料审核', '每季度至少召开一次会议'],
          ],
        },
      ]),
    );
    const imported = await cli(
      'system',
      'import',
      dir,
      xlsx,
      '--name',
      '创文',
      '--from',
      '2025-08-01',
      '--to',
      '2026-07-31',
      '--json',
    );
    expect(imported.stderr).toBe('');
    expect(JSON.parse(imported.stdout)).toMatchObject({ systemId: 1, indicatorCount: 2, name: '创文' });

    const list = JSON.parse((await cli('system', 'list', dir, '--json')).stdout);
    expect(list).toMatchObject([{ id: 1, name: '创文', windowStart: '2025-08-01', indicatorCount: 2 }]);

    const shown = JSON.parse((await cli('system', 'show', dir, '--json')).stdout);
    expect(shown.nodes).toEqual([
      expect.objectContaining({ id: 1, code: 'A1', title: '组织领导', level: 1, parent: null, methods: [] }),
      expect.objectContaining({
        id: 2,
        code: 'A1.1',
        title: '领导小组',
        level: 2,
        parent: 1,
        methods: ['材料审核'],
        requirement: '每季度至少召开一次会议',
        rules: [expect.objectContaining({ type: 'periodic' })],
      }),
    ]);

    const out = path.join(tempDir(), '导出 结果.json');
    expect((await cli('system', 'export', dir, '--out', out)).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).indicators).toHaveLength(2);

    const bad = await cli('system', 'import', dir, path.join(tempDir(), '不存在.xlsx'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/找不到文件/);
    expect((await cli('system', 'show', dir, '--system', '99')).code).toBe(1);
    expect((await cli('system', 'export', dir)).code).toBe(2);
    expect((await cli('system')).code).toBe(2);
  });
});
