import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorNode } from '../../shared/systems/api-types';
import { photo } from '../fixtures/evidence-files';
import { openIndicator, startWithSample, type SampleApp } from './harness';

/** An indicator with 10,000 items: the list stays virtual (few rows in the page) and scrolls to the last. */
describe('an indicator with 10,000 items', () => {
  let app: SampleApp;
  let leaf: IndicatorNode;
  const total = 10_000;

  beforeAll(async () => {
    app = await startWithSample({ folder: '一万件 材料', name: '文明办' });
    leaf = app.indicators.find((n) => n.level === 3)!;
    // One real photo through the importer, then 9,999 more items sharing its file, written
    // straight into the project database (importing 10,000 files is the bench's job).
    const src = path.join(app.workDir, '照片');
    fs.mkdirSync(src);
    fs.writeFileSync(path.join(src, '第00001件.jpg'), await photo({ seed: 5 }));
    const { jobId } = await app.call('materials.add', { paths: [src], indicatorIds: [leaf.id] });
    await expect(app.core.context.jobs.settled(jobId)).resolves.toMatchObject({ status: 'done' });
    // The app's own connection: the search index triggers call functions it registers.
    const db = app.core.context.session.current()!.db;
    const first = db.prepare('SELECT * FROM material_files LIMIT 1').get() as { sha256: string; original_name: string };
    const now = new Date().toISOString();
    db.transaction(() => {
      const m = db.prepare(
        "INSERT INTO materials (title, date, type, pages, created_at, updated_at) VALUES (?, '2026-03-05', '照片', 1, ?, ?)",
      );
      const f = db.prepare(
        `INSERT INTO material_files (material_id, position, sha256, original_name, source_path, imported_at, rotation, page_count)
         VALUES (?, 1, ?, ?, '', ?, 0, 1)`,
      );
      const l = db.prepare('INSERT INTO material_links (material_id, indicator_id, sort) VALUES (?, ?, ?)');
      for (let i = 2; i <= total; i++) {
        const id = Number(m.run(`第${String(i).padStart(5, '0')}件`, now, now).lastInsertRowid);
        f.run(id, first.sha256, first.original_name, now);
        l.run(id, leaf.id, i);
      }
    })();
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('renders only the rows in view and reaches the last item by scrolling', async () => {
    const { page } = app;
    await page.goto(app.bridge.url);
    await openIndicator(app, leaf);
    await expect
      .poll(() => page.locator('.tz-indicator-header').textContent(), { timeout: 20_000 })
      .toContain(`${total} 件`);
    const rows = page.locator('.tz-material-list .ant-table-row');
    // Titles in the list only: the 检查结果 beside it names items too (《第00001件》没有日期).
    const list = page.locator('.tz-material-list');
    await expect.poll(() => rows.count()).toBeGreaterThan(5);
    expect(await rows.count()).toBeLessThan(100);

    // Scroll the virtual list to its end: the 10,000th item is drawn, the first no longer is.
    const holder = page.locator('.tz-material-list .ant-table-tbody-virtual-holder');
    await holder.hover();
    await expect
      .poll(
        async () => {
          await page.mouse.wheel(0, 200_000);
          return list.getByText('第10000件').isVisible();
        },
        { timeout: 20_000, interval: 200 },
      )
      .toBe(true);
    expect(await list.getByText('第00001件').count()).toBe(0);
    expect(await rows.count()).toBeLessThan(100);
    await app.screenshot('materials-10000.png');
    expect(app.pageErrors).toEqual([]);
  });

  it('scrolls while a row is held at the bottom edge, and puts it where it is let go', async () => {
    const { page } = app;
    const rows = page.locator('.tz-material-list .ant-table-row');
    const listed = page.locator('.tz-material-list');
    const holder = page.locator('.tz-material-list .ant-table-tbody-virtual-holder');
    await holder.hover();
    await expect
      .poll(
        async () => {
          await page.mouse.wheel(0, -200_000);
          return listed.getByText('第00001件').isVisible();
        },
        { timeout: 20_000, interval: 200 },
      )
      .toBe(true);
    const firstId = (await app.call('materials.list', { indicatorId: leaf.id }))[0].id;

    const grip = (await rows.first().locator('.tz-drag-handle').boundingBox())!;
    const list = (await holder.boundingBox())!;
    await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
    await page.mouse.down();
    await page.mouse.move(list.x + 300, list.y + list.height - 6, { steps: 6 });
    // Playwright reports arriving on a row as a dragenter only; the browser's dragover comes with one more move.
    await page.mouse.move(list.x + 300, list.y + list.height - 8);
    // The wheel does nothing during a drag: resting at the edge is how a far place is reached.
    await expect.poll(() => holder.evaluate((el) => el.scrollTop), { timeout: 20_000 }).toBeGreaterThan(2_000);
    await page.mouse.up();
    await expect
      .poll(
        async () => (await app.call('materials.list', { indicatorId: leaf.id })).findIndex((m) => m.id === firstId),
        {
          timeout: 20_000,
        },
      )
      .toBeGreaterThan(20);
    expect(await rows.count()).toBeLessThan(100);
    expect(app.pageErrors).toEqual([]);
  });
});
