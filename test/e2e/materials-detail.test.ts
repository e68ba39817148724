import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptedPdf, pdf, photo } from '../fixtures/evidence-files';
import { startWithSample, type SampleApp } from './harness';

/**
 * The detail pane of one item as a reviewer uses it: 待归类 and 回收站 counts, comments and
 * history, a photo's caption, page previews and per-file actions, and an encrypted PDF's password.
 */
describe('material details in the UI', () => {
  let app: SampleApp;
  let src: string;

  const write = (name: string, bytes: Buffer) => {
    const file = path.join(src, name);
    fs.writeFileSync(file, bytes);
    return file;
  };
  const node = (label: string) => app.page.locator('.tz-fixed-nodes .tz-node', { hasText: label });
  /** Waits (as long as a click would) until the left pane shows this count beside 待归类 or 回收站. */
  const countShown = (label: string, count: number) =>
    node(label)
      .locator('.tz-node-count', { hasText: new RegExp(`^\\(${count}\\)$`) })
      .waitFor();
  // The core renders pages and checks files on two cores shared with the browser: give the UI time.
  const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 15_000 });
  const row = (title: string) => app.page.locator('.tz-material-list .ant-table-row', { hasText: title });
  const detail = () => app.page.locator('.tz-material-detail');
  const inbox = () => app.call('materials.list', { inbox: true });
  const byTitle = async (title: string) => (await inbox()).find((m) => m.title === title)!;

  /** Uploads through the centre pane's 添加材料 and returns the open 添加结果 dialog. */
  const upload = async (files: string[]) => {
    await app.page.locator('.tz-pane-centre input[type=file]:not([webkitdirectory])').setInputFiles(files);
    const report = app.page.getByRole('dialog', { name: '添加结果' });
    await report.waitFor();
    return report;
  };

  beforeAll(async () => {
    app = await startWithSample();
    src = path.join(app.workDir, '微信 收到的文件');
    fs.mkdirSync(src);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('counts the items in 待归类 and 回收站', async () => {
    const { page } = app;
    await page.goto(app.bridge.url);
    await countShown('待归类', 0);
    await node('待归类').click();
    const report = await upload([
      write('志愿服务合影.jpg', await photo({ width: 1200, height: 900, seed: 21 })),
      write('签到现场.jpg', await photo({ width: 900, height: 1200, seed: 22 })),
      write('宣传栏.jpg', await photo({ seed: 23 })),
      write('创建工作推进会会议记录.pdf', await pdf(3)),
    ]);
    await expect(report.textContent()).resolves.toContain('已添加 4 件');
    await report.getByRole('button', { name: '知道了' }).click();
    await countShown('待归类', 4);

    await row('宣传栏').click();
    await detail().getByRole('button', { name: '删除' }).click();
    await page.getByText('已移到回收站').waitFor();
    await countShown('待归类', 3);
    await countShown('回收站', 1);
    expect(app.pageErrors).toEqual([]);
  });

  it('posts a comment and shows it in the item history with who did what', async () => {
    await row('创建工作推进会会议记录').click();
    const history = detail().locator('.tz-history');
    await poll(() => history.textContent()).toContain('添加了文件《创建工作推进会会议记录.pdf》');
    await history.getByRole('textbox', { name: '意见内容' }).fill('请补充参会人员签到表');
    await history.getByRole('button', { name: '发表意见' }).click();
    const comment = history.locator('.tz-history-comment');
    await poll(() => comment.first().textContent()).toContain('发表意见：请补充参会人员签到表');
    await expect(comment.first().textContent()).resolves.toContain('李会计');
    await expect(history.getByRole('textbox', { name: '意见内容' }).inputValue()).resolves.toBe('');
    await app.screenshot('material-history.png');
    expect(app.pageErrors).toEqual([]);
  });

  it('saves a photo caption with the rest of the description', async () => {
    await row('志愿服务合影').click();
    const pane = detail();
    await pane.getByRole('textbox', { name: '照片地点' }).fill('XX社区新时代文明实践站');
    await pane.getByRole('textbox', { name: '照片人物' }).fill('街道党工委书记张三（左二）');
    await pane.getByRole('textbox', { name: '备注' }).fill('第一批');
    await pane.getByRole('button', { name: '保存' }).click();
    await app.page.getByText('已保存').waitFor();
    await app.screenshot('material-caption.png');
    const { id } = await byTitle('志愿服务合影');
    const saved = await app.call('materials.get', { id });
    expect(saved.caption).toEqual({
      time: '',
      place: 'XX社区新时代文明实践站',
      people: '街道党工委书记张三（左二）',
      subject: '',
    });
    expect(saved.note).toBe('第一批');
    await poll(() => pane.locator('.tz-history').textContent()).toContain('照片说明');
    // A PDF is not a photo: no caption to fill in.
    await row('创建工作推进会会议记录').click();
    await expect(detail().getByRole('textbox', { name: '照片地点' }).count()).resolves.toBe(0);
  });

  it('shows every page of a PDF and opens one large, with 上一页 / 下一页', async () => {
    const { page } = app;
    await row('创建工作推进会会议记录').click();
    const tiles = detail().locator('.tz-page-strip .tz-page-tile');
    await poll(() => tiles.count()).toBe(3);
    await poll(() => tiles.locator('img').count()).toBe(3);
    await app.screenshot('material-pages.png');
    await tiles.nth(1).click();
    const preview = page.getByRole('dialog', { name: /第 2 \/ 3 页/ });
    await preview.locator('img.tz-page-preview-img').waitFor();
    await preview.getByRole('button', { name: '下一页' }).click();
    await page
      .getByRole('dialog', { name: /第 3 \/ 3 页/ })
      .locator('img.tz-page-preview-img')
      .waitFor();
    await expect(page.getByRole('button', { name: '下一页' }).isDisabled()).resolves.toBe(true);
    await app.screenshot('material-page-preview.png');
    await page.locator('.tz-page-preview-footer').getByRole('button', { name: '关闭' }).click();
    await page.locator('.tz-page-preview').waitFor({ state: 'hidden' });
    expect(app.pageErrors).toEqual([]);
  });

  it('turns, reorders and splits the files of an item', async () => {
    const { page } = app;
    const first = await byTitle('志愿服务合影');
    const second = await byTitle('签到现场');
    await app.call('materials.merge', { ids: [first.id, second.id] });
    // The merge went around the UI, which only hears of adds: show the list again.
    await page.reload();
    await node('待归类').click();
    await row('志愿服务合影').click();
    const files = detail().getByRole('list', { name: '文件', exact: true }).getByRole('listitem');
    await poll(() => files.count()).toBe(2);

    await files.nth(0).getByRole('button', { name: '向右转' }).click();
    await poll(() => files.nth(0).textContent()).toContain('已旋转 90°');
    await files.nth(0).getByRole('button', { name: '下移' }).click();
    await poll(() => files.nth(0).textContent()).toContain('签到现场.jpg');
    await app.screenshot('material-files.png');
    const merged = await app.call('materials.get', { id: first.id });
    expect(merged.files.map((f) => [f.originalName, f.rotation])).toEqual([
      ['签到现场.jpg', 0],
      ['志愿服务合影.jpg', 90],
    ]);

    await files.nth(1).getByRole('button', { name: '拆分' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '拆分' }).click();
    await page.getByText('已把《志愿服务合影.jpg》拆成单独的一件').waitFor();
    await poll(async () => (await inbox()).map((m) => m.files.length)).toEqual([1, 1, 1]);
    await countShown('待归类', 3);
    expect(app.pageErrors).toEqual([]);
  });

  it('asks for the password of an encrypted PDF and adds it once the password is right', async () => {
    const report = await upload([write('加密的会议纪要.pdf', await encryptedPdf('tz2026'))]);
    await expect(report.textContent()).resolves.toContain('1 个文件未能添加');
    const password = report.getByLabel('《加密的会议纪要.pdf》的密码');

    await password.fill('wrong');
    await report.getByRole('button', { name: '解密并添加' }).click();
    // The row now says the password was wrong (no longer only that the file is encrypted) and stays.
    await poll(() => report.textContent()).toContain('密码不正确');
    await expect(password.inputValue()).resolves.toBe('');
    await app.screenshot('material-password-wrong.png');

    await password.fill('tz2026');
    await report.getByRole('button', { name: '解密并添加' }).click();
    await poll(() => report.locator('.ant-result-title').textContent()).toBe('已添加 1 件');
    await expect(report.textContent()).resolves.toMatch(/加密的会议纪要.*已添加/);
    await app.screenshot('material-password.png');
    await report.getByRole('button', { name: '知道了' }).click();
    await countShown('待归类', 4);
    expect(app.pageErrors).toEqual([]);
  });
});
