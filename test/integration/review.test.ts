import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-database';
import { migrations } from '../../electron/core/db/migrations';
import type { IndicatorNode } from '../../shared/systems/api-types';
import { pdf } from '../fixtures/evidence-files';
import { jobResult, testCore } from '../helpers/core-client';
import { tempDir } from '../helpers/temp-dir';

/*
 * Reviewer mode (issue 7 point 5) through the dispatcher, as the UI calls it: an indicator's
 * evidence in binding order, 合格 / 需补充 with the status and the collector's notification,
 * and 只读审阅 where every change is refused.
 */

const { core, call, fail } = testCore('王审核');
let dir: string;
let indicators: IndicatorNode[];
let branch: IndicatorNode;
/** Two leaves under `branch`, with their 收集人. */
let leafA: IndicatorNode;
let leafB: IndicatorNode;
/** Item ids by name. */
const item: Record<string, number> = {};

async function add(name: string, indicatorId: number, created: Date): Promise<number> {
  const src = tempDir('收到的 文件');
  const file = path.join(src, name);
  fs.writeFileSync(file, await pdf(1, { created }));
  const { jobId } = await call('materials.add', { paths: [file], indicatorIds: [indicatorId] });
  const report = await jobResult<{ added: { id: number }[] }>(core, jobId);
  return report.added[0]!.id;
}

beforeAll(async () => {
  dir = path.join(tempDir(), '审阅 项目');
  await call('projects.create', { dir, name: 'XX街道办事处', year: 2026 });
  const { systemId } = await call('systems.importSample', {});
  indicators = (await call('systems.tree', { systemId })).indicators;
  leafA = indicators.find((n) => n.level === 3 && n.applicable && n.collector)!;
  branch = indicators.find((n) => n.id === leafA.parentId)!;
  leafB = indicators.find((n) => n.parentId === branch.id && n.id !== leafA.id && n.applicable)!;
  // Under A: 通知 (later date) and 方案 (earlier); under B: 记录; 照片 under both; 草稿 rejected; 旧件 in the trash.
  item.notice = await add('会议通知.pdf', leafA.id, new Date(2026, 2, 10));
  item.plan = await add('工作方案.pdf', leafA.id, new Date(2026, 1, 5));
  item.record = await add('会议记录.pdf', leafB.id, new Date(2026, 0, 3));
  item.photo = await add('活动照片.pdf', leafB.id, new Date(2026, 3, 1));
  await call('materials.link', { ids: [item.photo], indicatorId: leafA.id });
  item.draft = await add('草稿.pdf', leafA.id, new Date(2026, 0, 1));
  await call('materials.setStatus', { ids: [item.draft], status: 'rejected', comment: '' });
  item.old = await add('旧件.pdf', leafA.id, new Date(2026, 0, 2));
  await call('materials.trash', { ids: [item.old] });
}, 60_000);

describe('review.items', () => {
  it('lists the subtree in binding order, each item once, without rejected or trashed items', async () => {
    const { items } = await call('review.items', { indicatorId: branch.id });
    // A first (tree order); within A the user's order: arranged items keep the order they were linked in.
    const ids = items.map((i) => i.material.id);
    expect(ids).toEqual([item.notice, item.plan, item.photo, item.record]);
    expect(items.find((i) => i.material.id === item.photo)!.indicatorId).toBe(leafA.id);
    expect(items.every((i) => i.review === null)).toBe(true);

    // The user's order (materials.arrange) is the binding order.
    await call('materials.arrange', { indicatorId: leafA.id, ids: [item.photo, item.plan, item.notice, item.draft] });
    const again = await call('review.items', { indicatorId: branch.id });
    expect(again.items.map((i) => i.material.id)).toEqual([item.photo, item.plan, item.notice, item.record]);

    const leaf = await call('review.items', { indicatorId: leafB.id });
    expect(leaf.items.map((i) => i.material.id)).toEqual([item.record, item.photo]);
  });

  it('says which indicator is missing', async () => {
    expect((await fail('review.items', { indicatorId: 999_999 })).code).toBe('NOT_FOUND');
  });
});

