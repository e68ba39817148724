import fs from 'node:fs';
import path from 'node:path';
import type { JSHandle, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorNode } from '../../shared/systems/api-types';
import { pdf, photo } from '../fixtures/evidence-files';
import { openIndicator, startWithSample, type SampleApp } from './harness';

/**
 * Putting an indicator's items in binding order (dragging a row, or 上移 / 下移), and adding
 * files by dropping them from Explorer onto an indicator in the tree or onto 待归类.
 */
describe('item order and drops on the tree', () => {
  let app: SampleApp;
  let leaf: IndicatorNode;
  /** Another indicator under the same branch, visible once the branch is open. */
  let sibling: IndicatorNode;

  const rows = () => app.page.locator('.tz-material-list .ant-table-row');
  /** The ids of the rows as the list shows them, top to bottom. */
  const shown = () => rows().evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-row-key'))));
  const stored = async (indicatorId: number) => (await app.call('materials.list', { indicatorId })).map((m) => m.id);
  const handle = (n: number) => rows().nth(n).locator('.tz-drag-handle');
  const orderButton = (name: string) => app.page.locator('.tz-order-buttons').getByRole('button', { name });
  const tree = () => app.page.getByRole('tree', { name: '指标树' });
  /** Shows the leaf's items. */
  const openLeaf = () => openIndicator(app, leaf);

  /** Files as Explorer hands them to the page: a DataTransfer holding File objects. */
  const filesToDrop = async (files: { name: string; type: string; bytes: Buffer }[]): Promise<JSHandle<DataTransfer>> =>
    app.page.evaluateHandle(
      (list) => {
        const transfer = new DataTransfer();
        for (const f of list) {
          const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
          transfer.items.add(new File([bytes], f.name, { type: f.type }));
        }
        return transfer;
      },
      files.map((f) => ({ name: f.name, type: f.type, base64: f.bytes.toString('base64') })),
    );

  /** Sends `target` the events a drag from Explorer would, at its middle (where the pointer would be). */
  const dragFiles = async (target: Locator, files: JSHandle<DataTransfer>, ...types: string[]) => {
    const box = (await target.boundingBox())!;
    const at = { clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 };
    for (const type of types) await target.dispatchEvent(type, { dataTransfer: files, ...at });
  };

  beforeAll(async () => {
    app = await startWithSample({ name: '文明办' });
    const { indicators } = app;
    leaf = indicators.find((n) => n.level === 3)!;
    sibling = indicators.find((n) => n.parentId === leaf.parentId && n.id !== leaf.id)!;
    const src = path.join(app.workDir, '三张 照片');
    fs.mkdirSync(src);
    for (const [i, name] of ['一 动员会.jpg', '二 志愿服务.jpg', '三 表彰会.jpg'].entries()) {
      fs.writeFileSync(path.join(src, name), await photo({ seed: 40 + i }));
    }
    const { jobId } = await app.call('materials.add', { paths: [src], indicatorIds: [leaf.id] });
    await expect(app.core.context.jobs.settled(jobId)).resolves.toMatchObject({ status: 'done' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('drags the third row above the first, and the core keeps that order', async () => {
    const { page } = app;
    await page.goto(app.bridge.url);
    await openLeaf();
    await expect.poll(() => rows().count()).toBe(3);
    const [a, b, c] = await stored(leaf.id);
    await expect.poll(shown).toEqual([a, b, c]);

    // Held over the upper half of the first row, a line above that row shows where it will land.
    const from = (await handle(2).boundingBox())!;
    const to = (await rows().nth(0).boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + 300, to.y + 4, { steps: 8 });
    await page.locator('.tz-material-list .tz-drop-before').waitFor();
    await app.screenshot('materials-order-dragging.png');
    await page.mouse.up();
    await expect.poll(shown).toEqual([c, a, b]);
    await expect.poll(() => stored(leaf.id)).toEqual([c, a, b]);
    // Still so after the list is fetched again.
    await page.reload();
    await openLeaf();
    await expect.poll(shown).toEqual([c, a, b]);
    await app.screenshot('materials-order.png');
    expect(app.pageErrors).toEqual([]);
  });

  it('moves the selected item with 下移 / 上移, and not while the list is sorted by a column', async () => {
    const { page } = app;
    const [c, a, b] = await stored(leaf.id);
    await rows().nth(0).locator('.tz-material-title').click();
    await expect(orderButton('上移').isDisabled()).resolves.toBe(true);
    await orderButton('下移').click();
    await expect.poll(shown).toEqual([a, c, b]);
    await expect.poll(() => stored(leaf.id)).toEqual([a, c, b]);
    await orderButton('上移').click();
    await expect.poll(() => stored(leaf.id)).toEqual([c, a, b]);

    // In a sorted view a place in the list is not a place in the binding order.
    await page.locator('.tz-material-list .ant-table-thead').getByText('题名').click();
    await expect.poll(() => handle(0).getAttribute('aria-disabled')).toBe('true');
    await expect(orderButton('下移').isDisabled()).resolves.toBe(true);
    await app.screenshot('materials-order-sorted.png');
    await orderButton('取消排序').click();
    await expect.poll(() => handle(0).getAttribute('aria-disabled')).toBe('false');
    await expect.poll(shown).toEqual([c, a, b]);
    expect(app.pageErrors).toEqual([]);
  });

  it('adds two files dropped on an indicator in the tree, linked to it, and shows the report', async () => {
    const { page } = app;
    const target = tree().getByText(sibling.title, { exact: true });
    const files = await filesToDrop([
      { name: '垃圾分类宣传活动.jpg', type: 'image/jpeg', bytes: await photo({ seed: 50 }) },
      { name: '志愿服务活动方案.pdf', type: 'application/pdf', bytes: await pdf(2) },
    ]);
    await dragFiles(target, files, 'dragenter', 'dragover');
    // The indicator the files will go to is marked while they hover over it.
    await page.locator(`.tz-ind-drop`, { hasText: sibling.title }).waitFor();
    await app.screenshot('tree-drop-hover.png');
    await dragFiles(target, files, 'drop');
    await expect.poll(() => page.locator('.tz-ind-drop').count()).toBe(0);

    const report = page.getByRole('dialog', { name: '添加结果' });
    await report.waitFor();
    await expect(report.textContent()).resolves.toContain('已添加 2 件');
    await app.screenshot('tree-drop-report.png');
    await report.getByRole('button', { name: '知道了' }).click();
    await report.waitFor({ state: 'hidden' });
    const linked = await app.call('materials.list', { indicatorId: sibling.id });
    expect(linked.map((m) => m.title).sort()).toEqual(['垃圾分类宣传活动', '志愿服务活动方案'].sort());
    // The list on screen (still the first indicator) is unchanged.
    await expect.poll(() => rows().count()).toBe(3);
    expect(app.pageErrors).toEqual([]);
  });

  it('adds a file dropped on 待归类 without linking it', async () => {
    const { page } = app;
    const inbox = page.locator('.tz-fixed-nodes .tz-node', { hasText: '待归类' });
    const files = await filesToDrop([{ name: '未分类的通知.pdf', type: 'application/pdf', bytes: await pdf(1) }]);
    await dragFiles(inbox, files, 'dragenter', 'dragover');
    await expect.poll(() => inbox.getAttribute('class')).toContain('tz-node-drop');
    await dragFiles(inbox, files, 'drop');
    const report = page.getByRole('dialog', { name: '添加结果' });
    await report.waitFor();
    await expect(report.textContent()).resolves.toContain('已添加 1 件');
    await report.getByRole('button', { name: '知道了' }).click();
    const unsorted = await app.call('materials.list', { inbox: true });
    expect(unsorted.map((m) => m.title)).toEqual(['未分类的通知']);
    await inbox.locator('.tz-node-count', { hasText: '(1)' }).waitFor();
    expect(app.pageErrors).toEqual([]);
  });
});
