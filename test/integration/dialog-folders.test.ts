import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Host } from '../../electron/core/context';
import { AppSettingsStore, dialogPurpose } from '../../electron/core/settings/app-settings';
import { testCore } from '../helpers/core-client';
import { tempDir } from '../helpers/temp-dir';

/**
 * File dialogs start where the last one of their kind was used, remembered in the app
 * settings (the Electron dialogs themselves cannot run here: they get `defaultFolder` from
 * this and are only type-checked).
 */
describe('file dialogs remember their folder', () => {
  it('starts each kind of dialog in the folder the last one of that kind ended in', async () => {
    const work = tempDir();
    const projects = path.join(work, '台账资料');
    const tables = path.join(work, '市里下发 表格');
    const volumes = path.join(work, '案卷 PDF');
    for (const d of [projects, tables, volumes]) fs.mkdirSync(d, { recursive: true });

    const seen: Array<[string, string | undefined]> = [];
    const answers: Record<string, string | null> = {
      folder: path.join(projects, '2026年创文'),
      open: path.join(tables, '测评体系.xlsx'),
      save: path.join(volumes, '第1卷.pdf'),
    };
    const host: Host = {
      nativeDialogs: true,
      pickFolder: (_title, defaultFolder) => {
        seen.push(['folder', defaultFolder]);
        return Promise.resolve(answers.folder ?? null);
      },
      pickFile: ({ defaultFolder }) => {
        seen.push(['open', defaultFolder]);
        return Promise.resolve(answers.open ?? null);
      },
      saveFile: ({ defaultFolder }) => {
        seen.push(['save', defaultFolder]);
        return Promise.resolve(answers.save ?? null);
      },
    };
    const { core, call } = testCore('李会计', host);
    const excel = [{ name: 'Excel 表格', extensions: ['xlsx', 'xls'] }];
    const pdf = [{ name: 'PDF', extensions: ['pdf'] }];

    // First time: nothing remembered, the host chooses.
    await call('dialog.pickFolder', { title: '选择项目文件夹' });
    await call('dialog.pickFile', { filters: excel });
    await call('dialog.saveFile', { defaultName: '第1卷.pdf', filters: pdf });
    expect(seen.splice(0)).toEqual([
      ['folder', undefined],
      ['open', undefined],
      ['save', undefined],
    ]);

    // Next time each starts where its kind was last used: a project folder's parent, a file's folder.
    await call('dialog.pickFolder', {});
    await call('dialog.pickFile', { filters: excel });
    await call('dialog.saveFile', { defaultName: '第2卷.pdf', filters: pdf });
    // Another kind of file (a people list saved as .xlsx) does not inherit the PDF folder.
    await call('dialog.saveFile', { defaultName: '人员名单.xlsx', filters: excel });
    expect(seen.splice(0)).toEqual([
      ['folder', projects],
      ['open', tables],
      ['save', volumes],
      ['save', undefined],
    ]);

    // Cancelling keeps what was remembered; so does restarting (it is in settings.json).
    answers.open = null;
    await call('dialog.pickFile', { filters: excel });
    const again = new AppSettingsStore(core.context.dataDir);
    expect(again.dialogFolder(dialogPurpose('open', excel))).toBe(tables);

    // A remembered folder that is gone (USB stick pulled) is not offered.
    fs.rmSync(tables, { recursive: true });
    await call('dialog.pickFile', { filters: excel });
    expect(seen.splice(0)).toEqual([
      ['open', tables],
      ['open', undefined],
    ]);
  });

  it('tells dialog purposes apart by kind and extensions, whatever their order or case', () => {
    expect(dialogPurpose('folder')).toBe('folder');
    expect(dialogPurpose('open', [{ extensions: ['XLSX', 'xls'] }])).toBe('open:xls,xlsx');
    expect(dialogPurpose('open', [{ extensions: ['xls'] }, { extensions: ['xlsx'] }])).toBe('open:xls,xlsx');
    expect(dialogPurpose('save', [{ extensions: ['pdf'] }])).toBe('save:pdf');
    expect(dialogPurpose('save')).toBe('save:*');
  });
});