describe('review.mark', () => {
  it('refuses 需补充 without a comment', async () => {
    const error = await fail('review.mark', { itemId: item.record, verdict: 'needs', comment: '  ' });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('还缺什么');
  });

  it('需补充 sets the item 待补充 with the comment and notifies the collector of its indicator', async () => {
    const r = await call('review.mark', {
      itemId: item.record,
      verdict: 'needs',
      comment: '缺少签到表',
      indicatorId: branch.id,
    });
    expect(r.material.status).toBe('incomplete');
    expect(r.material.statusComment).toBe('缺少签到表');
    expect(r.review).toMatchObject({ verdict: 'needs', comment: '缺少签到表', by: '王审核', indicatorId: branch.id });
    expect(r.notified).toEqual([leafB.collector]);

    const list = await call('notifications.list', {});
    expect(list.unread).toBe(1);
    expect(list.items[0]).toMatchObject({
      kind: 'review.needs',
      personId: leafB.collectorId,
      personName: leafB.collector,
      materialId: item.record,
      indicatorId: leafB.id,
      title: '《会议记录》需补充',
      body: '缺少签到表',
      createdBy: '王审核',
      readAt: null,
    });
    // The history tells the verdict and the status change.
    const history = await call('materials.history', { id: item.record });
    expect(history.map((h) => h.action)).toEqual(expect.arrayContaining(['material.status', 'material.review']));

    const { items } = await call('review.items', { indicatorId: branch.id });
    expect(items.find((i) => i.material.id === item.record)!.review?.verdict).toBe('needs');
  });

  it('notifies the nearest ancestor’s collector when the leaf has none', async () => {
    await call('indicators.update', { id: leafA.id, patch: { collectorId: null } });
    const person = await call('people.save', { name: '赵科长', unit: '', phone: '', note: '' });
    await call('indicators.update', { id: branch.id, patch: { collectorId: person.id } });
    const r = await call('review.mark', { itemId: item.notice, verdict: 'needs', comment: '缺盖章' });
    expect(r.notified).toEqual(['赵科长']);
    const mine = await call('notifications.list', { personId: person.id });
    expect(mine.items.map((n) => n.materialId)).toEqual([item.notice]);
    expect(mine.unread).toBe(1);
  });

  it('合格 confirms the item: 待补充 becomes 已甄选 with its note cleared (kept in the history); 已整理 stays', async () => {
    const r = await call('review.mark', { itemId: item.record, verdict: 'ok' });
    expect(r.material.status).toBe('selected');
    expect(r.material.statusComment).toBe('');
    expect(r.review.verdict).toBe('ok');
    expect(r.notified).toEqual([]);
    const history = await call('materials.history', { id: item.record });
    expect(history.some((h) => h.action === 'material.status' && h.detail.comment === '缺少签到表')).toBe(true);

    await call('materials.setStatus', { ids: [item.plan], status: 'organized', comment: '' });
    const kept = await call('review.mark', { itemId: item.plan, verdict: 'ok' });
    expect(kept.material.status).toBe('organized');
  });

  it('refuses an item in the trash', async () => {
    expect((await fail('review.mark', { itemId: item.old, verdict: 'ok' })).code).toBe('CONFLICT');
  });

  it('notifications are marked read one by one or all at once', async () => {
    const before = await call('notifications.list', {});
    expect(before.unread).toBe(2);
    expect(await call('notifications.markRead', { ids: [before.items[0]!.id] })).toEqual({ marked: 1 });
    const unread = await call('notifications.list', { unreadOnly: true });
    expect(unread.items).toHaveLength(1);
    expect(unread.unread).toBe(1);
    expect(await call('notifications.markRead', {})).toEqual({ marked: 1 });
    expect((await call('notifications.list', {})).unread).toBe(0);
  });
});

describe('只读审阅', () => {
  it('opens the project read-only: reading works, every change is refused with a clear message', async () => {
    const info = await call('projects.open', { dir, readOnly: true });
    expect(info.readOnly).toBe(true);
    expect((await call('projects.current', {}))!.readOnly).toBe(true);
    expect((await call('review.items', { indicatorId: branch.id })).items).toHaveLength(4);
    expect((await call('notifications.list', {})).items).toHaveLength(2);

    const refused = await fail('review.mark', { itemId: item.photo, verdict: 'ok' });
    expect(refused.code).toBe('LOCKED');
    expect(refused.message).toContain('只读审阅');
    expect((await fail('materials.update', { ids: [item.photo], patch: { title: '改名' } })).code).toBe('LOCKED');
    expect((await fail('notifications.markRead', {})).code).toBe('LOCKED');

    // Back to editing: the same folder opened normally again.
    const writable = await call('projects.open', { dir });
    expect(writable.readOnly).toBe(false);
    await call('review.mark', { itemId: item.photo, verdict: 'ok' });
  });
});

describe('migration 6', () => {
  it('adds review marks and notifications to a version 5 database, keeping its data', () => {
    const file = path.join(tempDir(), 'v5.sqlite');
    openDatabase(file, { create: true, migrations: migrations.slice(0, 5) }).close();
    const raw = new BetterSqlite3(file);
    raw.prepare("INSERT INTO people (name) VALUES ('张丽')").run();
    raw.close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
      (t) => t.name,
    );
    expect(tables).toEqual(expect.arrayContaining(['review_marks', 'notifications']));
    expect(db.prepare('SELECT name FROM people').all()).toEqual([{ name: '张丽' }]);
    db.close();
  });
});
