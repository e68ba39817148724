import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandBranch, opened, openIndicator, startWithSample, type SampleApp } from './harness';

/**
 * The project folder is on a USB stick that is pulled out while the project is open, then
 * plugged back in; later the folder is moved and found again from the recent list. (Linux keeps
 * the open database working after a rename; the core checks the folder before each call, which
 * is what answers here, as SQLITE_IOERR would on Windows.)
 */
describe('project folder unavailable', () => {
  let app: SampleApp;

  beforeAll(async () => {
    app = await startWithSample({ folder: 'U盘 2026年台账' });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows one dialog when the folder goes away, and 重新连接 works once it is back', async () => {
    const { page, projectDir } = app;
    await page.goto(app.bridge.url);
    const topBar = page.locator('header.tz-topbar');
    await topBar.getByText('XX街道办事处').waitFor();
    const indicator = app.indicators.find((n) => n.level === 3)!;
    const sibling = app.indicators.find((n) => n.level === 3 && n.parentId === indicator.parentId && n !== indicator)!;

    // The window has loaded everything it shows (the tree of indicators) while the stick was in.
    const parent = app.indicators.find((n) => n.id === indicator.parentId)!;
    await expandBranch(page, parent.title);
    const tree = page.getByRole('tree', { name: '指标树' });
    await tree.getByText(indicator.title, { exact: true }).waitFor();

    const away = `${projectDir} (已拔出)`;
    fs.renameSync(projectDir, away);
    await tree.getByText(indicator.title, { exact: true }).click();

    const dialog = page.getByRole('dialog', { name: '无法访问项目文件夹' });
    await opened(dialog);
    const text = await dialog.textContent();
    expect(text).toContain(`无法访问项目文件夹《${projectDir}》：U盘可能已拔出，或文件夹已被移动、改名。`);
    expect(text).toContain('台账通每次修改都会立即保存');
    // Several calls failed (the list, its counts …) but there is one dialog and no toast.
    await expect(page.getByRole('dialog', { name: '无法访问项目文件夹' }).count()).resolves.toBe(1);
    await expect(page.locator('.ant-message-notice').count()).resolves.toBe(0);
    await app.screenshot('project-unavailable.png');

    // Still away: the dialog stays and says why.
    await dialog.getByRole('button', { name: '重新连接' }).click();
    await dialog.getByText(/还是无法打开：找不到文件夹《.*》/).waitFor();

    fs.renameSync(away, projectDir);
    await dialog.getByRole('button', { name: '重新连接' }).click();
    await dialog.waitFor({ state: 'detached' });
    await topBar.getByText('XX街道办事处').waitFor();
    await expect(app.call('projects.current', {})).resolves.toMatchObject({ dir: projectDir, readOnly: false });
    // The project works again: its indicators open.
    await openIndicator(app, sibling);
    await page.locator('.tz-pane-centre').getByText('这个指标下还没有材料').waitFor();
    await expect(app.call('materials.list', { indicatorId: sibling.id })).resolves.toEqual([]);
  });

  it('finds a moved recent project again with 重新查找… and replaces the old entry', async () => {
    const { page, projectDir } = app;
    await app.call('projects.close', {});
    const moved = path.join(path.dirname(projectDir), '移动后的 台账');
    fs.renameSync(projectDir, moved);
    await page.reload();

    const missing = page.locator('.tz-recent-item-missing');
    await missing.waitFor();
    await expect(missing.textContent()).resolves.toContain('找不到（可能已移动或U盘未插入）');
    await missing.getByRole('button', { name: '重新查找…' }).click();

    // The browser has no folder dialog: the new place is typed in.
    const dialog = page.getByRole('dialog', { name: '重新查找项目' });
    await opened(dialog);
    await dialog.getByLabel('项目文件夹现在的位置').fill(moved);
    await dialog.getByRole('button', { name: '打开' }).click();
    await page.locator('header.tz-topbar').getByText('XX街道办事处').waitFor();
    await expect(app.call('projects.current', {})).resolves.toMatchObject({ dir: moved });
    await expect(app.call('projects.recent', {})).resolves.toMatchObject([{ dir: moved, exists: true }]);
    expect(app.pageErrors).toEqual([]);
  });
});
