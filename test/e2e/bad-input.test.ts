import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptedPdf, pdf, photo } from '../fixtures/evidence-files';
import { startWithSample, type SampleApp } from './harness';

/**
 * The bad-input journey: a folder from a colleague holds good files and the broken ones offices
 * send — a PDF cut off in the middle of its download, one locked with a password, an empty
 * file, and a "photo" that is really a PDF. Added whole, the good ones go in; 添加结果 names
 * each bad file with what is wrong in Chinese, and the locked one can be opened there with
 * its password.
 */
describe('a folder with broken files, through 添加文件夹', () => {
  let app: SampleApp;
  let folder: string;

  const report = () => app.page.getByRole('dialog', { name: '添加结果' });
  /** The report's row for a file, by its name as the report shows it. */
  const row = (name: string) => report().locator('.ant-table-row', { hasText: name });
  const countShown = (label: string, count: number) =>
    app.page
      .locator('.tz-fixed-nodes .tz-node', { hasText: label })
      .locator('.tz-node-count', { hasText: new RegExp(`^\\(${count}\\)$`) })
      .waitFor({ timeout: 15_000 });

  beforeAll(async () => {
    app = await startWithSample();
    folder = path.join(app.workDir, '微信 收到的文件', '社区交来的材料');
    fs.mkdirSync(folder, { recursive: true });
    const write = (name: string, bytes: Buffer) => fs.writeFileSync(path.join(folder, name), bytes);
    write('创建工作会议记录.pdf', await pdf(2));
    write('志愿服务合影.jpg', await photo({ seed: 51, width: 1200, height: 900 }));
    // Cut off half-way, as an interrupted download leaves it: no cross-reference table, no end.
    const whole = await pdf(3);
    write('损坏的通知.pdf', whole.subarray(0, Math.floor(whole.length / 2)));
    write('加密的工作方案.pdf', await encryptedPdf('tz2026', 2));
    write('空文件.docx', Buffer.alloc(0));
    // A chat app renamed a scan: the name says photo, the bytes say PDF.
    write('扫描件.jpg', await pdf(1));
  });

  afterAll(async () => {
    await app?.close();
  });

  it('adds the good files, names each bad one with what to do, and opens the encrypted one with its password', async () => {
    const { page } = app;
    await page.goto(app.bridge.url);
    await page.locator('.tz-fixed-nodes .tz-node', { hasText: '待归类' }).click();
    await page.locator('.tz-pane-centre input[webkitdirectory]').setInputFiles(folder);

    await report().waitFor({ timeout: 30_000 });
    const title = report().locator('.ant-result-title');
    await expect.poll(() => title.textContent(), { timeout: 30_000 }).toBe('已添加 3 件，3 个文件未能添加');
    await expect(report().textContent()).resolves.toContain('未能添加的文件不影响其他文件');

    // The good ones, and the renamed scan (read by its bytes, added as the PDF it is).
    for (const name of ['创建工作会议记录', '志愿服务合影', '扫描件'])
      await expect(row(name).locator('.ant-tag').textContent()).resolves.toBe('已添加');
    await expect(row('扫描件').textContent()).resolves.toContain('1 页');

    // Each bad one by name, with what is wrong and what to do, in Chinese.
    const messages: Record<string, string> = {};
    for (const name of ['损坏的通知.pdf', '加密的工作方案.pdf', '空文件.docx']) {
      await expect(row(name).locator('.ant-tag').textContent()).resolves.toBe('失败');
      messages[name] = (await row(name).locator('td').nth(2).textContent())!;
    }
    console.log(`bad input: messages shown: ${JSON.stringify(messages, null, 1)}`);
    for (const text of Object.values(messages)) {
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      // No codes, stack traces or English error text.
      expect(text).not.toMatch(/Error|ENOENT|EACCES|undefined|at \w+ \(|[A-Z_]{6,}/);
    }
    expect(messages['损坏的通知.pdf']).toBe(
      'PDF《损坏的通知.pdf》已损坏或不完整，无法打开。请重新下载或重新扫描这份文件。',
    );
    expect(messages['空文件.docx']).toBe('《空文件.docx》是空文件（0 字节），没有内容可添加。请找到原件重新复制。');
    // The password box is right under it; the command line's --password hint is the CLI's to give.
    expect(messages['加密的工作方案.pdf']).toContain(
      'PDF《加密的工作方案.pdf》设有打开密码，输入密码后才能添加；原文件不会被改动。',
    );
    expect(messages['加密的工作方案.pdf']).not.toContain('--password');

    // Only the encrypted one offers a password box.
    const password = report().getByLabel('《加密的工作方案.pdf》的密码');
    await password.waitFor();
    await expect(report().getByPlaceholder('打开文件的密码').count()).resolves.toBe(1);
    await app.screenshot('bad-input-report.png');

    await password.fill('tz2026');
    await report().getByRole('button', { name: '解密并添加' }).click();
    await expect.poll(() => title.textContent(), { timeout: 30_000 }).toBe('已添加 4 件，2 个文件未能添加');
    await expect.poll(() => row('加密的工作方案').locator('.ant-tag').textContent()).toBe('已添加');
    await expect(report().getByPlaceholder('打开文件的密码').count()).resolves.toBe(0);
    await app.screenshot('bad-input-decrypted.png');
    await report().getByRole('button', { name: '知道了' }).click();
    await report().waitFor({ state: 'hidden' });

    // What the project holds: the four added, in 待归类, the scan as a PDF.
    await countShown('待归类', 4);
    const inbox = await app.call('materials.list', { inbox: true });
    expect(inbox.map((m) => m.files[0]!.originalName).sort()).toEqual(
      ['创建工作会议记录.pdf', '加密的工作方案.pdf', '志愿服务合影.jpg', '扫描件.jpg'].sort(),
    );
    const scan = inbox.find((m) => m.files[0]!.originalName === '扫描件.jpg')!;
    expect(scan.files[0]).toMatchObject({ mime: 'application/pdf', pageCount: 1 });
    const decrypted = inbox.find((m) => m.files[0]!.originalName === '加密的工作方案.pdf')!;
    expect(decrypted.files[0]!.pageCount).toBe(2);
    expect(app.pageErrors, app.pageErrors.join('\n')).toEqual([]);
  }, 120_000);
});
