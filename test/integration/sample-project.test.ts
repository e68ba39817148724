import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testCore } from '../helpers/core-client';
import { tempDir } from '../helpers/temp-dir';

// 打开示例项目 on the start screen: the sample is made once in 文档\台账通示例 and reopened after.
describe('projects.openSample', () => {
  const documents = path.join(tempDir(), '文档');
  const { call, fail } = testCore('李会计', { nativeDialogs: false, documentsDir: documents });
  const projectDir = path.join(documents, '台账通示例', '示例项目');

  it('makes the sample project with the sample system and linked materials, and opens it', async () => {
    const info = await call('projects.openSample', {});
    expect(info.created).toBe(true);
    expect(info.dir).toBe(projectDir);
    expect(info.name).toBe('示例街道办事处');
    expect(info.counts.systems).toBe(1);
    expect(info.counts.materials).toBeGreaterThanOrEqual(10);
    expect(await call('projects.current', {})).toMatchObject({ dir: projectDir, readOnly: false });
    // The originals sit beside it, for practising 添加材料.
    expect(fs.readdirSync(info.sourcesDir)).toContain('道德讲堂现场照片.jpg');
    // Evidence is linked: the gap check finds indicators that are complete and many that are not.
    const [system] = await call('systems.list', {});
    const gaps = await call('gaps.check', { systemId: system!.id });
    const complete = gaps.indicators.filter((n) => n.status === 'complete');
    expect(complete.length).toBeGreaterThan(0);
    expect(gaps.indicators.length).toBeGreaterThan(complete.length);
    expect((await call('projects.recent', {}))[0]).toMatchObject({ dir: projectDir, exists: true });
  }, 60_000);

  it('reopens the same sample afterwards, with what the user did in it', async () => {
    const [first] = await call('materials.list', { inbox: false });
    await call('materials.update', { ids: [first!.id], patch: { note: '练习时写的备注' } });
    await call('projects.close', {});
    const again = await call('projects.openSample', {});
    expect(again.created).toBe(false);
    expect((await call('materials.get', { id: first!.id })).note).toBe('练习时写的备注');
  });

  it('never replaces a folder of the same name that is not the sample', async () => {
    await call('projects.close', {});
    fs.rmSync(projectDir, { recursive: true });
    fs.mkdirSync(projectDir);
    fs.writeFileSync(path.join(projectDir, '我的文件.docx'), 'mine');
    const error = await fail('projects.openSample', {});
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(projectDir);
    expect(fs.readdirSync(projectDir)).toEqual(['我的文件.docx']);
  });
});
